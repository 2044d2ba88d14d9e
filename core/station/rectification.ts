/**
 * Rectification orders (第十一条6, 第十一条5): the county names a station's problems and the fixes
 * it requires, with a working-day deadline; the station answers with evidence; the county verifies
 * and restores it, extends the deadline once, or closes it. A station that never answers may be
 * closed once the deadline has passed. Pure: the explicit transition table below decides, and each
 * command returns the next order plus what happens to the station (one change for the store).
 */
import type { WorkCalendar } from '../calendar/workdays';
import { AppError } from '../shared/errors';
import { toShanghai } from '../shared/time';
import type { StationStatus } from './vocabulary';
import { labelled } from '../shared/labelled';

export const { codes: RECTIFICATION_STATES, labels: RECTIFICATION_STATE_LABELS } = labelled({
  open: '整改中',
  answered: '已提交整改情况，待核查',
  restored: '整改合格，已恢复',
  closed: '已关停',
  withdrawn: '已撤销',
});
export type RectificationState = (typeof RECTIFICATION_STATES)[number];
export const OPEN_RECTIFICATION: readonly RectificationState[] = ['open', 'answered'];

/** Deadlines in working days: at least a week, at most two months. */
export const MIN_RECTIFY_WORKDAYS = 5;
export const MAX_RECTIFY_WORKDAYS = 40;
export const MAX_RECTIFY_EXTENSIONS = 1;

export interface RectificationEvent {
  at: string;
  byRole: 'county' | 'station';
  action: RectifyCommand['type'] | 'issue';
  note: string;
}

export interface RectificationOrder {
  id: string;
  stationId: string;
  stationName: string;
  /** The station's region path codes (scope checks and listing by county). */
  regionCodes: string[];
  operatorName: string;
  state: RectificationState;
  /** The status the station had before the order (restored to it). */
  previousStatus: StationStatus;
  problems: string[];
  /** Photos of the inspection the order was issued from, with their content checks: shown once passed. */
  photoChecks?: { fileId: string; traceId: string }[];
  requiredFixes: string;
  issuedBy: string;
  issuedAt: string;
  dueOn: string;
  dueProvisional: boolean;
  extensions: number;
  /**
   * The station's latest answer (the evidence), kept with the history. `by`: who answered (sees the
   * photos while they are checked); `photoChecks`: the photos' content checks (core/media/check.ts
   * `rectification-photo`) — a photo without a passed one is shown to nobody else.
   */
  answer: { text: string; photos: string[]; at: string; by?: string; photoChecks?: { fileId: string; traceId: string }[] } | null;
  events: RectificationEvent[];
  version: number;
}

export type RectifyCommand =
  | { type: 'answer'; text: string; photos: string[]; by?: string; photoChecks?: { fileId: string; traceId: string }[] }
  | { type: 'restore'; comment: string }
  | { type: 'extend'; workdays: number; comment: string }
  | { type: 'close'; comment: string }
  | { type: 'withdraw'; comment: string };

type By = 'county' | 'station';

/** From which states, by whom, and the guard on the order itself (null when it may run). */
export const RECTIFY_TRANSITIONS: Record<RectifyCommand['type'], { from: readonly RectificationState[]; by: By; guard?: (o: RectificationOrder, today: string) => string | null }> = {
  answer: { from: ['open', 'answered'], by: 'station' },
  restore: { from: ['answered'], by: 'county' },
  extend: { from: ['open', 'answered'], by: 'county', guard: (o) => (o.extensions >= MAX_RECTIFY_EXTENSIONS ? '整改期限已经延长过一次，不能再延长' : null) },
  // Closing needs the station's answer, or a deadline that has passed without one.
  close: { from: ['open', 'answered'], by: 'county', guard: (o, today) => (o.state === 'open' && today <= o.dueOn ? '整改期限还没到，站点也还没提交整改情况，现在不能关停' : null) },
  withdraw: { from: ['open', 'answered'], by: 'county' },
};

/** 2026-12-18 → 2026年12月18日: the one date format the pages use. */
function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** What the station becomes with the order's change (null: unchanged). */
export type StationEffect = { status: StationStatus; revokeHeads: boolean } | null;

export interface RectifyResult {
  next: RectificationOrder;
  station: StationEffect;
}

export function issueOrder(input: {
  id: string;
  station: { id: string; name: string; status: StationStatus; regionCodes: string[]; operatorName: string };
  problems: string[];
  photoChecks?: { fileId: string; traceId: string }[];
  requiredFixes: string;
  workdays: number;
  issuedBy: string;
  at: Date;
  calendar: WorkCalendar;
}): RectifyResult {
  const { station } = input;
  if (!['certified', 'active'].includes(station.status)) {
    throw new AppError('CONFLICT', station.status === 'rectification' ? '这个站点已经在整改中' : '只有已认定的站点才能下整改通知');
  }
  const at = input.at.toISOString();
  const due = input.calendar.addWorkdays(toShanghai(input.at).date, input.workdays);
  const order: RectificationOrder = {
    id: input.id,
    stationId: station.id,
    stationName: station.name,
    regionCodes: station.regionCodes,
    operatorName: station.operatorName,
    state: 'open',
    previousStatus: station.status,
    problems: input.problems,
    ...(input.photoChecks?.length ? { photoChecks: input.photoChecks } : {}),
    requiredFixes: input.requiredFixes,
    issuedBy: input.issuedBy,
    issuedAt: at,
    dueOn: due.date,
    dueProvisional: due.provisional,
    extensions: 0,
    answer: null,
    events: [{ at, byRole: 'county', action: 'issue', note: `限 ${input.workdays} 个工作日内整改（${chineseDate(due.date)}前）` }],
    version: 1,
  };
  return { next: order, station: { status: 'rectification', revokeHeads: false } };
}

/** Why `cmd` cannot run on `o` now (null when it can). */
export function rectifyRefusal(o: RectificationOrder, type: RectifyCommand['type'], by: By, today: string): string | null {
  const t = RECTIFY_TRANSITIONS[type];
  if (t.by !== by) return by === 'station' ? '这一步由县级主管部门办理' : '这一步由站点办理';
  if (!t.from.includes(o.state)) return `整改通知现在是“${RECTIFICATION_STATE_LABELS[o.state]}”，不能这样办理`;
  return t.guard?.(o, today) ?? null;
}

export function rectify(o: RectificationOrder, cmd: RectifyCommand, ctx: { by: By; at: Date; calendar: WorkCalendar }): RectifyResult {
  const today = toShanghai(ctx.at).date;
  const refusal = rectifyRefusal(o, cmd.type, ctx.by, today);
  if (refusal) throw new AppError('CONFLICT', refusal);
  const at = ctx.at.toISOString();
  const event = (note: string): RectificationEvent => ({ at, byRole: ctx.by, action: cmd.type, note });
  const base = { ...o, version: o.version + 1 };
  switch (cmd.type) {
    case 'answer':
      return { next: { ...base, state: 'answered', answer: { text: cmd.text, photos: cmd.photos, at, ...(cmd.by ? { by: cmd.by } : {}), ...(cmd.photoChecks?.length ? { photoChecks: cmd.photoChecks } : {}) }, events: [...o.events, event(cmd.text)] }, station: null };
    case 'restore':
      return { next: { ...base, state: 'restored', events: [...o.events, event(cmd.comment)] }, station: { status: o.previousStatus, revokeHeads: false } };
    case 'extend': {
      const due = ctx.calendar.addWorkdays(o.dueOn, cmd.workdays);
      return {
        next: { ...base, state: 'open', dueOn: due.date, dueProvisional: due.provisional, extensions: o.extensions + 1, events: [...o.events, event(`${cmd.comment}（延长至${chineseDate(due.date)}）`)] },
        station: null,
      };
    }
    case 'close':
      return { next: { ...base, state: 'closed', events: [...o.events, event(cmd.comment)] }, station: { status: 'closed', revokeHeads: true } };
    case 'withdraw':
      return { next: { ...base, state: 'withdrawn', events: [...o.events, event(cmd.comment)] }, station: { status: o.previousStatus, revokeHeads: false } };
  }
}

/** Which commands the caller (county or station) may run now, for the buttons. */
export function rectifyActions(o: RectificationOrder, by: By, now: Date): RectifyCommand['type'][] {
  const today = toShanghai(now).date;
  return (Object.keys(RECTIFY_TRANSITIONS) as RectifyCommand['type'][]).filter((t) => rectifyRefusal(o, t, by, today) === null);
}

export function overdue(o: RectificationOrder, now: Date): boolean {
  return o.state === 'open' && toShanghai(now).date > o.dueOn;
}

/** Storage of rectification orders (adapters/sqlite/rectifications.ts, adapters/cloudbase/rectifications.ts). */
export interface RectificationRepository {
  get(id: string): Promise<RectificationOrder | null>;
  /** Every order of a station, newest first (a station has few). */
  forStation(stationId: string): Promise<RectificationOrder[]>;
  /** Orders of stations in a region (any level), earliest deadline first (ties by id). */
  list(q: { regionCode: string; states?: readonly RectificationState[]; offset: number; limit: number }): Promise<{ items: RectificationOrder[]; hasMore: boolean }>;
  /**
   * Insert (`expectedVersion` null) or replace at `expectedVersion`. CONFLICT when the station
   * already has an open order (one at a time), or when the order moved on since it was read.
   */
  save(order: RectificationOrder, expectedVersion: number | null): Promise<void>;
}
