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
  op: 'get' | 'count' | 'remove' | 'doc.get' | 'doc.set' | 'doc.remove' | 'createCollection';
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

const isCommand = (v: unknown) => v instanceof QueryCommand || v instanceof LogicCommand || v instanceof GeoNearCommand;

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
// The database

interface QueryState {
  where?: unknown;
  orders: [string, 'asc' | 'desc'][];
  skip?: number;
  limit?: number;
  projection?: Record<string, boolean>;
}

class SdkError extends Error {
  constructor(
    readonly errCode: string,
    message: string,
  ) {
    super(message);
    this.name = 'CloudSDKError';
  }
}

export class FakeCloudbase {
  readonly flavour: SdkFlavour;
  /** Every request that reached the "server", in order. */
  readonly log: RequestLog[] = [];
  private readonly collections = new Map<string, { indexes: IndexDef[]; docs: Map<string, Doc> }>();
  private down = false;
  private failures = 0;

  constructor(options: FakeCloudbaseOptions = {}) {
    this.flavour = options.flavour ?? 'wx-server-sdk';
    const declared = options.collections ?? declaredIndexes(options.prefix ?? '');
    for (const [name, indexes] of Object.entries(declared)) this.collections.set(name, { indexes, docs: new Map() });
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
          this.collections.set(name, { indexes: [], docs: new Map() });
          return {};
        }),
    };
  }

  // --- requests ------------------------------------------------------------------------------

  /** Run one request as the SDK would deliver it: outages and server errors per flavour. */
  private async send<T extends object>(entry: RequestLog, run: () => T): Promise<T | { code: string; message: string }> {
    await Promise.resolve(); // always asynchronous, like a network call
    this.log.push(entry);
    if (this.down) throw new SdkError('NETWORK_ERROR', `${entry.op}:fail network unreachable (fake outage)`);
    let serverError: SdkError | null = null;
    let result: T | undefined;
    if (this.failures > 0) {
      this.failures--;
      serverError = new SdkError('DATABASE_REQUEST_FAILED', `${entry.op}:fail internal server error (fake failure)`);
    } else {
      try {
        result = run();
      } catch (err) {
        if (!(err instanceof SdkError)) throw err; // misuse of the API: always a plain throw
        serverError = err;
      }
    }
    if (serverError) {
      if (this.flavour === 'node-sdk') return { code: serverError.errCode, message: serverError.message };
      throw serverError;
    }
    return result as T;
  }

  private store(name: string) {
    const c = this.collections.get(name);
    if (!c) throw new SdkError('DATABASE_COLLECTION_NOT_EXIST', `collection ${name} does not exist`);
    return c;
  }

  private collectionRef(name: string) {
    return { ...this.queryRef(name, { orders: [] }), doc: (id: string) => this.docRef(name, id) };
  }

  private queryRef(name: string, state: QueryState) {
    const next = (patch: Partial<QueryState>) => this.queryRef(name, { ...state, ...patch });
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
        this.send({ op: 'get', collection: name, skip: state.skip, limit: state.limit }, () => {
          const docs = this.run(name, state);
          this.log[this.log.length - 1].returned = docs.length;
          return this.flavour === 'wx-server-sdk' ? { data: docs, errMsg: 'collection.get:ok' } : { data: docs, requestId: 'fake' };
        }),
      count: () => {
        const geo: { field: string; cmd: GeoNearCommand }[] = [];
        if (state.where) inspectCondition(state.where, false, geo);
        if (geo.length) throw new Error('count: geoNear is not allowed in count()');
        return this.send({ op: 'count', collection: name }, () => {
          const docs = [...this.store(name).docs.values()].filter((d) => !state.where || matches(d, state.where));
          return { total: docs.length };
        });
      },
      remove: () => {
        if (state.skip !== undefined || state.limit !== undefined || state.orders.length) unsupported('remove() with skip/limit/orderBy');
        return this.send({ op: 'remove', collection: name }, () => {
          const c = this.store(name);
          let removed = 0;
          for (const [id, d] of [...c.docs]) {
            if (!state.where || matches(d, state.where)) {
              c.docs.delete(id);
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
          if (!doc) throw new SdkError('DATABASE_DOCUMENT_NOT_EXIST', `document.get:fail document with _id ${key} does not exist`);
          return { data: toRead(doc), errMsg: 'document.get:ok' };
        }),
      set: (arg: unknown) => {
        let data: unknown = arg;
        if (this.flavour === 'wx-server-sdk') {
          if (!isPlainObject(arg) || !isPlainObject(arg.data)) throw new Error('document.set:fail options.data must be an object ({ data: {...} })');
          data = arg.data;
        }
        if (!isPlainObject(data) || Object.keys(data).length === 0) throw new Error('document.set:fail data must be a non-empty object');
        if ('_id' in data) throw new Error('document.set:fail 不能更新_id的值 (data must not contain _id)');
        const stored = { ...(toStored(data, '') as Record<string, unknown>), _id: key } as Doc;
        return this.send({ op: 'doc.set', collection: name }, () => {
          const docs = this.store(name).docs;
          const existed = docs.has(key);
          docs.set(key, stored); // replace: no merge with the previous version
          return this.flavour === 'wx-server-sdk'
            ? { _id: key, stats: { updated: existed ? 1 : 0, created: existed ? 0 : 1 }, errMsg: 'document.set:ok' }
            : { updated: existed ? 1 : 0, upsertedId: existed ? undefined : key, requestId: 'fake' };
        });
      },
      remove: () =>
        this.send({ op: 'doc.remove', collection: name }, () => {
          const removed = this.store(name).docs.delete(key) ? 1 : 0;
          return { stats: { removed }, deleted: removed };
        }),
    };
  }
}

export function createFakeCloudbase(options: FakeCloudbaseOptions = {}): FakeCloudbase {
  return new FakeCloudbase(options);
}
