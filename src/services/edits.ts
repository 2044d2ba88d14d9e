/**
 * Station edits (第十条3) in the `register` function: a head's or operator's proposal and
 * temporary closure, the officials' review queue and 信息无变化.
 */
import type { RegisterApi } from '../../cloudfunctions/register/handler';
import { client, type Input } from './transport';

export type { EditDraft, EditQueuePage, EditView } from '@core/station/edits-api';
export type { DiffLine, PublicInfo } from '@core/station/edits';

const call = client<RegisterApi>('register');

export const edits = {
  draft: (stationId: string) => call('editDraft', { stationId }),
  propose: (input: Input<RegisterApi, 'propose'>) => call('propose', input, { write: true }),
  withdraw: (id: string) => call('withdrawEdit', { id }, { write: true }),
  close: (input: Input<RegisterApi, 'closeTemporarily'>) => call('closeTemporarily', input, { write: true }),
  queue: (input: Input<RegisterApi, 'editQueue'> = {}) => call('editQueue', input),
  decide: (input: Input<RegisterApi, 'decideEdit'>) => call('decideEdit', input, { write: true }),
  confirmInfo: (stationId: string) => call('confirmInfo', { stationId }, { write: true }),
};
