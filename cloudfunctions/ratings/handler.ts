/** `ratings`: scores with proof of visit. Thin: validate → the rating service (which authorises) → envelope. */
import * as api from '../../core/rating/api';
import { createRatingService, type RatingDeps } from '../../core/rating/service';
import { action, serviceActions, type ApiOf, type Logger } from '../../core/shared/router';
import { rateLimitedRouter } from '../_shared/router';
import type { RateLimitDeps } from '../../core/shared/rate-limit';

export function createRatingsHandler(deps: RatingDeps & RateLimitDeps, logger?: Logger) {
  const s = createRatingService(deps);
  return rateLimitedRouter('ratings', deps, logger, serviceActions(s, {
    // Residents
    visit: api.visitInput,
    submit: action({ input: api.submitInput, run: (i, c, meta) => s.submit(c.openid, i, meta.requestId) }),
    mine: api.mineInput,
    report: api.reportInput,
    // Anyone (published ratings only)
    list: api.listInput,
    summary: api.summaryInput,
    // Station heads
    reply: api.replyInput,
    // Station heads, operators and officials over the station: the printable signed code
    code: api.codeInput,
    // Officials
    held: api.heldInput,
    publish: action({ input: api.decideInput, run: (i, c) => s.decide(c.openid, i, 'published') }),
    reject: action({ input: api.decideInput, run: (i, c) => s.decide(c.openid, i, 'rejected') }),
    trends: api.trendsInput,
  }));
}

/** What each action takes and answers; the app's `ratings` client is typed by it. */
export type RatingsApi = ApiOf<ReturnType<typeof createRatingsHandler>>;
