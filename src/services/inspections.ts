/** Operators' visits (issue 12 §2) in the `inspections` function: record, a station's history, who is behind, rectification from failed items. */
import type { InspectionsApi } from '../../cloudfunctions/inspections/handler';
import { client, type Input } from './transport';

export type { DuesView, StationVisitsView, VisitView } from '@core/inspection/api';

const call = client<InspectionsApi>('inspections');

export const inspections = {
  record: (input: Input<InspectionsApi, 'record'>) => call('record', input, { write: true }),
  station: (input: Input<InspectionsApi, 'station'>) => call('station', input),
  dues: (input: Input<InspectionsApi, 'dues'> = {}) => call('dues', input),
  toRectification: (input: Input<InspectionsApi, 'toRectification'>) => call('toRectification', input, { write: true }),
};
