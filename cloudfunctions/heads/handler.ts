/** `heads`: training sign-in, heads' assessment, rewards and replacement (issue 12 §3; weights: `settings`). Thin: validate → the service (which authorises) → envelope. */
import * as api from '../../core/assessment/api';
import { createHeadsService } from '../../core/assessment/service';
import type { ApiOf } from '../../core/shared/router';
import { serviceHandler } from '../_shared/router';

export const createHeadsHandler = serviceHandler('heads', createHeadsService, {
  // The station's head
  myTraining: api.myTrainingInput,
  signIn: api.signInInput,
  mine: api.mineInput,
  // Operator staff
  openSession: api.openSessionInput,
  sessions: api.sessionsInput,
  // Officials (decisions: the county)
  list: api.listInput,
  reward: api.rewardInput,
  reserve: api.reserveInput,
  replace: api.replaceInput,
});

/** What each action takes and answers; the app's `heads` client is typed by it. */
export type HeadsApi = ApiOf<ReturnType<typeof createHeadsHandler>>;
