/** `notices`: public notices (公示) and real-name objections; officials publish and resolve. */
import { createNoticeService, type NoticeDeps } from '../../core/notice/service';
import * as api from '../../core/recruitment/api';
import { action, serviceActions, type ApiOf, type Logger } from '../../core/shared/router';
import { rateLimitedRouter } from '../_shared/router';
import type { RateLimitDeps } from '../../core/shared/rate-limit';

export function createNoticesHandler(deps: NoticeDeps & RateLimitDeps, logger?: Logger) {
  const s = createNoticeService(deps);
  return rateLimitedRouter('notices', deps, logger, serviceActions(s, {
    list: action({ input: api.noticesInput, run: (i) => s.notices(i) }),
    get: action({ input: api.noticeInput, run: (i) => s.notice(i) }),
    object: api.objectInput,
    publish: api.publishInput,
    objections: api.objectionsInput,
    resolve: api.resolveInput,
  }));
}

/** What each action takes and answers; the app's `notices` client is typed by it. */
export type NoticesApi = ApiOf<ReturnType<typeof createNoticesHandler>>;
