/** `ratings`: scores with proof of visit. Thin: validate → the rating service (which authorises) → envelope. */
import * as api from '../../core/rating/api';
import { createRatingService } from '../../core/rating/service';
import type { ApiOf } from '../../core/shared/router';
import { serviceHandler } from '../_shared/router';
import { variants, withRequestId } from '../_shared/actions';

export const createRatingsHandler = serviceHandler('ratings', createRatingService, (s) => ({
  // Residents
  visit: api.visitInput,
  submit: withRequestId(api.submitInput, s.submit),
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
  ...variants(api.decideInput, s.decide, { publish: 'published', reject: 'rejected' }),
  trends: api.trendsInput,
}));

/** What each action takes and answers; the app's `ratings` client is typed by it. */
export type RatingsApi = ApiOf<ReturnType<typeof createRatingsHandler>>;
