/** The `upkeep` function's rectification actions (core/station/rectification-desk.ts). */
import { serviceActions } from '../../core/shared/router';
import * as r from '../../core/station/rectification-desk';

export function rectifyActions(deps: r.RectificationDeskDeps) {
  const desk = r.createRectificationDesk(deps);
  return serviceActions(desk, {
    idleStations: ['idle', r.idleInput],
    issueRectification: ['issue', r.issueInput],
    rectifications: ['orders', r.ordersInput],
    rectification: ['order', r.orderInput],
    stationRectifications: ['forStation', r.stationOrdersInput],
    answerRectification: ['answer', r.answerInput],
    verifyRectification: ['verify', r.verifyInput],
  });
}
