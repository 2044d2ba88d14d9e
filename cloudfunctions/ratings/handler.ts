/** `ratings`: scores with proof of visit. Thin: validate → the rating service (which authorises) → envelope. */
import * as api from '../../core/rating/api';
import { createRatingService, type RatingDeps } from '../../core/rating/service';
import { action, createRouter, type ApiOf, type Logger } from '../../core/shared/router';
import { rateLimited, type RateLimitDeps } from '../../core/shared/rate-limit';

export function createRatingsHandler(deps: RatingDeps & RateLimitDeps, logger?: Logger) {
  const s = createRatingService(deps);
  return createRouter(
    'ratings',
    rateLimited('ratings', {
      // Residents
      visit: action({ input: api.visitInput, run: (i, c) => s.visit(c.openid, i) }),
      submit: action({ input: api.submitInput, run: (i, c, meta) => s.submit(c.openid, i, meta.requestId) }),
      mine: action({ input: api.mineInput, run: (i, c) => s.mine(c.openid, i) }),
      report: action({ input: api.reportInput, run: (i, c) => s.report(c.openid, i) }),
      // Anyone (published ratings only)
      list: action({ input: api.listInput, run: (i, c) => s.list(c.openid, i) }),
      summary: action({ input: api.summaryInput, run: (i, c) => s.summary(c.openid, i) }),
      // Station heads
      reply: action({ input: api.replyInput, run: (i, c) => s.reply(c.openid, i) }),
      // Station heads, operators and officials over the station: the printable signed code
      code: action({ input: api.codeInput, run: (i, c) => s.code(c.openid, i) }),
      // Officials
      held: action({ input: api.heldInput, run: (i, c) => s.held(c.openid, i) }),
      publish: action({ input: api.decideInput, run: (i, c) => s.decide(c.openid, i, 'published') }),
      reject: action({ input: api.decideInput, run: (i, c) => s.decide(c.openid, i, 'rejected') }),
      trends: action({ input: api.trendsInput, run: (i, c) => s.trends(c.openid, i) }),
    }, deps),
    logger,
  );
}

/** What each action takes and answers; the app's `ratings` client is typed by it. */
export type RatingsApi = ApiOf<ReturnType<typeof createRatingsHandler>>;
