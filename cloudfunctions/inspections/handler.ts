/** `inspections`: operators' visits to their stations (issue 12 §2). Thin: validate → the service (which authorises) → envelope. */
import * as api from '../../core/inspection/api';
import { createInspectionService } from '../../core/inspection/service';
import type { ApiOf } from '../../core/shared/router';
import { serviceHandler } from '../_shared/router';

export const createInspectionsHandler = serviceHandler('inspections', createInspectionService, {
  // Operator staff
  record: api.recordVisitInput,
  // Operator staff, the station's head, officials over it
  station: api.stationVisitsInput,
  // County, city and province officials
  dues: api.duesInput,
  toRectification: api.toRectificationInput,
});

/** What each action takes and answers; the app's `inspections` client is typed by it. */
export type InspectionsApi = ApiOf<ReturnType<typeof createInspectionsHandler>>;
