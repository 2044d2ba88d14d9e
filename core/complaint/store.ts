/**
 * What every complaint store keeps beside the record, decided once here: the fields queries
 * filter, order and group on (the index), the statistics facets and how they add up, and the one
 * field the store counts itself. Adapters map these to columns or document fields; they decide none.
 */
import type { ComplaintStats } from '../ports';
import type { Complaint } from './model';
import { nextActionAt } from './scheduler';
import { phoneLast4 } from './search';

/** At most this many stations in ComplaintStats.byStation, most complaints first. */
export const TOP_STATIONS = 20;

/** What ComplaintStats counts of one complaint besides its status, category and station. */
export interface StatsFacet {
  /** A reply was made (it may have been cleared by a reopen: replyOnTime stays set then). */
  replied: boolean;
  replyOnTime: boolean | null;
  /** The evaluation of a closed complaint; null while it is not closed. */
  finalEvaluation: Complaint['evaluation'];
  /** Hand-offs (issue 11 §2): a 督办 issued by hand, an assignment handed back (退单), the deadline extended. */
  supervised?: boolean;
  declined?: boolean;
  extended?: boolean;
}

export function statsFacet(c: {
  status: Complaint['status'];
  hasReply: boolean;
  replyOnTime: boolean | null;
  evaluation: Complaint['evaluation'];
  supervised?: boolean;
  declined?: boolean;
  extended?: boolean;
}): StatsFacet {
  return {
    replied: c.hasReply || c.replyOnTime !== null,
    replyOnTime: c.replyOnTime,
    finalEvaluation: c.status === 'closed' ? c.evaluation : null,
    supervised: !!c.supervised,
    declined: !!c.declined,
    extended: !!c.extended,
  };
}

/** The indexed fields of a complaint. */
export interface ComplaintIndex extends StatsFacet {
  trackingNo: string;
  owner: string;
  stationId: string;
  stationName: string;
  /** Distinct region codes, province first. */
  regionCodes: string[];
  /** Operator the complaint is assigned to (operator staff see it through this). */
  assignedOperator: string | null;
  status: Complaint['status'];
  category: Complaint['category'];
  submittedAt: string;
  dueAt: string | null;
  /** When the scheduler has work on it (core/complaint/scheduler.ts), null when none. */
  nextActionAt: string | null;
  escalationLevel: number;
  /** Personal data removed after retention: the purge job's filter. */
  purged: boolean;
  /** Last 4 digits of the call-back phone (queue search), from the masked form; null when none or purged. */
  phoneLast4: string | null;
}

export function complaintIndex(c: Complaint): ComplaintIndex {
  return {
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
    nextActionAt: nextActionAt(c),
    escalationLevel: c.escalationLevel,
    purged: !!c.purgedAt,
    phoneLast4: c.purgedAt ? null : phoneLast4(c.phoneMasked),
    ...statsFacet({
      status: c.status,
      hasReply: c.reply !== null,
      replyOnTime: c.replyOnTime,
      evaluation: c.evaluation,
      supervised: !!c.supervisions?.length,
      declined: !!c.returns?.length,
      extended: c.extension !== null,
    }),
  };
}

/**
 * Fields the store counts itself (supporters join through addSupporter, outside any transition):
 * apply() keeps the stored value, so supporters counted since the caller read the complaint stay counted.
 */
export const STORE_COUNTED = ['supporters'] as const satisfies readonly (keyof Complaint)[];

/** `next` with the store-counted fields of what is stored now. */
export function keepStoreCounted(next: Complaint, stored: Pick<Complaint, (typeof STORE_COUNTED)[number]>): Complaint {
  const out = { ...next };
  for (const f of STORE_COUNTED) out[f] = stored[f];
  return out;
}

export function emptyStats(): ComplaintStats {
  return { total: 0, byStatus: {}, byCategory: {}, byStation: [], replied: 0, repliedOnTime: 0, evaluations: {}, supervised: 0, declined: 0, extended: 0 };
}

/** Add `count` complaints sharing one facet. */
export function countFacet(stats: ComplaintStats, f: StatsFacet, count: number): void {
  if (f.replied) {
    stats.replied += count;
    if (f.replyOnTime) stats.repliedOnTime += count;
  }
  const e = f.finalEvaluation;
  if (e) stats.evaluations[e] = (stats.evaluations[e] ?? 0) + count;
  if (f.supervised) stats.supervised = (stats.supervised ?? 0) + count;
  if (f.declined) stats.declined = (stats.declined ?? 0) + count;
  if (f.extended) stats.extended = (stats.extended ?? 0) + count;
}

/** Most complaints first; ties in station id order, so the top list is deterministic. */
export function topStations<T extends { stationId: string; count: number }>(rows: Iterable<T>): T[] {
  return [...rows].sort((a, b) => b.count - a.count || (a.stationId < b.stationId ? -1 : a.stationId > b.stationId ? 1 : 0)).slice(0, TOP_STATIONS);
}
