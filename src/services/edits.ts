/**
 * Station edits (第十条3) in the `upkeep` function: a head's or operator's proposal and
 * temporary closure, the officials' review queue and 信息无变化.
 */
import type { UpkeepApi } from '../../cloudfunctions/upkeep/handler';
import { client, type Input } from './transport';

export type { EditDraft, EditQueuePage, EditView } from '@core/station/edits-api';
export type { DiffLine, PublicInfo } from '@core/station/edits';

const call = client<UpkeepApi>('upkeep');

export const edits = {
  draft: (stationId: string) => call('editDraft', { stationId }),
  propose: (input: Input<UpkeepApi, 'propose'>) => call('propose', input, { write: true }),
  withdraw: (id: string) => call('withdrawEdit', { id }, { write: true }),
  close: (input: Input<UpkeepApi, 'closeTemporarily'>) => call('closeTemporarily', input, { write: true }),
  queue: (input: Input<UpkeepApi, 'editQueue'> = {}) => call('editQueue', input),
  decide: (input: Input<UpkeepApi, 'decideEdit'>) => call('decideEdit', input, { write: true }),
  confirmInfo: (stationId: string) => call('confirmInfo', { stationId }, { write: true }),
};
