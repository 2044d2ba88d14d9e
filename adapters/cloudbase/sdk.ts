/**
 * The CloudBase adapter kit: what every CloudBase store shares when it talks to the document
 * database of wx-server-sdk or @cloudbase/node-sdk.
 * - `CbDb`: the one type of the database object the stores take (`cloud.database()` /
 *   `app.database()`), the subset of the SDK API they use;
 * - `context`: collection names with the test prefix, the write argument per SDK, update counts;
 * - reads: `getDocs`, `fetchRange` (batches of at most 100, the most one `get()` answers inside a
 *   cloud function), `byId`, `countOf`, `grouped` (one aggregation);
 * - `recordCollection`: one collection of records (get, pages, `find` by a Filter in an Order),
 *   configured by how a document becomes its record; `versionedCollection` adds insert and the
 *   version-checked update; `oneOpenCollection` keeps one open record per station; `requestKeys`:
 *   what an idempotency key's first request made, and a keyed transaction run once (`once`);
 * - writes outside transactions: `insertDoc`, `addIfAbsent`, `setDoc`, `updateWhere`,
 *   `updateIfVersion`, `removeWhere`, `removeExpired`;
 * - transactions: `txGet`/`txAdd`/`txSet`/`txUpdate` and `transact`, the one retry policy;
 * - `storesOver`: the stores a function needs, composed from the catalogue (./stores.ts);
 * - `hashedId`: deterministic `_id`s for documents keyed by something personal (an openid, a
 *   request key), so that no identifier is stored in clear in an `_id`;
 * - any SDK failure (a rejection, or an error-shaped answer) becomes AppError('UNAVAILABLE').
 *
 * Nothing here loads an SDK: the query objects come from the `db` a store was given.
 */
import { createHash } from 'node:crypto';
import { pageOf, type Page } from '../../core/ports';
import { AppError, staleConflict } from '../../core/shared/errors';

/**
 * Which SDK `db` comes from. They differ in the argument of writes: wx-server-sdk takes
 * `doc(id).set({ data })` / `add({ data })` / `update({ data })`, @cloudbase/node-sdk takes the data as is.
 */
export type CloudbaseSdk = 'wx-server-sdk' | 'node-sdk';

// ---------------------------------------------------------------------------------------------
// The SDK database API the stores use. Results are `unknown` on purpose: the SDKs answer in
// different shapes (normalised here and in the stores).

export interface CbQuery {
  where(condition: unknown): CbQuery;
  orderBy(field: string, direction: 'asc' | 'desc'): CbQuery;
  skip(offset: number): CbQuery;
  limit(max: number): CbQuery;
  field(projection: Record<string, boolean>): CbQuery;
  get(): unknown;
  count(): unknown;
  update(arg: Record<string, unknown>): unknown;
}

/** An aggregation pipeline; `End` is what `end()` answers (the test double names its promise). */
export interface CbAggregate<End = unknown> {
  match(condition: unknown): CbAggregate<End>;
  group(spec: Record<string, unknown>): CbAggregate<End>;
  sort(spec: Record<string, 1 | -1>): CbAggregate<End>;
  skip(n: number): CbAggregate<End>;
  limit(n: number): CbAggregate<End>;
  end(): End;
}

export interface CbCollection extends CbQuery {
  add(arg: Record<string, unknown>): unknown;
  doc(id: string): { set(arg: Record<string, unknown>): unknown };
  aggregate(): CbAggregate;
}

export interface CbTransaction {
  collection(name: string): {
    add(arg: Record<string, unknown>): unknown;
    doc(id: string): { get(): unknown; set(arg: Record<string, unknown>): unknown; update(arg: Record<string, unknown>): unknown };
  };
  rollback(reason?: unknown): unknown;
}

export interface CbCommand {
  in(values: unknown[]): unknown;
  neq(value: unknown): unknown;
  gt(value: unknown): unknown;
  gte(value: unknown): unknown;
  lt(value: unknown): unknown;
  lte(value: unknown): unknown;
  and(conditions: unknown[]): unknown;
  or(conditions: unknown[]): unknown;
  inc(n: number): unknown;
  set(value: unknown): unknown;
  exists(present: boolean): unknown;
  geoNear(options: { geometry: unknown; maxDistance?: number; minDistance?: number }): unknown;
  aggregate: { sum(v: unknown): unknown; first(v: unknown): unknown };
}

/** What the stores need from `cloud.database()` / `app.database()`. */
export interface CbDb {
  collection(name: string): CbCollection;
  command: CbCommand;
  /** Always called with `new`: node-sdk's Point is a class; wx-server-sdk's wrapper accepts both. */
  Geo: { Point: new (longitude: number, latitude: number) => unknown };
  RegExp(options: { regexp: string; options?: string }): unknown;
  runTransaction<T>(callback: (transaction: CbTransaction) => Promise<T>, times?: number): Promise<T>;
}

export interface StoreOptions {
  /** Prepended to collection names (tests use a private prefix). */
  prefix?: string;
  /** Which SDK `db` comes from (argument shapes differ). Default: wx-server-sdk. */
  sdk?: CloudbaseSdk;
  /** Pause before running a conflicted transaction again (tests shorten it). Default: 5–40 ms × attempt. */
  backoff?: (attempt: number) => Promise<void>;
}

/** Builds one store over a database: what the catalogue (./stores.ts) holds under each store key. */
export type StoreFactory<T = unknown, O extends StoreOptions = StoreOptions> = (db: CbDb, options?: O) => T;

/** The stores `factories` build, each under its key (none where the factory is null). */
export type StoresOf<F extends Record<string, StoreFactory<unknown, never> | null>> = { [K in keyof F]: F[K] extends (...args: never[]) => infer T ? T : undefined };

/** The stores of `factories` over one database, each under its key, all given the same options; null: none. */
export function storesOver<O extends StoreOptions, F extends Record<string, StoreFactory<unknown, O> | null>>(db: CbDb, factories: F, options?: O): StoresOf<F> {
  return Object.fromEntries(Object.entries(factories).flatMap(([key, make]) => (make ? [[key, make(db, options)]] : []))) as StoresOf<F>;
}

/** Documented maximum of one `get()` in a cloud function. */
export const MAX_BATCH = 100;

/** "Every document": the count to give `fetchRange` to read until a short batch. */
export const EVERYTHING = Number.MAX_SAFE_INTEGER;

/** Transaction attempts before a write that keeps losing races answers UNAVAILABLE. */
export const MAX_ATTEMPTS = 8;

/** A stored document as read back: the stored shape plus its `_id`. */
export type WithId<T> = T & { _id: string };

// ---------------------------------------------------------------------------------------------
// Errors

/** AppError('UNAVAILABLE') for clients; the SDK's answer is kept as `cause` for debugging only. */
export function unavailable(cause: unknown): AppError {
  const err = new AppError('UNAVAILABLE', '数据暂时无法读取，请稍后再试');
  // Never sent to clients: the router answers only the code and message.
  (err as Error & { cause?: unknown }).cause = cause;
  return err;
}

/** An error-shaped answer (`{ code, message }`) instead of a rejection. */
export function isErrorAnswer(res: unknown): boolean {
  return !!res && typeof res === 'object' && 'code' in res && !!(res as { code?: unknown }).code;
}

/** Whatever text an SDK error carries (code, errCode, errMsg, message), for classifying it. */
export function errorText(err: unknown): string {
  if (typeof err === 'string') return err;
  const e = err as { code?: unknown; errCode?: unknown; errMsg?: unknown; message?: unknown } | null;
  return [e?.code, e?.errCode, e?.errMsg, e?.message].filter((x) => typeof x === 'string' || typeof x === 'number').join(' ');
}

/**
 * A write conflict between two transactions (the loser's answer). node-sdk rejects with
 * `code: 'DATABASE_TRANSACTION_CONFLICT'`; wx-server-sdk with `errCode: -501001` and the server's
 * `[ResourceUnavailable.TransactionConflict]` in the message (test/contract/sdk-errors.test.ts).
 */
export function isTxConflict(err: unknown): boolean {
  return /TRANSACTION_CONFLICT|TransactionConflict|write ?conflict/i.test(errorText(err));
}

/** An `add` whose `_id` exists already (a unique index refused it). */
export function isDuplicate(err: unknown): boolean {
  return /DUPLICATE|duplicate key/i.test(errorText(err));
}

/** Lost a race: a write conflict with another transaction, or a document the other one created first. */
export function isRace(err: unknown): boolean {
  return isTxConflict(err) || isDuplicate(err);
}

// ---------------------------------------------------------------------------------------------
// Context

export interface Ctx<K extends string> {
  db: CbDb;
  _: CbCommand;
  sdk: CloudbaseSdk;
  /** Collection names with the prefix. */
  names: Record<K, string>;
  coll(name: string): CbCollection;
  /** wx-server-sdk wraps write data in `{ data }`; node-sdk takes it as is. */
  arg(data: object): Record<string, unknown>;
  /** How many documents an update changed. */
  updated(res: unknown): number;
  backoff(attempt: number): Promise<void>;
}

const defaultBackoff = (attempt: number) => new Promise<void>((r) => setTimeout(r, Math.floor(5 + Math.random() * 35 * attempt)));

export function context<C extends Record<string, string>>(db: CbDb, collections: C, options: StoreOptions = {}): Ctx<Extract<keyof C, string>> {
  const prefix = options.prefix ?? '';
  const sdk = options.sdk ?? 'wx-server-sdk';
  return {
    db,
    _: db.command,
    sdk,
    names: Object.fromEntries(Object.entries(collections).map(([k, v]) => [k, prefix + v])) as Record<Extract<keyof C, string>, string>,
    // Looked up per call: cheap, and lets tests swap what `db.collection` answers.
    coll: (name) => db.collection(name),
    arg: (data) => writeArg(sdk, data),
    updated: (res) => {
      const r = res as { updated?: unknown; stats?: { updated?: unknown } } | null;
      const n = sdk === 'wx-server-sdk' ? r?.stats?.updated : r?.updated;
      if (typeof n !== 'number') throw unavailable(new Error('update answered without a count'));
      return n;
    },
    backoff: options.backoff ?? defaultBackoff,
  };
}

/** The argument of a write: wx-server-sdk wraps the data in `{ data }`; node-sdk takes it as is. */
export function writeArg(sdk: CloudbaseSdk, data: object): Record<string, unknown> {
  return sdk === 'wx-server-sdk' ? { data } : { ...data };
}

/** `prefix_` + SHA-256 of the parts: a deterministic `_id` that stores no identifier in clear. */
export function hashedId(prefix: string, ...parts: string[]): string {
  return `${prefix}_${createHash('sha256').update(parts.join('\n'), 'utf8').digest('hex')}`;
}

export { pageOf };

// ---------------------------------------------------------------------------------------------
// Requests outside transactions

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
export async function getDocs<T>(query: CbQuery): Promise<WithId<T>[]> {
  const res = await request<{ data?: unknown }>(() => query.get());
  if (!Array.isArray(res?.data)) throw unavailable(new Error('get() answered without a data array'));
  return res.data as WithId<T>[];
}

/**
 * Documents [offset, offset + count) of a query, in batches of at most MAX_BATCH, stopping at the
 * first short batch. `build` makes the query afresh (filter, order, projection) so skip/limit can be
 * added per batch. Pass EVERYTHING as `count` to read the whole result.
 */
export async function fetchRange<T>(build: () => CbQuery, offset: number, count: number): Promise<WithId<T>[]> {
  const out: WithId<T>[] = [];
  while (out.length < count) {
    const want = Math.min(MAX_BATCH, count - out.length);
    const batch = await getDocs<T>(build().skip(offset + out.length).limit(want));
    out.push(...batch);
    if (batch.length < want) break;
  }
  return out;
}

/** One document by `_id`, or null. A query rather than doc(id).get(): wx-server-sdk throws on a missing document. */
export async function byId<T>(ctx: Ctx<string>, collection: string, id: string): Promise<WithId<T> | null> {
  const [doc] = await getDocs<T>(ctx.coll(collection).where({ _id: id }).limit(1));
  return doc ?? null;
}

export async function countOf(query: CbQuery): Promise<number> {
  const res = await request<{ total?: unknown }>(() => query.count());
  if (typeof res?.total !== 'number') throw unavailable(new Error('count() answered without a total'));
  return res.total;
}

/**
 * The rows of one aggregation over `collection`: match → group → sort → skip → limit (without a
 * limit stage an aggregation answers at most 20 rows). wx-server-sdk answers them as `list`,
 * node-sdk as `data`.
 */
export async function grouped<T>(
  ctx: Ctx<string>,
  collection: string,
  stages: { match: unknown; group: Record<string, unknown>; sort?: Record<string, 1 | -1>; skip?: number; limit: number },
): Promise<T[]> {
  let pipeline = ctx.coll(collection).aggregate().match(stages.match).group(stages.group);
  if (stages.sort) pipeline = pipeline.sort(stages.sort);
  if (stages.skip !== undefined) pipeline = pipeline.skip(stages.skip);
  const res = await request<{ list?: unknown; data?: unknown }>(() => pipeline.limit(stages.limit).end());
  const rows = ctx.sdk === 'wx-server-sdk' ? res?.list : res?.data;
  if (!Array.isArray(rows)) throw unavailable(new Error('aggregate answered without a list'));
  return rows as T[];
}

/** `_.in` over the distinct values. */
export function anyOf(ctx: Ctx<string>, values: readonly unknown[]): unknown {
  return ctx._.in([...new Set(values)]);
}

/**
 * `where` narrowed by each list of `lists` (field → the values it may take; an absent list does not
 * narrow), or null when one of them is empty: the query matches nothing, and the caller answers an
 * empty page unasked.
 */
export function whereAll(ctx: Ctx<string>, lists: Record<string, readonly unknown[] | undefined>, where: Record<string, unknown> = {}): Record<string, unknown> | null {
  for (const [field, values] of Object.entries(lists)) {
    if (values === undefined) continue;
    if (!values.length) return null;
    where[field] = anyOf(ctx, values);
  }
  return where;
}

/** The collection narrowed by `where`, or all of it when `where` is empty. */
export function filtered(ctx: Ctx<string>, collection: string, where: Record<string, unknown>): CbQuery {
  return Object.keys(where).length ? ctx.coll(collection).where(where) : ctx.coll(collection);
}

/** Insert with an explicit `_id` (outside a transaction); fails when it exists. */
export async function insertDoc(ctx: Ctx<string>, collection: string, id: string, doc: object): Promise<void> {
  await request(() => ctx.coll(collection).add(ctx.arg({ _id: id, ...doc })));
}

/** Insert with an explicit `_id` (outside a transaction): false when that `_id` is taken, never overwrites. */
export async function addIfAbsent(ctx: Ctx<string>, collection: string, id: string, doc: object): Promise<boolean> {
  try {
    await insertDoc(ctx, collection, id, doc);
    return true;
  } catch (err) {
    // `request` keeps the SDK's rejection or error answer as the cause.
    if (isDuplicate((err as { cause?: unknown }).cause)) return false;
    throw err;
  }
}

/** where().remove(): not part of CbQuery (few stores delete). */
type Removable = CbQuery & { remove(): unknown };

/** Delete what `query` matches; how many went (`fallback` when the SDK answers no count). */
export async function removeWhere(ctx: Ctx<string>, query: CbQuery, fallback = 0): Promise<number> {
  const res = await request<{ stats?: { removed?: unknown }; deleted?: unknown }>(() => (query as Removable).remove());
  const n = ctx.sdk === 'wx-server-sdk' ? res?.stats?.removed : res?.deleted;
  return typeof n === 'number' ? n : fallback;
}

/**
 * Remove up to `max` (at most MAX_BATCH) documents whose `expiresAt` is before `before`: one read of
 * their `_id`s, then one remove. How many it found, and how many went.
 */
export async function removeExpired(ctx: Ctx<string>, collection: string, before: string, max: number): Promise<{ found: number; removed: number }> {
  if (max <= 0) return { found: 0, removed: 0 };
  const batch = await getDocs<{ expiresAt: string }>(ctx.coll(collection).where({ expiresAt: ctx._.lt(before) }).field({ _id: true }).limit(Math.min(MAX_BATCH, max)));
  if (!batch.length) return { found: 0, removed: 0 };
  return { found: batch.length, removed: await removeWhere(ctx, ctx.coll(collection).where({ _id: ctx._.in(batch.map((d) => d._id)) }), batch.length) };
}

/** Write a whole document by `_id` (created or replaced). */
export async function setDoc(ctx: Ctx<string>, collection: string, id: string, doc: object): Promise<void> {
  await request(() => ctx.coll(collection).doc(id).set(ctx.arg(doc)));
}

/**
 * A whole document as an update: object fields go through `_.set`, because a plain object in an
 * update is merged field by field and a field the new version dropped would survive.
 */
export function replacing(ctx: Ctx<string>, doc: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).map(([k, v]) => [k, v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype ? ctx._.set(v) : v]));
}

/**
 * Replace a document's fields when its version is still `expected`: `where({ _id, version })`
 * changes it only if nobody did since it was read. False when it moved on (or is gone).
 */
export async function updateIfVersion(ctx: Ctx<string>, collection: string, id: string, expected: number, doc: object): Promise<boolean> {
  return (await updateWhere(ctx, ctx.coll(collection).where({ _id: id, version: expected }), replacing(ctx, doc))) > 0;
}

/** Update what `query` matches with `data` (a nested object sets only the fields it names); how many changed. */
export async function updateWhere(ctx: Ctx<string>, query: CbQuery, data: object): Promise<number> {
  return ctx.updated(await request(() => query.update(ctx.arg(data))));
}

/**
 * Records stored as they are with their `key` field as `_id` (read by `_id` only): `get` reads one
 * back (through `of` when a stored document needs more than its `_id` renamed), `insert` adds one
 * (fails when the `_id` exists), `set` creates or replaces one.
 */
export function keyedRecords<T extends object>(ctx: Ctx<string>, collection: string, key: keyof T & string, of: (r: T) => T = (r) => r) {
  const split = (r: T): [string, object] => {
    const { [key]: id, ...doc } = r;
    return [id as string, doc];
  };
  return {
    get: async (id: string): Promise<T | null> => {
      const d = await byId<object>(ctx, collection, id);
      if (!d) return null;
      const { _id, ...rest } = d;
      return of({ ...rest, [key]: _id } as T);
    },
    insert: (r: T) => insertDoc(ctx, collection, ...split(r)),
    set: (r: T) => setDoc(ctx, collection, ...split(r)),
  };
}

/** `[field, direction]` pairs: the order of a query, applied in turn. */
export type Order = readonly (readonly [string, 'asc' | 'desc'])[];

/** By `field`, then by `_id` (the same way unless `idDir` says otherwise). */
export const by = (field: string, dir: 'asc' | 'desc', idDir = dir): Order => [[field, dir], ['_id', idDir]];

/** The direction of a list's `order` option: newest first unless 'oldest'. */
export const ageDir = (order?: string): 'asc' | 'desc' => (order === 'oldest' ? 'asc' : 'desc');

/** `query` in `order`. */
export function sorted(query: CbQuery, order: Order): CbQuery {
  return order.reduce((q, [field, dir]) => q.orderBy(field, dir), query);
}

/** What `find` and `findAll` read: the documents matching every condition, in `order`. */
export interface Filter {
  /** field → value or command (e.g. `_.lt(x)`); an undefined value does not narrow. */
  where?: Record<string, unknown>;
  /** field → the values it may take (whereAll: an absent list does not narrow, an empty one matches nothing). */
  anyOf?: Record<string, readonly unknown[] | undefined>;
  /** Inclusive bounds on one field; an absent bound does not narrow. */
  range?: { field: string; from?: string; to?: string };
  /** Default: none (the database's order). */
  order?: Order;
}

/**
 * One collection of records, one document per record (`_id` = record id), read back by `fromDoc`
 * (from the `field` alone when given: the rest of the document is left unread).
 */
export function recordCollection<D extends object, R>(ctx: Ctx<string>, collection: string, spec: { fromDoc: (doc: WithId<D>) => R; field?: string }) {
  const coll = () => ctx.coll(collection);
  const project = (q: CbQuery) => (spec.field ? q.field({ [spec.field]: true }) : q);
  const read = async (build: () => CbQuery, offset: number, count: number) => (await fetchRange<D>(() => project(build()), offset, count)).map(spec.fromDoc);
  /** A page of what `build` queries (ordered, without projection): one more tells whether more exist. */
  const page = async (build: () => CbQuery, q: { offset: number; limit: number }) => pageOf(await read(build, q.offset, q.limit + 1), q.limit);
  /** `count` records (default: all) of what `build` queries, from `offset` on. */
  const list = (build: () => CbQuery, count = EVERYTHING, offset = 0) => read(build, offset, count);
  const findAll = (f: Filter, count?: number): Promise<R[]> => {
    const build = query(f);
    return build ? list(build, count) : Promise.resolve([]);
  };
  /** The query of `f`, or null when it matches nothing. */
  function query(f: Filter): (() => CbQuery) | null {
    const where = whereAll(ctx, f.anyOf ?? {}, Object.fromEntries(Object.entries(f.where ?? {}).filter(([, v]) => v !== undefined)));
    if (!where) return null;
    const r = f.range;
    const bounds = r ? [...(r.from ? [{ [r.field]: ctx._.gte(r.from) }] : []), ...(r.to ? [{ [r.field]: ctx._.lte(r.to) }] : [])] : [];
    return () => sorted(bounds.length ? coll().where(ctx._.and([where, ...bounds])) : filtered(ctx, collection, where), f.order ?? []);
  }
  return {
    coll,
    get: async (id: string): Promise<R | null> => {
      // A query rather than doc(id).get(): wx-server-sdk throws on a missing document.
      const [doc] = await getDocs<D>(project(coll().where({ _id: id })).limit(1));
      return doc ? spec.fromDoc(doc) : null;
    },
    page,
    list,
    find: (f: Filter, q: { offset: number; limit: number }): Promise<Page<R>> => {
      const build = query(f);
      return build ? page(build, q) : Promise.resolve(pageOf([], 0));
    },
    findAll,
    /** The first record `f` finds, or null. */
    findOne: async (f: Filter): Promise<R | null> => (await findAll(f, 1))[0] ?? null,
  };
}

/**
 * A recordCollection of versioned records: `toDoc` stores a record (whole under a field, or as
 * JSON text, beside the fields queries filter and sort on; `version` for the optimistic update).
 * `what` names a record in staleConflict.
 */
export function versionedCollection<R extends { id: string; version?: number }, D extends object>(
  ctx: Ctx<string>,
  collection: string,
  spec: { toDoc: (r: R) => D; fromDoc: (doc: WithId<D>) => R; what: string; field?: string },
) {
  return {
    ...recordCollection<D, R>(ctx, collection, spec),
    /** Added with its `_id`; fails when it exists. */
    insert: (r: R) => insertDoc(ctx, collection, r.id, spec.toDoc(r)),
    /** Replaced while its stored version is still `expected`; CONFLICT otherwise. */
    update: async (next: R, expected: number): Promise<void> => {
      if (!(await updateIfVersion(ctx, collection, next.id, expected, spec.toDoc(next)))) throw staleConflict(spec.what);
    },
  };
}

/** Reads one document by `_id` (in requestKeys: inside its transaction when there is one). */
export type DocReader = <T>(collection: string, id: string) => Promise<WithId<T> | null>;

/**
 * Idempotency keys: a document in `requests` (`_id` = the hashed key) names the record its first
 * request made (`idOf`, in `records`); `answer` turns both into what a repeated request answers
 * (reading more through `read` when it needs to). A key without its record is UNAVAILABLE (`missing`).
 */
export function requestKeys<Q, D, A extends object>(
  ctx: Ctx<string>,
  spec: { requests: string; records: string; idOf: (req: Q) => string; missing: string; answer: (first: { req: WithId<Q>; doc: WithId<D> }, read: DocReader) => A | Promise<A> },
) {
  /** The first request's answer for `key` (inside `tx` when given), or null for a new key. */
  const answer = async (key: string, tx?: CbTransaction): Promise<A | null> => {
    const read: DocReader = (collection, id) => (tx ? txGet(ctx, tx, collection, id) : byId(ctx, collection, id));
    const req = await read<Q>(spec.requests, key);
    if (!req) return null;
    const doc = await read<D>(spec.records, spec.idOf(req));
    if (!doc) throw unavailable(new Error(spec.missing));
    return spec.answer({ req, doc }, read);
  };
  const replay = async (key: string, tx?: CbTransaction) => {
    const first = await answer(key, tx);
    return first && { ...first, created: false as const };
  };
  return {
    answer,
    /**
     * `body` once per key, in one transaction that first answers a known key (`created: false`).
     * When the transaction fails, a concurrent request with the same key may have won: its answer,
     * else what `otherwise` says (null: the failure stands).
     */
    once: <T>(key: string, body: (tx: CbTransaction) => Promise<T>, otherwise: () => Promise<null> = async () => null) =>
      transact<T | (A & { created: false })>(ctx, async (tx) => (await replay(key, tx)) ?? body(tx), { settled: async () => (await replay(key)) ?? otherwise() }),
  };
}

// ---------------------------------------------------------------------------------------------
// Transactions

/**
 * One operation inside a transaction. An error answer is thrown as is: node-sdk's runTransaction
 * retries the callback when it sees `code: 'DATABASE_TRANSACTION_CONFLICT'`.
 */
export async function txRequest<T>(send: () => unknown): Promise<T> {
  const res = await send();
  if (isErrorAnswer(res)) throw res;
  return res as T;
}

/** Read one document by `_id` inside a transaction; null when it does not exist. */
export async function txGet<T>(ctx: Ctx<string>, tx: CbTransaction, collection: string, id: string): Promise<WithId<T> | null> {
  let res: unknown;
  try {
    res = await tx.collection(collection).doc(id).get();
  } catch (err) {
    // wx-server-sdk (default throwOnNotFound) rejects a missing document after a successful request.
    if (ctx.sdk === 'wx-server-sdk' && /does not exist/.test(errorText(err))) return null;
    throw err;
  }
  if (isErrorAnswer(res)) throw res;
  // In a transaction node-sdk answers the document or null; outside, a list.
  const data = (res as { data?: unknown } | null)?.data;
  if (!data || (Array.isArray(data) && !data.length)) return null;
  return (Array.isArray(data) ? data[0] : data) as WithId<T>;
}

/** Insert with an explicit `_id`: fails when the document exists (a lost race), never overwrites. */
export const txAdd = (ctx: Ctx<string>, tx: CbTransaction, collection: string, id: string, data: object) =>
  txRequest(() => tx.collection(collection).add(ctx.arg({ _id: id, ...data })));
export const txSet = (ctx: Ctx<string>, tx: CbTransaction, collection: string, id: string, data: object) =>
  txRequest(() => tx.collection(collection).doc(id).set(ctx.arg(data)));
/** A nested object in update() sets only the fields it names. */
export const txUpdate = (ctx: Ctx<string>, tx: CbTransaction, collection: string, id: string, data: object) =>
  txRequest(() => tx.collection(collection).doc(id).update(ctx.arg(data)));

/**
 * Inside a transaction, write a versioned record: added when `expectedVersion` is null (failing on
 * a taken `_id`), else replaced only while the stored version is still `expectedVersion`; otherwise
 * CONFLICT (staleConflict(what)).
 */
export async function txSaveVersioned(ctx: Ctx<string>, tx: CbTransaction, collection: string, id: string, doc: { version: number }, expectedVersion: number | null, what: string): Promise<void> {
  if (expectedVersion === null) {
    await txAdd(ctx, tx, collection, id, doc);
    return;
  }
  const current = await txGet<{ version: number }>(ctx, tx, collection, id);
  if (!current || current.version !== expectedVersion) throw staleConflict(what);
  await txSet(ctx, tx, collection, id, doc);
}

/**
 * A versionedCollection of records of which a station has at most one open (a certification
 * application, a rectification order). `save` writes one in one transaction with the station's
 * marker (`one.markers` collection, `_id` = station id, `one.field` = the open record's id or null).
 * A new record while another is open is CONFLICT(`one.taken`); the marker moves only when the
 * record opens (`one.isOpen`), or closes while it is the one.
 */
export function oneOpenCollection<R extends { id: string; stationId: string; version?: number }, D extends { version: number }>(
  ctx: Ctx<string>,
  collection: string,
  spec: { toDoc: (r: R) => D; fromDoc: (doc: WithId<D>) => R; what: string },
  one: { markers: string; field: string; taken: string; isOpen: (r: R) => boolean },
) {
  return {
    ...versionedCollection<R, D>(ctx, collection, spec),
    save: (record: R, expectedVersion: number | null): Promise<void> =>
      transact(ctx, async (tx) => {
        const marked = (await txGet<Record<string, string | null>>(ctx, tx, one.markers, record.stationId))?.[one.field] ?? null;
        if (expectedVersion === null && marked) throw new AppError('CONFLICT', one.taken);
        await txSaveVersioned(ctx, tx, collection, record.id, spec.toDoc(record), expectedVersion, spec.what);
        const open = one.isOpen(record);
        const want = open ? record.id : null;
        if (marked !== want && (open || marked === record.id)) await txSet(ctx, tx, one.markers, record.stationId, { [one.field]: want });
      }),
  };
}

/**
 * Run `body` in one transaction; the one retry policy of every store. An AppError from `body`
 * passes through. Any other failure first asks `settled` (e.g. "did a concurrent request with the
 * same key win?") and answers that; a lost race (write conflict, duplicate `_id`) runs `body` again
 * after `ctx.backoff`, up to MAX_ATTEMPTS; everything else becomes `onFailure(err)` (UNAVAILABLE by
 * default). The SDK's own retry is off (`times` 0): wx-server-sdk's never sees its conflicts and
 * node-sdk's would retry without a pause.
 */
export async function transact<T>(
  ctx: Ctx<string>,
  body: (tx: CbTransaction) => Promise<T>,
  handlers: { settled?: () => Promise<T | null>; onFailure?: (err: unknown) => AppError } = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.db.runTransaction(body, 0);
    } catch (err) {
      if (err instanceof AppError) throw err;
      if (handlers.settled) {
        const settled = await handlers.settled();
        if (settled) return settled;
      }
      if (isRace(err) && attempt < MAX_ATTEMPTS) {
        await ctx.backoff(attempt);
        continue;
      }
      throw (handlers.onFailure ?? unavailable)(err);
    }
  }
}
