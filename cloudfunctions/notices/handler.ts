/** `notices`: public notices (公示) and real-name objections; officials publish and resolve. */
import * as api from '../../core/recruitment/api';
import { createRecruitmentService, type RecruitmentDeps } from '../../core/recruitment/service';
import type { Caller } from '../../core/shared/caller';
import { action, createRouter, type Logger } from '../../core/shared/router';
import { rateLimited, type RateLimitDeps } from '../../core/shared/rate-limit';

export function createNoticesHandler(deps: RecruitmentDeps & RateLimitDeps, logger?: Logger) {
  const s = createRecruitmentService(deps);
  return createRouter<Caller>(
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
