/** `inspections`: operators' visits to their stations (issue 12 §2). Thin: validate → the service (which authorises) → envelope. */
import * as api from '../../core/inspection/api';
import { createInspectionService, type InspectionDeps } from '../../core/inspection/service';
import { action, createRouter, type ApiOf, type Logger } from '../../core/shared/router';
import { rateLimited, type RateLimitDeps } from '../../core/shared/rate-limit';

export function createInspectionsHandler(deps: InspectionDeps & RateLimitDeps, logger?: Logger) {
  const s = createInspectionService(deps);
  return createRouter(
    'inspections',
    rateLimited('inspections', {
      // Operator staff
      record: action({ input: api.recordVisitInput, run: (i, c) => s.record(c.openid, i) }),
      // Operator staff, the station's head, officials over it
      station: action({ input: api.stationVisitsInput, run: (i, c) => s.station(c.openid, i) }),
      // County, city and province officials
      dues: action({ input: api.duesInput, run: (i, c) => s.dues(c.openid, i) }),
      toRectification: action({ input: api.toRectificationInput, run: (i, c) => s.toRectification(c.openid, i) }),
    }, deps),
    logger,
  );
}

/** What each action takes and answers; the app's `inspections` client is typed by it. */
export type InspectionsApi = ApiOf<ReturnType<typeof createInspectionsHandler>>;
