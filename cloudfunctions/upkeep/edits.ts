/**
 * The `upkeep` function's station-edit actions (第十条3): heads and operator staff propose and
 * post temporary closures, officials review, 信息无变化 re-confirms.
 */
import { serviceActions } from '../../core/shared/router';
import type { RateLimitDeps } from '../../core/shared/rate-limit';
import * as api from '../../core/station/edits-api';
import { createStationEdits, type StationEditDeps } from '../../core/station/edits-service';

export type EditActionDeps = StationEditDeps & RateLimitDeps;

export function editActions(deps: EditActionDeps) {
  const edits = createStationEdits(deps);
  // Rate-limited with the rest of upkeep's actions (handler.ts).
  return serviceActions(edits, {
    editDraft: ['draft', api.editDraftInput],
    propose: api.proposeInput,
    withdrawEdit: ['withdraw', api.withdrawEditInput],
    closeTemporarily: api.closeTemporarilyInput,
    editQueue: ['queue', api.editQueueInput],
    decideEdit: ['decide', api.decideEditInput],
    confirmInfo: ['confirm', api.confirmInfoInput],
  });
}
