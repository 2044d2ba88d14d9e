/**
 * CloudBase (WeChat cloud development) repositories for complaints (with history, idempotency
 * keys and supporters) and the notification outbox, over the document database API of
 * wx-server-sdk and @cloudbase/node-sdk (through the kit in ./sdk.ts). Behaviour matches adapters/sqlite/complaints.ts: the contract suite in
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
 * overwriting. A version mismatch rolls back and answers CONFLICT; a write conflict with a concurrent
 * transaction runs again under the kit's retry policy (`transact`), now seeing the winner's version.
 *
 * Queries page internally with `limit(≤ 100)`. The fields they filter and order on are
 * denormalised beside the full record (see ComplaintDoc); indexes: adapters/cloudbase/indexes.json.
 * `stats` runs four small aggregations (`match` + `group`), one request each whatever the number
 * of complaints: by status, by category, by reply/evaluation facet and the top 20 stations.
 *
 * Any SDK failure becomes AppError('UNAVAILABLE'). `db` is passed in; this module never loads an SDK.
 */
import type { Complaint, HistoryEntry, OutboxMessage } from '../../core/complaint/model';
import { FINAL_STATUSES } from '../../core/complaint/model';
import { complaintIndex, countFacet, emptyStats, keepStoreCounted, topStations, type ComplaintIndex } from '../../core/complaint/store';
import { TrackingNoTaken, type ComplaintChange, type Follow, type FollowerEvaluation, type ComplaintQuery, type ComplaintRepository, type ComplaintStats, type OutboxRepository, type Page } from '../../core/ports';
import { staleConflict } from '../../core/shared/errors';
import { addIfAbsent, anyOf, by, byId, context, countOf, getDocs, grouped, hashedId, insertDoc, MAX_BATCH, pageOf, recordCollection, removeWhere, request, requestKeys, setDoc, sorted, transact, txAdd, txGet, txRequest, txSet, txUpdate, updateWhere, whereAll, type CbDb, type CbTransaction, type Order, type StoreOptions, type WithId } from './sdk';

export const COMPLAINT_COLLECTIONS = {
  complaints: 'complaints',
  history: 'complaint_history',
  requests: 'complaint_requests',
  supporters: 'complaint_supporters',
  followerEvaluations: 'complaint_follower_evaluations',
  outbox: 'outbox',
  digests: 'outbox_digests',
} as const;

/** Sorts after every ISO instant: complaints without a deadline come last in the 'due' order. */
const NO_DUE = '~';

// ---------------------------------------------------------------------------------------------
// Stored shapes (besides `_id`)

/** An idempotency key (`rk_` + SHA-256 of the request key); documents from before lack `bodyHash`. */
interface RequestDoc {
  complaintId: string;
  at: string;
  bodyHash?: string | null;
}

/** A complaint: the record plus the fields that queries filter, order and group on (core/complaint/store.ts). */
export interface ComplaintDoc extends Omit<ComplaintIndex, 'nextActionAt'> {
  complaint: Complaint;
  version: number;
  /** Number of history entries: the next one is historySeq + 1. */
  historySeq: number;
  /** dueAt, or "~" when there is none: ascending order puts those last. */
  dueKey: string;
  /**
   * nextActionAt (core/complaint/scheduler.ts), or "~" when the scheduler has nothing to do: equals
   * dueKey except for a complaint already escalated for its current deadline, and for an ended one
   * whose 回访 is due (dueKey "~"). The scheduler's filter.
   */
  actionKey: string;
}

interface HistoryDoc {
  complaintId: string;
  seq: number;
  entry: HistoryEntry;
}

type OutboxDoc = Omit<OutboxMessage, 'id'>;

// ---------------------------------------------------------------------------------------------
// Record ↔ document

export const requestDocId = (requestKey: string) => hashedId('rk', requestKey);
export const supporterDocId = (complaintId: string, openid: string) => hashedId('sp', complaintId, openid);
/** One evaluation per follower per case (core/complaint/follow.ts). */
export const followerEvaluationDocId = (caseId: string, openid: string) => hashedId('fe', caseId, openid);

interface SupporterDoc {
  complaintId: string;
  openid: string;
  at: string;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const mergedSince = (c: Complaint) => c.closedAt ?? c.updatedAt;

export function historyDocId(complaintId: string, seq: number): string {
  return `${complaintId}-${String(seq).padStart(6, '0')}`;
}

export function toComplaintDoc(c: Complaint, historySeq: number): ComplaintDoc {
  const { nextActionAt, ...index } = complaintIndex(c);
  return { complaint: c, version: c.version, historySeq, ...index, dueKey: c.dueAt ?? NO_DUE, actionKey: nextActionAt ?? NO_DUE };
}

/** A message as queued: not sent, not tried. */
const queued = ({ id: _id, ...rest }: OutboxMessage): OutboxDoc => ({ ...rest, sentAt: null, attempts: 0, lastError: null });

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
    ...(d.readAt ? { readAt: d.readAt } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Complaints

export function createCloudbaseComplaintRepository(db: CbDb, options: StoreOptions = {}): ComplaintRepository {
  const ctx = context(db, COMPLAINT_COLLECTIONS, options);
  const { _, names } = ctx;
  const complaints = recordCollection(ctx, names.complaints, { fromDoc: (d: ComplaintDoc) => d.complaint, field: 'complaint' });
  const entries = recordCollection(ctx, names.history, { fromDoc: (d: HistoryDoc) => d.entry });
  const supporters = recordCollection(ctx, names.supporters, { fromDoc: (d: SupporterDoc) => d });
  const evaluations = recordCollection(ctx, names.followerEvaluations, { fromDoc: ({ _id, ...e }: WithId<FollowerEvaluation>): FollowerEvaluation => e });
  const requests = requestKeys<RequestDoc, ComplaintDoc, { complaint: Complaint; bodyHash: string | null }>(ctx, {
    requests: names.requests,
    records: names.complaints,
    idOf: (r) => r.complaintId,
    missing: 'request key without its complaint',
    answer: ({ req, doc }) => ({ complaint: doc.complaint, bodyHash: req.bodyHash ?? null }),
  });

  async function writeHistoryAndOutbox(tx: CbTransaction, complaintId: string, fromSeq: number, history: HistoryEntry[], outbox: OutboxMessage[]): Promise<void> {
    for (const [i, entry] of history.entries()) {
      const seq = fromSeq + i + 1;
      await txAdd(ctx, tx, names.history, historyDocId(complaintId, seq), { complaintId, seq, entry } satisfies HistoryDoc);
    }
    for (const m of outbox) await txAdd(ctx, tx, names.outbox, m.id, queued(m));
  }

  /** The where() condition of a query, or null when it can match nothing. */
  function condition(q: Partial<ComplaintQuery>): { where: Record<string, unknown> | unknown; empty: boolean } | null {
    const where: Record<string, unknown> = {};
    let scope: unknown = null;
    if (q.regionCodes !== undefined || q.assignedOperators !== undefined) {
      // Visible through any region or any operator assignment; an empty scope sees nothing.
      const parts: Record<string, unknown>[] = [];
      if (q.regionCodes?.length) parts.push({ regionCodes: anyOf(ctx, q.regionCodes) });
      if (q.assignedOperators?.length) parts.push({ assignedOperator: anyOf(ctx, q.assignedOperators) });
      if (!parts.length) return null;
      if (parts.length === 1) Object.assign(where, parts[0]);
      else scope = _.or(parts);
    }
    if (q.owner !== undefined) where.owner = q.owner;
    if (!whereAll(ctx, { stationId: q.stationIds, status: q.statuses }, where)) return null;
    if (q.category) where.category = q.category;
    // dueKey of a complaint without a deadline ("~") is above every instant.
    if (q.dueBefore) where.dueKey = _.lte(q.dueBefore);
    if (q.actionBefore) where.actionKey = _.lte(q.actionBefore);
    if (q.escalatedOnly) where.escalationLevel = _.gte(1);
    if (q.since) where.submittedAt = _.gte(q.since);
    // The desk's search (core/complaint/search.ts): the caller's text is escaped, never a pattern.
    if (q.trackingNoPrefix !== undefined) where.trackingNo = ctx.db.RegExp({ regexp: '^' + escapeRegex(q.trackingNoPrefix) });
    if (q.phoneLast4 !== undefined) where.phoneLast4 = q.phoneLast4;
    if (q.stationName !== undefined) where.stationName = ctx.db.RegExp({ regexp: escapeRegex(q.stationName) });
    const empty = !scope && Object.keys(where).length === 0;
    if (!scope) return { where, empty };
    return { where: Object.keys(where).length ? _.and([scope, where]) : scope, empty: false };
  }

  function orderOf(q: Pick<ComplaintQuery, 'order' | 'actionBefore'>): Order {
    if (q.order !== 'due') return by('submittedAt', 'desc', 'asc');
    // With actionBefore: actionKey order (the due order for open cases, the 回访 day for ended ones), served by the index the filter uses.
    return [[q.actionBefore ? 'actionKey' : 'dueKey', 'asc'], ...by('submittedAt', 'asc')];
  }

  // Every grouping here has fewer than 100 rows.
  const aggregate = <T>(match: Record<string, unknown>, group: Record<string, unknown>, sort?: Record<string, 1 | -1>) => grouped<T>(ctx, names.complaints, { match, group, sort, limit: MAX_BATCH });

  return {
    async create(input) {
      const c = input.complaint;
      const key = requestDocId(input.requestKey);
      return requests.once(
        key,
        async (tx) => {
          // The complaint first: a failure after it must leave nothing (the contract's fault test).
          await txAdd(ctx, tx, names.complaints, c.id, toComplaintDoc(c, 1));
          await writeHistoryAndOutbox(tx, c.id, 0, [input.history], input.outbox);
          const req: RequestDoc = { complaintId: c.id, at: c.submittedAt, bodyHash: input.bodyHash ?? null };
          await txAdd(ctx, tx, names.requests, key, req);
          return { created: true, complaint: c, bodyHash: req.bodyHash ?? null };
        },
        // No concurrent create with the same key won: the unique trackingNo index may have refused it.
        async () => {
          const holder = await getDocs<ComplaintDoc>(complaints.coll().where({ trackingNo: c.trackingNo }).field({ _id: true }).limit(1));
          if (holder.some((d) => d._id !== c.id)) throw new TrackingNoTaken();
          return null;
        },
      );
    },

    get: complaints.get,
    findByRequestKey: (requestKey) => requests.answer(requestDocId(requestKey)),
    // Documents written before the `purged` field existed lack it: `neq(true)` matches them too.
    purgeable: (before, limit) => complaints.findAll({ where: { status: _.in([...FINAL_STATUSES]), submittedAt: _.lt(before), purged: _.neq(true) }, order: by('submittedAt', 'asc') }, limit),
    findByTrackingNo: (trackingNo) => complaints.findOne({ where: { trackingNo } }),

    async apply(change: ComplaintChange) {
      const c = change.next;
      await transact(ctx, async (tx) => {
        const doc = await txGet<ComplaintDoc>(ctx, tx, names.complaints, c.id);
        if (!doc || doc.version !== change.expectedVersion) {
          // The SDK's runTransaction rejects with the rollback's reason, which transact passes on.
          await txRequest(() => tx.rollback(staleConflict('这件投诉')));
          return;
        }
        const next = keepStoreCounted(c, doc.complaint);
        await txSet(ctx, tx, names.complaints, c.id, toComplaintDoc(next, doc.historySeq + change.history.length));
        await writeHistoryAndOutbox(tx, c.id, doc.historySeq, change.history, change.outbox);
      });
    },

    history: (id) => entries.findAll({ where: { complaintId: id }, order: [['seq', 'asc']] }),

    async list(q): Promise<Page<Complaint>> {
      const cond = condition(q);
      if (!cond) return pageOf([], 0);
      return complaints.page(() => sorted(cond.empty ? complaints.coll() : complaints.coll().where(cond.where), orderOf(q)), q);
    },

    async stats(q): Promise<ComplaintStats> {
      const stats = emptyStats();
      const cond = condition({ regionCodes: q.regionCodes, stationIds: q.stationIds, since: q.since });
      if (!cond) return stats;
      const match = cond.where as Record<string, unknown>; // no _.or: stats has no operator scope
      const $ = _.aggregate;
      const [statuses, categories, facets, stations] = await Promise.all([
        aggregate<{ _id: Complaint['status']; count: number }>(match, { _id: '$status', count: $.sum(1) }),
        aggregate<{ _id: Complaint['category']; count: number }>(match, { _id: '$category', count: $.sum(1) }),
        aggregate<{ _id: { replied?: boolean; onTime?: boolean | null; evaluation?: Complaint['evaluation']; supervised?: boolean; declined?: boolean; extended?: boolean }; count: number }>(match, {
          _id: { replied: '$replied', onTime: '$replyOnTime', evaluation: '$finalEvaluation', supervised: '$supervised', declined: '$declined', extended: '$extended' },
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
        const f = r._id;
        countFacet(stats, { replied: !!f.replied, replyOnTime: f.onTime ?? null, finalEvaluation: f.evaluation ?? null, supervised: !!f.supervised, declined: !!f.declined, extended: !!f.extended }, r.count);
      }
      stats.byStation = topStations(stations.map((r) => ({ stationId: r._id, stationName: r.stationName, count: r.count })));
      return stats;
    },

    async isSupporter(id, openid) {
      return (await byId(ctx, names.supporters, supporterDocId(id, openid))) !== null;
    },

    async followers(caseId, limit) {
      // Merged complaints by the nested record field: present in every document, old ones too.
      const [supported, merged] = await Promise.all([
        supporters.findAll({ where: { complaintId: caseId }, order: [['at', 'asc'], ['openid', 'asc']] }, limit),
        complaints.findAll({ where: { 'complaint.mergedInto': caseId }, order: [['_id', 'asc']] }, limit),
      ]);
      const out: Follow[] = [
        ...supported.map((d): Follow => ({ caseId, openid: d.openid, via: 'supporter', complaintId: null, since: d.at })),
        ...merged.map((m): Follow => ({ caseId, openid: m.complainantOpenid, via: 'merged', complaintId: m.id, since: mergedSince(m) })),
      ];
      return out.sort((a, b) => cmp(a.since, b.since) || cmp(a.openid, b.openid)).slice(0, limit);
    },

    async following(openid, limit) {
      const [supported, merged] = await Promise.all([
        supporters.findAll({ where: { openid }, order: [['at', 'desc'], ['complaintId', 'asc']] }, limit),
        complaints.findAll({ where: { owner: openid, status: 'merged' }, order: by('submittedAt', 'desc', 'asc') }, limit),
      ]);
      const out: Follow[] = [
        ...supported.map((d): Follow => ({ caseId: d.complaintId, openid, via: 'supporter', complaintId: null, since: d.at })),
        ...merged.flatMap((m): Follow[] => (m.mergedInto ? [{ caseId: m.mergedInto, openid, via: 'merged', complaintId: m.id, since: mergedSince(m) }] : [])),
      ];
      return out.sort((a, b) => cmp(b.since, a.since) || cmp(a.caseId, b.caseId)).slice(0, limit);
    },

    async saveFollowerEvaluation(e) {
      const key = followerEvaluationDocId(e.caseId, e.openid);
      // Two submits at once: the loser runs again and finds the winner's evaluation.
      return transact(ctx, async (tx) => {
        const prior = await txGet<FollowerEvaluation>(ctx, tx, names.followerEvaluations, key);
        if (prior) {
          const { _id, ...evaluation } = prior as FollowerEvaluation & { _id?: string };
          return { saved: false, evaluation };
        }
        await txAdd(ctx, tx, names.followerEvaluations, key, { ...e });
        return { saved: true, evaluation: e };
      });
    },

    followerEvaluations: (caseId) => evaluations.findAll({ where: { caseId }, order: [['at', 'asc'], ['openid', 'asc']] }),

    async clearFollowerComments(caseId) {
      // One conditional multi-document update; run again it changes nothing.
      await request(() => evaluations.coll().where({ caseId, comment: _.neq(null) }).update(ctx.arg({ comment: null })));
    },

    async addSupporter(id, openid, at) {
      const key = supporterDocId(id, openid);
      // Two supporters at once: the loser runs again and sees the winner's count.
      return transact(ctx, async (tx) => {
        if (await txGet(ctx, tx, names.supporters, key)) return false;
        const doc = await txGet<ComplaintDoc>(ctx, tx, names.complaints, id);
        if (!doc) return false;
        await txAdd(ctx, tx, names.supporters, key, { complaintId: id, openid, at });
        await txUpdate(ctx, tx, names.complaints, id, { complaint: { supporters: doc.complaint.supporters + 1 } });
        return true;
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Outbox

export function createCloudbaseOutboxRepository(db: CbDb, options: StoreOptions = {}): OutboxRepository {
  const ctx = context(db, COMPLAINT_COLLECTIONS, options);
  const { _, names } = ctx;
  const outbox = recordCollection(ctx, names.outbox, { fromDoc: toMessage });
  const newest = by('createdAt', 'desc', 'asc');
  /** Update the unsent message `id`: how many changed (one sender of two does). */
  const unsent = (id: string, data: object) => updateWhere(ctx, outbox.coll().where({ _id: id, sentAt: null }), data);
  return {
    pending: (limit, maxAttempts) => outbox.findAll({ where: { sentAt: null, attempts: _.lt(maxAttempts) }, order: by('createdAt', 'asc') }, limit),
    // A conditional update is atomic per document: of two senders, one changes it.
    markSent: async (id, at) => (await unsent(id, { sentAt: at })) > 0,
    async markFailed(id, error, _at) {
      await unsent(id, { attempts: _.inc(1), lastError: error.slice(0, 60) });
    },
    forRecipient: (openid, limit) => outbox.findAll({ where: { openid }, order: newest }, limit),
    async queueDigest(m, day) {
      // The day is claimed first, one `_id` per person and day: `add` fails on a duplicate, so of
      // two racing runs one queues. The message keeps its own id (as in every store).
      const claim = hashedId('dg', m.openid, day);
      if (!(await addIfAbsent(ctx, names.digests, claim, { openid: m.openid, day, at: m.createdAt }))) return false;
      try {
        await insertDoc(ctx, names.outbox, m.id, queued(m));
      } catch (err) {
        // Not queued: give the day back so the next run tries again.
        await removeWhere(ctx, ctx.coll(names.digests).where({ _id: claim })).catch(() => undefined);
        throw err;
      }
      await setDoc(ctx, names.digests, hashedId('dl', m.openid), { openid: m.openid, day, at: m.createdAt });
      return true;
    },
    async lastDigestAt(openid) {
      const doc = await byId<{ day: string; at: string }>(ctx, names.digests, hashedId('dl', openid));
      return doc?.at ?? null;
    },
    inbox: (openid, events, limit) => outbox.findAll({ where: { openid, event: _.in([...events]) }, order: newest }, limit),
    async markRead(openid, complaintId, at) {
      // Every message of the case to this person (a read one gets the later time: harmless).
      await request(() => outbox.coll().where({ openid, complaintId }).update(ctx.arg({ readAt: at })));
    },
    undeliverable: (maxAttempts, lastError) => countOf(outbox.coll().where({ sentAt: null, attempts: _.gte(maxAttempts), ...(lastError === undefined ? {} : { lastError }) })),
  };
}
