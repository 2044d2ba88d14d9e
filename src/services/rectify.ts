/**
 * 站点整改 client (the `upkeep` function's rectification actions): officials' idle candidates and
 * orders, the station's answer. Typed by `UpkeepApi`.
 */
import type { UpkeepApi } from '../../cloudfunctions/upkeep/handler';
import { client, type Input, type Output } from './transport';

const call = client<UpkeepApi>('upkeep');
type In<K extends keyof UpkeepApi> = Input<UpkeepApi, K>;

export type RectificationView = Output<UpkeepApi, 'rectification'>;
export type IdleCandidate = Output<UpkeepApi, 'idleStations'>['items'][number];

export const rectify = {
  idle: (input: In<'idleStations'> = {}) => call('idleStations', input),
  issue: (input: In<'issueRectification'>) => call('issueRectification', input, { write: true }),
  list: (input: In<'rectifications'>) => call('rectifications', input),
  get: (input: In<'rectification'>) => call('rectification', input),
  forStation: (input: In<'stationRectifications'>) => call('stationRectifications', input),
  answer: (input: In<'answerRectification'>) => call('answerRectification', input, { write: true }),
  verify: (input: In<'verifyRectification'>) => call('verifyRectification', input, { write: true }),
};
