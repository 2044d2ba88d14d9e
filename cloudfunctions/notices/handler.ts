/** `notices`: public notices (公示) and real-name objections; officials publish and resolve. */
import { createNoticeService } from '../../core/notice/service';
import * as api from '../../core/recruitment/api';
import type { ApiOf } from '../../core/shared/router';
import { serviceHandler } from '../_shared/router';
import { anyone } from '../_shared/actions';

export const createNoticesHandler = serviceHandler('notices', createNoticeService, (s) => ({
  list: anyone(api.noticesInput, s.notices),
  get: anyone(api.noticeInput, s.notice),
  object: api.objectInput,
  publish: api.publishInput,
  objections: api.objectionsInput,
  resolve: api.resolveInput,
}));

/** What each action takes and answers; the app's `notices` client is typed by it. */
export type NoticesApi = ApiOf<ReturnType<typeof createNoticesHandler>>;
