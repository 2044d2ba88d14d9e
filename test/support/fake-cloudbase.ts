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
 * n requests. Failures look like each SDK's: wx-server-sdk rejects; node-sdk resolves
 * `{ code, message }` for a server error (failNext) and rejects for a network failure (setDown).
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
 * with DATABASE_TRANSACTION_CONFLICT, and so does a commit whose documents changed meanwhile. Like
 * the SDK, runTransaction retries the callback when the error has `code:
 * 'DATABASE_TRANSACTION_CONFLICT'`: node-sdk operations answer `{ code }` and commits throw it, so
 * those are retried; wx-server-sdk operations reject with an error carrying `errCode`, which the
 * SDK's check does not see, so those are not. `doc(id).get()` in a transaction answers
 * `{ data: doc | null }` (node-sdk) or `{ data: doc }` and rejects a missing one (wx-server-sdk,
 * default throwOnNotFound).
 *
 * Faults inside transactions: `failTransactionWrite(n)` makes the n-th write (add/set/update/remove)
 * of the next transaction fail with a server error, to prove nothing is half-written.
 */
import indexConfig from '../../adapters/cloudbase/indexes.json';

export type SdkFlavour = 'wx-server-sdk' | 'node-sdk';

export interface IndexDef {
  name: string;
  key: Record<string, 1 | -1 | '2dsphere'>;
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
}

/** Documented maximum of one `get()` / `limit()` in a cloud function. */
export const MAX_LIMIT = 100;
/** MongoDB's 2dsphere distance radius. */
const MONGO_EARTH_RADIUS_M = 6_378_100;

/** The indexes of adapters/cloudbase/indexes.json, collection names prefixed. */
export function declaredIndexes(prefix = ''): Record<string, IndexDef[]> {
  const out: Record<string, IndexDef[]> = {};
  for (const [name, defs] of Object.entries(indexConfig.collections)) {
    out[prefix + name] = defs.map((d) => ({ name: d.name, key: d.key as IndexDef['key'] }));
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
    readonly op: 'inc',
    readonly value: number,
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

