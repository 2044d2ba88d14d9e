/** `inspections`: operators' visits to their stations (issue 12 §2). Thin: validate → the service (which authorises) → envelope. */
import * as api from '../../core/inspection/api';
import { createInspectionService, type InspectionDeps } from '../../core/inspection/service';
import { serviceActions, type ApiOf, type Logger } from '../../core/shared/router';
import { rateLimitedRouter } from '../_shared/router';
import type { RateLimitDeps } from '../../core/shared/rate-limit';

export function createInspectionsHandler(deps: InspectionDeps & RateLimitDeps, logger?: Logger) {
  const s = createInspectionService(deps);
  return rateLimitedRouter('inspections', deps, logger, serviceActions(s, {
    // Operator staff
    record: api.recordVisitInput,
    // Operator staff, the station's head, officials over it
    station: api.stationVisitsInput,
    // County, city and province officials
    dues: api.duesInput,
    toRectification: api.toRectificationInput,
  }));
}

/** What each action takes and answers; the app's `inspections` client is typed by it. */
export type InspectionsApi = ApiOf<ReturnType<typeof createInspectionsHandler>>;
