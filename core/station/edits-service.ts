/**
 * Station edits over the ports (./edits.ts holds the rules): heads and operator staff propose and
 * post closures, county officials review, villagers report. Every write is audited; a station the
 * caller may not touch answers exactly as if it did not exist.
 */
import { settingsCodeOf, thresholdsByCounty, type SettingsRepository } from '../settings/model';
import { createAccess, type AccessDeps } from '../authz/access';
import { listBindings, officialRegions } from '../authz/policy';
import type { MediaChecker, MediaCheckRepository } from '../media/check';
import { checkStationPhotos, claimPhotos, photoUrls } from '../media/photos';
import type { FileStore, StationRepository } from '../ports';
import { AppError } from '../shared/errors';
import { ruleError } from '../shared/rule-error';
import { toShanghai } from '../shared/time';
import {
  EDIT_KIND_LABELS,
  EDIT_STATUS_LABELS,
  PUBLIC_FIELD_LABELS,
  closeTemporarily,
  closureProblem,
  decide,
  diffInfo,
  isStale,
  liftClosure,
  publicInfoOf,
  publish,
  withdraw,
  type PublicInfo,
  type StationEdit,
  type StationEditRepository,
} from './edits';
import type { EditDraft, EditQueuePage, EditView } from './edits-api';
import type { Station } from './model';
import { PUBLIC_STATUSES } from './vocabulary';

export interface StationEditDeps extends AccessDeps {
  stations: StationRepository;
  edits: StationEditRepository;
  /** Proposed photos: claimed like complaint photos; shown to the proposer and reviewers by short-lived URL. */
  files: Pick<FileStore, 'claim' | 'viewUrls'>;
  /**
   * New photos get the complaints' asynchronous content check; approval publishes only photos
   * that passed (and waits for those still being checked). Without these ports: no machine check.
   */
  mediaChecker?: MediaChecker;
  mediaChecks?: MediaCheckRepository;
}

const QUEUE_PAGE = 20;
const notFound = () => new AppError('NOT_FOUND', '没有找到这个站点', { stationId: '站点不存在' });
const editNotFound = () => new AppError('NOT_FOUND', '没有找到这条记录', { id: '记录不存在' });

export function toEditView(e: StationEdit): EditView {
  return {
    id: e.id,
    stationId: e.stationId,
    stationName: e.stationName,
    kind: e.kind,
    kindLabel: EDIT_KIND_LABELS[e.kind],
    status: e.status,
    statusLabel: EDIT_STATUS_LABELS[e.status],
    createdAt: e.createdAt,
    ...(e.decidedAt ? { decidedAt: e.decidedAt } : {}),
    ...(e.comment ? { comment: e.comment } : {}),
    ...(e.before && e.after ? { diff: diffInfo(e.before, e.after) } : {}),
    ...(e.closure ? { closure: e.closure } : {}),
    ...(e.report ? { report: { ...e.report, topicLabel: e.report.topic === 'address' ? '地址' : e.report.topic === 'other' ? '其他' : PUBLIC_FIELD_LABELS[e.report.topic] } } : {}),
  };
}

export const regionCodesOf = (s: Station) => s.regionPath.map((r) => r.code);

export function createStationEdits(deps: StationEditDeps) {
  const access = createAccess(deps);
  const { stations, edits, clock, ids, files } = deps;
  const today = () => toShanghai(clock.now()).date;

  const requestChecks = (fileIds: string[], openid: string) => checkStationPhotos(deps, fileIds, openid);

  /**
   * The proposal's new photos by check state: passed ones are published, failed ones dropped,
   * unchecked ones hold the approval (their check is asked for again if it never started).
   */
  async function checkedPhotos(edit: StationEdit): Promise<{ after: PublicInfo; dropped: number; waiting: boolean; edit: StationEdit }> {
    const after = edit.after!;
    if (!deps.mediaChecks) return { after, dropped: 0, waiting: false, edit };
    const before = new Set(edit.before?.photos ?? []);
    const checks = new Map((edit.photoChecks ?? []).map((c) => [c.fileId, c.traceId]));
    const failed = new Set<string>();
    const unasked: string[] = [];
    let waiting = false;
    for (const f of after.photos.filter((p) => !before.has(p))) {
      const traceId = checks.get(f);
      const rec = traceId ? await deps.mediaChecks.get(traceId) : null;
      if (!rec) unasked.push(f);
      else if (!rec.result) waiting = true;
      else if (rec.result !== 'pass') failed.add(f);
    }
    let next = edit;
    if (unasked.length) {
      waiting = true;
      for (const c of await requestChecks(unasked, edit.createdBy)) checks.set(c.fileId, c.traceId);
      next = { ...edit, photoChecks: [...checks].map(([fileId, traceId]) => ({ fileId, traceId })), version: edit.version + 1 };
      await edits.update(next, edit.version);
    }
    return { after: { ...after, photos: after.photos.filter((p) => !failed.has(p)) }, dropped: failed.size, waiting, edit: next };
  }

  /** The view with the photos' URLs when the proposal changes them. */
  async function viewOf(e: StationEdit): Promise<EditView> {
    const v = toEditView(e);
    if (v.diff?.some((d) => d.field === 'photos') && e.before && e.after) {
      v.photos = { before: await photoUrls(files, e.before.photos), after: await photoUrls(files, e.after.photos) };
    }
    return v;
  }

  /** The station for a head or the operator's staff; NOT_FOUND for anyone else. */
  async function ownStation(openid: string | null, stationId: string) {
    const actor = await access.actorOf(openid);
    const s = await stations.get(stationId);
    if (!s || !PUBLIC_STATUSES.includes(s.status)) throw notFound();
    await access.permit(actor, 'station.edit', { stationId: s.id, operatorName: s.operator.name, regionCodes: regionCodesOf(s) }, `station:${s.id}`, notFound);
    return { actor, station: s };
  }

  /** The station for a county (city, province) official whose region covers it; NOT_FOUND otherwise. */
  async function reviewedStation(openid: string | null, stationId: string) {
    const actor = await access.actorOf(openid);
    const s = await stations.get(stationId);
    if (!s) throw notFound();
    await access.permit(actor, 'station.review', { regionCodes: regionCodesOf(s) }, `station:${s.id}`, notFound);
    return { actor, station: s };
  }

  async function pendingOf(stationId: string, kinds: StationEdit['kind'][]): Promise<StationEdit[]> {
    return (await edits.list({ stationIds: [stationId], statuses: ['pending'], kinds, order: 'oldest', offset: 0, limit: 20 })).items;
  }

  function newEdit(s: Station, kind: StationEdit['kind'], by: string, extra: Partial<StationEdit>): StationEdit {
    return { id: ids.id(), stationId: s.id, stationName: s.name, regionCodes: regionCodesOf(s), kind, status: 'pending', createdBy: by, createdAt: clock.now().toISOString(), version: 1, ...extra };
  }

  /** Close open reminders of a station (its information was just confirmed). */
  async function closeReminders(stationId: string, by: string, at: string) {
    for (const r of await pendingOf(stationId, ['reminder'])) await edits.update(decide(r, 'approve', by, at), r.version);
  }

  return {
    async draft(openid: string | null, input: { stationId: string }): Promise<EditDraft> {
      const { station } = await ownStation(openid, input.stationId);
      const history = (await edits.list({ stationIds: [station.id], kinds: ['proposal', 'closure'], order: 'newest', offset: 0, limit: 10 })).items;
      const pending = history.find((e) => e.kind === 'proposal' && e.status === 'pending');
      const info = publicInfoOf(station);
      return {
        station: { id: station.id, name: station.name, infoConfirmedOn: station.infoConfirmedOn },
        info,
        photoUrls: await photoUrls(files, info.photos),
        closure: station.closure && station.closure.until >= today() ? station.closure : null,
        pending: pending ? await viewOf(pending) : null,
        history: history.map(toEditView),
      };
    },

    /** Propose new public information; a pending proposal of the station is replaced (withdrawn). */
    async propose(openid: string | null, input: { stationId: string; info: PublicInfo }): Promise<EditView> {
      const { actor, station } = await ownStation(openid, input.stationId);
      const before = publicInfoOf(station);
      if (diffInfo(before, input.info).length === 0) throw new AppError('VALIDATION_ERROR', '没有修改任何内容；信息无变化请联系县级主管部门确认', { info: '没有修改' });
      const replaced = await pendingOf(station.id, ['proposal']);
      // Photos already on the page or in the pending proposal stay; new ones must be the caller's uploads.
      const kept = [...before.photos, ...replaced.flatMap((e) => e.after?.photos ?? [])];
      const after: PublicInfo = { ...input.info, photos: await claimPhotos(files, actor.openid, input.info.photos, kept) };
      const draftEdit = newEdit(station, 'proposal', actor.openid, { before, after });
      // Photos carried over from the replaced proposal keep their checks; the others are asked for now.
      const carried = new Map(replaced.flatMap((e) => e.photoChecks ?? []).map((c) => [c.fileId, c.traceId]));
      const fresh = after.photos.filter((p) => !before.photos.includes(p));
      const photoChecks = [
        ...fresh.flatMap((fileId) => (carried.has(fileId) ? [{ fileId, traceId: carried.get(fileId)! }] : [])),
        ...(await requestChecks(fresh.filter((p) => !carried.has(p)), actor.openid)),
      ];
      const edit: StationEdit = fresh.length ? { ...draftEdit, photoChecks } : draftEdit;
      const at = edit.createdAt;
      for (const old of replaced) {
        await edits.update(withdraw(old, actor.openid, at, edit.id), old.version);
        await access.record({ actorOpenid: actor.openid, action: 'station.edit.replace', outcome: 'done', resource: `station-edit:${old.id}`, detail: '被新的修改替换' });
      }
      await edits.insert(edit);
      await access.record({ actorOpenid: actor.openid, action: 'station.edit.propose', outcome: 'done', resource: `station:${station.id}`, detail: `修改 ${diffInfo(before, after).map((d) => d.label).join('、')}` });
      return viewOf(edit);
    },

    async withdraw(openid: string | null, input: { id: string }): Promise<EditView> {
      const actor = await access.actorOf(openid);
      const edit = await edits.get(input.id);
      if (!edit || edit.kind !== 'proposal') throw editNotFound();
      const s = await stations.get(edit.stationId);
      if (!s) throw editNotFound();
      await access.permit(actor, 'station.edit', { stationId: s.id, operatorName: s.operator.name, regionCodes: regionCodesOf(s) }, `station-edit:${edit.id}`, editNotFound);
      let next: StationEdit;
      try {
        next = withdraw(edit, actor.openid, clock.now().toISOString());
      } catch (e) {
        ruleError(e);
      }
      await edits.update(next, edit.version);
      await access.record({ actorOpenid: actor.openid, action: 'station.edit.withdraw', outcome: 'done', resource: `station-edit:${edit.id}`, detail: '撤回修改' });
      return toEditView(next);
    },

    /** A temporary closure: on the public page at once, reviewed by the county afterwards. */
    async closeTemporarily(openid: string | null, input: { stationId: string; reason: string; from: string; until: string }): Promise<EditView> {
      const { actor, station } = await ownStation(openid, input.stationId);
      const closure = { reason: input.reason, from: input.from, until: input.until };
      const problem = closureProblem(closure, today());
      if (problem) throw new AppError('VALIDATION_ERROR', problem, { until: problem });
      const now = clock.now().toISOString();
      const closed = closeTemporarily(station, closure, today(), now);
      if (closed.hours.exceptions.length > 60) throw new AppError('VALIDATION_ERROR', '特殊营业日太多，请先删去一些节假日安排', { until: '特殊营业日太多' });
      // A closure replaces an earlier one still pending review (the newest is what villagers see).
      for (const old of await pendingOf(station.id, ['closure'])) await edits.update({ ...old, status: 'withdrawn', decidedBy: actor.openid, decidedAt: now, version: old.version + 1 }, old.version);
      const edit = newEdit(station, 'closure', actor.openid, { closure });
      await stations.upsertMany([closed]);
      await edits.insert(edit);
      await access.record({ actorOpenid: actor.openid, action: 'station.edit.close', outcome: 'done', resource: `station:${station.id}`, detail: `临时闭店 ${closure.from} 至 ${closure.until}` });
      return toEditView(edit);
    },

    /** The review queue of the caller's regions, oldest first. */
    async queue(openid: string | null, input: { status?: StationEdit['status']; offset?: number }): Promise<EditQueuePage> {
      const actor = await access.actorOf(openid);
      const regions = listBindings(actor, 'station.review').length ? officialRegions(actor) : [];
      if (!regions.length) {
        await access.record({ actorOpenid: actor.openid, action: 'station.review', outcome: 'denied', resource: 'station-edits', detail: 'role' });
        throw new AppError('FORBIDDEN', '只有县、市、省主管部门可以审核站点信息');
      }
      const offset = input.offset ?? 0;
      const page = await edits.list({ regionCodes: regions, statuses: [input.status ?? 'pending'], order: input.status && input.status !== 'pending' ? 'newest' : 'oldest', offset, limit: QUEUE_PAGE });
      const views: EditView[] = [];
      for (const e of page.items) {
        const v = await viewOf(e);
        if (e.kind === 'reminder') {
          const s = await stations.get(e.stationId);
          if (s) v.infoConfirmedOn = s.infoConfirmedOn;
        }
        views.push(v);
      }
      return { items: views, nextOffset: page.hasMore ? offset + page.items.length : null };
    },

    async decide(openid: string | null, input: { id: string; decision: 'approve' | 'return'; comment?: string }): Promise<EditView> {
      const actor = await access.actorOf(openid);
      let edit = await edits.get(input.id);
      if (!edit) throw editNotFound();
      await access.permit(actor, 'station.review', { regionCodes: edit.regionCodes }, `station-edit:${edit.id}`, editNotFound);
      // Nothing unchecked reaches the public page: approval waits for the new photos' content checks.
      let dropped = 0;
      if (edit.kind === 'proposal' && input.decision === 'approve' && edit.status === 'pending' && edit.after) {
        const checked = await checkedPhotos(edit);
        if (checked.waiting) throw new AppError('CONFLICT', '新照片正在做内容安全检查，一般几分钟内完成，请稍后再通过');
        dropped = checked.dropped;
        edit = { ...checked.edit, after: checked.after };
      }
      const now = clock.now().toISOString();
      let next: StationEdit;
      try {
        next = decide(edit, input.decision, actor.openid, now, input.comment);
      } catch (e) {
        ruleError(e);
      }
      const station = await stations.get(edit.stationId);
      if (!station) throw editNotFound();
      // The record first: a concurrent decision loses here, before the station changes.
      await edits.update(next, edit.version);
      if (edit.kind === 'proposal' && input.decision === 'approve' && edit.after) {
        await stations.upsertMany([publish(station, edit.after, today(), now)]);
        await closeReminders(station.id, actor.openid, now);
      } else if (edit.kind === 'closure' && input.decision === 'return' && station.closure) {
        await stations.upsertMany([liftClosure(station, now)]);
      }
      const what = { proposal: '信息修改', closure: '临时闭店', report: '信息有误', reminder: '待核实' }[edit.kind];
      await access.record({ actorOpenid: actor.openid, action: `station.edit.${input.decision}`, outcome: 'done', resource: `station-edit:${edit.id}`, detail: `${what}${input.decision === 'approve' ? '通过' : '退回'}${dropped ? `，${dropped} 张照片未通过内容安全检查未公开` : ''}` });
      return viewOf(next);
    },

    /** 信息无变化: the information is confirmed as it stands (infoConfirmedOn today). */
    async confirm(openid: string | null, input: { stationId: string }): Promise<{ infoConfirmedOn: string }> {
      const { actor, station } = await reviewedStation(openid, input.stationId);
      const now = clock.now().toISOString();
      await stations.upsertMany([{ ...station, infoConfirmedOn: today(), updatedAt: now }]);
      await closeReminders(station.id, actor.openid, now);
      await access.record({ actorOpenid: actor.openid, action: 'station.edit.confirm', outcome: 'done', resource: `station:${station.id}`, detail: '信息无变化' });
      return { infoConfirmedOn: today() };
    },
  };
}

export type StationEdits = ReturnType<typeof createStationEdits>;

// ——— The scheduled reminder ———

/**
 * Stations whose information is older than FRESHNESS_DAYS get one pending 待核实 item in their
 * county's review queue (no subscribe template fits a head's reminder, so the queue carries it).
 * Safe to run twice: a station with an open reminder gets no second one.
 */
export async function remindStaleStations(deps: {
  stations: Pick<StationRepository, 'list'>;
  edits: StationEditRepository;
  clock: AccessDeps['clock'];
  ids: AccessDeps['ids'];
  /** The regions' freshness days (第十二条1); without it the default. */
  settings?: Pick<SettingsRepository, 'all'>;
}): Promise<{ staleReminded: number }> {
  const now = deps.clock.now();
  const day = toShanghai(now).date;
  const all = deps.settings ? await deps.settings.all() : [];
  // Each station by its own county's days (resolved once per county).
  const at = thresholdsByCounty(all);
  const freshness = (s: { regionPath: { code: string }[] }) => at(settingsCodeOf(s)).freshnessDays;
  let reminded = 0;
  let afterCode: string | undefined;
  for (;;) {
    const page = await deps.stations.list({ afterCode, limit: 500 });
    for (const s of page.items) {
      if (!PUBLIC_STATUSES.includes(s.status) || s.status === 'closed' || !isStale(s, day, freshness(s))) continue;
      const open = await deps.edits.list({ stationIds: [s.id], statuses: ['pending'], kinds: ['reminder'], order: 'oldest', offset: 0, limit: 1 });
      if (open.items.length) continue;
      await deps.edits.insert({ id: deps.ids.id(), stationId: s.id, stationName: s.name, regionCodes: regionCodesOf(s), kind: 'reminder', status: 'pending', createdBy: 'system', createdAt: now.toISOString(), version: 1 });
      reminded++;
    }
    if (!page.hasMore || page.items.length === 0) return { staleReminded: reminded };
    afterCode = page.items[page.items.length - 1].code;
  }
}
