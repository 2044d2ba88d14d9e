/**
 * The `upkeep` function's station-edit actions (第十条3): heads and operator staff propose and
 * post temporary closures, officials review, 信息无变化 re-confirms.
 */
import { action } from '../../core/shared/router';
import type { RateLimitDeps } from '../../core/shared/rate-limit';
import * as api from '../../core/station/edits-api';
import { createStationEdits, type StationEditDeps } from '../../core/station/edits-service';

export type EditActionDeps = StationEditDeps & RateLimitDeps;

export function editActions(deps: EditActionDeps) {
  const edits = createStationEdits(deps);
  // Rate-limited with the rest of upkeep's actions (handler.ts).
  return {
      editDraft: action({ input: api.editDraftInput, run: (i, c) => edits.draft(c.openid, i) }),
      propose: action({ input: api.proposeInput, run: (i, c) => edits.propose(c.openid, i) }),
      withdrawEdit: action({ input: api.withdrawEditInput, run: (i, c) => edits.withdraw(c.openid, i) }),
      closeTemporarily: action({ input: api.closeTemporarilyInput, run: (i, c) => edits.closeTemporarily(c.openid, i) }),
      editQueue: action({ input: api.editQueueInput, run: (i, c) => edits.queue(c.openid, i) }),
      decideEdit: action({ input: api.decideEditInput, run: (i, c) => edits.decide(c.openid, i) }),
      confirmInfo: action({ input: api.confirmInfoInput, run: (i, c) => edits.confirm(c.openid, i) }),
  };
}
