/** The `upkeep` function's rectification actions (core/station/rectification-desk.ts). */
import { action } from '../../core/shared/router';
import * as r from '../../core/station/rectification-desk';

export function rectifyActions(deps: r.RectificationDeskDeps) {
  const desk = r.createRectificationDesk(deps);
  return {
    idleStations: action({ input: r.idleInput, run: (i, c) => desk.idle(c.openid, i) }),
    issueRectification: action({ input: r.issueInput, run: (i, c) => desk.issue(c.openid, i) }),
    rectifications: action({ input: r.ordersInput, run: (i, c) => desk.orders(c.openid, i) }),
    rectification: action({ input: r.orderInput, run: (i, c) => desk.order(c.openid, i) }),
    stationRectifications: action({ input: r.stationOrdersInput, run: (i, c) => desk.forStation(c.openid, i) }),
    answerRectification: action({ input: r.answerInput, run: (i, c) => desk.answer(c.openid, i) }),
    verifyRectification: action({ input: r.verifyInput, run: (i, c) => desk.verify(c.openid, i) }),
  };
}
