/**
 * The rectification desk (issue 10 §4, 第十一条6): officials see idle-station candidates for their
 * region and issue, extend, verify or close rectification orders; the station (its head, its
 * operator's staff) answers with what it fixed. Each step: authorise in scope → version →
 * transition (core/station/rectification.ts) → the order, then the station's status, then (on
 * closure) the heads' roles — every step audited. A station write that failed after its order
 * was saved is finished the next time anyone opens the order (`settle`): nothing stays half-done.
 */
import { settingsCodeOf, thresholdsByCounty, type SettingsRepository } from '../settings/model';
import { createAccess, type AccessDeps } from '../authz/access';
import { authorize, listBindings, officialRegions, type Permission } from '../authz/policy';
import type { Actor } from '../authz/roles';
import { WorkCalendar } from '../calendar/workdays';
import type { MediaChecker, MediaCheckRepository } from '../media/check';
import { checkStationPhotos, claimPhotos, passedPhotos, photoList, photoStates, photoUrls, type PhotoCheck } from '../media/photos';
import type { CalendarRepository, ComplaintRepository, FileStore, RatingRepository, StationRepository } from '../ports';
import { decodeCursor, encodeCursor } from '../shared/cursor';
import { AppError } from '../shared/errors';
import { toShanghai } from '../shared/time';
import { regionCode, text, z } from '../shared/zod';
import { DEFAULT_IDLE_RULES, idleCandidates, sameIdleRules, type IdleRules, type StationSignals } from './idle';
import type { Station } from './model';
import {
  MAX_RECTIFY_WORKDAYS,
  MIN_RECTIFY_WORKDAYS,
  OPEN_RECTIFICATION,
  RECTIFICATION_STATE_LABELS,
  RECTIFICATION_STATES,
  issueOrder,
  overdue,
  rectify,
  rectifyActions,
  type RectificationOrder,
  type RectificationRepository,
  type RectifyCommand,
} from './rectification';
import { ANSWER_PHOTOS_MAX } from './limits';
import { STATUS_LABELS } from './vocabulary';

const id = z.string().check(z.regex(/^[A-Za-z0-9_-]{3,64}$/, '编号不对'));
const version = z.int().check(z.gte(1));
const comment = text(300, '说明', { min: 2 });
const workdays = z.int().check(z.gte(MIN_RECTIFY_WORKDAYS, `整改期限至少 ${MIN_RECTIFY_WORKDAYS} 个工作日`), z.lte(MAX_RECTIFY_WORKDAYS, `整改期限最多 ${MAX_RECTIFY_WORKDAYS} 个工作日`));

export const idleInput = z.strictObject({ regionCode: z.optional(regionCode) });
export const issueInput = z.strictObject({
  stationId: z.string().check(z.regex(/^[a-z0-9-]{3,40}$/, '站点编号不对')),
  problems: z.array(text(100, '问题', { min: 2 })).check(z.minLength(1, '至少写一个问题'), z.maxLength(10, '最多写 10 个问题')),
  requiredFixes: text(500, '整改要求', { min: 5 }),
  workdays,
});
export const ordersInput = z.strictObject({
  regionCode: z.optional(regionCode),
  state: z.optional(z.enum(RECTIFICATION_STATES, '状态不对')),
  cursor: z.optional(z.string().check(z.maxLength(60))),
  limit: z.optional(z.int().check(z.gte(1), z.lte(50))),
});
export const orderInput = z.strictObject({ id });
export const stationOrdersInput = z.strictObject({ stationId: z.string().check(z.regex(/^[a-z0-9-]{3,40}$/, '站点编号不对')) });
export const answerInput = z.strictObject({
  id,
  version,
  text: text(1000, '整改情况', { min: 10, tooShort: '请写清整改了什么（至少 10 个字）' }),
  /** Evidence: photos of what was fixed (the complaints' upload path). */
  photos: z.optional(photoList(ANSWER_PHOTOS_MAX)),
});
export const verifyInput = z.strictObject({
  id,
  version,
  outcome: z.enum(['restore', 'extend', 'close', 'withdraw'], '处理结果不对'),
  comment,
  workdays: z.optional(workdays),
});

export interface RectificationDeskDeps extends AccessDeps {
  stations: Pick<StationRepository, 'get' | 'list' | 'upsertMany'>;
  rectifications: RectificationRepository;
  complaints: Pick<ComplaintRepository, 'list'>;
  ratings: Pick<RatingRepository, 'aggregate'>;
  calendars: CalendarRepository;
  /** Answer photos: claimed like complaint photos; the county sees them by short-lived URL once checked. */
  files: Pick<FileStore, 'claim' | 'viewUrls'>;
  idleRules?: IdleRules;
  /**
   * Content checks of the answer's photos (asked on answer) and verdicts of those and of the
   * inspection photos an order carries: without them nobody but the answerer sees any (failing closed).
   */
  mediaChecker?: MediaChecker;
  mediaChecks?: MediaCheckRepository;
  /** Region settings (第十二条1): the idle rules at the region asked about; idleRules is the fallback. */
  settings?: Pick<SettingsRepository, 'all'>;
}

const ACTION_TEXT: Record<RectifyCommand['type'] | 'issue', string> = { issue: '下达整改通知', answer: '提交整改情况', restore: '核查合格，恢复', extend: '延长整改期限', close: '关停', withdraw: '撤销整改通知' };

export function orderView(o: RectificationOrder, now: Date, actions: string[] = []) {
  return {
    id: o.id,
    version: o.version,
    stationId: o.stationId,
    stationName: o.stationName,
    state: o.state,
    stateLabel: RECTIFICATION_STATE_LABELS[o.state],
    problems: o.problems,
    /** The inspection's photos that passed the content check: URLs, filled in by the desk. */
    photos: [] as string[],
    requiredFixes: o.requiredFixes,
    issuedAt: o.issuedAt,
    dueOn: o.dueOn,
    dueProvisional: o.dueProvisional,
    overdue: overdue(o, now),
    extensions: o.extensions,
    /**
     * photos: URLs of those that passed the content check, filled in by the desk (orderView itself
     * does no I/O). The answerer only: pendingPhotos (still being checked), photosRemoved (failed, deleted).
     */
    answer: o.answer ? ({ text: o.answer.text, at: o.answer.at, photos: [] } as { text: string; at: string; photos: string[]; pendingPhotos?: string[]; photosRemoved?: number }) : null,
    events: o.events.map((e) => ({ at: e.at, by: e.byRole === 'county' ? '主管部门' : '站点', action: ACTION_TEXT[e.action], note: e.note })),
    actions,
  };
}
export type RectificationView = ReturnType<typeof orderView>;

export function createRectificationDesk(deps: RectificationDeskDeps) {
  const { stations, rectifications, roles, clock, ids, files } = deps;
  const access = createAccess(deps);

  /**
   * The view with photos as URLs (only the station's people and officials get here): the answer's
   * passed photos for everyone, and for `viewer` who answered also those being checked and how many failed.
   */
  async function viewOf(o: RectificationOrder, now: Date, actions: string[], viewer: string): Promise<RectificationView> {
    const v = orderView(o, now, actions);
    if (v.answer && o.answer?.photos.length) {
      const states = await photoStates(deps.mediaChecks, o.answer.photoChecks, o.answer.photos);
      v.answer.photos = await photoUrls(files, o.answer.photos.filter((p) => states.get(p) === 'passed'));
      if (o.answer.by === viewer) {
        const pending = o.answer.photos.filter((p) => states.get(p) === 'pending');
        const removed = o.answer.photos.filter((p) => states.get(p) === 'failed').length;
        if (pending.length) v.answer.pendingPhotos = await photoUrls(files, pending);
        if (removed) v.answer.photosRemoved = removed;
      }
    }
    // Everyone reading an order (the station, officials) is someone other than the inspector: passed only.
    if (o.photoChecks?.length) v.photos = await photoUrls(files, await passedPhotos(deps.mediaChecks, o.photoChecks, o.photoChecks.map((c) => c.fileId)));
    return v;
  }
  const rules = deps.idleRules ?? DEFAULT_IDLE_RULES;
  const missing = () => new AppError('NOT_FOUND', '没有找到这份整改通知');

  async function calendar(): Promise<WorkCalendar> {
    return new WorkCalendar(await deps.calendars.adminYears());
  }

  function targetOf(s: Pick<Station, 'id' | 'operator' | 'regionPath'> | RectificationOrder) {
    return 'regionPath' in s
      ? { stationId: s.id, operatorName: s.operator.name, regionCodes: s.regionPath.map((r) => r.code) }
      : { stationId: s.stationId, operatorName: s.operatorName, regionCodes: s.regionCodes };
  }

  /** The region an official asks about: theirs, or a narrower one inside it. */
  function regionFor(actor: Actor, asked: string | undefined): string {
    const mine = listBindings(actor, 'station.rectify').length ? officialRegions(actor) : [];
    if (!mine.length) throw new AppError('FORBIDDEN', '只有县、市、省主管部门可以管理站点整改');
    if (!asked) return mine.length === 1 ? mine[0]! : '36';
    if (!mine.some((m) => asked.startsWith(m))) throw new AppError('FORBIDDEN', '这不在您的管辖范围内');
    return asked;
  }

  /** An order the caller may act on as `permission`; not-yours answers as not-found. */
  async function orderFor(actor: Actor, orderId: string, permission: Permission): Promise<RectificationOrder> {
    const o = await rectifications.get(orderId);
    if (!o) throw missing();
    await access.permit(actor, permission, targetOf(o), `rectification:${o.id}`, missing);
    return o;
  }

  /** Bring the station in line with an order's latest step (idempotent). */
  async function applyStation(o: RectificationOrder, status: Station['status'], revokeHeads: boolean, by: string | null): Promise<void> {
    const s = await stations.get(o.stationId);
    if (s && s.status !== status) {
      await stations.upsertMany([{ ...s, status, updatedAt: clock.now().toISOString() }]);
      await access.record({ actorOpenid: by, action: 'station.status', outcome: 'done', resource: `station:${o.stationId}`, detail: `${STATUS_LABELS[s.status]}→${STATUS_LABELS[status]}（整改通知 ${o.id}）` });
    }
    if (revokeHeads) {
      for (let offset = 0; ; offset += 200) {
        const page = await roles.list({ offset, limit: 200 });
        for (const b of page.items) {
          if (b.role !== 'station_head' || b.scope.kind !== 'station' || b.scope.stationId !== o.stationId || b.revokedAt) continue;
          if (await roles.revoke(b.id, by ?? 'system', clock.now().toISOString())) {
            await access.record({ actorOpenid: by, action: 'role.revoke', outcome: 'done', resource: `binding:${b.id}`, detail: `station_head station ${o.stationId}: station closed (rectification ${o.id})` });
          }
        }
        if (!page.hasMore) break;
      }
    }
  }

  /** The station as the order's state says it must be (after an interrupted request). Idempotent. */
  async function settle(o: RectificationOrder): Promise<void> {
    if (OPEN_RECTIFICATION.includes(o.state)) {
      const s = await stations.get(o.stationId);
      if (s && s.status !== 'rectification' && s.status !== 'closed') await applyStation(o, 'rectification', false, null);
    } else if (o.state === 'closed') {
      await applyStation(o, 'closed', true, null);
    }
  }

  /**
   * Each station's idle signals, judged later by `rulesOf` (its own county's rules): complaints are
   * read over the longest window any county uses and counted per station within its own window.
   */
  async function signalsFor(regionCode: string, now: Date, rulesOf: (s: Station) => IdleRules): Promise<StationSignals[]> {
    const list: Station[] = [];
    for (let afterCode: string | undefined; ; ) {
      const page = await stations.list({ regionCode, afterCode, limit: 500 });
      list.push(...page.items);
      if (!page.hasMore || !page.items.length) break;
      afterCode = page.items[page.items.length - 1]!.code;
    }
    const windowStart = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
    const since = windowStart(Math.max(rules.complaintWindowDays, ...list.map((s) => rulesOf(s).complaintWindowDays)));
    const byStation = new Map(list.map((s) => [s.id, s]));
    const notOpen = new Map<string, number>();
    for (let offset = 0; ; offset += 200) {
      const page = await deps.complaints.list({ regionCodes: [regionCode], category: 'closed_often', since, order: 'newest', offset, limit: 200 });
      for (const c of page.items) {
        const s = byStation.get(c.stationId);
        if (s && c.submittedAt >= windowStart(rulesOf(s).complaintWindowDays)) notOpen.set(c.stationId, (notOpen.get(c.stationId) ?? 0) + 1);
      }
      if (!page.hasMore) break;
    }
    const heads = new Set<string>();
    for (let offset = 0; ; offset += 200) {
      const page = await roles.list({ offset, limit: 200 });
      for (const b of page.items) if (b.role === 'station_head' && b.scope.kind === 'station' && !b.revokedAt && !b.invite) heads.add(b.scope.stationId);
      if (!page.hasMore) break;
    }
    return Promise.all(
      list.map(async (s) => {
        const agg = await deps.ratings.aggregate(s.id);
        return { station: s, notOpenComplaints: notOpen.get(s.id) ?? 0, lastActivityOn: agg?.count ? toShanghai(new Date(agg.updatedAt)).date : null, hasHead: heads.has(s.id) };
      }),
    );
  }

  return {
    /**
     * Idle candidates in the official's region, strongest first (at most 100), each station judged
     * by its own county's rules. `rules`: the region's own; `mixed` when some county differs.
     */
    async idle(openid: string | null, input: z.infer<typeof idleInput>) {
      const actor = await access.actorOf(openid);
      const region = regionFor(actor, input.regionCode);
      const now = clock.now();
      const at = deps.settings ? thresholdsByCounty(await deps.settings.all()) : null;
      const own = at ? at(region).idle : rules;
      const stationRules = (s: Pick<Station, 'regionPath'>) => (at ? at(settingsCodeOf(s)).idle : rules);
      const signals = await signalsFor(region, now, stationRules);
      const items = idleCandidates(signals, (x) => stationRules(x.station), now).slice(0, 100);
      return { items, rules: own, mixed: signals.some((x) => !sameIdleRules(stationRules(x.station), own)) };
    },

    /** `photoChecks`: an inspection's photos the order carries (core/inspection/service.ts), never from the client. */
    async issue(openid: string | null, input: z.infer<typeof issueInput>, photoChecks?: PhotoCheck[]) {
      const actor = await access.actorOf(openid);
      const s = await stations.get(input.stationId);
      if (!s) throw new AppError('NOT_FOUND', '没有这个站点', { stationId: '站点不存在' });
      await access.permit(actor, 'station.rectify', targetOf(s), `station:${s.id}`);
      const now = clock.now();
      const r = issueOrder({
        id: ids.id(),
        station: { id: s.id, name: s.name, status: s.status, regionCodes: s.regionPath.map((x) => x.code), operatorName: s.operator.name },
        problems: input.problems,
        photoChecks,
        requiredFixes: input.requiredFixes,
        workdays: input.workdays,
        issuedBy: actor.openid,
        at: now,
        calendar: await calendar(),
      });
      await rectifications.save(r.next, null);
      await access.record({ actorOpenid: actor.openid, action: 'station.rectify', outcome: 'done', resource: `rectification:${r.next.id}`, detail: `issue for station ${s.id}, due ${r.next.dueOn}` });
      if (r.station) await applyStation(r.next, r.station.status, r.station.revokeHeads, actor.openid);
      return viewOf(r.next, now, rectifyActions(r.next, 'county', now), actor.openid);
    },

    async orders(openid: string | null, input: z.infer<typeof ordersInput>) {
      const actor = await access.actorOf(openid);
      const region = regionFor(actor, input.regionCode);
      const scope = `rectifications:${actor.openid}:${region}:${input.state ?? ''}`;
      const offset = decodeCursor(input.cursor, scope);
      const limit = input.limit ?? 20;
      const page = await rectifications.list({ regionCode: region, states: input.state ? [input.state] : undefined, offset, limit });
      const now = clock.now();
      // With the answers' photos: the county verifies from this list.
      return { items: await Promise.all(page.items.map((o) => viewOf(o, now, [], actor.openid))), nextCursor: page.hasMore ? encodeCursor(offset + limit, scope) : null };
    },

    /** One order, with what the caller may do: officials in scope, or the station's own people. */
    async order(openid: string | null, input: z.infer<typeof orderInput>) {
      const actor = await access.actorOf(openid);
      const o = await rectifications.get(input.id);
      if (!o) throw missing();
      // Probed without auditing a denial: a station head reading their own order is not refused.
      const official = authorize(actor, 'station.rectify', targetOf(o)).allowed;
      if (!official) await access.permit(actor, 'station.rectify.answer', targetOf(o), `rectification:${o.id}`, missing);
      await settle(o);
      const now = clock.now();
      return viewOf(o, now, rectifyActions(o, official ? 'county' : 'station', now), actor.openid);
    },

    /** A station's orders, for its head (its open order shows on the workbench) and officials. */
    async forStation(openid: string | null, input: z.infer<typeof stationOrdersInput>) {
      const actor = await access.actorOf(openid);
      const s = await stations.get(input.stationId);
      const notFound = () => new AppError('NOT_FOUND', '没有这个站点');
      if (!s) throw notFound();
      const t = targetOf(s);
      let by: 'county' | 'station' = 'county';
      const official = authorize(actor, 'station.rectify', t).allowed;
      if (!official) {
        await access.permit(actor, 'station.rectify.answer', t, `station:${s.id}`, notFound);
        by = 'station';
      }
      const now = clock.now();
      return { items: await Promise.all((await rectifications.forStation(s.id)).map((o) => viewOf(o, now, rectifyActions(o, by, now), actor.openid))) };
    },

    async answer(openid: string | null, input: z.infer<typeof answerInput>) {
      const actor = await access.actorOf(openid);
      const o = await orderFor(actor, input.id, 'station.rectify.answer');
      if (o.version !== input.version) throw new AppError('CONFLICT', '整改通知刚被更新过，请刷新后再提交');
      const now = clock.now();
      const cal = await calendar();
      // Refused before claiming (a closed order takes no uploads); photos of an earlier answer may be sent again.
      rectify(o, { type: 'answer', text: input.text, photos: [] }, { by: 'station', at: now, calendar: cal });
      const kept = o.answer?.photos ?? [];
      const photos = await claimPhotos(files, actor.openid, input.photos ?? [], kept);
      // New photos are checked; kept ones keep their checks.
      const carried = (o.answer?.photoChecks ?? []).filter((c) => photos.includes(c.fileId));
      const fresh = await checkStationPhotos(deps, photos.filter((p) => !kept.includes(p)), actor.openid, 'rectification-photo');
      const r = rectify(o, { type: 'answer', text: input.text, photos, by: actor.openid, photoChecks: [...carried, ...fresh] }, { by: 'station', at: now, calendar: cal });
      await rectifications.save(r.next, o.version);
      await access.record({ actorOpenid: actor.openid, action: 'station.rectify.answer', outcome: 'done', resource: `rectification:${o.id}`, detail: `answered${photos.length ? `, ${photos.length} photos` : ''}` });
      return viewOf(r.next, now, rectifyActions(r.next, 'station', now), actor.openid);
    },

    async verify(openid: string | null, input: z.infer<typeof verifyInput>) {
      const actor = await access.actorOf(openid);
      const o = await orderFor(actor, input.id, 'station.rectify');
      if (o.version !== input.version) throw new AppError('CONFLICT', '整改通知刚被更新过，请刷新后再办理');
      const cmd: RectifyCommand =
        input.outcome === 'extend'
          ? { type: 'extend', workdays: input.workdays ?? (() => { throw new AppError('VALIDATION_ERROR', '请填写延长几个工作日', { workdays: '请填写延长几个工作日' }); })(), comment: input.comment }
          : { type: input.outcome, comment: input.comment };
      const now = clock.now();
      const r = rectify(o, cmd, { by: 'county', at: now, calendar: await calendar() });
      await rectifications.save(r.next, o.version);
      await access.record({ actorOpenid: actor.openid, action: 'station.rectify', outcome: 'done', resource: `rectification:${o.id}`, detail: `${input.outcome}` });
      if (r.station) await applyStation(r.next, r.station.status, r.station.revokeHeads, actor.openid);
      return viewOf(r.next, now, rectifyActions(r.next, 'county', now), actor.openid);
    },

  };
}
