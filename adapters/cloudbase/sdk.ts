/**
 * What every CloudBase adapter shares when it talks to the document database of wx-server-sdk or
 * @cloudbase/node-sdk: turning SDK failures into AppError('UNAVAILABLE'), reading a query's
 * documents, and reading a range of them in batches of at most 100 (the most one `get()` answers
 * inside a cloud function). Used by stations.ts and complaints.ts; other adapters may import it.
 *
 * Nothing here loads an SDK: the query objects come from the `db` an adapter was given.
 */
import { AppError } from '../../core/shared/errors';

/**
 * Which SDK `db` comes from. They differ in the argument of writes: wx-server-sdk takes
 * `doc(id).set({ data })` / `add({ data })` / `update({ data })`, @cloudbase/node-sdk takes the data as is.
 */
export type CloudbaseSdk = 'wx-server-sdk' | 'node-sdk';

/** Documented maximum of one `get()` in a cloud function. */
export const MAX_BATCH = 100;

/** "Every document": the count to give `fetchRange` to read until a short batch. */
export const EVERYTHING = Number.MAX_SAFE_INTEGER;

/** A stored document as read back: the stored shape plus its `_id`. */
export type WithId<T> = T & { _id: string };

/** The part of a query `fetchRange` and `getDocs` need (both SDKs' queries have it). */
export interface PageableQuery {
  skip(offset: number): PageableQuery;
  limit(max: number): PageableQuery;
  get(): unknown;
}

/** AppError('UNAVAILABLE') for clients; the SDK's answer is kept as `cause` for debugging only. */
export function unavailable(cause: unknown): AppError {
  const err = new AppError('UNAVAILABLE', '数据暂时无法读取，请稍后再试');
  // Never sent to clients: the router answers only the code and message.
  (err as Error & { cause?: unknown }).cause = cause;
  return err;
}

/** node-sdk answers a server error as `{ code, message }` instead of rejecting. */
export function isErrorAnswer(res: unknown): boolean {
  return !!res && typeof res === 'object' && 'code' in res && !!(res as { code?: unknown }).code;
}

/**
 * Await one SDK request (outside a transaction): a rejection or an error-shaped answer becomes
 * UNAVAILABLE; an AppError thrown by `send` itself passes through.
 */
export async function request<T>(send: () => unknown): Promise<T> {
  let res: unknown;
  try {
    res = await send();
  } catch (err) {
    throw err instanceof AppError ? err : unavailable(err);
  }
  if (isErrorAnswer(res)) throw unavailable(res);
  return res as T;
}

/** The documents one `get()` answers (at most MAX_BATCH). */
export async function getDocs<T>(query: PageableQuery): Promise<WithId<T>[]> {
  const res = await request<{ data?: unknown }>(() => query.get());
  if (!Array.isArray(res?.data)) throw unavailable(new Error('get() answered without a data array'));
  return res.data as WithId<T>[];
}

/**
 * Documents [offset, offset + count) of a query, in batches of at most MAX_BATCH, stopping at the
 * first short batch. `build` makes the query afresh (filter, order, projection) so skip/limit can be
 * added per batch. Pass EVERYTHING as `count` to read the whole result.
 */
export async function fetchRange<T>(build: () => PageableQuery, offset: number, count: number): Promise<WithId<T>[]> {
  const out: WithId<T>[] = [];
  while (out.length < count) {
    const want = Math.min(MAX_BATCH, count - out.length);
    const batch = await getDocs<T>(build().skip(offset + out.length).limit(want));
    out.push(...batch);
    if (batch.length < want) break;
  }
  return out;
}

/** The argument of a write: wx-server-sdk wraps the data in `{ data }`; node-sdk takes it as is. */
export function writeArg(sdk: CloudbaseSdk, data: Record<string, unknown>): Record<string, unknown> {
  return sdk === 'wx-server-sdk' ? { data } : data;
}

/**
 * One operation inside a transaction. An error answer is thrown as is: node-sdk's runTransaction
 * retries the callback when it sees `code: 'DATABASE_TRANSACTION_CONFLICT'`.
 */
export async function txRequest<T>(send: () => unknown): Promise<T> {
  const res = await send();
  if (isErrorAnswer(res)) throw res;
  return res as T;
}

/** Whatever text an SDK error carries (code, errCode, errMsg, message), for classifying it. */
export function errorText(err: unknown): string {
  if (typeof err === 'string') return err;
  const e = err as { code?: unknown; errCode?: unknown; errMsg?: unknown; message?: unknown } | null;
  return [e?.code, e?.errCode, e?.errMsg, e?.message].filter((x) => typeof x === 'string' || typeof x === 'number').join(' ');
}

/** A write conflict between two transactions (the loser's answer). */
export function isTxConflict(err: unknown): boolean {
  return /TRANSACTION_CONFLICT|write ?conflict/i.test(errorText(err));
}

/** Lost a race: a write conflict with another transaction, or a document the other one created first. */
export function isRace(err: unknown): boolean {
  return /TRANSACTION_CONFLICT|write ?conflict|DUPLICATE|duplicate key/i.test(errorText(err));
}
