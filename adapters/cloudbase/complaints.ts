/**
 * CloudBase (WeChat cloud development) repositories for complaints (with history, idempotency
 * keys and supporters), the notification outbox, role bindings, the audit log and
 * administrator-entered calendar years, over the document database API of wx-server-sdk and
 * @cloudbase/node-sdk. Behaviour matches adapters/sqlite/complaints.ts: the contract suite in
 * test/contract/complaints.contract.ts runs against both.
 *
 * Atomicity. A complaint change, its history entries and its outbox messages are written in one
 * `db.runTransaction`. CloudBase transactions allow only single-document operations by `_id`
 * (`collection.add`, `doc(id).get/set/update/remove`; no `where`, no `aggregate`), so everything
 * a transaction touches has a deterministic `_id`:
 * - complaint: `_id` = complaint id; it carries `version` and `historySeq` (how many history
 *   entries exist), so `apply` needs no query to check the version or to number history;
 * - history entry: `${complaintId}-${seq}` (seq zero-padded to 6 digits, so `_id` order = seq order);
 * - idempotency key: `rk_` + SHA-256 of the request key (the key contains an openid);
 * - supporter: `sp_` + SHA-256 of complaint id and openid.
 * New documents are written with `add` and an explicit `_id`, which fails on a duplicate instead of
 * overwriting. A version mismatch rolls back (`transaction.rollback`) and answers CONFLICT; so does a
 * write conflict with a concurrent transaction on the same complaint.
 *
 * Queries page internally with `limit(≤ 100)`. The fields they filter and order on are
 * denormalised beside the full record (see ComplaintDoc); indexes: adapters/cloudbase/indexes.json.
 * `stats` runs four small aggregations (`match` + `group`), one request each whatever the number
 * of complaints: by status, by category, by reply/evaluation facet and the top 20 stations.
 *
 * Any SDK failure (a rejection, or node-sdk's `{ code, message }` answer) becomes
 * AppError('UNAVAILABLE'). `db` is passed in; this module never loads an SDK.
 */
import { createHash } from 'node:crypto';
import type { RoleBinding } from '../../core/authz/roles';
import type { YearDays } from '../../core/calendar/workdays';
import type { Complaint, HistoryEntry, OutboxMessage } from '../../core/complaint/model';
import { nextActionAt } from '../../core/complaint/scheduler';
import type {
  AuditEntry,
  AuditRepository,
  CalendarRepository,
  ComplaintChange,
  ComplaintQuery,
  ComplaintRepository,
  ComplaintStats,
  OutboxRepository,
  Page,
  RoleRepository,
} from '../../core/ports';
import { AppError } from '../../core/shared/errors';
import { EVERYTHING, fetchRange, getDocs, isErrorAnswer, MAX_BATCH, request, unavailable, writeArg, type CloudbaseSdk, type WithId, txRequest, errorText, isTxConflict } from './sdk';
import type { CbDatabase } from './stations';

// ---------------------------------------------------------------------------------------------
// The part of the SDK database API used here (a superset of what stations.ts needs). Results are
// `unknown`: the two SDKs answer in different shapes, normalised below.

interface Query {
  where(condition: unknown): Query;
  orderBy(field: string, direction: 'asc' | 'desc'): Query;
  skip(offset: number): Query;
  limit(max: number): Query;
  field(projection: Record<string, boolean>): Query;
  get(): unknown;
  update(arg: Record<string, unknown>): unknown;
}

interface Aggregate {
  match(condition: unknown): Aggregate;
  group(spec: Record<string, unknown>): Aggregate;
  sort(spec: Record<string, 1 | -1>): Aggregate;
  limit(n: number): Aggregate;
  end(): unknown;
}

interface Collection extends Query {
  doc(id: string): { set(arg: Record<string, unknown>): unknown };
  aggregate(): Aggregate;
}

interface TxDocument {
  get(): unknown;
  set(arg: Record<string, unknown>): unknown;
  update(arg: Record<string, unknown>): unknown;
}

interface TxCollection {
  add(arg: Record<string, unknown>): unknown;
  doc(id: string): TxDocument;
}

interface Transaction {
  collection(name: string): TxCollection;
  rollback(reason?: unknown): unknown;
}

interface Command {
  in(values: unknown[]): unknown;
  gte(value: unknown): unknown;
  lt(value: unknown): unknown;
  lte(value: unknown): unknown;
  and(conditions: unknown[]): unknown;
  or(conditions: unknown[]): unknown;
  inc(n: number): unknown;
  neq(v: unknown): unknown;
  aggregate: { sum(v: unknown): unknown; first(v: unknown): unknown };
}

/** What this module needs from `cloud.database()` / `app.database()`. */
export interface CbComplaintDatabase {
  collection(name: string): Collection;
  command: Command;
  runTransaction<T>(callback: (transaction: Transaction) => Promise<T>, times?: number): Promise<T>;
}

export interface ComplaintStoreOptions {
  /** Prepended to collection names (tests use a private prefix). */
  prefix?: string;
  /** Which SDK `db` comes from (argument shapes differ). Default: wx-server-sdk. */
  sdk?: CloudbaseSdk;
}

export const COMPLAINT_COLLECTIONS = {
  complaints: 'complaints',
  history: 'complaint_history',
  requests: 'complaint_requests',
  supporters: 'complaint_supporters',
  outbox: 'outbox',
  roles: 'role_bindings',
  audit: 'audit_log',
  calendars: 'calendar_years',
} as const;

/** Sorts after every ISO instant: complaints without a deadline come last in the 'due' order. */
const NO_DUE = '~';
/** At most this many stations in ComplaintStats.byStation (as in SQLite). */
const TOP_STATIONS = 20;
const CONFLICT_MESSAGE = '这件投诉刚被其他人处理过，请刷新后再试';

// ---------------------------------------------------------------------------------------------
// Stored shapes (besides `_id`)

/** An idempotency key (`rk_` + SHA-256 of the request key); documents from before lack `bodyHash`. */
interface RequestDoc {
  complaintId: string;
  at: string;
  bodyHash?: string | null;
}

/** A complaint: the record plus the fields that queries filter, order and group on. */
export interface ComplaintDoc {
  complaint: Complaint;
  version: number;
  /** Number of history entries: the next one is historySeq + 1. */
  historySeq: number;
  trackingNo: string;
  owner: string;
  stationId: string;
  stationName: string;
  regionCodes: string[];
  assignedOperator: string | null;
  status: Complaint['status'];
  category: Complaint['category'];
  submittedAt: string;
  dueAt: string | null;
  /** dueAt, or "~" when there is none: ascending order puts those last. */
  dueKey: string;
  /**
   * nextActionAt (core/complaint/scheduler.ts), or "~" when the scheduler has nothing to do: equals
   * dueKey except for a complaint already escalated for its current deadline. The scheduler's filter.
   */
  actionKey: string;
  escalationLevel: number;
  /** Stats facets: a reply was made; whether on time; the evaluation of a closed complaint. */
  replied: boolean;
  replyOnTime: boolean | null;
  /** Personal data removed after retention; the purge job's filter. */
  purged: boolean;
  finalEvaluation: Complaint['evaluation'];
}

interface HistoryDoc {
  complaintId: string;
  seq: number;
  entry: HistoryEntry;
}

type OutboxDoc = Omit<OutboxMessage, 'id'>;

interface RoleDoc {
  openid: string;
  role: RoleBinding['role'];
  grantedAt: string;
  revokedAt: string | null;
  binding: RoleBinding;
}

type AuditDoc = Omit<AuditEntry, 'id'>;

interface CalendarDoc extends YearDays {
  enteredBy: string;
  enteredAt: string;
}

// ---------------------------------------------------------------------------------------------
// SDK calls (request / getDocs / fetchRange: ./sdk)

function conflict(): AppError {
  return new AppError('CONFLICT', CONFLICT_MESSAGE);
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function requestDocId(requestKey: string): string {
  return `rk_${sha256(requestKey)}`;
}

export function supporterDocId(complaintId: string, openid: string): string {
  return `sp_${sha256(`${complaintId}\n${openid}`)}`;
}

export function historyDocId(complaintId: string, seq: number): string {
  return `${complaintId}-${String(seq).padStart(6, '0')}`;
}

export function toComplaintDoc(c: Complaint, historySeq: number): ComplaintDoc {
  return {
    complaint: c,
    version: c.version,
    historySeq,
    trackingNo: c.trackingNo,
    owner: c.complainantOpenid,
    stationId: c.stationId,
    stationName: c.stationName,
    regionCodes: [...new Set(c.regionCodes)],
    assignedOperator: c.assignee?.kind === 'operator' ? c.assignee.operatorName : null,
    status: c.status,
    category: c.category,
    submittedAt: c.submittedAt,
    dueAt: c.dueAt,
    dueKey: c.dueAt ?? NO_DUE,
    actionKey: nextActionAt(c) ?? NO_DUE,
    escalationLevel: c.escalationLevel,
    replied: c.reply !== null || c.replyOnTime !== null,
    replyOnTime: c.replyOnTime,
    finalEvaluation: c.status === 'closed' ? c.evaluation : null,
    purged: !!c.purgedAt,
  };
}

function toMessage(d: WithId<OutboxDoc>): OutboxMessage {
  return {
    id: d._id,
    openid: d.openid,
    event: d.event,
    complaintId: d.complaintId,
    payload: d.payload,
    createdAt: d.createdAt,
    sentAt: d.sentAt ?? null,
    attempts: d.attempts,
    lastError: d.lastError ?? null,
  };
}

function toAudit(d: WithId<AuditDoc>): AuditEntry {
  return { id: d._id, at: d.at, actorOpenid: d.actorOpenid ?? null, action: d.action, outcome: d.outcome, resource: d.resource, detail: d.detail };
}

// ---------------------------------------------------------------------------------------------

interface Ctx {
  db: CbComplaintDatabase;
  _: Command;
  sdk: CloudbaseSdk;
  names: { [K in keyof typeof COMPLAINT_COLLECTIONS]: string };
  coll(name: string): Collection;
  /** wx-server-sdk wraps write data in `{ data }`; node-sdk takes it as is. */
  arg(data: Record<string, unknown>): Record<string, unknown>;
  /** How many documents an update changed. */
  updated(res: unknown): number;
}

function context(db: CbDatabase, options: ComplaintStoreOptions): Ctx {
  const x = db as unknown as CbComplaintDatabase;
  if (typeof x.runTransaction !== 'function') throw new Error('cloudbaseComplaintStores: the database object has no runTransaction (needs wx-server-sdk ≥ 1.7 or @cloudbase/node-sdk)');
  const prefix = options.prefix ?? '';
  const sdk = options.sdk ?? 'wx-server-sdk';
  const names = Object.fromEntries(Object.entries(COMPLAINT_COLLECTIONS).map(([k, v]) => [k, prefix + v])) as Ctx['names'];
  return {
    db: x,
    _: x.command,
    sdk,
    names,
    coll: (name) => x.collection(name),
    arg: (data) => writeArg(sdk, data),
    updated: (res) => {
      const r = res as { updated?: unknown; stats?: { updated?: unknown } } | null;
      const n = sdk === 'wx-server-sdk' ? r?.stats?.updated : r?.updated;
      if (typeof n !== 'number') throw unavailable(new Error('update answered without a count'));
      return n;
    },
  };
}

/** Read one document by `_id` inside a transaction; null when it does not exist. */
async function txGet<T>(ctx: Ctx, tx: Transaction, collection: string, id: string): Promise<WithId<T> | null> {
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

/** Rejection value of a transaction rolled back because the version moved on. */
const VERSION_MOVED = Object.freeze({ rollback: 'version-moved' });

// ---------------------------------------------------------------------------------------------
// Complaints

export function createCloudbaseComplaintRepository(db: CbDatabase, options: ComplaintStoreOptions = {}): ComplaintRepository {
  const ctx = context(db, options);
  const { _, names, arg } = ctx;
  const complaints = () => ctx.coll(names.complaints);

  async function add(tx: Transaction, collection: string, id: string, data: object): Promise<void> {
    await txRequest(() => tx.collection(collection).add(arg({ _id: id, ...data })));
  }

  async function writeHistoryAndOutbox(tx: Transaction, complaintId: string, fromSeq: number, history: HistoryEntry[], outbox: OutboxMessage[]): Promise<void> {
    let seq = fromSeq;
    for (const entry of history) {
      seq++;
      const doc: HistoryDoc = { complaintId, seq, entry };
      await add(tx, names.history, historyDocId(complaintId, seq), doc);
    }
    for (const m of outbox) {
      const { id, ...rest } = m;
      const doc: OutboxDoc = { ...rest, sentAt: null, attempts: 0, lastError: null };
      await add(tx, names.outbox, id, doc);
    }
  }

  async function byRequestKey(key: string): Promise<{ complaint: Complaint; bodyHash: string | null } | null> {
    const [req] = await getDocs<RequestDoc>(ctx.coll(names.requests).where({ _id: key }).limit(1));
    if (!req) return null;
    const [doc] = await getDocs<ComplaintDoc>(complaints().where({ _id: req.complaintId }).field({ complaint: true }).limit(1));
    if (!doc) throw unavailable(new Error('request key without its complaint'));
    return { complaint: doc.complaint, bodyHash: req.bodyHash ?? null };
  }

  /** The where() condition of a query, or null when it can match nothing. */
  function condition(q: Partial<ComplaintQuery>): { where: Record<string, unknown> | unknown; empty: boolean } | null {
    const where: Record<string, unknown> = {};
    let scope: unknown = null;
    if (q.regionCodes !== undefined || q.assignedOperators !== undefined) {
      // Visible through any region or any operator assignment; an empty scope sees nothing.
      const parts: Record<string, unknown>[] = [];
      if (q.regionCodes?.length) parts.push({ regionCodes: _.in([...new Set(q.regionCodes)]) });
      if (q.assignedOperators?.length) parts.push({ assignedOperator: _.in([...new Set(q.assignedOperators)]) });
      if (!parts.length) return null;
      if (parts.length === 1) Object.assign(where, parts[0]);
      else scope = _.or(parts);
    }
    if (q.owner !== undefined) where.owner = q.owner;
    if (q.stationIds) {
      if (!q.stationIds.length) return null;
      where.stationId = _.in([...new Set(q.stationIds)]);
    }
    if (q.statuses) {
      if (!q.statuses.length) return null;
      where.status = _.in([...new Set(q.statuses)]);
    }
    if (q.category) where.category = q.category;
    // dueKey of a complaint without a deadline ("~") is above every instant.
    if (q.dueBefore) where.dueKey = _.lte(q.dueBefore);
    if (q.actionBefore) where.actionKey = _.lte(q.actionBefore);
    if (q.escalatedOnly) where.escalationLevel = _.gte(1);
    if (q.since) where.submittedAt = _.gte(q.since);
    const empty = !scope && Object.keys(where).length === 0;
    if (!scope) return { where, empty };
    return { where: Object.keys(where).length ? _.and([scope, where]) : scope, empty: false };
  }

  function ordered(base: Query, q: Pick<ComplaintQuery, 'order' | 'actionBefore'>): Query {
    if (q.order !== 'due') return base.orderBy('submittedAt', 'desc').orderBy('_id', 'asc');
    // Where actionKey ≤ an instant, actionKey = dueKey: the same order, served by the index the filter uses.
    return base.orderBy(q.actionBefore ? 'actionKey' : 'dueKey', 'asc').orderBy('submittedAt', 'asc').orderBy('_id', 'asc');
  }

  async function aggregate<T>(match: Record<string, unknown>, group: Record<string, unknown>, sort?: Record<string, 1 | -1>): Promise<T[]> {
    let pipeline = complaints().aggregate().match(match).group(group);
    if (sort) pipeline = pipeline.sort(sort);
    // Without a limit stage an aggregation answers at most 20 results; every grouping here has fewer than 100.
    const res = await request<{ list?: unknown; data?: unknown }>(() => pipeline.limit(MAX_BATCH).end());
    const rows = ctx.sdk === 'wx-server-sdk' ? res?.list : res?.data;
    if (!Array.isArray(rows)) throw unavailable(new Error('aggregate answered without a list'));
    return rows as T[];
  }

  return {
    async create(input) {
      const c = input.complaint;
      const key = requestDocId(input.requestKey);
      for (let attempt = 1; ; attempt++) {
        try {
          return await ctx.db.runTransaction(async (tx) => {
            const existing = await txGet<RequestDoc>(ctx, tx, names.requests, key);
            if (existing) {
              const doc = await txGet<ComplaintDoc>(ctx, tx, names.complaints, existing.complaintId);
              if (!doc) throw unavailable(new Error('request key without its complaint'));
              return { created: false, complaint: doc.complaint, bodyHash: existing.bodyHash ?? null };
            }
            // The complaint first: a failure after it must leave nothing (the contract's fault test).
            await add(tx, names.complaints, c.id, toComplaintDoc(c, 1));
            await writeHistoryAndOutbox(tx, c.id, 0, [input.history], input.outbox);
            const req: RequestDoc = { complaintId: c.id, at: c.submittedAt, bodyHash: input.bodyHash ?? null };
            await add(tx, names.requests, key, req as unknown as Record<string, unknown>);
            return { created: true, complaint: c, bodyHash: input.bodyHash ?? null };
          });
        } catch (err) {
          if (err instanceof AppError) throw err;
          // A concurrent create with the same key may have won (write conflict or duplicate _id).
          const winner = await byRequestKey(key);
          if (winner) return { created: false, ...winner };
          if (isTxConflict(err) && attempt < 3) continue;
          throw unavailable(err);
        }
      }
    },

    async get(id) {
      const [doc] = await getDocs<ComplaintDoc>(complaints().where({ _id: id }).field({ complaint: true }).limit(1));
      return doc?.complaint ?? null;
    },

    findByRequestKey: (requestKey) => byRequestKey(requestDocId(requestKey)),

    async purgeable(before, limit) {
      // Documents written before the `purged` field existed lack it: `neq(true)` matches them too.
      const docs = await fetchRange<ComplaintDoc>(
        () =>
          complaints()
            .where({ status: ctx._.in(['closed', 'refused', 'withdrawn', 'merged']), submittedAt: ctx._.lt(before), purged: ctx._.neq(true) })
            .orderBy('submittedAt', 'asc')
            .orderBy('_id', 'asc'),
        0,
        limit,
      );
      return docs.map((d) => d.complaint);
    },

    async findByTrackingNo(trackingNo) {
      const [doc] = await getDocs<ComplaintDoc>(complaints().where({ trackingNo }).field({ complaint: true }).limit(1));
      return doc?.complaint ?? null;
    },

    async apply(change: ComplaintChange) {
      const c = change.next;
      try {
        await ctx.db.runTransaction(async (tx) => {
          const doc = await txGet<ComplaintDoc>(ctx, tx, names.complaints, c.id);
          if (!doc || doc.version !== change.expectedVersion) {
            await txRequest(() => tx.rollback(VERSION_MOVED));
            return;
          }
          // Supporters counted since the caller read the complaint stay counted.
          const next: Complaint = { ...c, supporters: doc.complaint.supporters };
          await txRequest(() => tx.collection(names.complaints).doc(c.id).set(arg({ ...toComplaintDoc(next, doc.historySeq + change.history.length) })));
          await writeHistoryAndOutbox(tx, c.id, doc.historySeq, change.history, change.outbox);
        });
      } catch (err) {
        if (err === VERSION_MOVED || isTxConflict(err)) throw conflict();
        if (err instanceof AppError) throw err;
        throw unavailable(err);
      }
    },

    async history(id) {
      const docs = await fetchRange<HistoryDoc>(() => ctx.coll(names.history).where({ complaintId: id }).orderBy('seq', 'asc'), 0, EVERYTHING);
      return docs.map((d) => d.entry);
    },

    async list(q): Promise<Page<Complaint>> {
      const cond = condition(q);
      if (!cond) return { items: [], hasMore: false };
      const docs = await fetchRange<ComplaintDoc>(
        () => ordered(cond.empty ? complaints() : complaints().where(cond.where), q).field({ complaint: true }),
        q.offset,
        q.limit + 1,
      );
      return { items: docs.slice(0, q.limit).map((d) => d.complaint), hasMore: docs.length > q.limit };
    },

    async stats(q): Promise<ComplaintStats> {
      const stats: ComplaintStats = { total: 0, byStatus: {}, byCategory: {}, byStation: [], replied: 0, repliedOnTime: 0, evaluations: {} };
      const cond = condition({ regionCodes: q.regionCodes, stationIds: q.stationIds, since: q.since });
      if (!cond) return stats;
      const match = cond.where as Record<string, unknown>; // no _.or: stats has no operator scope
      const $ = _.aggregate;
      const [statuses, categories, facets, stations] = await Promise.all([
        aggregate<{ _id: Complaint['status']; count: number }>(match, { _id: '$status', count: $.sum(1) }),
        aggregate<{ _id: Complaint['category']; count: number }>(match, { _id: '$category', count: $.sum(1) }),
        aggregate<{ _id: { replied?: boolean; onTime?: boolean | null; evaluation?: Complaint['evaluation'] }; count: number }>(match, {
          _id: { replied: '$replied', onTime: '$replyOnTime', evaluation: '$finalEvaluation' },
          count: $.sum(1),
        }),
        aggregate<{ _id: string; stationName: string; count: number }>(match, { _id: '$stationId', stationName: $.first('$stationName'), count: $.sum(1) }, { count: -1, _id: 1 }),
      ]);
      for (const r of statuses) {
        stats.total += r.count;
        stats.byStatus[r._id] = r.count;
      }
      for (const r of categories) stats.byCategory[r._id] = r.count;
      for (const r of facets) {
        if (r._id.replied) {
          stats.replied += r.count;
          if (r._id.onTime) stats.repliedOnTime += r.count;
        }
        const e = r._id.evaluation;
        if (e) stats.evaluations[e] = (stats.evaluations[e] ?? 0) + r.count;
      }
      stats.byStation = stations.slice(0, TOP_STATIONS).map((r) => ({ stationId: r._id, stationName: r.stationName, count: r.count }));
      return stats;
    },

    async addSupporter(id, openid, at) {
      const key = supporterDocId(id, openid);
      for (let attempt = 1; ; attempt++) {
        try {
          return await ctx.db.runTransaction(async (tx) => {
            if (await txGet(ctx, tx, names.supporters, key)) return false;
            const doc = await txGet<ComplaintDoc>(ctx, tx, names.complaints, id);
            if (!doc) return false;
            await add(tx, names.supporters, key, { complaintId: id, openid, at });
            // A nested object in update() sets only the fields it names.
            await txRequest(() => tx.collection(names.complaints).doc(id).update(arg({ complaint: { supporters: doc.complaint.supporters + 1 } })));
            return true;
          });
        } catch (err) {
          if (err instanceof AppError) throw err;
          // Two supporters at once: the loser tries again (wx-server-sdk does not retry by itself).
          if (isTxConflict(err) && attempt < 3) continue;
          throw unavailable(err);
        }
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Outbox

export function createCloudbaseOutboxRepository(db: CbDatabase, options: ComplaintStoreOptions = {}): OutboxRepository {
  const ctx = context(db, options);
  const { _, arg } = ctx;
  const outbox = () => ctx.coll(ctx.names.outbox);
  return {
    async pending(limit, maxAttempts) {
      const docs = await fetchRange<OutboxDoc>(
        () => outbox().where({ sentAt: null, attempts: _.lt(maxAttempts) }).orderBy('createdAt', 'asc').orderBy('_id', 'asc'),
        0,
        limit,
      );
      return docs.map(toMessage);
    },
    async markSent(id, at) {
      // A conditional update is atomic per document: of two senders, one changes it.
      const res = await request(() => outbox().where({ _id: id, sentAt: null }).update(arg({ sentAt: at })));
      return ctx.updated(res) > 0;
    },
    async markFailed(id, error, _at) {
      await request(() => outbox().where({ _id: id, sentAt: null }).update(arg({ attempts: _.inc(1), lastError: error.slice(0, 60) })));
    },
    async forRecipient(openid, limit) {
      const docs = await fetchRange<OutboxDoc>(() => outbox().where({ openid }).orderBy('createdAt', 'desc').orderBy('_id', 'asc'), 0, limit);
      return docs.map(toMessage);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Role bindings

export function createCloudbaseRoleRepository(db: CbDatabase, options: ComplaintStoreOptions = {}): RoleRepository {
  const ctx = context(db, options);
  const { arg } = ctx;
  const roles = () => ctx.coll(ctx.names.roles);
  return {
    async activeFor(openid) {
      const docs = await fetchRange<RoleDoc>(() => roles().where({ openid, revokedAt: null }).orderBy('grantedAt', 'asc').orderBy('_id', 'asc'), 0, EVERYTHING);
      return docs.map((d) => d.binding);
    },
    async list(q) {
      const docs = await fetchRange<RoleDoc>(() => roles().where({ revokedAt: null }).orderBy('grantedAt', 'asc').orderBy('_id', 'asc'), q.offset, q.limit + 1);
      return { items: docs.slice(0, q.limit).map((d) => d.binding), hasMore: docs.length > q.limit };
    },
    async get(id) {
      const [doc] = await getDocs<RoleDoc>(roles().where({ _id: id }).limit(1));
      return doc?.binding ?? null;
    },
    async insert(b) {
      const doc: RoleDoc = { openid: b.openid, role: b.role, grantedAt: b.grantedAt, revokedAt: b.revokedAt ?? null, binding: b };
      await request(() => roles().doc(b.id).set(arg({ ...doc })));
    },
    async revoke(id, by, at) {
      const res = await request(() => roles().where({ _id: id, revokedAt: null }).update(arg({ revokedAt: at, binding: { revokedAt: at, revokedBy: by } })));
      return ctx.updated(res) > 0;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Audit log

export function createCloudbaseAuditRepository(db: CbDatabase, options: ComplaintStoreOptions = {}): AuditRepository {
  const ctx = context(db, options);
  const audit = () => ctx.coll(ctx.names.audit);
  return {
    async append(e) {
      const { id, ...rest } = e;
      const doc: AuditDoc = rest;
      await request(() => audit().doc(id).set(ctx.arg({ ...doc })));
    },
    async list(q) {
      const where: Record<string, unknown> = {};
      if (q.resource) where.resource = q.resource;
      if (q.action) where.action = q.action;
      const base = () => (Object.keys(where).length ? audit().where(where) : audit());
      const docs = await fetchRange<AuditDoc>(() => base().orderBy('at', 'desc').orderBy('_id', 'asc'), q.offset, q.limit + 1);
      return { items: docs.slice(0, q.limit).map(toAudit), hasMore: docs.length > q.limit };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Calendar years entered by administrators

export function createCloudbaseCalendarRepository(db: CbDatabase, options: ComplaintStoreOptions = {}): CalendarRepository {
  const ctx = context(db, options);
  const years = () => ctx.coll(ctx.names.calendars);
  return {
    async adminYears() {
      const docs = await fetchRange<CalendarDoc>(() => years().orderBy('year', 'asc'), 0, EVERYTHING);
      return docs.map((d) => ({ year: d.year, holidays: d.holidays, workdays: d.workdays, source: d.source }));
    },
    async saveYear(y, by, at) {
      const doc: CalendarDoc = { year: y.year, holidays: [...y.holidays], workdays: [...y.workdays], source: y.source, enteredBy: by, enteredAt: at };
      await request(() => years().doc(String(y.year)).set(ctx.arg({ ...doc })));
    },
  };
}

// ---------------------------------------------------------------------------------------------

export interface ComplaintStores {
  complaints: ComplaintRepository;
  outbox: OutboxRepository;
  roles: RoleRepository;
  audit: AuditRepository;
  calendars: CalendarRepository;
}

/** All five stores over one database, as the cloud entries use them. */
export function cloudbaseComplaintStores(db: CbDatabase, options: ComplaintStoreOptions = {}): ComplaintStores {
  return {
    complaints: createCloudbaseComplaintRepository(db, options),
    outbox: createCloudbaseOutboxRepository(db, options),
    roles: createCloudbaseRoleRepository(db, options),
    audit: createCloudbaseAuditRepository(db, options),
    calendars: createCloudbaseCalendarRepository(db, options),
  };
}
