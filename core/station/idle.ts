/**
 * Idle-station candidates (第十一条6: 督促长期闲置、僵尸站点整改或关停), from signals the system
 * already has: repeated 站点长期不开门 complaints, no ratings or visits for a while, information
 * nobody has confirmed, no head. Stations in their cultivation period are left out (第十一条4).
 * A candidate is a prompt for the county to look, never an automatic sanction. Pure.
 */
import { toShanghai } from '../shared/time';
import { trustFacts } from './rules';
import type { Station } from './model';
import type { StationStatus } from './vocabulary';

const IDLE_CHECKED: readonly StationStatus[] = ['certified', 'active'];

export interface IdleRules {
  /** 站点长期不开门 complaints within `complaintWindowDays` that make a station a candidate. */
  notOpenComplaints: number;
  complaintWindowDays: number;
  /** No rating or proof of visit for this many days. */
  quietDays: number;
  /** Public information not confirmed for this many days. */
  staleInfoDays: number;
}

/** Defaults of the settings (core/settings, 第十二条1); chosen so one bad week does not list a station. */
export const DEFAULT_IDLE_RULES: IdleRules = { notOpenComplaints: 2, complaintWindowDays: 90, quietDays: 90, staleInfoDays: 180 };

export interface StationSignals {
  station: Pick<Station, 'id' | 'name' | 'status' | 'certification' | 'infoConfirmedOn' | 'regionPath' | 'level'>;
  /** 站点长期不开门 complaints submitted within the window. */
  notOpenComplaints: number;
  /** Last rating or visit (YYYY-MM-DD), null when none ever. */
  lastActivityOn: string | null;
  hasHead: boolean;
}

export type IdleReason = 'not_open' | 'quiet' | 'stale' | 'no_head';

export interface IdleCandidate {
  stationId: string;
  stationName: string;
  reasons: { code: IdleReason; text: string }[];
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The reasons one station is a candidate (empty: not a candidate, or exempt). */
export function idleReasons(s: StationSignals, rules: IdleRules, now: Date): IdleCandidate['reasons'] {
  // Already under a rectification order, closed, or not yet certified: nothing to prompt.
  if (!IDLE_CHECKED.includes(s.station.status)) return [];
  const trust = trustFacts(s.station, now);
  if (trust.inCultivation) return [];
  const today = toShanghai(now).date;
  const out: IdleCandidate['reasons'] = [];
  if (s.notOpenComplaints >= rules.notOpenComplaints) {
    out.push({ code: 'not_open', text: `近 ${rules.complaintWindowDays} 天有 ${s.notOpenComplaints} 件“站点长期不开门”投诉` });
  }
  const quiet = s.lastActivityOn === null ? null : daysBetween(s.lastActivityOn, today);
  if (quiet === null || quiet >= rules.quietDays) {
    out.push({ code: 'quiet', text: quiet === null ? '从没有群众评价或到店记录' : `${quiet} 天没有群众评价或到店记录` });
  }
  if (trust.infoAgeDays >= rules.staleInfoDays) out.push({ code: 'stale', text: `公示信息 ${trust.infoAgeDays} 天未核实` });
  if (!s.hasHead) out.push({ code: 'no_head', text: '暂无负责人' });
  return out;
}

/** The rules each station is judged by: one set, or its own county's (settings differ by county). */
export type IdleRulesOf = IdleRules | ((s: StationSignals) => IdleRules);

/**
 * Candidates, strongest first: more reasons first, then complaints, then the longest quiet. A
 * station that is only quiet is not listed (a small village point may simply be little used).
 */
export function idleCandidates(signals: StationSignals[], rules: IdleRulesOf, now: Date): IdleCandidate[] {
  const rulesOf = typeof rules === 'function' ? rules : () => rules;
  const listed = signals
    .map((s) => ({ s, reasons: idleReasons(s, rulesOf(s), now) }))
    .filter(({ reasons }) => reasons.length >= 2 || reasons.some((r) => r.code === 'not_open'));
  listed.sort(
    (a, b) =>
      b.reasons.length - a.reasons.length ||
      b.s.notOpenComplaints - a.s.notOpenComplaints ||
      (a.s.lastActivityOn ?? '').localeCompare(b.s.lastActivityOn ?? '') ||
      a.s.station.id.localeCompare(b.s.station.id),
  );
  return listed.map(({ s, reasons }) => ({ stationId: s.station.id, stationName: s.station.name, reasons }));
}

export const sameIdleRules = (a: IdleRules, b: IdleRules): boolean =>
  a.notOpenComplaints === b.notOpenComplaints && a.complaintWindowDays === b.complaintWindowDays && a.quietDays === b.quietDays && a.staleInfoDays === b.staleInfoDays;
