/** `heads`: training sign-in, heads' assessment, rewards and replacement (issue 12 §3; weights: `settings`). Thin: validate → the service (which authorises) → envelope. */
import * as api from '../../core/assessment/api';
import { createHeadsService, type HeadsDeps } from '../../core/assessment/service';
import { action, createRouter, type ApiOf, type Logger } from '../../core/shared/router';
import { rateLimited, type RateLimitDeps } from '../../core/shared/rate-limit';

export function createHeadsHandler(deps: HeadsDeps & RateLimitDeps, logger?: Logger) {
  const s = createHeadsService(deps);
  return createRouter(
    'heads',
    rateLimited('heads', {
      // The station's head
      myTraining: action({ input: api.myTrainingInput, run: (_i, c) => s.myTraining(c.openid) }),
      signIn: action({ input: api.signInInput, run: (i, c) => s.signIn(c.openid, i) }),
      mine: action({ input: api.mineInput, run: (i, c) => s.mine(c.openid, i) }),
      // Operator staff
      openSession: action({ input: api.openSessionInput, run: (i, c) => s.openSession(c.openid, i) }),
      sessions: action({ input: api.sessionsInput, run: (_i, c) => s.sessions(c.openid) }),
      // Officials (decisions: the county)
      list: action({ input: api.listInput, run: (i, c) => s.list(c.openid, i) }),
      reward: action({ input: api.rewardInput, run: (i, c) => s.reward(c.openid, i) }),
      reserve: action({ input: api.reserveInput, run: (i, c) => s.reserve(c.openid, i) }),
      replace: action({ input: api.replaceInput, run: (i, c) => s.replace(c.openid, i) }),
    }, deps),
    logger,
  );
}

/** What each action takes and answers; the app's `heads` client is typed by it. */
export type HeadsApi = ApiOf<ReturnType<typeof createHeadsHandler>>;
