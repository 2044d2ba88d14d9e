/** Words of the register spreadsheet shared by the server and the app (zod-free: the app imports it). */
import type { StationStatus } from './vocabulary';

/** Status words in the sheet: one per status (the public page shows 已认定 for both certified and active). */
export const SHEET_STATUS_LABELS: Record<StationStatus, string> = {
  planned: '规划中',
  operator_review: '运营单位初审中',
  county_review: '县级审核中',
  notice: '认定公示中',
  certified: '已认定',
  active: '运营中',
  rectification: '整改中',
  closed: '已关停',
};
