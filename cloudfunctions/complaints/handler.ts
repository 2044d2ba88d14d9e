/** `complaints`: the closed loop. Thin: validate → the complaint service (which authorises) → envelope. */
import * as api from '../../core/complaint/api';
import { createComplaintService, type ComplaintDeps } from '../../core/complaint/service';
import { createComplaintBatch } from '../../core/complaint/batch';
import { createFiguresDesk, type FiguresDeskDeps } from '../../core/complaint/figures-desk';
import { action, createRouter, type ApiOf, type Logger } from '../../core/shared/router';
import { rateLimited, type RateLimitDeps } from '../../core/shared/rate-limit';
import { createInboxService, inboxInput, inboxReadInput } from '../../core/notify/inbox';
import type { OutboxRepository } from '../../core/ports';

export function createComplaintsHandler(deps: ComplaintDeps & RateLimitDeps & Pick<FiguresDeskDeps, 'sheets' | 'documents' | 'regions'> & { outbox: Pick<OutboxRepository, 'inbox' | 'markRead'> }, logger?: Logger) {
  const s = createComplaintService(deps);
  const figures = createFiguresDesk(deps);
  const batch = createComplaintBatch(deps, s);
  const inbox = createInboxService(deps);
  return createRouter(
    'complaints',
    rateLimited('complaints', {
      // Residents
      similar: action({ input: api.similarInput, run: (i, c) => s.similar(c.openid, i) }),
      submit: action({ input: api.submitInput, run: (i, c, meta) => s.submit(c.openid, i, meta.requestId) }),
      join: action({ input: api.joinInput, run: (i, c) => s.join(c.openid, i) }),
      claim: action({ input: api.claimInput, run: (i, c) => s.claim(c.openid, i) }),
      mine: action({ input: api.mineInput, run: (i, c) => s.mine(c.openid, i) }),
      get: action({ input: api.getInput, run: (i, c) => s.get(c.openid, i) }),
      withdraw: action({ input: api.withdrawInput, run: (i, c) => s.withdraw(c.openid, i) }),
      evaluate: action({ input: api.evaluateInput, run: (i, c) => s.evaluate(c.openid, i) }),
      supplement: action({ input: api.supplementInput, run: (i, c) => s.supplement(c.openid, i) }),
      recheck: action({ input: api.recheckInput, run: (i, c) => s.recheck(c.openid, i) }),
      publicStats: action({ input: api.publicStatsInput, run: (i) => s.publicStats(i) }),
      // Station heads
      station: action({ input: api.stationListInput, run: (i, c) => s.stationList(c.openid, i) }),
      stationDetail: action({ input: api.detailInput, run: (i, c) => s.stationDetail(c.openid, i) }),
      // Officials and handlers
      queue: action({ input: api.queueInput, run: (i, c) => s.queue(c.openid, i) }),
      // Officials' unread hand-offs (issue 11 §3); opening a case marks its items read
      inbox: action({ input: inboxInput, run: (_i, c) => inbox.list(c.openid) }),
      inboxRead: action({ input: inboxReadInput, run: (i, c) => inbox.read(c.openid, i) }),
      detail: action({ input: api.detailInput, run: (i, c) => s.detail(c.openid, i) }),
      record: action({ input: api.recordInput, run: (i, c, meta) => s.record(c.openid, i, meta.requestId) }),
      accept: action({ input: api.acceptInput, run: (i, c) => s.accept(c.openid, i) }),
      refuse: action({ input: api.refuseInput, run: (i, c) => s.refuse(c.openid, i) }),
      assign: action({ input: api.assignInput, run: (i, c) => s.assign(c.openid, i) }),
      reply: action({ input: api.replyInput, run: (i, c) => s.reply(c.openid, i) }),
      progress: action({ input: api.progressInput, run: (i, c) => s.progress(c.openid, i) }),
      extend: action({ input: api.extendInput, run: (i, c) => s.extend(c.openid, i) }),
      merge: action({ input: api.mergeInput, run: (i, c) => s.merge(c.openid, i) }),
      note: action({ input: api.noteInput, run: (i, c) => s.note(c.openid, i) }),
      release: action({ input: api.releaseInput, run: (i, c) => s.release(c.openid, i) }),
      // Assignees (operator staff, station heads)
      receive: action({ input: api.receiveInput, run: (i, c) => s.receive(c.openid, i) }),
      decline: action({ input: api.declineInput, run: (i, c) => s.decline(c.openid, i) }),
      requestExtension: action({ input: api.requestExtensionInput, run: (i, c) => s.requestExtension(c.openid, i) }),
      approveExtension: action({ input: api.approveExtensionInput, run: (i, c) => s.approveExtension(c.openid, i) }),
      refuseExtension: action({ input: api.refuseExtensionInput, run: (i, c) => s.refuseExtension(c.openid, i) }),
      // 督办 by hand (city, province) and the county's answer
      supervise: action({ input: api.superviseInput, run: (i, c) => s.supervise(c.openid, i) }),
      answerSupervision: action({ input: api.answerSupervisionInput, run: (i, c) => s.answerSupervision(c.openid, i) }),
      transfer: action({ input: api.transferInput, run: (i, c) => s.transfer(c.openid, i) }),
      stats: action({ input: api.statsInput, run: (i, c) => s.stats(c.openid, i) }),
      // Figures by handling unit (issue 11 §4): the page and its .xlsx export, one computation
      unitFigures: action({ input: api.unitFiguresInput, run: (i, c) => figures.unitFigures(c.openid, i) }),
      unitFiguresExport: action({ input: api.unitFiguresInput, run: (i, c) => figures.unitFiguresExport(c.openid, i) }),
      // The desk (PC): the per-case command on each selected case, with per-case results
      batchAccept: action({ input: api.batchAcceptInput, run: (i, c) => batch.accept(c.openid, i) }),
      batchAssign: action({ input: api.batchAssignInput, run: (i, c) => batch.assign(c.openid, i) }),
    }, deps),
    logger,
  );
}

/** What each action takes and answers; the app's `complaints` client is typed by it. */
export type ComplaintsApi = ApiOf<ReturnType<typeof createComplaintsHandler>>;
