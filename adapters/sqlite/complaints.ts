/**
 * SQLite repositories for complaints (with history, idempotency keys and supporters) and the
 * notification outbox.
 * A complaint change, its history and its outbox messages share one transaction.
 */
import type { Complaint, HistoryEntry, OutboxMessage } from '../../core/complaint/model';
import { FINAL_STATUSES } from '../../core/complaint/model';
import { complaintIndex, countFacet, emptyStats, statsFacet, STORE_COUNTED, topStations } from '../../core/complaint/store';
import { staleConflict } from '../../core/shared/errors';
import { TrackingNoTaken, type ComplaintChange, type Follow, type FollowerEvaluation, type ComplaintQuery, type ComplaintRepository, type ComplaintStats, type OutboxRepository } from '../../core/ports';
import { guarded, type Db } from './db';
import { docOf, docsOf, marks, whereSql } from './sql';

/** Test-only fault injection: throw between the complaint row and its history/outbox rows. */
export interface ComplaintFaults {
  afterComplaintRow?: () => void;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function createSqliteComplaintRepository(db: Db, faults: ComplaintFaults = {}): ComplaintRepository {
  const insertComplaint = db.prepare(
    `INSERT INTO complaints (id, tracking_no, station_id, owner, status, category, version, due_at, next_action_at, submitted_at, escalation_level, assigned_operator, merged_into, phone_last4, doc)
     VALUES (@id, @trackingNo, @stationId, @owner, @status, @category, @version, @dueAt, @nextActionAt, @submittedAt, @escalationLevel, @assignedOperator, @mergedInto, @phoneLast4, @doc)`,
  );
  const updateComplaint = db.prepare(
    // The fields the store counts itself keep their stored value (core/complaint/store.ts).
    `UPDATE complaints SET owner = @owner, status = @status, version = @version, due_at = @dueAt, next_action_at = @nextActionAt, escalation_level = @escalationLevel, assigned_operator = @assignedOperator, merged_into = @mergedInto, phone_last4 = @phoneLast4,
       doc = json_set(@doc, ${STORE_COUNTED.map((f) => `'$.${f}', json_extract(doc, '$.${f}')`).join(', ')})
     WHERE id = @id AND version = @expectedVersion`,
  );
  // complaint_regions carries what the region queue filters and orders by (migration 12).
  const insertRegion = db.prepare(
    'INSERT INTO complaint_regions (code, complaint_id, due_at, status, escalated, submitted_at) VALUES (@code, @id, @dueAt, @status, @escalated, @submittedAt)',
  );
  // By primary key (code, complaint_id): one row per region code, never a scan of the table.
  const updateRegion = db.prepare('UPDATE complaint_regions SET due_at = @dueAt, status = @status, escalated = @escalated WHERE code = @code AND complaint_id = @id');
  const regionRow = (code: string, c: Complaint) => {
    const x = complaintIndex(c);
    return { code, id: c.id, dueAt: x.dueAt, status: x.status, escalated: x.escalationLevel >= 1 ? 1 : 0, submittedAt: x.submittedAt };
  };
  const nextSeq = db.prepare('SELECT coalesce(max(seq), 0) + 1 FROM complaint_history WHERE complaint_id = ?').pluck();
  const insertHistory = db.prepare('INSERT INTO complaint_history (complaint_id, seq, doc) VALUES (?, ?, ?)');
  const insertOutbox = db.prepare('INSERT INTO outbox (id, openid, created_at, sent_at, attempts, doc) VALUES (?, ?, ?, NULL, 0, ?)');
  const findRequest = db.prepare('SELECT complaint_id AS complaintId, body_hash AS bodyHash FROM complaint_requests WHERE request_key = ?');
  const insertRequest = db.prepare('INSERT INTO complaint_requests (request_key, complaint_id, body_hash) VALUES (?, ?, ?)');
  const getDoc = db.prepare('SELECT doc FROM complaints WHERE id = ?').pluck();
  const getByTracking = db.prepare('SELECT doc FROM complaints WHERE tracking_no = ?').pluck();
  const getByRequest = db.prepare('SELECT c.doc, r.body_hash AS bodyHash FROM complaint_requests r JOIN complaints c ON c.id = r.complaint_id WHERE r.request_key = ?');
  const historyOf = db.prepare('SELECT doc FROM complaint_history WHERE complaint_id = ? ORDER BY seq').pluck();
  const findSupporter = db.prepare('SELECT 1 FROM complaint_supporters WHERE complaint_id = ? AND openid = ?');
  const insertSupporter = db.prepare('INSERT OR IGNORE INTO complaint_supporters (complaint_id, openid, at) VALUES (?, ?, ?)');
  // Followers (core/complaint/follow.ts): supporters by case and by person, merged complaints by the case.
  const supportersOf = db.prepare('SELECT openid, at FROM complaint_supporters WHERE complaint_id = ? ORDER BY at, openid LIMIT ?').raw();
  const mergedOf = db.prepare("SELECT id, owner, coalesce(json_extract(doc, '$.closedAt'), json_extract(doc, '$.updatedAt')) AS since FROM complaints WHERE merged_into = ? ORDER BY since, owner LIMIT ?").raw();
  const supportedBy = db.prepare('SELECT complaint_id, at FROM complaint_supporters WHERE openid = ? ORDER BY at DESC, complaint_id LIMIT ?').raw();
  const mergedBy = db.prepare(
    "SELECT merged_into, id, coalesce(json_extract(doc, '$.closedAt'), json_extract(doc, '$.updatedAt')) AS since FROM complaints WHERE owner = ? AND merged_into IS NOT NULL ORDER BY since DESC, merged_into LIMIT ?",
  ).raw();
  const insertFollowerEvaluation = db.prepare('INSERT OR IGNORE INTO complaint_follower_evaluations (complaint_id, openid, at, doc) VALUES (?, ?, ?, ?)');
  const getFollowerEvaluation = db.prepare('SELECT doc FROM complaint_follower_evaluations WHERE complaint_id = ? AND openid = ?').pluck();
  const clearFollowerComments = db.prepare("UPDATE complaint_follower_evaluations SET doc = json_set(doc, '$.comment', json('null')) WHERE complaint_id = ? AND json_extract(doc, '$.comment') IS NOT NULL");
  const followerEvaluationsOf = db.prepare('SELECT doc FROM complaint_follower_evaluations WHERE complaint_id = ? ORDER BY at, openid').pluck();
  const bumpSupporters = db.prepare("UPDATE complaints SET doc = json_set(doc, '$.supporters', json_extract(doc, '$.supporters') + 1) WHERE id = ?");

  const row = (c: Complaint) => {
    const x = complaintIndex(c);
    return {
      id: c.id,
      trackingNo: x.trackingNo,
      stationId: x.stationId,
      owner: x.owner,
      status: x.status,
      category: x.category,
      version: c.version,
      dueAt: x.dueAt,
      nextActionAt: x.nextActionAt,
      submittedAt: x.submittedAt,
      escalationLevel: x.escalationLevel,
      assignedOperator: x.assignedOperator,
      mergedInto: c.mergedInto,
      phoneLast4: x.phoneLast4,
      doc: JSON.stringify(c),
    };
  };

  const writeHistoryAndOutbox = (complaintId: string, history: HistoryEntry[], outbox: OutboxMessage[]) => {
    faults.afterComplaintRow?.();
    for (const h of history) insertHistory.run(complaintId, nextSeq.get(complaintId), JSON.stringify(h));
    for (const m of outbox) insertOutbox.run(m.id, m.openid, m.createdAt, JSON.stringify(m));
  };

  const create = db.transaction((input: { complaint: Complaint; history: HistoryEntry; outbox: OutboxMessage[]; requestKey: string; bodyHash?: string }) => {
    const existing = findRequest.get(input.requestKey) as { complaintId: string; bodyHash: string | null } | undefined;
    if (existing) return { created: false, complaint: JSON.parse(getDoc.get(existing.complaintId) as string) as Complaint, bodyHash: existing.bodyHash };
    const c = input.complaint;
    try {
      insertComplaint.run(row(c));
    } catch (err) {
      // The UNIQUE tracking_no column: another complaint holds this number (core draws another).
      if (/UNIQUE constraint failed: complaints\.tracking_no/.test((err as Error)?.message ?? '')) throw new TrackingNoTaken();
      throw err;
    }
    for (const code of c.regionCodes) insertRegion.run(regionRow(code, c));
    writeHistoryAndOutbox(c.id, [input.history], input.outbox);
    insertRequest.run(input.requestKey, c.id, input.bodyHash ?? null);
    return { created: true, complaint: c, bodyHash: input.bodyHash ?? null };
  });

  const apply = db.transaction((change: ComplaintChange) => {
    const c = change.next;
    const r = updateComplaint.run({ ...row(c), expectedVersion: change.expectedVersion });
    if (r.changes === 0) throw staleConflict('这件投诉');
    for (const code of c.regionCodes) {
      const { submittedAt: _s, ...changed } = regionRow(code, c);
      updateRegion.run(changed);
    }
    writeHistoryAndOutbox(c.id, change.history, change.outbox);
  });

  const support = db.transaction((id: string, openid: string, at: string) => {
    const added = insertSupporter.run(id, openid, at).changes > 0;
    if (added) bumpSupporters.run(id);
    return added;
  });

  function where(q: Partial<ComplaintQuery>, params: unknown[]): string {
    const clauses: string[] = [];
    if (q.regionCodes !== undefined || q.assignedOperators !== undefined) {
      // Scope: visible through any region binding or any operator assignment; empty scope sees nothing.
      const parts: string[] = [];
      if (q.regionCodes?.length) {
        parts.push(`c.id IN (SELECT complaint_id FROM complaint_regions WHERE code IN (${marks(q.regionCodes.length)}))`);
        params.push(...q.regionCodes);
      }
      if (q.assignedOperators?.length) {
        parts.push(`c.assigned_operator IN (${marks(q.assignedOperators.length)})`);
        params.push(...q.assignedOperators);
      }
      clauses.push(parts.length ? `(${parts.join(' OR ')})` : '0');
    }
    if (q.owner !== undefined) {
      clauses.push('c.owner = ?');
      params.push(q.owner);
    }
    if (q.stationIds) {
      clauses.push(`c.station_id IN (${marks(q.stationIds.length) || 'NULL'})`);
      params.push(...q.stationIds);
    }
    if (q.statuses) {
      clauses.push(`c.status IN (${marks(q.statuses.length) || 'NULL'})`);
      params.push(...q.statuses);
    }
    if (q.category) {
      clauses.push('c.category = ?');
      params.push(q.category);
    }
    if (q.dueBefore) {
      clauses.push('c.due_at IS NOT NULL AND c.due_at <= ?');
      params.push(q.dueBefore);
    }
    if (q.actionBefore) {
      clauses.push('c.next_action_at IS NOT NULL AND c.next_action_at <= ?');
      params.push(q.actionBefore);
    }
    if (q.escalatedOnly) clauses.push('c.escalation_level >= 1');
    if (q.since) {
      clauses.push('c.submitted_at >= ?');
      params.push(q.since);
    }
    // The desk's search (core/complaint/search.ts): literal matches, never a pattern from the caller.
    if (q.trackingNoPrefix !== undefined) {
      clauses.push('substr(c.tracking_no, 1, length(?)) = ?');
      params.push(q.trackingNoPrefix, q.trackingNoPrefix);
    }
    if (q.phoneLast4 !== undefined) {
      clauses.push('c.phone_last4 = ?');
      params.push(q.phoneLast4);
    }
    if (q.stationName !== undefined) {
      clauses.push("instr(json_extract(c.doc, '$.stationName'), ?) > 0");
      params.push(q.stationName);
    }
    return whereSql(clauses);
  }

  /**
   * A queue in one region by deadline (the officials' workbench), driven by the index
   * complaint_regions(code, due_at): open complaints in deadline order straight from the index
   * (ties sorted per deadline, and LIMIT stops the walk), then those without a deadline. Same rows
   * and order as the general query below; null when the query is not of this shape.
   */
  function regionQueue(q: ComplaintQuery): { items: Complaint[]; hasMore: boolean } | null {
    if (q.order !== 'due' || q.regionCodes?.length !== 1 || q.assignedOperators?.length || q.owner !== undefined) return null;
    // A search by phone or tracking number matches a handful of rows through its own index
    // (complaints_phone_last4, tracking_no): cheaper than walking the county's queue to find them.
    if (q.phoneLast4 !== undefined || q.trackingNoPrefix !== undefined) return null;
    const code = q.regionCodes[0];
    // Status and escalation are filtered in the index itself (complaint_regions_status,
    // complaint_regions_escalated); the other filters on the joined row, as the walk goes.
    const indexed = (params: unknown[]) => {
      let sql = '';
      if (q.statuses) {
        sql += ` AND r.status IN (${marks(q.statuses.length) || 'NULL'})`;
        params.push(...q.statuses);
      }
      if (q.escalatedOnly) sql += ' AND r.escalated = 1';
      const w = where({ ...q, regionCodes: undefined, assignedOperators: undefined, dueBefore: undefined, statuses: undefined, escalatedOnly: undefined }, params);
      return sql + (w ? ` AND ${w.slice(' WHERE '.length)}` : '');
    };
    const from = 'FROM complaint_regions r CROSS JOIN complaints c ON c.id = r.complaint_id WHERE r.code = ?';
    const dated = (select: string, params: unknown[]) => {
      let sql = `SELECT ${select} ${from} AND r.due_at IS NOT NULL`;
      params.push(code);
      if (q.dueBefore) {
        sql += ' AND r.due_at <= ?';
        params.push(q.dueBefore);
      }
      return sql + indexed(params);
    };
    const want = q.limit + 1;
    const params: unknown[] = [];
    const sql = dated('r.complaint_id', params) + ' ORDER BY r.due_at, r.submitted_at, r.complaint_id LIMIT ? OFFSET ?';
    const ids = db.prepare(sql).pluck().all(...params, want, q.offset) as string[];
    if (ids.length < want && !q.dueBefore) {
      // Then the undated ones; a page that starts among them needs the number of dated ones.
      let skip = 0;
      if (ids.length === 0 && q.offset > 0) {
        const countParams: unknown[] = [];
        skip = q.offset - (db.prepare(dated('count(*)', countParams)).pluck().get(...countParams) as number);
      }
      const undatedParams: unknown[] = [code];
      const undated = `SELECT r.complaint_id ${from} AND r.due_at IS NULL${indexed(undatedParams)} ORDER BY r.submitted_at, r.complaint_id LIMIT ? OFFSET ?`;
      ids.push(...(db.prepare(undated).pluck().all(...undatedParams, want - ids.length, Math.max(0, skip)) as string[]));
    }
    return pageOfIds(ids, q.limit);
  }

  function pageOfIds(ids: string[], limit: number): { items: Complaint[]; hasMore: boolean } {
    const page = ids.slice(0, limit);
    const docs = new Map(
      page.length ? (db.prepare(`SELECT id, doc FROM complaints WHERE id IN (${marks(page.length)})`).raw().all(...page) as [string, string][]) : [],
    );
    return { items: page.map((id) => JSON.parse(docs.get(id) as string) as Complaint), hasMore: ids.length > limit };
  }

  return {
    create: (input) => guarded(() => create(input)),
    get: (id) => guarded(() => docOf<Complaint>(getDoc.get(id))),
    findByRequestKey: (key) => guarded(() => {
      const r = getByRequest.get(key) as { doc: string; bodyHash: string | null } | undefined;
      return r ? { complaint: JSON.parse(r.doc) as Complaint, bodyHash: r.bodyHash } : null;
    }),
    findByTrackingNo: (no) => guarded(() => docOf<Complaint>(getByTracking.get(no))),
    apply: (change) => guarded(() => apply(change)),
    history: (id) => guarded(() => docsOf<HistoryEntry>(historyOf.all(id))),
    list: (q) =>
      guarded(() => {
        const queue = regionQueue(q);
        if (queue) return queue;
        const params: unknown[] = [];
        const order = q.order === 'due' ? ' ORDER BY c.due_at IS NULL, c.due_at, c.submitted_at, c.id' : ' ORDER BY c.submitted_at DESC, c.id';
        // Order and page on the narrow columns first, then read the documents of that page only:
        // sorting whole documents of a busy county's complaints is what made queues slow.
        const sql = `SELECT c.id FROM complaints c${where(q, params)}${order} LIMIT ? OFFSET ?`;
        params.push(q.limit + 1, q.offset);
        return pageOfIds(db.prepare(sql).pluck().all(...params) as string[], q.limit);
      }),
    stats: (q) =>
      guarded((): ComplaintStats => {
        const params: unknown[] = [];
        const sql =
          "SELECT c.status, c.category, c.station_id, json_extract(c.doc, '$.stationName'), json_extract(c.doc, '$.replyOnTime'), json_extract(c.doc, '$.evaluation'), json_extract(c.doc, '$.reply') IS NOT NULL," +
          " coalesce(json_array_length(c.doc, '$.supervisions'), 0) > 0, coalesce(json_array_length(c.doc, '$.returns'), 0) > 0, json_type(c.doc, '$.extension') = 'object'" +
          ` FROM complaints c${where({ regionCodes: q.regionCodes, stationIds: q.stationIds, since: q.since }, params)}`;
        const rows = db.prepare(sql).raw().all(...params) as [Complaint['status'], Complaint['category'], string, string, number | null, Complaint['evaluation'], number, number, number, number | null][];
        const stats = emptyStats();
        const stationsSeen = new Map<string, { stationId: string; stationName: string; count: number }>();
        for (const [status, category, stationId, stationName, onTime, evaluation, hasReply, supervised, declined, extended] of rows) {
          stats.total++;
          stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
          stats.byCategory[category] = (stats.byCategory[category] ?? 0) + 1;
          const s = stationsSeen.get(stationId) ?? { stationId, stationName, count: 0 };
          s.count++;
          stationsSeen.set(stationId, s);
          countFacet(stats, statsFacet({ status, hasReply: !!hasReply, replyOnTime: onTime === null ? null : !!onTime, evaluation, supervised: !!supervised, declined: !!declined, extended: !!extended }), 1);
        }
        stats.byStation = topStations(stationsSeen.values());
        return stats;
      }),
    addSupporter: (id, openid, at) => guarded(() => support(id, openid, at)),
    isSupporter: (id, openid) => guarded(() => findSupporter.get(id, openid) !== undefined),
    followers: (caseId, limit) =>
      guarded(() => {
        const supporters = (supportersOf.all(caseId, limit) as [string, string][]).map(([openid, since]): Follow => ({ caseId, openid, via: 'supporter', complaintId: null, since }));
        const merged = (mergedOf.all(caseId, limit) as [string, string, string][]).map(([id, openid, since]): Follow => ({ caseId, openid, via: 'merged', complaintId: id, since }));
        return [...supporters, ...merged].sort((a, b) => cmp(a.since, b.since) || cmp(a.openid, b.openid)).slice(0, limit);
      }),
    following: (openid, limit) =>
      guarded(() => {
        const supported = (supportedBy.all(openid, limit) as [string, string][]).map(([caseId, since]): Follow => ({ caseId, openid, via: 'supporter', complaintId: null, since }));
        const merged = (mergedBy.all(openid, limit) as [string, string, string][]).map(([caseId, id, since]): Follow => ({ caseId, openid, via: 'merged', complaintId: id, since }));
        return [...supported, ...merged].sort((a, b) => cmp(b.since, a.since) || cmp(a.caseId, b.caseId)).slice(0, limit);
      }),
    saveFollowerEvaluation: (e) =>
      guarded(() => {
        if (insertFollowerEvaluation.run(e.caseId, e.openid, e.at, JSON.stringify(e)).changes > 0) return { saved: true, evaluation: e };
        return { saved: false, evaluation: JSON.parse(getFollowerEvaluation.get(e.caseId, e.openid) as string) as FollowerEvaluation };
      }),
    followerEvaluations: (caseId) => guarded(() => docsOf<FollowerEvaluation>(followerEvaluationsOf.all(caseId))),
    clearFollowerComments: (caseId) => guarded(() => void clearFollowerComments.run(caseId)),
    purgeable: (before, limit) =>
      guarded(() =>
        (
          db
            .prepare(
              `SELECT doc FROM complaints WHERE status IN (${marks(FINAL_STATUSES.length)}) AND submitted_at < ? AND json_extract(doc, '$.purgedAt') IS NULL ORDER BY submitted_at, id LIMIT ?`,
            )
            .pluck()
            .all(...FINAL_STATUSES, before, limit) as string[]
        ).map((d) => JSON.parse(d) as Complaint),
      ),
  };
}

const lastCount = (v: unknown): number => Number(v ?? 0);

export function createSqliteOutboxRepository(db: Db): OutboxRepository {
  const pending = db.prepare('SELECT doc, attempts FROM outbox WHERE sent_at IS NULL AND attempts < ? ORDER BY created_at, id LIMIT ?').raw();
  const markSent = db.prepare("UPDATE outbox SET sent_at = ?, doc = json_set(doc, '$.sentAt', ?) WHERE id = ? AND sent_at IS NULL");
  const markFailed = db.prepare("UPDATE outbox SET attempts = attempts + 1, doc = json_set(doc, '$.attempts', attempts + 1, '$.lastError', ?) WHERE id = ? AND sent_at IS NULL");
  const forRecipient = db.prepare('SELECT doc FROM outbox WHERE openid = ? ORDER BY created_at DESC, id LIMIT ?').pluck();
  const claimDay = db.prepare('INSERT INTO digests (openid, day, at) VALUES (?, ?, ?) ON CONFLICT(openid) DO UPDATE SET day = excluded.day, at = excluded.at WHERE digests.day < excluded.day');
  const insertOutbox = db.prepare('INSERT INTO outbox (id, openid, created_at, sent_at, attempts, doc) VALUES (?, ?, ?, NULL, 0, ?)');
  // The day is claimed and the message queued together: a digest is recorded only if queued.
  const queueDigest = db.transaction((m: OutboxMessage, day: string) => {
    if (claimDay.run(m.openid, day, m.createdAt).changes === 0) return false;
    insertOutbox.run(m.id, m.openid, m.createdAt, JSON.stringify(m));
    return true;
  });
  const lastDigest = db.prepare('SELECT at FROM digests WHERE openid = ?').pluck();
  const undeliverable = db.prepare('SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND attempts >= ?').pluck();
  const inbox = db.prepare("SELECT doc FROM outbox WHERE openid = ? AND json_extract(doc, '$.event') IN (SELECT value FROM json_each(?)) ORDER BY created_at DESC, id LIMIT ?").pluck();
  const markRead = db.prepare("UPDATE outbox SET doc = json_set(doc, '$.readAt', ?) WHERE openid = ? AND json_extract(doc, '$.complaintId') = ? AND json_extract(doc, '$.readAt') IS NULL");
  const undeliverableFor = db.prepare("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND attempts >= ? AND json_extract(doc, '$.lastError') = ?").pluck();
  return {
    pending: (limit, maxAttempts) => guarded(() => (pending.all(maxAttempts, limit) as [string, number][]).map(([d]) => JSON.parse(d) as OutboxMessage)),
    markSent: (id, at) => guarded(() => markSent.run(at, at, id).changes > 0),
    markFailed: (id, error, _at) => guarded(() => void markFailed.run(error.slice(0, 60), id)),
    forRecipient: (openid, limit) => guarded(() => docsOf<OutboxMessage>(forRecipient.all(openid, limit))),
    queueDigest: (m, day) => guarded(() => queueDigest(m, day)),
    lastDigestAt: (openid) => guarded(() => (lastDigest.get(openid) as string | undefined) ?? null),
    inbox: (openid, events, limit) => guarded(() => docsOf<OutboxMessage>(inbox.all(openid, JSON.stringify(events), limit))),
    markRead: (openid, complaintId, at) => guarded(() => void markRead.run(at, openid, complaintId)),
    undeliverable: (maxAttempts, lastError) => guarded(() => lastCount(lastError === undefined ? undeliverable.get(maxAttempts) : undeliverableFor.get(maxAttempts, lastError))),
  };
}
