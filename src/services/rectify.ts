/**
 * 站点整改 client (the `register` function's rectification actions): officials' idle candidates and
 * orders, the station's answer. Typed by `RegisterApi`.
 */
import type { RegisterApi } from '../../cloudfunctions/register/handler';
import { client, type Input, type Output } from './transport';

const call = client<RegisterApi>('register');
type In<K extends keyof RegisterApi> = Input<RegisterApi, K>;

export type RectificationView = Output<RegisterApi, 'rectification'>;
export type IdleCandidate = Output<RegisterApi, 'idleStations'>['items'][number];

export const rectify = {
  idle: (input: In<'idleStations'> = {}) => call('idleStations', input),
  issue: (input: In<'issueRectification'>) => call('issueRectification', input, { write: true }),
  list: (input: In<'rectifications'>) => call('rectifications', input),
  get: (input: In<'rectification'>) => call('rectification', input),
  forStation: (input: In<'stationRectifications'>) => call('stationRectifications', input),
  answer: (input: In<'answerRectification'>) => call('answerRectification', input, { write: true }),
  verify: (input: In<'verifyRectification'>) => call('verifyRectification', input, { write: true }),
};
