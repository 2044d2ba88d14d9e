/**
 * `notices` client: public notices (公示) and real-name objections; officials publish a notice
 * for the selected candidate and resolve objections.
 */
import type * as api from '@core/recruitment/api';
import type { NoticeService } from '@core/notice/service';
import type { z } from '@core/shared/zod';
import { callFunction } from './transport';

type In<S extends z.ZodMiniType> = z.infer<S>;
type Out<K extends keyof NoticeService> = Awaited<ReturnType<NoticeService[K]>>;

export type NoticesPage = Out<'notices'>;
export type NoticeSummary = NoticesPage['items'][number];
export type NoticeDetail = Out<'notice'>;
export type ObjectInput = In<typeof api.objectInput>;
export type ObjectionReceipt = Out<'object'>;
export type ObjectionView = Out<'objections'>[number];
export type PublishInput = In<typeof api.publishInput>;
export type ResolveInput = In<typeof api.resolveInput>;

const FN = 'notices';

export const notices = {
  list: (input: In<typeof api.noticesInput> = {}) => callFunction<NoticesPage>(FN, 'list', input),
  get: (input: In<typeof api.noticeInput>) => callFunction<NoticeDetail>(FN, 'get', input),
  object: (input: ObjectInput, requestId: string) => callFunction<ObjectionReceipt>(FN, 'object', input, { requestId }),
  publish: (input: PublishInput) => callFunction<Out<'publish'>>(FN, 'publish', input, { write: true }),
  objections: (input: In<typeof api.objectionsInput>) => callFunction<ObjectionView[]>(FN, 'objections', input),
  resolve: (input: ResolveInput) => callFunction<Out<'resolve'>>(FN, 'resolve', input, { write: true }),
};
