/**
 * An SDK-level test double of the CloudBase document database (`cloud.database()` of
 * wx-server-sdk, `app.database()` of @cloudbase/node-sdk), in memory.
 *
 * It implements only the subset our adapters use and is strict about it, so code that passes here
 * does not rely on leniency the cloud lacks:
 * - `limit(n)` with n > 100 (or < 1, or not an integer) throws, as in a cloud function; a `get()`
 *   without limit returns at most 100 documents.
 * - `_.geoNear` needs a declared `2dsphere` index on the field (collections and indexes come from
 *   adapters/cloudbase/indexes.json), returns documents nearest first (MongoDB's sphere, radius
 *   6,378,100 m), combines with the other conditions, cannot sit inside `_.or`, appear twice, or be
 *   counted. Combining it with `orderBy` is refused: CloudBase does not document that case
 *   (MongoDB silently re-sorts, losing the distance order), so code must not depend on it.
 * - `_id` is unique per collection; `set()` replaces the whole document and rejects `_id`, update
 *   operators and (for wx-server-sdk) a missing `{ data }` wrapper.
 * - `undefined` in a `where` is refused (the SDK's serialiser would drop it silently, widening
 *   the query); unknown commands and methods throw.
 * - Collections must exist (declared or created with `createCollection`).
 *
 * Outages: `setDown(true)` fails every request until `setDown(false)`; `failNext(n)` fails the next
 * n requests. Server errors reject exactly as each real SDK does (`clientError`, captured from the
 * real packages in test/contract/sdk-errors.test.ts): node-sdk with a TcbError `{ code, requestId }`,
 * wx-server-sdk with `{ errCode, errMsg }`; a network failure (setDown) rejects with ECONNREFUSED.
 *
 * Writes besides `doc().set()`: `collection.add()` (insert; an explicit `_id` that exists fails),
 * `doc().update()` and `where().update()` (a nested object sets only the fields it names, as the
 * SDK's serialiser flattens it to dotted paths; `_.inc`), `where().remove()`.
 *
 * Aggregation: `collection.aggregate()` with `match`, `group` (`_id` a `'$field'`, an object of
 * them or a constant; accumulators `$.sum` and `$.first` of `db.command.aggregate`), `sort`,
 * `skip`, `limit` and `end()`. Without a `limit` stage it answers at most 20 results, as observed
 * in cloud functions. Other stages and operators throw.
 *
 * Transactions: `db.runTransaction(async (transaction) => …, times = 3)`, all or nothing. Writes are
 * buffered and applied only when the callback resolves; a thrown error or `transaction.rollback(reason)`
 * discards them (the promise rejects with the error or the reason). Inside, only single-document
 * operations by `_id` are allowed, as CloudBase documents: `transaction.collection(n).add()` and
 * `.doc(id).get/set/update/remove()`; `where`, `orderBy`, `get`, `count`, `aggregate`… throw.
 * Reads see committed data plus the transaction's own writes. Concurrency is first-writer-wins: writing a
 * document another open transaction wrote, or one changed since this transaction began, fails
 * with the server's DATABASE_TRANSACTION_CONFLICT ("[ResourceUnavailable.TransactionConflict] …"),
 * and so does a commit whose documents changed meanwhile. Like the SDK, runTransaction retries the
 * callback when the error has `code: 'DATABASE_TRANSACTION_CONFLICT'`: node-sdk operations and
 * every commit reject with that TcbError, so those are retried; wx-server-sdk operations reject
 * with `errCode: -501001`, which the SDK's check does not see, so those are not. `doc(id).get()` in a transaction answers
 * `{ data: doc | null }` (node-sdk) or `{ data: doc }` and rejects a missing one (wx-server-sdk,
 * default throwOnNotFound).
 *
 * Faults inside transactions: `failTransactionWrite(n)` makes the n-th write (add/set/update/remove)
 * of the next transaction fail with a server error, to prove nothing is half-written.
 */
import indexConfig from '../../adapters/cloudbase/indexes.json';
import type { CbAggregate } from '../../adapters/cloudbase/sdk';

export type SdkFlavour = 'wx-server-sdk' | 'node-sdk';

export interface IndexDef {
  name: string;
  key: Record<string, 1 | -1 | '2dsphere'>;
  /** No two documents may share the key (a write that would fails with E11000 duplicate key). */
  unique?: boolean;
}

export interface FakeCloudbaseOptions {
  /** Collection name → its indexes. Default: adapters/cloudbase/indexes.json with `prefix`. */
  collections?: Record<string, IndexDef[]>;
  prefix?: string;
  flavour?: SdkFlavour;
}

export interface RequestLog {
  op:
    | 'get'
    | 'count'
    | 'remove'
    | 'update'
    | 'add'
    | 'aggregate'
    | 'doc.get'
    | 'doc.set'
    | 'doc.update'
    | 'doc.remove'
    | 'createCollection'
    | 'tx.start'
    | 'tx.get'
    | 'tx.add'
    | 'tx.set'
    | 'tx.update'
    | 'tx.remove'
    | 'tx.rollback'
    | 'tx.commit';
  collection: string;
  skip?: number;
  limit?: number;
  returned?: number;
  /** The fields a `field()` projection asked for (absent: whole documents). */
  fields?: string[];
}

/** Documented maximum of one `get()` / `limit()` in a cloud function. */
export const MAX_LIMIT = 100;
/** MongoDB's 2dsphere distance radius. */
const MONGO_EARTH_RADIUS_M = 6_378_100;

/** The indexes of adapters/cloudbase/indexes.json, collection names prefixed. */
export function declaredIndexes(prefix = ''): Record<string, IndexDef[]> {
  const out: Record<string, IndexDef[]> = {};
  for (const [name, defs] of Object.entries(indexConfig.collections)) {
    out[prefix + name] = defs.map((d) => ({ name: d.name, key: d.key as IndexDef['key'], ...('unique' in d && d.unique ? { unique: true } : {}) }));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Values the SDK builds

export class FakeGeoPoint {
  readonly type = 'Point';
  constructor(
    readonly longitude: number,
    readonly latitude: number,
  ) {
    if (typeof longitude !== 'number' || !Number.isFinite(longitude) || longitude < -180 || longitude > 180) {
      throw new Error(`Geo.Point: longitude must be a number in [-180, 180], got ${longitude}`);
    }
    if (typeof latitude !== 'number' || !Number.isFinite(latitude) || latitude < -90 || latitude > 90) {
      throw new Error(`Geo.Point: latitude must be a number in [-90, 90], got ${latitude}`);
    }
  }
  toJSON() {
    return { type: 'Point', coordinates: [this.longitude, this.latitude] };
  }
}

export class FakeRegExp {
  readonly compiled: RegExp;
  constructor(
    readonly regexp: string,
    readonly options: string = '',
  ) {
    if (typeof regexp !== 'string') throw new Error('db.RegExp: regexp must be a string');
    if (!/^[imsx]*$/.test(options)) throw new Error(`db.RegExp: unsupported options "${options}" (i, m, s, x)`);
    if (options.includes('x')) throw new Error('db.RegExp: option x is not supported by this test double');
    this.compiled = new RegExp(regexp, options.replace('x', ''));
  }
}

type QueryOp = 'eq' | 'neq' | 'in' | 'nin' | 'gt' | 'gte' | 'lt' | 'lte' | 'exists';

class QueryCommand {
  constructor(
    readonly op: QueryOp,
    readonly value: unknown,
  ) {}
}

class LogicCommand {
  constructor(
    readonly op: 'and' | 'or',
    readonly conditions: unknown[],
  ) {}
}

class GeoNearCommand {
  constructor(
    readonly geometry: FakeGeoPoint,
    readonly maxDistance?: number,
    readonly minDistance?: number,
  ) {}
}

/** An update operator (`_.inc`): only valid in update() data. */
class UpdateCommand {
  constructor(
    readonly op: 'inc' | 'set',
    readonly value: unknown,
  ) {}
}

/** An aggregation accumulator (`$.sum`, `$.first` of `db.command.aggregate`). */
class AggregateOperator {
  constructor(
    readonly op: 'sum' | 'first',
    readonly arg: unknown,
  ) {}
}

const isCommand = (v: unknown) =>
  v instanceof QueryCommand || v instanceof LogicCommand || v instanceof GeoNearCommand || v instanceof UpdateCommand || v instanceof AggregateOperator;

/** `db.command.aggregate`: the accumulators supported; any other operator throws. */
function makeAggregateCommand() {
  const fieldRef = (op: string, v: unknown) => {
    if (typeof v !== 'string' || !v.startsWith('$') || v.length < 2) throw new Error(`$.${op}: expects a "$field" reference`);
    return v;
  };
  const supported = {
    sum: (v: unknown) => {
      if (typeof v !== 'number') fieldRef('sum', v);
      return new AggregateOperator('sum', v);
    },
    first: (v: unknown) => new AggregateOperator('first', fieldRef('first', v)),
  };
  return new Proxy(supported, {
    get(target, prop) {
      if (typeof prop === 'string' && prop in target) return target[prop as keyof typeof target];
      if (typeof prop === 'symbol' || prop === 'then') return undefined;
      return unsupported(`db.command.aggregate.${String(prop)}`);
    },
  });
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

function unsupported(what: string): never {
  throw new Error(`fake-cloudbase: ${what} is not supported by this test double`);
}

function makeCommand() {
  const logic = (op: 'and' | 'or') => (...args: unknown[]) => {
    const conditions = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
    if (conditions.length === 0) throw new Error(`_.${op}: needs at least one condition`);
    for (const c of conditions) if (!isPlainObject(c) && !(c instanceof LogicCommand)) throw new Error(`_.${op}: conditions must be objects`);
    return new LogicCommand(op, conditions);
  };
  const array = (op: 'in' | 'nin') => (v: unknown[]) => {
    if (!Array.isArray(v)) throw new Error(`_.${op}: expects an array`);
    return new QueryCommand(op, v);
  };
  const supported = {
    eq: (v: unknown) => new QueryCommand('eq', v),
    neq: (v: unknown) => new QueryCommand('neq', v),
    gt: (v: unknown) => new QueryCommand('gt', v),
    gte: (v: unknown) => new QueryCommand('gte', v),
    lt: (v: unknown) => new QueryCommand('lt', v),
    lte: (v: unknown) => new QueryCommand('lte', v),
    exists: (v: boolean) => {
      if (typeof v !== 'boolean') throw new Error('_.exists: expects a boolean');
      return new QueryCommand('exists', v);
    },
    in: array('in'),
    nin: array('nin'),
    and: logic('and'),
    or: logic('or'),
    inc: (n: unknown) => {
      if (typeof n !== 'number' || !Number.isFinite(n)) throw new Error('_.inc: expects a finite number');
      return new UpdateCommand('inc', n);
    },
    // `_.set(value)`: the field becomes exactly this value (a plain object in an update merges instead).
    set: (v: unknown) => new UpdateCommand('set', v),
    aggregate: makeAggregateCommand(),
    geoNear: (o: { geometry: unknown; maxDistance?: number; minDistance?: number }) => {
      if (!o || !(o.geometry instanceof FakeGeoPoint)) throw new Error('_.geoNear: geometry must be a db.Geo.Point');
      for (const k of ['maxDistance', 'minDistance'] as const) {
        const v = o[k];
        if (v !== undefined && (typeof v !== 'number' || !(v >= 0))) throw new Error(`_.geoNear: ${k} must be a non-negative number`);
      }
      return new GeoNearCommand(o.geometry, o.maxDistance, o.minDistance);
    },
  };
  // Any other command (elemMatch, geoWithin, inc, …) throws instead of being silently undefined.
  return new Proxy(supported, {
    get(target, prop) {
      if (typeof prop === 'string' && prop in target) return target[prop as keyof typeof target];
      if (typeof prop === 'symbol' || prop === 'then') return undefined;
      return unsupported(`db.command.${String(prop)}`);
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Storage: documents as the server keeps them (JSON values, geo points as GeoJSON)

type Doc = Record<string, unknown> & { _id: string };

function toStored(value: unknown, path: string): unknown {
  if (value instanceof FakeGeoPoint) return value.toJSON();
  if (isCommand(value) || value instanceof FakeRegExp) throw new Error(`set: ${path} holds a query/update command, not data`);
  if (Array.isArray(value)) return value.map((v, i) => toStored(v, `${path}.${i}`));
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`set: ${path} is not a finite number`);
    return value;
  }
  if (value instanceof Date) return new Date(value.getTime());
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k.startsWith('$') || k.includes('.')) throw new Error(`set: field name "${k}" may not start with $ or contain a dot`);
      if (v === undefined) continue; // the SDK's serialiser drops undefined fields
      out[k] = toStored(v, path ? `${path}.${k}` : k);
    }
    return out;
  }
  throw new Error(`set: ${path} has a value the database cannot store (${typeof value})`);
}

/** What a read hands back: a deep copy, GeoJSON points as Geo.Point instances (as the SDK does). */
function toRead(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toRead);
  if (value instanceof Date) return new Date(value.getTime());
  if (isPlainObject(value)) {
    if (isGeoJsonPoint(value)) return new FakeGeoPoint(value.coordinates[0], value.coordinates[1]);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toRead(v);
    return out;
  }
  return value;
}

function isGeoJsonPoint(v: unknown): v is { type: 'Point'; coordinates: [number, number] } {
  return isPlainObject(v) && v.type === 'Point' && Array.isArray(v.coordinates) && v.coordinates.length === 2 && v.coordinates.every((c) => typeof c === 'number');
}

function getPath(doc: unknown, path: string): unknown {
  let cur: unknown = doc;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

// ---------------------------------------------------------------------------------------------
// Matching (MongoDB semantics for the operators supported)

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** A value or, for an array field, any of its elements satisfies `pred` (MongoDB's multikey rule). */
function anyValue(value: unknown, pred: (v: unknown) => boolean): boolean {
  if (pred(value)) return true;
  return Array.isArray(value) && value.some(pred);
}

function equalsQuery(value: unknown, target: unknown): boolean {
  if (target === null) return value === null || value === undefined;
  return anyValue(value, (v) => deepEqual(v, target));
}

function compareScalar(a: unknown, b: unknown): number | null {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return null; // different types never satisfy a range condition
}

function matchCommand(value: unknown, cmd: QueryCommand): boolean {
  switch (cmd.op) {
    case 'eq':
      return equalsQuery(value, cmd.value);
    case 'neq':
      return !equalsQuery(value, cmd.value);
    case 'in':
      return (cmd.value as unknown[]).some((t) => equalsQuery(value, t));
    case 'nin':
      return !(cmd.value as unknown[]).some((t) => equalsQuery(value, t));
    case 'exists':
      return (value !== undefined) === cmd.value;
    default: {
      const sign = { gt: (c: number) => c > 0, gte: (c: number) => c >= 0, lt: (c: number) => c < 0, lte: (c: number) => c <= 0 }[cmd.op];
      return anyValue(value, (v) => {
        const c = compareScalar(v, cmd.value);
        return c !== null && sign(c);
      });
    }
  }
}

function matchField(doc: Doc, path: string, spec: unknown): boolean {
  if (spec instanceof GeoNearCommand) return true; // applied separately (distance + order)
  const value = getPath(doc, path);
  if (spec instanceof FakeRegExp) return anyValue(value, (v) => typeof v === 'string' && spec.compiled.test(v));
  if (spec instanceof QueryCommand) return matchCommand(value, spec);
  if (spec instanceof LogicCommand) return unsupported('a logic command on a single field');
  if (isPlainObject(spec)) {
    // CloudBase treats a nested object in where() as conditions on nested fields.
    return Object.entries(spec).every(([k, v]) => matchField(doc, `${path}.${k}`, v));
  }
  return equalsQuery(value, spec);
}

function matches(doc: Doc, cond: unknown): boolean {
  if (cond instanceof LogicCommand) {
    return cond.op === 'and' ? cond.conditions.every((c) => matches(doc, c)) : cond.conditions.some((c) => matches(doc, c));
  }
  return Object.entries(cond as Record<string, unknown>).every(([path, spec]) => matchField(doc, path, spec));
}

/** Check a where() condition and find its geoNear, if any. */
function inspectCondition(cond: unknown, inOr: boolean, found: { field: string; cmd: GeoNearCommand }[], prefix = ''): void {
  if (cond instanceof LogicCommand) {
    for (const c of cond.conditions) inspectCondition(c, inOr || cond.op === 'or', found, prefix);
    return;
  }
  if (!isPlainObject(cond)) throw new Error('where: a condition must be a plain object or a logic command');
  for (const [key, spec] of Object.entries(cond)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (spec === undefined) throw new Error(`where: ${path} is undefined (the SDK would drop it and widen the query)`);
    if (spec instanceof GeoNearCommand) {
      if (inOr) throw new Error('where: geoNear cannot be used inside _.or');
      found.push({ field: path, cmd: spec });
    } else if (isPlainObject(spec)) {
      inspectCondition(spec, inOr, found, path);
    } else if (spec instanceof UpdateCommand || spec instanceof AggregateOperator) {
      throw new Error(`where: ${path} holds an update/aggregation operator, not a query condition`);
    } else if (typeof spec === 'function' || typeof spec === 'symbol') {
      throw new Error(`where: ${path} is not a value or a command`);
    }
  }
}

function haversine(aLng: number, aLat: number, bLng: number, bLat: number): number {
  const r = Math.PI / 180;
  const h = Math.sin(((bLat - aLat) * r) / 2) ** 2 + Math.cos(aLat * r) * Math.cos(bLat * r) * Math.sin(((bLng - aLng) * r) / 2) ** 2;
  return 2 * MONGO_EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

function compareForSort(a: unknown, b: unknown): number {
  // MongoDB order of types: missing/null < numbers < strings < everything else.
  const rank = (v: unknown) => (v === undefined || v === null ? 0 : typeof v === 'number' ? 1 : typeof v === 'string' ? 2 : 3);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 3) unsupported('orderBy on an object or array field');
  return ra === 0 ? 0 : (compareScalar(a, b) as number);
}

/** wx-server-sdk's Geo.Point: callable with or without `new`. */
const geoPointFunction = function (lng: number, lat: number) {
  return new FakeGeoPoint(lng, lat);
} as unknown as { new (lng: number, lat: number): FakeGeoPoint; (lng: number, lat: number): FakeGeoPoint };

// ---------------------------------------------------------------------------------------------
// Updates

/** [path, value] pairs of update() data: nested plain objects become dotted paths, as the SDK's serialiser does. */
function flattenUpdate(data: Record<string, unknown>, prefix: string, out: [string, unknown][]): [string, unknown][] {
  for (const [k, v] of Object.entries(data)) {
    if (k.startsWith('$')) throw new Error(`update: field name "${k}" may not start with $`);
    if (v === undefined) continue; // dropped by the SDK's serialiser
    const path = prefix ? `${prefix}.${k}` : k;
    if (isPlainObject(v) && Object.keys(v).length > 0) flattenUpdate(v, path, out);
    else out.push([path, v]);
  }
  return out;
}

/** A deep copy of stored data, in this realm (structuredClone's objects fail isPlainObject under jest). */
function cloneStored<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneStored) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = cloneStored(v);
    return out as T;
  }
  return value;
}

/** A copy of `doc` with the changes applied (MongoDB $set / $inc semantics). */
function applyUpdate(doc: Doc, changes: [string, unknown][]): Doc {
  const next = cloneStored(doc);
  for (const [path, v] of changes) {
    const parts = path.split('.');
    let cur: Record<string, unknown> = next;
    for (const part of parts.slice(0, -1)) {
      if (cur[part] === undefined) cur[part] = {};
      else if (!isPlainObject(cur[part])) throw new SdkError('DATABASE_REQUEST_FAILED', `update: cannot create field inside "${part}" of ${path} (not an object)`);
      cur = cur[part] as Record<string, unknown>;
    }
    const last = parts[parts.length - 1];
    if (v instanceof UpdateCommand && v.op === 'set') {
      cur[last] = toStored(v.value, path);
    } else if (v instanceof UpdateCommand) {
      const old = cur[last];
      const n = v.value as number;
      if (old === undefined) cur[last] = n;
      else if (typeof old === 'number') cur[last] = old + n;
      else throw new SdkError('DATABASE_REQUEST_FAILED', `Cannot apply $inc to a value of non-numeric type (${path})`);
    } else {
      cur[last] = v;
    }
  }
  return next;
}

// ---------------------------------------------------------------------------------------------
// Aggregation

type Stage =
  | { kind: 'match'; cond: unknown }
  | { kind: 'group'; spec: Record<string, unknown> }
  | { kind: 'sort'; spec: Record<string, 1 | -1> }
  | { kind: 'skip'; n: number }
  | { kind: 'limit'; n: number };

/** Documents an aggregation answers when the pipeline has no limit stage (observed in cloud functions). */
export const AGGREGATE_DEFAULT_LIMIT = 20;

function evalExpression(row: Record<string, unknown>, expr: unknown, topLevel = true): unknown {
  if (typeof expr === 'string' && expr.startsWith('$')) {
    const v = getPath(row, expr.slice(1));
    return v === undefined && topLevel ? null : v;
  }
  if (isPlainObject(expr)) {
    const out: Record<string, unknown> = {};
    for (const [k, e] of Object.entries(expr)) {
      const v = evalExpression(row, e, false);
      if (v !== undefined) out[k] = v; // MongoDB leaves out a missing field
    }
    return out;
  }
  if (isCommand(expr)) return unsupported('an operator inside a group _id');
  return expr;
}

function runGroup(rows: Record<string, unknown>[], spec: Record<string, unknown>): Record<string, unknown>[] {
  const accumulators = Object.entries(spec).filter(([k]) => k !== '_id') as [string, AggregateOperator][];
  const groups = new Map<string, { out: Record<string, unknown>; seen: Set<string> }>();
  for (const row of rows) {
    const id = evalExpression(row, spec._id);
    const key = JSON.stringify(id);
    let g = groups.get(key);
    if (!g) {
      g = { out: { _id: id }, seen: new Set() };
      for (const [field, op] of accumulators) if (op.op === 'sum') g.out[field] = 0;
      groups.set(key, g);
    }
    for (const [field, op] of accumulators) {
      if (op.op === 'sum') {
        const v = typeof op.arg === 'number' ? op.arg : evalExpression(row, op.arg);
        if (typeof v === 'number') g.out[field] = (g.out[field] as number) + v;
      } else if (!g.seen.has(field)) {
        g.seen.add(field);
        g.out[field] = evalExpression(row, op.arg);
      }
    }
  }
  return [...groups.values()].map((g) => g.out);
}

// ---------------------------------------------------------------------------------------------
// The database

interface QueryState {
  where?: unknown;
  orders: [string, 'asc' | 'desc'][];
  skip?: number;
  limit?: number;
  projection?: Record<string, boolean>;
}

interface StoredCollection {
  indexes: IndexDef[];
  docs: Map<string, Doc>;
  /** Commit sequence number of each document's last write (kept after removal). */
  versions: Map<string, number>;
}

/** A server's error answer `{ code, message }` inside the double; `clientError` turns it into what each SDK throws. */
class SdkError extends Error {
  constructor(
    readonly errCode: string,
    message: string,
  ) {
    super(message);
    this.name = 'ServerError';
  }
}

/** node-sdk's TcbError: own `code` and `requestId`, the server's message. */
class TcbError extends Error {
  readonly code: string;
  readonly requestId = 'fake';
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/** wx-server-sdk's numeric codes for server codes (its TCB_ERR_CODE table; anything else is -501001). */
const WX_ERR_CODES: Record<string, [number, string]> = {
  DATABASE_REQUEST_FAILED: [-502001, 'database request fail'],
  DATABASE_PERMISSION_DENIED: [-502003, 'database permission denied'],
  DATABASE_COLLECTION_NOT_EXIST: [-502005, 'database collection not exists'],
};
const WX_SYSTEM_ERROR: [number, string] = [-501001, 'resource system error'];

/** The API name wx-server-sdk puts before `:fail` for each request. */
const WX_API: Partial<Record<RequestLog['op'], string>> = {
  get: 'collection.get',
  count: 'collection.count',
  remove: 'collection.remove',
  update: 'collection.update',
  add: 'collection.add',
  aggregate: 'collection.aggregate',
  'doc.get': 'document.get',
  'doc.set': 'document.set',
  'doc.update': 'document.update',
  'doc.remove': 'document.remove',
  'tx.add': 'collection.add',
  'tx.get': 'document.get',
  'tx.set': 'document.set',
  'tx.update': 'document.update',
  'tx.remove': 'document.remove',
};

/**
 * What each SDK throws for a server's error answer, as captured from the real packages with only
 * their HTTP layer scripted (test/contract/sdk-errors.test.ts): node-sdk rejects with a TcbError
 * carrying the server's code and message; wx-server-sdk with `{ errCode, errMsg }`, errCode from
 * its table (-501001 "resource system error" for a code it does not know, such as a transaction
 * conflict) and errMsg `<api>:fail <errCode> <description>. <server message>`. Transaction
 * start/commit/rollback reject with the TcbError in both (wx-server-sdk hands them to node-sdk).
 */
export function clientError(flavour: SdkFlavour, op: RequestLog['op'], code: string, message: string): Error {
  if (flavour === 'node-sdk' || op.startsWith('tx.start') || op === 'tx.commit' || op === 'tx.rollback') return new TcbError(code, message);
  const [errCode, description] = WX_ERR_CODES[code] ?? WX_SYSTEM_ERROR;
  const errMsg = `${WX_API[op] ?? op}:fail ${errCode} ${description}. ${message}`;
  return Object.assign(new Error(errMsg), { errCode, errMsg });
}

/** wx-server-sdk's own rejection of a missing document (throwOnNotFound), after a successful request. */
function wxNotFound(id: string): Error {
  const errMsg = `document.get:fail document with _id ${id} does not exist`;
  return Object.assign(new Error(errMsg), { errCode: -1, errMsg });
}

/** The server's message with a transaction write conflict (its code: TRANSACTION_CONFLICT). */
export const TRANSACTION_CONFLICT_MESSAGE = '[ResourceUnavailable.TransactionConflict] Transaction is conflicted, please retry.';
/** The server's message of a failure injected with failNext / failTransactionWrite. */
export const FAKE_FAILURE_MESSAGE = 'internal server error (fake failure)';

export const TRANSACTION_CONFLICT = 'DATABASE_TRANSACTION_CONFLICT';

class TxState {
  readonly writes = new Map<string, { name: string; id: string; doc: Doc | null }>();
  writeCount = 0;
  ended = false;
  aborted = false;
  abortReason: unknown = undefined;
  /** Set when an operation failed on the server: the transaction can no longer commit. */
  failed: string | null = null;
  constructor(
    readonly startSeq: number,
    readonly failAtWrite: number | null,
  ) {}
}


export class FakeCloudbase {
  readonly flavour: SdkFlavour;
  /** Every request that reached the "server", in order. */
  readonly log: RequestLog[] = [];
  private readonly collections = new Map<string, StoredCollection>();
  private down = false;
  private failures = 0;
  /** Bumped by every write that reaches storage. */
  private seq = 0;
  private readonly locks = new Map<string, TxState>();
  private txFault: number | null = null;
  private generatedIds = 0;
  /** Transaction attempts started (retries included). */
  transactionsStarted = 0;

  constructor(options: FakeCloudbaseOptions = {}) {
    this.flavour = options.flavour ?? 'wx-server-sdk';
    const declared = options.collections ?? declaredIndexes(options.prefix ?? '');
    for (const [name, indexes] of Object.entries(declared)) this.collections.set(name, { indexes, docs: new Map(), versions: new Map() });
    this.db = this.makeDb();
  }

  /** Fail every request (a network outage) until called with false. */
  setDown(down: boolean): void {
    this.down = down;
  }

  /** Fail the next `n` requests (a server error). */
  failNext(n = 1): void {
    this.failures += n;
  }

  /** Make the n-th write (add/set/update/remove) of the next transaction fail with a server error. */
  failTransactionWrite(n = 1): void {
    if (!Number.isInteger(n) || n < 1) throw new Error('failTransactionWrite: n must be a positive integer');
    this.txFault = n;
  }

  /** Raw stored documents of a collection (for assertions). */
  dump(name: string): Doc[] {
    return [...(this.collections.get(name)?.docs.values() ?? [])].map((d) => structuredClone(d));
  }

  /** The object an adapter receives: what `cloud.database()` returns. */
  readonly db: ReturnType<FakeCloudbase['makeDb']>;

  private makeDb() {
    return {
      command: makeCommand(),
      // node-sdk exposes the class (so `new` is required); wx-server-sdk wraps it in a plain function.
      Geo: { Point: (this.flavour === 'node-sdk' ? FakeGeoPoint : geoPointFunction) as typeof geoPointFunction },
      RegExp: (o: { regexp: string; options?: string }) => new FakeRegExp(o?.regexp, o?.options),
      collection: (name: string) => {
        if (typeof name !== 'string' || !name) throw new Error('collection: name is required');
        return this.collectionRef(name);
      },
      createCollection: (name: string) =>
        this.send({ op: 'createCollection', collection: name }, () => {
          if (this.collections.has(name)) throw new SdkError('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${name} already exists`);
          this.collections.set(name, { indexes: [], docs: new Map(), versions: new Map() });
          return {};
        }),
      runTransaction: <T>(callback: (transaction: FakeTransaction) => Promise<T>, times = 3): Promise<T> => this.runTransaction(callback, times),
      startTransaction: () => unsupported('startTransaction (use runTransaction)'),
    };
  }

  // --- requests ------------------------------------------------------------------------------

  /** Run one request as the SDK would deliver it: outages and server errors per flavour. */
  private async send<T extends object>(entry: RequestLog, run: () => T): Promise<T> {
    await Promise.resolve(); // always asynchronous, like a network call
    this.log.push(entry);
    if (this.down) throw Object.assign(new Error('connect ECONNREFUSED (fake outage)'), { code: 'ECONNREFUSED' });
    let serverError: SdkError | null = null;
    let result: T | undefined;
    if (this.failures > 0) {
      this.failures--;
      serverError = new SdkError('DATABASE_REQUEST_FAILED', FAKE_FAILURE_MESSAGE);
    } else {
      try {
        result = run();
      } catch (err) {
        if (!(err instanceof SdkError)) throw err; // misuse of the API: always a plain throw
        serverError = err;
      }
    }
    if (serverError) throw clientError(this.flavour, entry.op, serverError.errCode, serverError.message);
    return result as T;
  }

  private store(name: string): StoredCollection {
    const c = this.collections.get(name);
    if (!c) throw new SdkError('DATABASE_COLLECTION_NOT_EXIST', `collection ${name} does not exist`);
    return c;
  }

  /**
   * MongoDB's unique indexes: a document whose key another document (committed, or written by
   * `tx`) already holds fails with E11000 duplicate key, naming the index.
   */
  private checkUnique(name: string, id: string, doc: Doc | null, tx?: TxState): void {
    const c = this.store(name);
    const unique = c.indexes.filter((i) => i.unique);
    if (!doc || !unique.length) return;
    const holders = new Map(c.docs);
    for (const w of tx?.writes.values() ?? []) {
      if (w.name !== name) continue;
      if (w.doc) holders.set(w.id, w.doc);
      else holders.delete(w.id);
    }
    for (const idx of unique) {
      const fields = Object.keys(idx.key);
      const keyOf = (d: Doc) => JSON.stringify(fields.map((f) => getPath(d, f) ?? null));
      const key = keyOf(doc);
      for (const [otherId, other] of holders) {
        if (otherId === id || keyOf(other) !== key) continue;
        const shown = fields.map((f) => `${f}: ${JSON.stringify(getPath(doc, f) ?? null)}`).join(', ');
        throw new SdkError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error collection: ${name} index: ${idx.name} dup key: { ${shown} }`);
      }
    }
  }

  /** Every write that reaches storage goes through here. */
  private write(name: string, id: string, doc: Doc | null): void {
    const c = this.store(name);
    this.checkUnique(name, id, doc);
    this.seq++;
    if (doc) c.docs.set(id, doc);
    else c.docs.delete(id);
    c.versions.set(id, this.seq);
  }

  private version(name: string, id: string): number {
    return this.store(name).versions.get(id) ?? 0;
  }

  private ok<W extends object, N extends object>(wx: W, node: N): W | N {
    return this.flavour === 'wx-server-sdk' ? wx : node;
  }

  /** The data of set()/add()/update(): `{ data }` for wx-server-sdk, the object itself for node-sdk. */
  private unwrap(arg: unknown, api: string): Record<string, unknown> {
    let data: unknown = arg;
    if (this.flavour === 'wx-server-sdk') {
      if (!isPlainObject(arg) || !isPlainObject(arg.data)) throw new Error(`${api}:fail options.data must be an object ({ data: {...} })`);
      data = arg.data;
    }
    if (Array.isArray(data)) unsupported(`${api} with an array (batch insert)`);
    if (!isPlainObject(data) || Object.keys(data).length === 0) throw new Error(`${api}:fail data must be a non-empty object`);
    return data;
  }

  private setData(arg: unknown, key: string): Doc {
    const data = this.unwrap(arg, 'document.set');
    if ('_id' in data) throw new Error('document.set:fail 不能更新_id的值 (data must not contain _id)');
    return { ...(toStored(data, '') as Record<string, unknown>), _id: key } as Doc;
  }

  private addData(arg: unknown): Doc {
    const data = this.unwrap(arg, 'collection.add');
    let id = data._id;
    if (id === undefined) id = `fake${String(++this.generatedIds).padStart(12, '0')}`;
    if (typeof id !== 'string' || !id) throw new Error('collection.add:fail _id must be a non-empty string');
    const rest = { ...data };
    delete rest._id;
    return { ...(toStored(rest, '') as Record<string, unknown>), _id: id } as Doc;
  }

  private updateChanges(arg: unknown, api: string): [string, unknown][] {
    const data = this.unwrap(arg, api);
    if ('_id' in data) throw new Error(`${api}:fail 不能更新_id的值`);
    return flattenUpdate(data, '', []).map(([path, v]) => [path, v instanceof UpdateCommand ? v : toStored(v, path)]);
  }

  private duplicate(name: string, id: string): SdkError {
    return new SdkError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error collection: ${name} dup key: { _id: "${id}" }`);
  }

  private collectionRef(name: string) {
    return {
      ...this.queryRef(name, { orders: [] }),
      doc: (id: string) => this.docRef(name, id),
      add: (arg: unknown) => {
        const doc = this.addData(arg);
        return this.send({ op: 'add', collection: name }, () => {
          if (this.store(name).docs.has(doc._id)) throw this.duplicate(name, doc._id);
          this.write(name, doc._id, doc);
          return this.ok({ _id: doc._id, errMsg: 'collection.add:ok' }, { id: doc._id, requestId: 'fake' });
        });
      },
      aggregate: () => this.aggregateRef(name, []),
    };
  }

  private queryRef(name: string, state: QueryState) {
    const next = (patch: Partial<QueryState>) => this.queryRef(name, { ...state, ...patch });
    const noGeo = (what: string) => {
      const geo: { field: string; cmd: GeoNearCommand }[] = [];
      if (state.where) inspectCondition(state.where, false, geo);
      if (geo.length) throw new Error(`${what}: geoNear is not allowed in ${what}`);
    };
    return {
      where: (cond: unknown) => {
        const geo: { field: string; cmd: GeoNearCommand }[] = [];
        inspectCondition(cond, false, geo);
        if (geo.length > 1) throw new Error('where: only one geoNear per query');
        return next({ where: cond });
      },
      orderBy: (field: string, direction: string) => {
        if (typeof field !== 'string' || !field) throw new Error('orderBy: field is required');
        if (direction !== 'asc' && direction !== 'desc') throw new Error(`orderBy: direction must be "asc" or "desc", got ${direction}`);
        return next({ orders: [...state.orders, [field, direction]] });
      },
      skip: (n: number) => {
        if (!Number.isInteger(n) || n < 0) throw new Error(`skip: expects a non-negative integer, got ${n}`);
        return next({ skip: n });
      },
      limit: (n: number) => {
        if (!Number.isInteger(n) || n < 1) throw new Error(`limit: expects a positive integer, got ${n}`);
        if (n > MAX_LIMIT) throw new Error(`limit: at most ${MAX_LIMIT} per get() in a cloud function, got ${n}`);
        return next({ limit: n });
      },
      field: (projection: Record<string, unknown>) => {
        if (!isPlainObject(projection)) throw new Error('field: expects an object');
        for (const [k, v] of Object.entries(projection)) {
          if (v !== true && v !== 1) unsupported(`field() with ${k}: ${String(v)} (only inclusion)`);
          if (k.includes('.')) unsupported('field() on a nested path');
        }
        return next({ projection: projection as Record<string, boolean> });
      },
      get: () =>
        this.send({ op: 'get', collection: name, skip: state.skip, limit: state.limit, ...(state.projection ? { fields: Object.keys(state.projection) } : {}) }, () => {
          const docs = this.run(name, state);
          this.log[this.log.length - 1].returned = docs.length;
          return this.ok({ data: docs, errMsg: 'collection.get:ok' }, { data: docs, requestId: 'fake' });
        }),
      count: () => {
        noGeo('count');
        return this.send({ op: 'count', collection: name }, () => {
          const docs = [...this.store(name).docs.values()].filter((d) => !state.where || matches(d, state.where));
          return { total: docs.length };
        });
      },
      update: (arg: unknown) => {
        if (state.skip !== undefined || state.limit !== undefined || state.orders.length || state.projection) unsupported('update() with skip/limit/orderBy/field');
        noGeo('update');
        const changes = this.updateChanges(arg, 'collection.update');
        return this.send({ op: 'update', collection: name }, () => {
          let updated = 0;
          for (const [id, d] of [...this.store(name).docs]) {
            if (state.where && !matches(d, state.where)) continue;
            this.write(name, id, applyUpdate(d, changes));
            updated++;
          }
          return this.ok({ stats: { updated }, errMsg: 'collection.update:ok' }, { updated, requestId: 'fake' });
        });
      },
      remove: () => {
        if (state.skip !== undefined || state.limit !== undefined || state.orders.length) unsupported('remove() with skip/limit/orderBy');
        noGeo('remove');
        return this.send({ op: 'remove', collection: name }, () => {
          let removed = 0;
          for (const [id, d] of [...this.store(name).docs]) {
            if (!state.where || matches(d, state.where)) {
              this.write(name, id, null);
              removed++;
            }
          }
          return { stats: { removed }, deleted: removed };
        });
      },
    };
  }

  /** Evaluate a query: filter, geo distance order or orderBy, skip, limit (default 100), projection. */
  private run(name: string, state: QueryState): Record<string, unknown>[] {
    const c = this.store(name);
    let docs = [...c.docs.values()].filter((d) => !state.where || matches(d, state.where));
    const geo: { field: string; cmd: GeoNearCommand }[] = [];
    if (state.where) inspectCondition(state.where, false, geo);
    if (geo.length) {
      const { field, cmd } = geo[0];
      if (!c.indexes.some((i) => i.key[field] === '2dsphere')) {
        throw new SdkError('DATABASE_REQUEST_FAILED', `unable to find index for $geoNear query on ${name}.${field}`);
      }
      if (state.orders.length) unsupported('orderBy together with geoNear (undocumented in CloudBase)');
      const p = cmd.geometry;
      const withDistance: { d: number; doc: Doc }[] = [];
      for (const doc of docs) {
        const v = getPath(doc, field);
        if (!isGeoJsonPoint(v)) continue;
        const d = haversine(p.longitude, p.latitude, v.coordinates[0], v.coordinates[1]);
        if (cmd.maxDistance !== undefined && d > cmd.maxDistance) continue;
        if (cmd.minDistance !== undefined && d < cmd.minDistance) continue;
        withDistance.push({ d, doc });
      }
      withDistance.sort((a, b) => a.d - b.d); // stable: ties keep insertion order
      docs = withDistance.map((x) => x.doc);
    } else if (state.orders.length) {
      docs.sort((a, b) => {
        for (const [f, dir] of state.orders) {
          const c2 = compareForSort(getPath(a, f), getPath(b, f));
          if (c2 !== 0) return dir === 'asc' ? c2 : -c2;
        }
        return 0;
      });
    }
    const skip = state.skip ?? 0;
    const page = docs.slice(skip, skip + (state.limit ?? MAX_LIMIT));
    return page.map((d) => {
      const picked = state.projection
        ? Object.fromEntries([['_id', d._id], ...Object.keys(state.projection).filter((k) => k in d).map((k) => [k, d[k]])])
        : d;
      return toRead(picked) as Record<string, unknown>;
    });
  }

  private docRef(name: string, id: string) {
    if ((typeof id !== 'string' || !id) && typeof id !== 'number') throw new Error('doc: id is required');
    const key = String(id);
    return {
      get: () =>
        this.send({ op: 'doc.get', collection: name }, () => {
          const doc = this.store(name).docs.get(key);
          if (this.flavour === 'node-sdk') return { data: doc ? [toRead(doc)] : [], requestId: 'fake' };
          if (!doc) throw wxNotFound(key);
          return { data: toRead(doc), errMsg: 'document.get:ok' };
        }),
      set: (arg: unknown) => {
        const stored = this.setData(arg, key);
        return this.send({ op: 'doc.set', collection: name }, () => {
          const existed = this.store(name).docs.has(key);
          this.write(name, key, stored); // replace: no merge with the previous version
          return this.ok(
            { _id: key, stats: { updated: existed ? 1 : 0, created: existed ? 0 : 1 }, errMsg: 'document.set:ok' },
            { updated: existed ? 1 : 0, upsertedId: existed ? undefined : key, requestId: 'fake' },
          );
        });
      },
      update: (arg: unknown) => {
        const changes = this.updateChanges(arg, 'document.update');
        return this.send({ op: 'doc.update', collection: name }, () => {
          const doc = this.store(name).docs.get(key);
          if (doc) this.write(name, key, applyUpdate(doc, changes));
          const updated = doc ? 1 : 0;
          return this.ok({ stats: { updated }, errMsg: 'document.update:ok' }, { updated, requestId: 'fake' });
        });
      },
      remove: () =>
        this.send({ op: 'doc.remove', collection: name }, () => {
          const existed = this.store(name).docs.has(key);
          if (existed) this.write(name, key, null);
          return { stats: { removed: existed ? 1 : 0 }, deleted: existed ? 1 : 0 };
        }),
    };
  }

  // --- aggregation ---------------------------------------------------------------------------

  private aggregateRef(name: string, stages: Stage[]): FakeAggregate {
    const next = (s: Stage) => this.aggregateRef(name, [...stages, s]);
    const count = (what: string, n: unknown, min: number) => {
      if (!Number.isInteger(n) || (n as number) < min) throw new Error(`aggregate.${what}: expects an integer ≥ ${min}, got ${String(n)}`);
      return n as number;
    };
    const api: FakeAggregate = {
      match: (cond: unknown) => {
        const geo: { field: string; cmd: GeoNearCommand }[] = [];
        inspectCondition(cond, false, geo);
        if (geo.length) unsupported('geoNear inside match');
        return next({ kind: 'match', cond });
      },
      group: (spec: Record<string, unknown>) => {
        if (!isPlainObject(spec) || !('_id' in spec)) throw new Error('aggregate.group: expects an object with _id');
        for (const [k, v] of Object.entries(spec)) {
          if (k !== '_id' && !(v instanceof AggregateOperator)) throw new Error(`aggregate.group: ${k} must be an accumulator ($.sum, $.first…)`);
        }
        return next({ kind: 'group', spec });
      },
      sort: (spec: Record<string, 1 | -1>) => {
        if (!isPlainObject(spec) || !Object.keys(spec).length || !Object.values(spec).every((v) => v === 1 || v === -1)) throw new Error('aggregate.sort: expects { field: 1 | -1, … }');
        return next({ kind: 'sort', spec });
      },
      skip: (n: number) => next({ kind: 'skip', n: count('skip', n, 0) }),
      limit: (n: number) => next({ kind: 'limit', n: count('limit', n, 1) }),
      end: () =>
        this.send({ op: 'aggregate', collection: name }, () => {
          const list = this.pipeline(name, stages);
          return this.ok({ list, errMsg: 'collection.aggregate:ok' }, { data: list, requestId: 'fake' });
        }),
    };
    return new Proxy(api, {
      get(target, prop) {
        if (typeof prop === 'string' && prop in target) return target[prop as keyof FakeAggregate];
        if (typeof prop === 'symbol' || prop === 'then') return undefined;
        return unsupported(`aggregate().${String(prop)}`);
      },
    });
  }

  private pipeline(name: string, stages: Stage[]): unknown[] {
    let rows: Record<string, unknown>[] = [...this.store(name).docs.values()];
    let limited = false;
    for (const s of stages) {
      if (s.kind === 'match') rows = rows.filter((r) => matches(r as Doc, s.cond));
      else if (s.kind === 'group') rows = runGroup(rows, s.spec);
      else if (s.kind === 'skip') rows = rows.slice(s.n);
      else if (s.kind === 'limit') {
        rows = rows.slice(0, s.n);
        limited = true;
      } else if (s.kind === 'sort') {
        const keys = Object.entries(s.spec);
        rows = [...rows].sort((a, b) => {
          for (const [f, dir] of keys) {
            const c = compareForSort(getPath(a, f), getPath(b, f));
            if (c !== 0) return dir === 1 ? c : -c;
          }
          return 0;
        });
      }
    }
    if (!limited) rows = rows.slice(0, AGGREGATE_DEFAULT_LIMIT);
    return rows.map((r) => toRead(r));
  }

  // --- transactions --------------------------------------------------------------------------

  private async runTransaction<T>(callback: (transaction: FakeTransaction) => Promise<T>, times: number): Promise<T> {
    if (typeof callback !== 'function') throw new Error('runTransaction: callback must be a function');
    const tx = new TxState(this.seq, this.txFault);
    this.txFault = null;
    this.transactionsStarted++;
    await this.send({ op: 'tx.start', collection: '' }, () => ({ transactionId: `tx${this.transactionsStarted}` }));
    try {
      const result = await callback(this.transactionRef(tx));
      if (tx.aborted) throw tx.abortReason;
      await this.commit(tx);
      return result;
    } catch (err) {
      this.end(tx);
      // As node-sdk's runTransaction: retry on a conflict answer, up to `times` more attempts.
      if (times > 0 && (err as { code?: unknown } | null)?.code === TRANSACTION_CONFLICT) return this.runTransaction(callback, times - 1);
      throw err;
    }
  }

  private async commit(tx: TxState): Promise<void> {
    await this.send({ op: 'tx.commit', collection: '' }, () => {
      this.checkOpen(tx);
      if (tx.failed) throw new SdkError(tx.failed, `transaction cannot commit after a failed operation (${tx.failed})`);
      for (const w of tx.writes.values()) {
        if (this.version(w.name, w.id) > tx.startSeq) throw new SdkError(TRANSACTION_CONFLICT, TRANSACTION_CONFLICT_MESSAGE);
      }
      const writes = [...tx.writes.values()];
      // All or nothing: a unique key another transaction committed meanwhile fails the commit.
      for (const w of writes) this.checkUnique(w.name, w.id, w.doc);
      this.end(tx);
      for (const w of writes) this.write(w.name, w.id, w.doc);
      return {};
    });
  }

  private end(tx: TxState): void {
    if (tx.ended) return;
    tx.ended = true;
    tx.writes.clear();
    for (const [k, holder] of [...this.locks]) if (holder === tx) this.locks.delete(k);
  }

  private checkOpen(tx: TxState): void {
    if (tx.ended) throw new SdkError('DATABASE_TRANSACTION_FAIL', 'the transaction has ended (committed, rolled back or failed)');
  }

  private txKey(name: string, id: string): string {
    return `${name}\u0000${id}`;
  }

  private txRead(tx: TxState, name: string, id: string): Doc | null {
    const own = tx.writes.get(this.txKey(name, id));
    if (own) return own.doc;
    return this.store(name).docs.get(id) ?? null;
  }

  /** Buffer a write: fault injection, then first-writer-wins conflict detection. */
  private txWrite(tx: TxState, name: string, id: string, doc: Doc | null): void {
    this.store(name);
    tx.writeCount++;
    try {
      if (tx.failAtWrite === tx.writeCount) throw new SdkError('DATABASE_REQUEST_FAILED', `${FAKE_FAILURE_MESSAGE}: write ${tx.writeCount} of the transaction`);
      const k = this.txKey(name, id);
      const holder = this.locks.get(k);
      if ((holder && holder !== tx) || this.version(name, id) > tx.startSeq) {
        throw new SdkError(TRANSACTION_CONFLICT, TRANSACTION_CONFLICT_MESSAGE);
      }
      this.checkUnique(name, id, doc, tx);
      this.locks.set(k, tx);
      tx.writes.set(k, { name, id, doc });
    } catch (err) {
      if (err instanceof SdkError) tx.failed = err.errCode;
      throw err;
    }
  }

  private transactionRef(tx: TxState): FakeTransaction {
    return {
      collection: (name: string) => {
        if (typeof name !== 'string' || !name) throw new Error('Collection name is required');
        const refuse = (what: string) => () => {
          throw new Error(`fake-cloudbase: ${what} is not allowed in a transaction (only add() and doc(id).get/set/update/remove())`);
        };
        return {
          add: (arg: unknown) => {
            const doc = this.addData(arg);
            return this.send({ op: 'tx.add', collection: name }, () => {
              this.checkOpen(tx);
              if (this.txRead(tx, name, doc._id)) {
                tx.failed = 'DATABASE_DUPLICATE_WRITE';
                throw this.duplicate(name, doc._id);
              }
              this.txWrite(tx, name, doc._id, doc);
              return this.ok({ _id: doc._id, errMsg: 'collection.add:ok' }, { inserted: 1, ok: 1, id: doc._id, requestId: 'fake' });
            });
          },
          doc: (id: string) => this.txDocRef(tx, name, id),
          where: refuse('where()'),
          orderBy: refuse('orderBy()'),
          skip: refuse('skip()'),
          limit: refuse('limit()'),
          field: refuse('field()'),
          get: refuse('collection.get()'),
          count: refuse('count()'),
          update: refuse('collection.update()'),
          remove: refuse('collection.remove()'),
          aggregate: refuse('aggregate()'),
        };
      },
      rollback: (reason?: unknown) =>
        this.send({ op: 'tx.rollback', collection: '' }, () => {
          this.checkOpen(tx);
          tx.aborted = true;
          tx.abortReason = reason;
          this.end(tx);
          return {};
        }),
      commit: () => unsupported('transaction.commit() inside runTransaction (it commits when the callback resolves)'),
    };
  }

  private txDocRef(tx: TxState, name: string, id: string) {
    if (typeof id !== 'string' || !id) throw new Error('doc: id is required');
    return {
      get: () =>
        this.send({ op: 'tx.get', collection: name }, () => {
          this.checkOpen(tx);
          const doc = this.txRead(tx, name, id);
          if (this.flavour === 'node-sdk') return { data: doc ? toRead(doc) : null, requestId: 'fake' };
          // wx-server-sdk rejects a missing document (throwOnNotFound); the transaction goes on.
          if (!doc) throw wxNotFound(id);
          return { data: toRead(doc), errMsg: 'document.get:ok' };
        }),
      set: (arg: unknown) => {
        const stored = this.setData(arg, id);
        return this.send({ op: 'tx.set', collection: name }, () => {
          this.checkOpen(tx);
          const existed = !!this.txRead(tx, name, id);
          this.txWrite(tx, name, id, stored);
          return this.ok({ _id: id, stats: { updated: existed ? 1 : 0, created: 0 }, errMsg: 'document.set:ok' }, { updated: existed ? 1 : 0, upserted: [{ _id: id }], requestId: 'fake' });
        });
      },
      update: (arg: unknown) => {
        const changes = this.updateChanges(arg, 'document.update');
        return this.send({ op: 'tx.update', collection: name }, () => {
          this.checkOpen(tx);
          const doc = this.txRead(tx, name, id);
          if (doc) this.txWrite(tx, name, id, applyUpdate(doc, changes));
          const updated = doc ? 1 : 0;
          return this.ok({ stats: { updated }, errMsg: 'document.update:ok' }, { updated, requestId: 'fake' });
        });
      },
      remove: () =>
        this.send({ op: 'tx.remove', collection: name }, () => {
          this.checkOpen(tx);
          const existed = !!this.txRead(tx, name, id);
          if (existed) this.txWrite(tx, name, id, null);
          return this.ok({ stats: { removed: existed ? 1 : 0 }, errMsg: 'document.remove:ok' }, { deleted: existed ? 1 : 0, requestId: 'fake' });
        }),
    };
  }
}

/** What a transaction callback receives. */
export interface FakeTransaction {
  collection(name: string): {
    add(arg: unknown): Promise<unknown>;
    doc(id: string): { get(): Promise<unknown>; set(arg: unknown): Promise<unknown>; update(arg: unknown): Promise<unknown>; remove(): Promise<unknown> };
    [refused: string]: unknown;
  };
  rollback(reason?: unknown): Promise<unknown>;
  commit(): never;
}

/** The pipeline the adapters use (adapters/cloudbase/sdk.ts), answering a promise. */
export type FakeAggregate = CbAggregate<Promise<unknown>>;

export function createFakeCloudbase(options: FakeCloudbaseOptions = {}): FakeCloudbase {
  return new FakeCloudbase(options);
}
