/**
 * `notices` client: public notices (公示) and real-name objections; officials publish a notice
 * for the selected candidate and resolve objections. Typed by `NoticesApi`.
 */
import type { NoticesApi } from '../../cloudfunctions/notices/handler';
import { client, type Input, type Output } from './transport';

type In<K extends keyof NoticesApi> = Input<NoticesApi, K>;
type Out<K extends keyof NoticesApi> = Output<NoticesApi, K>;

export type NoticesPage = Out<'list'>;
export type NoticeSummary = NoticesPage['items'][number];
export type NoticeDetail = Out<'get'>;
export type ObjectInput = In<'object'>;
export type ObjectionReceipt = Out<'object'>;
export type ObjectionView = Out<'objections'>[number];
export type PublishInput = In<'publish'>;
export type ResolveInput = In<'resolve'>;

const call = client<NoticesApi>('notices');

export const notices = {
  list: (input: In<'list'> = {}) => call('list', input),
  get: (input: In<'get'>) => call('get', input),
  object: (input: ObjectInput, requestId: string) => call('object', input, { requestId }),
  publish: (input: PublishInput) => call('publish', input, { write: true }),
  objections: (input: In<'objections'>) => call('objections', input),
  resolve: (input: ResolveInput) => call('resolve', input, { write: true }),
};
