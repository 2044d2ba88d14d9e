/** `notices`: public notices (公示) and real-name objections; officials publish and resolve. */
import { createNoticeService, type NoticeDeps } from '../../core/notice/service';
import * as api from '../../core/recruitment/api';
import { action, createRouter, type ApiOf, type Logger } from '../../core/shared/router';
import { rateLimited, type RateLimitDeps } from '../../core/shared/rate-limit';

export function createNoticesHandler(deps: NoticeDeps & RateLimitDeps, logger?: Logger) {
  const s = createNoticeService(deps);
  return createRouter(
    'notices',
    rateLimited('notices', {
      list: action({ input: api.noticesInput, run: (i) => s.notices(i) }),
      get: action({ input: api.noticeInput, run: (i) => s.notice(i) }),
      object: action({ input: api.objectInput, run: (i, c) => s.object(c.openid, i) }),
      publish: action({ input: api.publishInput, run: (i, c) => s.publish(c.openid, i) }),
      objections: action({ input: api.objectionsInput, run: (i, c) => s.objections(c.openid, i) }),
      resolve: action({ input: api.resolveInput, run: (i, c) => s.resolve(c.openid, i) }),
    }, deps),
    logger,
  );
}

/** What each action takes and answers; the app's `notices` client is typed by it. */
export type NoticesApi = ApiOf<ReturnType<typeof createNoticesHandler>>;
