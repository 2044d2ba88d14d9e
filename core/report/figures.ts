/**
 * The period report's figures (issue 12 §5; 第十一条1/3/5): one pure function computes every
 * number the dashboard shows, the .xlsx export writes and the 报送 snapshot freezes, from what the
 * stores return. Rows are the region's children (province → cities, city → counties, county →
 * townships); every figure is a count, so rows add up to the total and a city report can add its
 * counties' snapshots (aggregateFigures). Rates are derived from counts where they are shown.
 */
import { computeFigures, type UnitFigures } from '../complaint/figures';
import type { Complaint } from '../complaint/model';
import { DIRECT_NAME, type SumRow } from '../ledger/rollup';
import { ANNUAL_MIN_TRAININGS, type TrainingRecord } from '../recruitment/model';
import type { RatingAggregate } from '../rating/model';
import { DIMENSION_CODES } from '../rating/model';
import { coverageOf } from '../station/coverage';
import { idleCandidates, type IdleCandidate, type IdleRulesOf, type StationSignals } from '../station/idle';
import type { Region, Station } from '../station/model';
import { overdue, type RectificationOrder, OPEN_RECTIFICATION } from '../station/rectification';
import { LISTED_STATUSES, type StationStatus } from '../station/vocabulary';
import { PLANNED_STATUSES } from '../station/coverage';
import { toShanghai } from '../shared/time';
import type { ReportPeriod } from './period';

/** Every count a row carries, in the order of the columns. */
export const COUNT_KEYS = [
  'centres',
  'townshipStations',
  'villagePoints',
  'planned',
  'rectifying',
  'closed',
  'townships',
  'townshipsCovered',
  'villages',
  'villagesCovered',
  'ledgerEntries',
  'ledgerAmountFen',
  'povertySalesFen',
  'households',
  'complaints',
  'replied',
  'repliedOnTime',
  'evaluated',
  'satisfied',
  'ratedStations',
  'ratings',
  'ratingPointsX100',
  'networkStations',
  'trainedStations',
  'compliantStations',
  'idle',
  'rectIssued',
  'rectOpen',
  'rectOverdue',
] as const;
export type CountKey = (typeof COUNT_KEYS)[number];
export type Counts = Record<CountKey, number>;

export interface FigureRowOut {
  /** Child region code; null for stations directly under the region (a county's operation centre). */
  code: string | null;
  name: string;
  counts: Counts;
}

export interface ReportFigures {
  region: { code: string; name: string };
  period: ReportPeriod;
  rows: FigureRowOut[];
  total: Counts;
  /** Complaints by handling unit (core/complaint/figures.ts), counts and rates. */
  units: UnitFigures[];
  /** Idle candidates in the region (at most 50, strongest first). */
  idle: IdleCandidate[];
}

export interface ReportData {
  region: { code: string; name: string };
  period: ReportPeriod;
  /** The region's children: the rows. */
  children: { code: string; name: string }[];
  /** Every station in the region, any status. */
  stations: Station[];
  /** Counties in the region with their townships and villages (coverage, core/station/coverage.ts). */
  counties: { county: Region; townships: Region[]; villages: Region[] }[];
  /** Ledger sums over the period's months, grouped at the children's level (LedgerRepository.sums). */
  ledger: SumRow[];
  /** Complaints about stations in the region, at least those submitted in the period. */
  complaints: Complaint[];
  /** Rating aggregates of the region's stations. */
  ratings: RatingAggregate[];
  /** Training records of the region's stations. */
  training: TrainingRecord[];
  /** Idle signals of the region's stations, with the rules and the instant they are judged at. */
  idleSignals: StationSignals[];
  /** One set, or each station's own county's (settings differ by county). */
  idleRules: IdleRulesOf;
  /** Rectification orders of the region's stations. */
  rectifications: RectificationOrder[];
  /** When the figures are computed (open and overdue orders are as of now). */
  now: Date;
}

export const zeroCounts = (): Counts => Object.fromEntries(COUNT_KEYS.map((k) => [k, 0])) as Counts;

export function addCounts(a: Counts, b: Counts): Counts {
  const out = zeroCounts();
  for (const k of COUNT_KEYS) out[k] = a[k] + b[k];
  return out;
}

/** The row a record with these region codes falls in: the code as long as the children's. */
function rowKeyOf(codes: readonly string[], childLength: number): string | null {
  return codes.find((c) => c.length === childLength) ?? null;
}

const NETWORK: readonly StationStatus[] = LISTED_STATUSES;

export function computeReportFigures(d: ReportData): ReportFigures {
  const childLength = d.children[0]?.code.length ?? (d.region.code.length === 2 ? 4 : d.region.code.length === 4 ? 6 : 9);
  const rows = new Map<string, FigureRowOut>();
  for (const c of d.children) rows.set(c.code, { code: c.code, name: c.name, counts: zeroCounts() });
  const rowOf = (codes: readonly string[]): Counts => {
    const key = rowKeyOf(codes, childLength);
    const id = key ?? '';
    let row = rows.get(id);
    if (!row) rows.set(id, (row = { code: key, name: key ? key : DIRECT_NAME, counts: zeroCounts() }));
    return row.counts;
  };
  const stationRow = new Map<string, Counts>();
  const network = new Set<string>();

  for (const s of d.stations) {
    const r = rowOf(s.regionPath.map((p) => p.code));
    stationRow.set(s.id, r);
    if (NETWORK.includes(s.status)) {
      network.add(s.id);
      r.networkStations++;
      if (s.level === 'county') r.centres++;
      else if (s.level === 'township') r.townshipStations++;
      else r.villagePoints++;
    }
    if (PLANNED_STATUSES.includes(s.status)) r.planned++;
    if (s.status === 'rectification') r.rectifying++;
    if (s.status === 'closed') r.closed++;
  }

  // Coverage per county (the coverage page's rule), then each township and village to its row.
  for (const c of d.counties) {
    const inCounty = d.stations.filter((s) => s.regionPath.some((p) => p.code === c.county.code));
    const cov = coverageOf({ county: c.county, townships: c.townships, villages: c.villages, stations: inCounty });
    const bareTownships = new Set(cov.townshipsWithout.map((t) => t.code));
    const bareVillages = new Set(cov.villagesWithout.map((v) => v.code));
    for (const t of c.townships) {
      const r = rowOf([t.code.slice(0, 2), t.code.slice(0, 4), t.code.slice(0, 6), t.code]);
      r.townships++;
      if (!bareTownships.has(t.code)) r.townshipsCovered++;
    }
    for (const v of c.villages) {
      const r = rowOf([v.code.slice(0, 2), v.code.slice(0, 4), v.code.slice(0, 6), v.code.slice(0, 9), v.code]);
      r.villages++;
      if (!bareVillages.has(v.code)) r.villagesCovered++;
    }
  }

  // Ledger: the store grouped at the children's level (key = child code, or a station id below a township).
  for (const s of d.ledger) {
    const r = s.key && rows.has(s.key) ? rows.get(s.key)!.counts : s.key && stationRow.has(s.key) ? stationRow.get(s.key)! : rowOf(s.key ? [s.key] : []);
    r.ledgerEntries += s.sums.entries;
    r.ledgerAmountFen += s.sums.amountFen;
    r.households += s.sums.households;
    if (s.kind === 'poverty_sale') r.povertySalesFen += s.sums.amountFen;
  }

  // Complaints submitted in the period: each counts once, in its station's row (core/complaint/figures.ts).
  const period = { from: d.period.from, to: d.period.to };
  const byRow = new Map<Counts, Complaint[]>();
  for (const c of d.complaints) {
    const r = rowOf(c.regionCodes);
    byRow.set(r, [...(byRow.get(r) ?? []), c]);
  }
  for (const [r, list] of byRow) {
    const t = computeFigures(list, period).totals;
    r.complaints += t.total;
    r.replied += t.replied;
    r.repliedOnTime += t.repliedOnTime;
    r.evaluated += t.evaluated;
    r.satisfied += t.satisfied;
  }
  const units = computeFigures(d.complaints, period).byUnit;

  // Ratings: published and held ratings so far; the mean of the four dimensions kept as points ×100.
  for (const a of d.ratings) {
    const r = stationRow.get(a.stationId);
    if (!r || !a.count) continue;
    r.ratedStations++;
    r.ratings += a.count;
    const sum = DIMENSION_CODES.reduce((n, k) => n + a.sums[k], 0);
    r.ratingPointsX100 += Math.round((sum / DIMENSION_CODES.length) * 100);
  }

  // Training (第九条3): network stations whose head trained this year up to the period's end.
  const year = d.period.to.slice(0, 4);
  const trainings = new Map<string, number>();
  for (const t of d.training) {
    if (t.date.slice(0, 4) !== year || t.date > d.period.to) continue;
    trainings.set(t.stationId, (trainings.get(t.stationId) ?? 0) + 1);
  }
  for (const id of network) {
    const n = trainings.get(id) ?? 0;
    const r = stationRow.get(id)!;
    if (n >= 1) r.trainedStations++;
    if (n >= ANNUAL_MIN_TRAININGS) r.compliantStations++;
  }

  const idle = idleCandidates(d.idleSignals, d.idleRules, d.now);
  for (const c of idle) {
    const r = stationRow.get(c.stationId);
    if (r) r.idle++;
  }

  for (const o of d.rectifications) {
    const r = stationRow.get(o.stationId) ?? rowOf(o.regionCodes);
    const issued = toShanghai(new Date(o.issuedAt)).date;
    if (issued >= d.period.from && issued <= d.period.to) r.rectIssued++;
    if (OPEN_RECTIFICATION.includes(o.state)) r.rectOpen++;
    if (overdue(o, d.now)) r.rectOverdue++;
  }

  const ordered = [...rows.values()].sort((a, b) => (a.code ?? '').localeCompare(b.code ?? ''));
  // A row with a code but no name came from a record outside the listed children: name it by code.
  return {
    region: d.region,
    period: d.period,
    rows: ordered,
    total: ordered.reduce((t, r) => addCounts(t, r.counts), zeroCounts()),
    units,
    idle: idle.slice(0, 50),
  };
}

/**
 * A city's report from its counties' frozen snapshots: one row per county (that county's total),
 * handling units merged by unit. The same counts as the city's own figures would have been when
 * each county submitted.
 */
export function aggregateFigures(region: { code: string; name: string }, period: ReportPeriod, parts: ReportFigures[]): ReportFigures {
  const rows = parts.map((p) => ({ code: p.region.code, name: p.region.name, counts: p.total })).sort((a, b) => a.code.localeCompare(b.code));
  const units = new Map<string, UnitFigures>();
  for (const p of parts) {
    for (const u of p.units) {
      const prev = units.get(u.unitKey);
      if (!prev) {
        units.set(u.unitKey, { ...u });
        continue;
      }
      for (const k of ['total', 'accepted', 'acceptedOnTime', 'replied', 'repliedOnTime', 'evaluated', 'satisfied', 'declined', 'extended'] as const) prev[k] += u[k];
      prev.acceptOnTimeRate = prev.accepted ? prev.acceptedOnTime / prev.accepted : null;
      prev.replyOnTimeRate = prev.replied ? prev.repliedOnTime / prev.replied : null;
      prev.satisfactionRate = prev.evaluated ? prev.satisfied / prev.evaluated : null;
    }
  }
  return {
    region,
    period,
    rows,
    total: rows.reduce((t, r) => addCounts(t, r.counts), zeroCounts()),
    units: [...units.values()].sort((a, b) => b.total - a.total || a.unitKey.localeCompare(b.unitKey)),
    idle: parts.flatMap((p) => p.idle).slice(0, 50),
  };
}
