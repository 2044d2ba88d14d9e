/**
 * Operators' visits over the ports (./model.ts holds the rules): operator staff record inspections,
 * guidance visits and trainings at their stations; heads and officials read a station's visits;
 * officials see which operators are behind and turn an inspection's failed items into a
 * rectification order through the register's rectification desk. Every write is audited.
 */
import { createAccess } from '../authz/access';
import { authorize, listBindings, officialRegions, type Target } from '../authz/policy';
import type { Actor } from '../authz/roles';
import type { MediaChecker, MediaCheckRepository } from '../media/check';
import { checkStationPhotos, photoStates } from '../media/photos';
import type { FileStore } from '../ports';
import { AppError } from '../shared/errors';
import { ruleError } from '../shared/rule-error';
import { toShanghai } from '../shared/time';
import { createRectificationDesk, type RectificationDeskDeps } from '../station/rectification-desk';
import type { Station } from '../station/model';
import type { DuesView, StationVisitsView, VisitView } from './api';
import { CHECK_ITEM_LABELS, FAR_M, VISIT_KIND_LABELS, duesOf, linkRectification, operatorsBehind, problemsOf, quarterOf, recordVisit, type CheckResult, type Visit, type VisitKind, type VisitRepository } from './model';

export interface InspectionDeps extends RectificationDeskDeps {
  visits: VisitRepository;
  /** Photos: claimed on record (the uploader's own clean images), short-lived URLs on read. */
  files: FileStore;
  /**
   * Photos get the asynchronous content check; others see a photo once it passed, its author at
   * once (marked as being checked). Without these ports nobody else sees any (failing closed).
   */
  mediaChecker?: MediaChecker;
  mediaChecks?: MediaCheckRepository;
}

const PAGE = 20;
/** Stations a county's dues list reads at most (a county has a few hundred). */
const DUES_STATIONS_MAX = 3_000;
const OPERATING: Station['status'][] = ['certified', 'active', 'rectification'];

const stationNotFound = () => new AppError('NOT_FOUND', '没有找到这个站点', { stationId: '站点不存在' });
const visitNotFound = () => new AppError('NOT_FOUND', '没有找到这条走访记录', { id: '记录不存在' });

export function toVisitView(v: Visit, photoUrls: string[] = []): VisitView {
  return {
    id: v.id,
    stationId: v.stationId,
    stationName: v.stationName,
    kind: v.kind,
    kindLabel: VISIT_KIND_LABELS[v.kind],
    visitedOn: v.visitedOn,
    ...(v.items ? { items: v.items.map((i) => ({ item: i.item, label: CHECK_ITEM_LABELS[i.item], ok: i.ok, ...(i.note ? { note: i.note } : {}) })) } : {}),
    ...(v.score !== undefined ? { score: v.score } : {}),
    ...(v.note ? { note: v.note } : {}),
    photoUrls,
    ...(v.location ? { distanceM: v.location.distanceM, far: v.location.distanceM > FAR_M } : {}),
    problems: problemsOf(v),
    ...(v.rectificationId ? { rectificationId: v.rectificationId } : {}),
    createdAt: v.createdAt,
  };
}

export function createInspectionService(deps: InspectionDeps) {
  const access = createAccess(deps);
  const desk = createRectificationDesk(deps);
  const { stations, visits, clock, ids, files } = deps;
  /** The visit as `viewer` may see it: others get passed photos only; the author also pending ones and the removed count. */
  async function viewOf(v: Visit, viewer: string): Promise<VisitView> {
    if (!v.photos?.length) return toVisitView(v);
    const states = await photoStates(deps.mediaChecks, v.photoChecks, v.photos);
    const passed = v.photos.filter((p) => states.get(p) === 'passed');
    const view = toVisitView(v, passed.length ? await files.viewUrls(passed) : []);
    if (viewer !== v.createdBy) return view;
    const pending = v.photos.filter((p) => states.get(p) === 'pending');
    const removed = v.photos.filter((p) => states.get(p) === 'failed').length;
    return { ...view, ...(pending.length ? { pendingPhotoUrls: await files.viewUrls(pending) } : {}), ...(removed ? { photosRemoved: removed } : {}) };
  }
  const today = () => toShanghai(clock.now()).date;
  const targetOf = (s: Station): Target => ({ stationId: s.id, operatorName: s.operator.name, regionCodes: s.regionPath.map((r) => r.code) });

  async function stationFor(actor: Actor, stationId: string, permission: 'inspection.record' | 'inspection.read') {
    const s = await stations.get(stationId);
    if (!s) throw stationNotFound();
    await access.permit(actor, permission, targetOf(s), `station:${s.id}`, stationNotFound);
    return s;
  }

  return {
    async record(openid: string | null, input: { stationId: string; kind: VisitKind; visitedOn?: string; items?: CheckResult[]; note?: string; photos?: string[]; location?: { lat: number; lng: number } }): Promise<VisitView> {
      const actor = await access.actorOf(openid);
      const s = await stationFor(actor, input.stationId, 'inspection.record');
      const photos: string[] = [];
      for (const p of input.photos ?? []) photos.push(await files.claim(p, actor.openid));
      let v: Visit;
      try {
        v = recordVisit({ id: s.id, name: s.name, regionPath: s.regionPath, operatorName: s.operator.name, location: s.location }, { ...input, photos, visitedOn: input.visitedOn ?? today() }, actor.openid, clock.now().toISOString(), today(), ids.id());
      } catch (e) {
        ruleError(e);
      }
      if (photos.length) {
        const checks = await checkStationPhotos(deps, photos, actor.openid, 'inspection-photo');
        if (checks.length) v = { ...v, photoChecks: checks };
      }
      await visits.insert(v);
      await access.record({ actorOpenid: actor.openid, action: 'inspection.record', outcome: 'done', resource: `visit:${v.id}`, detail: `${VISIT_KIND_LABELS[v.kind]} ${v.visitedOn}${v.score !== undefined ? ` 得分 ${v.score}` : ''}` });
      return viewOf(v, actor.openid);
    },

    /** A station's visits, newest first, for its operator, its head and officials over it. */
    async station(openid: string | null, input: { stationId: string; offset?: number }): Promise<StationVisitsView> {
      const actor = await access.actorOf(openid);
      const s = await stationFor(actor, input.stationId, 'inspection.read');
      const offset = input.offset ?? 0;
      const page = await visits.list({ stationIds: [s.id], order: 'newest', offset, limit: PAGE });
      return {
        station: { id: s.id, name: s.name },
        canRecord: authorize(actor, 'inspection.record', targetOf(s)).allowed,
        canRectify: authorize(actor, 'station.rectify', targetOf(s)).allowed,
        items: await Promise.all(page.items.map((v) => viewOf(v, actor.openid))),
        nextOffset: page.hasMore ? offset + page.items.length : null,
      };
    },

    /** Who is behind (第十一条2): per operator, stations without a guidance visit this quarter or a training this year. */
    async dues(openid: string | null, input: { regionCode?: string }): Promise<DuesView> {
      const actor = await access.actorOf(openid);
      const mine = listBindings(actor, 'inspection.dues').length ? officialRegions(actor) : [];
      if (!mine.length) {
        await access.record({ actorOpenid: actor.openid, action: 'inspection.dues', outcome: 'denied', resource: 'inspections', detail: 'role' });
        throw new AppError('FORBIDDEN', '只有县、市、省主管部门可以查看运营单位的走访情况');
      }
      const code = input.regionCode ?? [...mine].sort((a, b) => a.length - b.length)[0];
      if (!mine.some((m) => code.startsWith(m))) throw new AppError('FORBIDDEN', '这不在您的管辖范围内');
      const list: Station[] = [];
      let afterCode: string | undefined;
      for (;;) {
        const page = await stations.list({ regionCode: code, statuses: OPERATING, limit: 500, ...(afterCode ? { afterCode } : {}) });
        list.push(...page.items);
        if (!page.items.length || list.length >= DUES_STATIONS_MAX || !page.hasMore) break;
        afterCode = page.items[page.items.length - 1].code;
      }
      const t = today();
      const year = t.slice(0, 4);
      const seen: Visit[] = [];
      for (;;) {
        const page = await visits.list({ regionCodes: [code], kinds: ['guidance', 'training', 'inspection'], from: `${year}-01-01`, to: t, order: 'oldest', offset: seen.length, limit: 500 });
        seen.push(...page.items);
        if (!page.hasMore || seen.length >= 20_000) break;
      }
      const dues = duesOf(list.map((s) => ({ id: s.id, name: s.name, operatorName: s.operator.name })), seen, t);
      return { region: { code }, quarter: quarterOf(t).key, year, operators: operatorsBehind(dues), behind: dues.filter((d) => d.behind.length).slice(0, 200), stations: dues.length };
    },

    /** The county turns an inspection's failed items into a rectification order (the register's flow). */
    async toRectification(openid: string | null, input: { id: string; requiredFixes: string; workdays: number }): Promise<VisitView> {
      const actor = await access.actorOf(openid);
      const v = await visits.get(input.id);
      if (!v) throw visitNotFound();
      const s = await stations.get(v.stationId);
      if (!s) throw visitNotFound();
      await access.permit(actor, 'station.rectify', targetOf(s), `visit:${v.id}`, visitNotFound);
      const problems = problemsOf(v);
      try {
        // Checked before the order is issued: a second click must not issue a second order.
        linkRectification(v, 'pending');
      } catch (e) {
        ruleError(e);
      }
      // The order carries the visit's photos with their checks: it shows them once they passed, like the visit.
      const states = await photoStates(deps.mediaChecks, v.photoChecks, v.photos ?? []);
      const carried = (v.photoChecks ?? []).filter((c) => states.get(c.fileId) !== 'failed');
      const order = await desk.issue(openid, { stationId: s.id, problems, requiredFixes: input.requiredFixes, workdays: input.workdays }, carried);
      const next = linkRectification(v, order.id);
      await visits.update(next, v.version);
      await access.record({ actorOpenid: actor.openid, action: 'inspection.rectify', outcome: 'done', resource: `visit:${v.id}`, detail: `整改通知 ${order.id}` });
      return viewOf(next, actor.openid);
    },
  };
}
