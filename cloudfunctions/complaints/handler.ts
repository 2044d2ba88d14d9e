/** `complaints`: the closed loop. Thin: validate → the complaint service (which authorises) → envelope. */
import * as api from '../../core/complaint/api';
import { createComplaintService, type ComplaintDeps } from '../../core/complaint/service';
import { createComplaintBatch } from '../../core/complaint/batch';
import { createFiguresDesk, type FiguresDeskDeps } from '../../core/complaint/figures-desk';
import { serviceActions, type ApiOf, type Logger } from '../../core/shared/router';
import { rateLimitedRouter } from '../_shared/router';
import { anyone, withRequestId } from '../_shared/actions';
import type { RateLimitDeps } from '../../core/shared/rate-limit';
import { createInboxService, inboxInput, inboxReadInput } from '../../core/notify/inbox';
import type { OutboxRepository } from '../../core/ports';

export function createComplaintsHandler(deps: ComplaintDeps & RateLimitDeps & Pick<FiguresDeskDeps, 'sheets' | 'documents' | 'regions'> & { outbox: Pick<OutboxRepository, 'inbox' | 'markRead'> }, logger?: Logger) {
  const s = createComplaintService(deps);
  const figures = createFiguresDesk(deps);
  const batch = createComplaintBatch(deps, s);
  const inbox = createInboxService(deps);
  return rateLimitedRouter('complaints', deps, logger, serviceActions(s, {
    // Residents
    similar: api.similarInput,
    submit: withRequestId(api.submitInput, s.submit),
    join: api.joinInput,
    claim: api.claimInput,
    mine: api.mineInput,
    get: api.getInput,
    withdraw: api.withdrawInput,
    evaluate: api.evaluateInput,
    supplement: api.supplementInput,
    recheck: api.recheckInput,
    publicStats: anyone(api.publicStatsInput, s.publicStats),
    // Station heads
    station: ['stationList', api.stationListInput],
    stationDetail: api.detailInput,
    // Officials and handlers
    queue: api.queueInput,
    // Officials' unread hand-offs (issue 11 §3); opening a case marks its items read
    ...serviceActions(inbox, { inbox: ['list', inboxInput], inboxRead: ['read', inboxReadInput] }),
    detail: api.detailInput,
    record: withRequestId(api.recordInput, s.record),
    accept: api.acceptInput,
    refuse: api.refuseInput,
    assign: api.assignInput,
    reply: api.replyInput,
    progress: api.progressInput,
    extend: api.extendInput,
    merge: api.mergeInput,
    note: api.noteInput,
    release: api.releaseInput,
    // Assignees (operator staff, station heads)
    receive: api.receiveInput,
    decline: api.declineInput,
    requestExtension: api.requestExtensionInput,
    approveExtension: api.approveExtensionInput,
    refuseExtension: api.refuseExtensionInput,
    // 督办 by hand (city, province) and the county's answer
    supervise: api.superviseInput,
    answerSupervision: api.answerSupervisionInput,
    transfer: api.transferInput,
    stats: api.statsInput,
    // Figures by handling unit (issue 11 §4): the page and its .xlsx export, one computation
    ...serviceActions(figures, { unitFigures: api.unitFiguresInput, unitFiguresExport: api.unitFiguresInput }),
    // The desk (PC): the per-case command on each selected case, with per-case results
    ...serviceActions(batch, { batchAccept: ['accept', api.batchAcceptInput], batchAssign: ['assign', api.batchAssignInput] }),
  }));
}

/** What each action takes and answers; the app's `complaints` client is typed by it. */
export type ComplaintsApi = ApiOf<ReturnType<typeof createComplaintsHandler>>;
