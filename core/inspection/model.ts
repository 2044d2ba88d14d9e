/**
 * Operators' visits to their stations (issue 12 §2; 第十条, 第十一条2/5): inspections with a
 * checklist and a score, the quarterly guidance visit (指导服务) and the yearly training (辅导培训)
 * each operator owes each station. Pure rules, no I/O; a visit is recorded once and not edited.
 * Failed checklist items are what a county turns into a rectification order (the register's flow).
 */
import { distanceMeters } from '../shared/geo';
import { addDays } from '../shared/time';
import type { RegionRef } from '../station/model';
import { labelled } from '../shared/labelled';
import type { VersionedStore } from '../shared/record-store';
import { RuleError } from '../shared/rule-error';

export const { codes: VISIT_KINDS, labels: VISIT_KIND_LABELS } = labelled({ inspection: '检查', guidance: '指导服务', training: '辅导培训' });
export type VisitKind = (typeof VISIT_KINDS)[number];

/** The checklist (第七条2–3 equipment, 第十条1–3 premises, signage, prices, public information). */
export const { codes: CHECK_ITEMS, labels: CHECK_ITEM_LABELS } = labelled({
  premises: '场所与功能分区（办公、展示、收发、宣传区）',
  equipment: '设施设备（电脑、网络、打印、监控等）',
  signage: '标志标识和站名规范',
  pricing: '商品和服务明码标价',
  public_info: '公示信息与实际一致',
  cleanliness: '环境卫生、物品摆放整齐',
});
export type CheckItem = (typeof CHECK_ITEMS)[number];

/** Photos one visit may carry. */
export const MAX_VISIT_PHOTOS = 3;
/** How long after the visit it may still be recorded (days). */
export const RECORD_DAYS_BACK = 30;
/** A location further than this from the station is shown as a warning, not refused (GPS drifts indoors). */
export const FAR_M = 1_000;

export interface CheckResult {
  item: CheckItem;
  ok: boolean;
  /** Required when not ok: what is wrong. */
  note?: string;
}

export interface Visit {
  id: string;
  stationId: string;
  stationName: string;
  regionPath: RegionRef[];
  operatorName: string;
  kind: VisitKind;
  /** YYYY-MM-DD (Shanghai). */
  visitedOn: string;
  /** Inspection only: every item answered. */
  items?: CheckResult[];
  /** Inspection only: share of items passed, 0–100. */
  score?: number;
  note?: string;
  /** Claimed photo ids (FileStore): shown to others once their content check passed, to the author at once. */
  photos?: string[];
  /** The photos' content checks (core/media/check.ts `inspection-photo`): a photo without one is never shown to others. */
  photoChecks?: { fileId: string; traceId: string }[];
  /** Where the phone was (GCJ-02) and how far from the station, when the visitor allowed it. */
  location?: { lat: number; lng: number; distanceM: number };
  createdBy: string;
  createdAt: string;
  /** The rectification order the county issued from the failed items. */
  rectificationId?: string;
  version: number;
}

export class VisitRuleError extends RuleError {}

export interface StationFacts {
  id: string;
  name: string;
  regionPath: RegionRef[];
  operatorName: string;
  location: { lat: number; lng: number };
}

export interface VisitInput {
  kind: VisitKind;
  visitedOn: string;
  items?: CheckResult[];
  note?: string;
  /** Already claimed ids. */
  photos?: string[];
  location?: { lat: number; lng: number };
}

export function scoreOf(items: readonly CheckResult[]): number {
  return items.length ? Math.round((items.filter((i) => i.ok).length / items.length) * 100) : 0;
}

/** The failed items as problems for a rectification order ("明码标价：鸡蛋没有标价"). */
export function problemsOf(v: Pick<Visit, 'items'>): string[] {
  return (v.items ?? []).filter((i) => !i.ok).map((i) => `${CHECK_ITEM_LABELS[i.item].replace(/（.*）/, '')}：${i.note ?? ''}`.slice(0, 100));
}

export function recordVisit(station: StationFacts, input: VisitInput, by: string, now: string, today: string, id: string): Visit {
  if (input.visitedOn > today) throw new VisitRuleError('走访日期不能晚于今天', 'visitedOn');
  if (input.visitedOn < addDays(today, -RECORD_DAYS_BACK)) throw new VisitRuleError(`只能补记 ${RECORD_DAYS_BACK} 天内的走访`, 'visitedOn');
  let items: CheckResult[] | undefined;
  if (input.kind === 'inspection') {
    const given = input.items ?? [];
    const seen = new Set(given.map((i) => i.item));
    if (seen.size !== given.length) throw new VisitRuleError('检查项重复', 'items');
    const missing = CHECK_ITEMS.find((c) => !seen.has(c));
    if (missing) throw new VisitRuleError(`请检查“${CHECK_ITEM_LABELS[missing]}”`, 'items');
    const bare = given.find((i) => !i.ok && !i.note?.trim());
    if (bare) throw new VisitRuleError(`“${CHECK_ITEM_LABELS[bare.item]}”不合格，请写明问题`, 'items');
    items = CHECK_ITEMS.map((c) => {
      const i = given.find((g) => g.item === c)!;
      return i.ok ? { item: c, ok: true } : { item: c, ok: false, note: i.note!.trim() };
    });
  } else if (input.items?.length) {
    throw new VisitRuleError('只有检查需要填写检查项', 'items');
  }
  return {
    id,
    stationId: station.id,
    stationName: station.name,
    regionPath: station.regionPath,
    operatorName: station.operatorName,
    kind: input.kind,
    visitedOn: input.visitedOn,
    ...(items ? { items, score: scoreOf(items) } : {}),
    ...(input.note?.trim() ? { note: input.note.trim() } : {}),
    ...(input.photos?.length ? { photos: input.photos.slice(0, MAX_VISIT_PHOTOS) } : {}),
    ...(input.location ? { location: { ...input.location, distanceM: Math.round(distanceMeters(input.location, station.location)) } } : {}),
    createdBy: by,
    createdAt: now,
    version: 1,
  };
}

/** Link the rectification order issued from this inspection's failed items. */
export function linkRectification(v: Visit, rectificationId: string): Visit {
  if (v.kind !== 'inspection' || !(v.items ?? []).some((i) => !i.ok)) throw new VisitRuleError('这次走访没有不合格项');
  if (v.rectificationId) throw new VisitRuleError('已经据此下达过整改通知');
  return { ...v, rectificationId, version: v.version + 1 };
}

/** "2026Q4" of a YYYY-MM-DD date, and the quarter's first day. */
export function quarterOf(date: string): { key: string; first: string } {
  const y = date.slice(0, 4);
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3);
  return { key: `${y}Q${q + 1}`, first: `${y}-${String(q * 3 + 1).padStart(2, '0')}-01` };
}

export interface StationDue {
  stationId: string;
  stationName: string;
  operatorName: string;
  /** Guidance visits this quarter / trainings this year / inspections this year. */
  guidanceThisQuarter: number;
  trainingThisYear: number;
  inspectionsThisYear: number;
  lastVisitOn: string | null;
  /** What the operator still owes (第十一条2: each at least once). */
  behind: ('guidance' | 'training')[];
}

/**
 * What each operator owes each station as of `today`: at least one guidance visit this quarter and
 * one training this year (第十一条2). `visits` are the stations' visits of this year (others ignored).
 */
export function duesOf(stations: readonly Pick<StationFacts, 'id' | 'name' | 'operatorName'>[], visits: readonly Pick<Visit, 'stationId' | 'kind' | 'visitedOn'>[], today: string): StationDue[] {
  const year = today.slice(0, 4);
  const quarter = quarterOf(today).first;
  return stations.map((s) => {
    const mine = visits.filter((v) => v.stationId === s.id && v.visitedOn.slice(0, 4) === year && v.visitedOn <= today);
    const guidance = mine.filter((v) => v.kind === 'guidance' && v.visitedOn >= quarter).length;
    const training = mine.filter((v) => v.kind === 'training').length;
    const behind: StationDue['behind'] = [];
    if (!guidance) behind.push('guidance');
    if (!training) behind.push('training');
    return {
      stationId: s.id,
      stationName: s.name,
      operatorName: s.operatorName,
      guidanceThisQuarter: guidance,
      trainingThisYear: training,
      inspectionsThisYear: mine.filter((v) => v.kind === 'inspection').length,
      lastVisitOn: mine.reduce<string | null>((last, v) => (!last || v.visitedOn > last ? v.visitedOn : last), null),
      behind,
    };
  });
}

/** Per operator: stations and how many are behind on each duty (the county's "who is behind"). */
export function operatorsBehind(dues: readonly StationDue[]): { operatorName: string; stations: number; guidanceBehind: number; trainingBehind: number }[] {
  const by = new Map<string, { operatorName: string; stations: number; guidanceBehind: number; trainingBehind: number }>();
  for (const d of dues) {
    const o = by.get(d.operatorName) ?? { operatorName: d.operatorName, stations: 0, guidanceBehind: 0, trainingBehind: 0 };
    o.stations++;
    if (d.behind.includes('guidance')) o.guidanceBehind++;
    if (d.behind.includes('training')) o.trainingBehind++;
    by.set(d.operatorName, o);
  }
  return [...by.values()].sort((a, b) => b.guidanceBehind + b.trainingBehind - (a.guidanceBehind + a.trainingBehind) || a.operatorName.localeCompare(b.operatorName, 'zh'));
}

export interface VisitQuery {
  stationIds?: string[];
  operatorNames?: string[];
  regionCodes?: string[];
  kinds?: VisitKind[];
  /** Inclusive YYYY-MM-DD bounds on visitedOn. */
  from?: string;
  to?: string;
  /** By visit date (then id). */
  order: 'oldest' | 'newest';
  offset: number;
  limit: number;
}

export type VisitRepository = VersionedStore<Visit, VisitQuery>;
