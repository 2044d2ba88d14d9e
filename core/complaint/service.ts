/**
 * Complaint use cases: authorise every action against the record's scope (denials audited),
 * run the state machine, and write the change, its history and its notifications together.
 */
import { createAccess } from '../authz/access';
import { screenText } from '../content/policy';
import { requestChecks, requestEntryVoiceCheck, requestPhotoChecks, requestVoiceCheck, visiblePhotos, type MediaChecker, type MediaCheckRepository } from '../media/check';
import { claimPhotos } from '../media/photos';
import { attachVoice, audibleTo, type VoiceView } from '../media/voice';
import { authorize, listBindings, type Decision, type Permission, type Target } from '../authz/policy';
import { ROLE_LABELS, type Actor } from '../authz/roles';
import { WorkCalendar } from '../calendar/workdays';
import type {
  AuditRepository,
  CalendarRepository,
  Cipher,
  Clock,
  ComplaintQuery,
  ComplaintRepository,
  ContentSecurity,
  FileStore,
  Follow,
  FollowerEvaluation,
  IdSource,
  RoleRepository,
  StationRepository,
} from '../ports';
import { TrackingNoTaken } from '../ports';
import { decodeCursor, encodeCursor } from '../shared/cursor';
import { AppError, staleConflict } from '../shared/errors';
import { maskPhone } from '../shared/mask';
import { toShanghai } from '../shared/time';
import { LISTED_STATUSES } from '../station/vocabulary';
import type { z } from '../shared/zod';
import type * as api from './api';
import { distinctFollowers, followerCanEvaluate, followerEvaluationRefusal, MAX_FOLLOWERS, MAX_FOLLOWING, notifyFollowers } from './follow';
import { readSearch } from './search';
import { assigneeRecipients, assignmentNotice } from '../notify/recipients';
import { awaitingReceipt, canApply, openSupervision, fileComplaint, isOverdue, PURGED_TEXT, recheckReopens, trackingNumber, transition, type ActorKind, type Command, type CommandType, type NewComplaint } from './machine';
import { MAX_SUPPLEMENTS } from './limits';
import {
  CATEGORY_LABELS,
  ESCALATION_LABELS,
  EVALUATION_LABELS,
  HISTORY_LABELS,
  TRANSFER_LABELS,
  OPEN_STATUSES,
  STATUS_LABELS,
  type Complaint,
  type HistoryEntry,
  type Intake,
  INTAKE_LABELS,
  isUnclaimed,
  unclaimedOwner,
  type OutboxMessage,
} from './model';

type In<S extends z.ZodMiniType> = z.infer<S>;

export interface ComplaintDeps {
  complaints: ComplaintRepository;
  roles: RoleRepository;
  audit: AuditRepository;
  calendars: CalendarRepository;
  stations: StationRepository;
  content: ContentSecurity;
  files: FileStore;
  /** Asynchronous photo checks (core/media/check.ts). */
  mediaChecker: MediaChecker;
  mediaChecks: MediaCheckRepository;
  cipher: Cipher;
  ids: IdSource;
  clock: Clock;
}

/**
 * The submit body in a canonical form (validated input, defaults filled, fixed key order): what a
 * retry must repeat exactly. Its keyed hash is stored with the request key.
 */
export function submitBodyKey(input: In<typeof api.submitInput>): string {
  return JSON.stringify([
    'complaints.submit',
    input.stationId,
    input.category,
    input.description,
    input.photos ?? [],
    input.phone ?? null,
    input.shareIdentity ?? false,
    // Appended only with a voice note: keys stored before voice notes existed keep their hash.
    ...(input.voice ? [input.voice.fileId, input.voice.seconds] : []),
  ]);
}

/** The same requestId with another body: the form offers to file the edited text as a new complaint. */
function resentChanged(): AppError {
  return new AppError('CONFLICT', '这份投诉已经提交过，内容有改动。已提交的投诉可在“我的投诉”查看；改动后的内容可以作为新投诉提交。', {
    requestId: '已提交过，内容有改动',
  });
}

/** Tracking numbers drawn for one submit before giving up (32^6 ≈ 10^9 numbers a day). */
const TRACKING_ATTEMPTS = 5;

/**
 * Create with a tracking number from `draw`; when the store says another complaint holds it
 * (TrackingNoTaken), draw again. Six random characters a day can repeat.
 */
async function fileWithFreshTrackingNo<T>(create: (trackingNo: string) => Promise<T>, draw: () => string): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create(draw());
    } catch (err) {
      if (err instanceof TrackingNoTaken && attempt < TRACKING_ATTEMPTS) continue;
      throw err;
    }
  }
}

export function createComplaintService(deps: ComplaintDeps) {
  const { complaints, calendars, stations, content, files, cipher, ids, clock } = deps;
  const access = createAccess(deps);

  const actorOf = (openid: string | null) => access.actorOf(openid);

  async function calendar(): Promise<WorkCalendar> {
    return new WorkCalendar(await calendars.adminYears());
  }

  function calendarWarning(cal: WorkCalendar, now: Date): string | null {
    const year = Number(toShanghai(now).date.slice(0, 4));
    const missing = cal.missingYears(year, year + 1);
    return missing.length ? `${missing.join('、')} 年的节假日安排尚未录入，相关期限暂按周末计算，请管理员尽快录入` : null;
  }

  async function deny(actor: Actor | null, permission: Permission, resource: string, reason: string): Promise<never> {
    await access.record({ actorOpenid: actor?.openid ?? null, action: permission, outcome: 'denied', resource, detail: reason });
    if (reason === 'unauthenticated') throw new AppError('UNAUTHENTICATED');
    throw new AppError('FORBIDDEN', reason === 'not-owner' ? '只能查看和操作自己的投诉' : '这件投诉不在您的处理范围内');
  }

  async function permit(actor: Actor, permission: Permission, target: Target, resource: string): Promise<Decision & { allowed: true }> {
    const d = authorize(actor, permission, target);
    if (!d.allowed) return deny(actor, permission, resource, d.reason);
    return d;
  }

  /** Can this person see the complaint at all (own, handling, supervising or as its station)? */
  function visibleTo(actor: Actor, c: Complaint): boolean {
    const t = targetOf(c);
    return c.complainantOpenid === actor.openid || authorize(actor, 'complaint.detail', t).allowed || authorize(actor, 'complaint.readAsStation', t).allowed;
  }

  /**
   * permit() on a stored complaint. Denied on a complaint the person cannot see at all, the answer
   * is exactly that of a missing one (audited as denied): an id must not tell whether it exists.
   * Denied on one they can see (a station head trying to accept), FORBIDDEN says why.
   */
  async function permitOn(actor: Actor, permission: Permission, c: Complaint, field = 'id'): Promise<Decision & { allowed: true }> {
    const d = authorize(actor, permission, targetOf(c));
    if (d.allowed) return d;
    if (visibleTo(actor, c)) return deny(actor, permission, `complaint:${c.id}`, d.reason);
    await access.record({ actorOpenid: actor.openid, action: permission, outcome: 'denied', resource: `complaint:${c.id}`, detail: d.reason });
    throw notFound(field);
  }

  /**
   * How this person follows the case (并单 and 我也遇到了; core/complaint/follow.ts), or null. The
   * cases a person follows are few and indexed by person; a supporter beyond that list is found by
   * the supporter key.
   */
  async function follows(openid: string, c: Complaint): Promise<Follow['via'] | null> {
    if (c.complainantOpenid === openid) return null;
    const mine = distinctFollowers((await complaints.following(openid, MAX_FOLLOWING)).filter((f) => f.caseId === c.id), c.complainantOpenid);
    if (mine.length) return mine[0].via;
    return (await complaints.isSupporter(c.id, openid)) ? 'supporter' : null;
  }

  /** The follower's own evaluation of the case, if any. */
  async function followerEvaluationOf(caseId: string, openid: string): Promise<FollowerEvaluation | null> {
    return (await complaints.followerEvaluations(caseId)).find((e) => e.openid === openid) ?? null;
  }

  /** Messages of one transition, with a copy to each follower of the case for each message to its complainant. */
  async function withFollowers(c: Complaint, notify: ReturnType<typeof transition>['notify']) {
    if (!notify.some((n) => n.openid === c.complainantOpenid)) return notify;
    return notifyFollowers(notify, c, await complaints.followers(c.id, MAX_FOLLOWERS));
  }

  /**
   * Create a freshly filed case (fileComplaint, now) under a fresh tracking number with its 提交
   * entry: `extra` is what this path keeps beside the filed fields, `by.note` words the entry.
   */
  async function createFiled(
    fields: Omit<NewComplaint, 'id' | 'trackingNo' | 'submittedAt'>,
    extra: Partial<Complaint>,
    by: { openid: string; role: string; note: (c: Complaint) => string },
    key: { requestKey: string; bodyHash?: string },
  ) {
    const now = clock.now();
    const cal = await calendar();
    const complaintId = ids.id();
    return fileWithFreshTrackingNo(async (trackingNo) => {
      const complaint: Complaint = { ...fileComplaint({ ...fields, id: complaintId, trackingNo, submittedAt: now }, cal), ...extra };
      const history: HistoryEntry = {
        complaintId,
        at: now.toISOString(),
        actorRole: by.role,
        actorOpenid: by.openid,
        action: 'submit',
        fromStatus: null,
        toStatus: 'submitted',
        note: by.note(complaint),
        internal: false,
      };
      return complaints.create({ complaint, history, outbox: [], ...key });
    }, () => trackingNumber(now, ids.code(6)));
  }

  /**
   * File a new complaint for `owner` (the complainant, or an unclaimed placeholder for 代录): the one
   * path behind submit, Open311 and 代录. A retried request (same requester and requestId) answers
   * with the first result before checking or claiming anything again; the same requestId with a
   * different body is not a retry (an edited draft resent).
   */
  async function fileNew(actor: Actor, input: In<typeof api.submitInput>, requestId: string, opts: { owner: string; role: string; intake?: Intake }): Promise<Complaint> {
    const requestKey = `${actor.openid}:${requestId}`;
    const bodyHash = cipher.keyedHash(submitBodyKey(input));
    const answerFirst = (prior: { complaint: Complaint; bodyHash: string | null }) => {
      // Keys stored before body hashes existed (null) are taken as retries.
      if (prior.bodyHash !== null && prior.bodyHash !== bodyHash) throw resentChanged();
      return prior.complaint;
    };
    const prior = await complaints.findByRequestKey(requestKey);
    if (prior) return answerFirst(prior);
    const station = await stations.get(input.stationId);
    if (!station || !(LISTED_STATUSES.includes(station.status) || station.status === 'closed')) {
      throw new AppError('NOT_FOUND', '没有找到这个站点', { stationId: '站点不存在' });
    }
    if (station.status === 'closed') throw new AppError('CONFLICT', '该站点已关停，无法投诉；如有问题请拨打 12345', { stationId: '站点已关停' });

    // core/content/policy.ts: doubtful or unchecked text is held for an official, risky refused.
    const held = (await screenText(content, 'complaint', input.description, actor.openid)).outcome === 'hold';

    const photos: string[] = [];
    for (const p of input.photos ?? []) photos.push(await files.claim(p, actor.openid));
    // 说一说: claimed like a photo (own upload, audio within the caps), pending its content check.
    let voice = null;
    if (input.voice) {
      if (!files.claimVoice) throw new AppError('UNAVAILABLE', '暂时不能发送录音，请用文字描述', { voice: '暂时不能发送录音' });
      voice = attachVoice(await files.claimVoice(input.voice.fileId, actor.openid), input.voice.seconds);
    }

    const result = await createFiled(
      {
        station,
        category: input.category,
        description: input.description,
        photos,
        complainantOpenid: opts.owner,
        phoneCipher: input.phone ? cipher.encrypt(input.phone) : null,
        phoneMasked: maskPhone(input.phone),
        shareIdentity: input.shareIdentity ?? false,
        held,
        intake: opts.intake,
      },
      // Every photo waits for its content check; until then only its owner sees it.
      { photosPending: [...photos], ...(voice ? { voice } : {}) },
      { openid: actor.openid, role: opts.role, note: (c) => (held ? '已提交，内容审核后受理' : `请于 ${c.acceptDueOn} 前受理`) },
      { requestKey, bodyHash },
    );
    // A concurrent request with the same key won the race: answer as for a retry.
    if (!result.created) return answerFirst(result);
    await requestPhotoChecks(deps, result.complaint);
    await requestVoiceCheck(deps, result.complaint);
    return result.complaint;
  }

  function notFound(field = 'id'): AppError {
    return new AppError('NOT_FOUND', '没有找到这件投诉', { [field]: '投诉不存在' });
  }

  function targetOf(c: Complaint): Target {
    return { stationId: c.stationId, operatorName: c.operatorName, regionCodes: c.regionCodes, ownerOpenid: c.complainantOpenid, assignee: c.assignee, handlerOpenid: c.handlerOpenid };
  }

  async function load(id: string, field = 'id'): Promise<Complaint> {
    const c = await complaints.get(id);
    if (!c) throw notFound(field);
    return c;
  }

  /**
   * The photos of one entry this viewer may see: still kept (a failed check removes one), and
   * checked, unless the viewer attached them (core/media/check.ts). File ids: withTimelineUrls links them.
   */
  function entryPhotos(c: Complaint, h: HistoryEntry, viewer: string): string[] {
    const ids = h.attachments?.photos;
    if (!ids?.length) return [];
    const kept = new Set(c.attachedPhotos ?? []);
    const pending = new Set(c.photosPending ?? []);
    return ids.filter((p) => kept.has(p) && (!pending.has(p) || h.actorOpenid === viewer));
  }

  /**
   * The voice note of one entry for this viewer (its file id as url; withTimelineUrls links it):
   * still kept (a failed check removes it), and checked unless the viewer recorded it.
   */
  function entryVoice(c: Complaint, h: HistoryEntry, viewer: string): VoiceView | null {
    const id = h.attachments?.voice?.fileId;
    const v = id ? c.attachedVoices?.find((x) => x.fileId === id) : undefined;
    const own = h.actorOpenid !== null && h.actorOpenid === viewer;
    const audible = audibleTo(v, own);
    return audible ? { url: audible.fileId, seconds: audible.seconds, pending: audible.pending } : null;
  }

  /**
   * The timeline for one viewer. Officials see everything; others the public entries and their own
   * (a 补充材料 held by the content check). A follower never sees the complainant's own words or photos.
   */
  function timeline(history: HistoryEntry[], forOfficial: boolean, c: Complaint, viewer: string): api.TimelineItem[] {
    const follower = !forOfficial && viewer !== c.complainantOpenid;
    return history
      .filter((h) => forOfficial || !h.internal || (h.actorOpenid !== null && h.actorOpenid === viewer))
      .map((h) => {
        const byComplainant = h.action === 'supplement' && h.actorOpenid === c.complainantOpenid;
        const photos = follower && byComplainant ? [] : entryPhotos(c, h, viewer);
        // Gone with the purge (attachedVoices emptied), never heard by followers.
        const voice = follower && byComplainant ? null : entryVoice(c, h, viewer);
        return {
          at: h.at,
          action: h.action,
          label: HISTORY_LABELS[h.action as keyof typeof HISTORY_LABELS] ?? h.action,
          status: h.toStatus,
          // 补充材料 is the complainant's own words: hidden from followers, gone with the purge.
          note: byComplainant && c.purgedAt ? PURGED_TEXT : follower && byComplainant ? '投诉人补充了材料' : h.note,
          ...(forOfficial ? { byRole: h.actorRole, internal: h.internal } : {}),
          ...(photos.length ? { photos } : {}),
          ...(voice ? { voice } : {}),
        };
      });
  }

  /** Timeline photo ids → short-lived URLs, one storage call per view. */
  async function withTimelineUrls<V extends { timeline: api.TimelineItem[] }>(v: V): Promise<V> {
    const ids = [...new Set(v.timeline.flatMap((t) => [...(t.photos ?? []), ...(t.voice ? [t.voice.url] : [])]))];
    if (!ids.length) return v;
    const urls = await files.viewUrls(ids);
    const byId = new Map(ids.map((fileId, i) => [fileId, urls[i] ?? '']));
    const linked = (t: api.TimelineItem): api.TimelineItem => {
      const out = t.photos ? { ...t, photos: t.photos.map((p) => byId.get(p) ?? '') } : { ...t };
      if (t.voice) {
        const url = byId.get(t.voice.url);
        if (url) out.voice = { ...t.voice, url };
        else delete out.voice;
      }
      return out;
    };
    return { ...v, timeline: v.timeline.map(linked) };
  }

  function ownerView(
    c: Complaint,
    history: HistoryEntry[],
    viewerOpenid: string,
    photoUrls: string[],
    follow?: { via: Follow['via']; evaluation: FollowerEvaluation | null },
    voice: VoiceView | null = null,
  ): api.ComplaintView {
    const own = c.complainantOpenid === viewerOpenid;
    return {
      id: c.id,
      trackingNo: c.trackingNo,
      version: c.version,
      stationId: c.stationId,
      stationName: c.stationName,
      category: c.category,
      categoryLabel: CATEGORY_LABELS[c.category],
      description: own ? c.description : '',
      photos: own ? photoUrls : [],
      voice: own ? voice : null,
      status: c.status,
      statusLabel: STATUS_LABELS[c.status],
      submittedAt: c.submittedAt,
      acceptDueOn: c.acceptDueOn,
      replyDueOn: c.replyDueOn,
      deadlineProvisional: c.deadlineProvisional,
      reply: c.reply ? { text: c.reply.text, at: c.reply.at, ...(c.reply.unresolvable ? { unresolvable: c.reply.unresolvable } : {}) } : null,
      // A follower sees their own evaluation, never the complainant's.
      evaluation: own ? c.evaluation : follow?.evaluation?.evaluation ?? null,
      canWithdraw: own && canApply(c, 'withdraw', 'complainant'),
      canEvaluate: own ? canApply(c, 'evaluate', 'complainant') : !!follow && followerCanEvaluate(c, !!follow.evaluation),
      phoneMasked: own ? c.phoneMasked : null,
      shareIdentity: c.shareIdentity,
      supporters: c.supporters,
      timeline: timeline(history, false, c, viewerOpenid),
      // 并单: the case it now follows (its reply comes there).
      mergedInto: own ? c.mergedInto : null,
      replyExtended: !!c.extension,
      transfer: c.transfer ? { departmentName: c.transfer.departmentName, reference: c.transfer.reference, note: c.transfer.note, at: c.transfer.at } : null,
      progressLabel: c.status === 'accepted' || c.status === 'assigned' ? '处理中' : null,
      canSupplement: own && canApply(c, 'supplement', 'complainant'),
      supplementsLeft: Math.max(0, MAX_SUPPLEMENTS - (c.supplements ?? 0)),
      recheck:
        own && c.recheck
          ? { askedAt: c.recheck.askedAt, answer: c.recheck.answer, answeredAt: c.recheck.answeredAt, linkedCase: c.recheck.linkedCase ?? null, reopens: recheckReopens(c) }
          : null,
      linkedFrom: c.linkedFrom ?? null,
      ...(own ? {} : { supporting: true, following: follow?.via ?? 'supporter' }),
    };
  }

  function allowedActions(actor: Actor, c: Complaint): string[] {
    const out: string[] = [];
    const perms: [CommandType, Permission][] = [
      ['accept', 'complaint.accept'],
      ['refuse', 'complaint.refuse'],
      ['assign', 'complaint.assign'],
      ['reply', 'complaint.reply'],
      ['extend', 'complaint.extend'],
      ['merge', 'complaint.merge'],
      ['note', 'complaint.note'],
      ['release', 'complaint.review'],
      ['receive', 'complaint.receive'],
      ['decline', 'complaint.decline'],
      ['requestExtension', 'complaint.extendRequest'],
      ['approveExtension', 'complaint.extendDecide'],
      ['refuseExtension', 'complaint.extendDecide'],
      ['supervise', 'complaint.supervise'],
      ['answerSupervision', 'complaint.superviseAnswer'],
      ['transfer', 'complaint.transfer'],
      ['progress', 'complaint.progress'],
    ];
    for (const [cmd, perm] of perms) {
      const d = authorize(actor, perm, targetOf(c));
      if (!d.allowed) continue;
      if (canApply(c, cmd, d.basis === 'assignee' ? 'assignee' : 'official')) out.push(cmd);
    }
    return out;
  }

  function assigneeLabel(c: Complaint): string | null {
    return c.assignee ? labelOfAssignee(c, c.assignee) : null;
  }

  function labelOfAssignee(c: Complaint, a: NonNullable<Complaint['assignee']>): string {
    return a.kind === 'operator' ? `运营单位：${a.operatorName}` : `站点：${c.stationName}`;
  }

  /** Officials' summary of the followers and their evaluations (no openids). */
  async function followersSummary(c: Complaint): Promise<api.FollowersSummary> {
    const people = distinctFollowers(await complaints.followers(c.id, MAX_FOLLOWERS), c.complainantOpenid);
    const evaluations = await complaints.followerEvaluations(c.id);
    return {
      supporters: people.filter((f) => f.via === 'supporter').length,
      merged: people.filter((f) => f.via === 'merged').length,
      evaluations: evaluations.map((e) => ({
        via: e.via,
        viaLabel: e.via === 'merged' ? '并单投诉人' : '同样遇到的群众',
        evaluation: e.evaluation,
        label: EVALUATION_LABELS[e.evaluation],
        comment: e.comment,
        at: e.at,
      })),
    };
  }

  /** The voice note's link for someone allowed to hear it (core/media/voice.ts audibleTo), else null. */
  async function voiceOf(c: Complaint, isOwner: boolean): Promise<VoiceView | null> {
    const v = audibleTo(c.voice, isOwner);
    if (!v) return null;
    const [url] = await files.viewUrls([v.fileId]);
    return url ? { url, seconds: v.seconds, pending: v.pending } : null;
  }

  function caseView(actor: Actor, c: Complaint, history: HistoryEntry[], cal: WorkCalendar, now: Date, opts: { station: boolean }, photoUrls: string[], voice: VoiceView | null = null): api.ComplaintCaseView {
    // A station head sees a complaint as the station even when it is assigned to the station (and
    // answers through reply): the complainant's identity only if they allowed it.
    const station = opts.station || !authorize(actor, 'complaint.detail', targetOf(c)).allowed;
    const handler = authorize(actor, 'complaint.contact', targetOf(c)).allowed;
    let phone: string | null = null;
    if (c.phoneCipher && handler && (!station || c.shareIdentity)) phone = cipher.decrypt(c.phoneCipher);
    const hideIdentity = station && !c.shareIdentity;
    return {
      ...ownerView(c, history, c.complainantOpenid, photoUrls),
      // Officials see the content; a held complaint shows only to officials (the station sees it after release).
      description: station && c.held ? '（内容审核中）' : c.description,
      photos: station && c.held ? [] : photoUrls,
      voice: station && c.held ? null : voice,
      canWithdraw: false,
      canEvaluate: false,
      phoneMasked: hideIdentity ? null : c.phoneMasked,
      timeline: timeline(history, !station, c, actor.openid),
      regionCodes: c.regionCodes,
      operatorName: c.operatorName,
      held: c.held,
      overdue: isOverdue(c, now),
      dueAt: c.dueAt,
      escalationLevel: c.escalationLevel,
      escalationLabel: ESCALATION_LABELS[c.escalationLevel] ?? ESCALATION_LABELS[2],
      assignee: c.assignee,
      assigneeLabel: assigneeLabel(c),
      refusal: c.refusal,
      extension: c.extension,
      mergedInto: c.mergedInto,
      reopenCount: c.reopenCount,
      phone,
      complainant: hideIdentity ? '匿名（投诉人未同意向站点公开身份）' : `投诉人（${c.phoneMasked ?? '未留电话'}）`,
      allowedActions: allowedActions(actor, c),
      intakeLabel: c.intake ? `${INTAKE_LABELS[c.intake.channel]}：${c.intake.via}` : null,
      calendarWarning: c.deadlineProvisional ? calendarWarning(cal, now) ?? '期限按周末计算，待节假日数据录入后以实际为准' : null,
      assignedAt: c.assignedAt ?? null,
      receivedAt: c.receivedAt ?? null,
      awaitingReceipt: awaitingReceipt(c),
      // Hand-backs and 督办 are between the county and its superiors: not in the station's view.
      returns: station ? [] : (c.returns ?? []).map((r) => ({ at: r.at, reason: r.reason, assigneeLabel: labelOfAssignee(c, r.assignee) })),
      extensionRequest: c.extensionRequest ?? null,
      // Who issued a 督办 stays on the record (they are told of the answer), never in a view.
      supervisions: (station ? [] : c.supervisions ?? []).map(({ byOpenid: _by, ...s }) => ({ ...s, levelLabel: ESCALATION_LABELS[s.level], overdue: !s.answer && toShanghai(now).date > s.dueOn })),
    };
  }

  function listItem(c: Complaint, now: Date): api.ComplaintListItem {
    return {
      id: c.id,
      trackingNo: c.trackingNo,
      stationName: c.stationName,
      categoryLabel: CATEGORY_LABELS[c.category],
      status: c.status,
      statusLabel: STATUS_LABELS[c.status],
      submittedAt: c.submittedAt,
      dueAt: c.dueAt,
      overdue: isOverdue(c, now),
      escalationLevel: c.escalationLevel,
      held: c.held,
      // Counted through a year without holiday data: the date may still move.
      deadlineProvisional: c.deadlineProvisional,
      awaitingReceipt: awaitingReceipt(c),
      returned: c.status === 'accepted' && !!c.returns?.length,
      // Only while it can still be answered (a case transferred or closed meanwhile is not flagged).
      supervisionDueOn: canApply(c, 'answerSupervision', 'official') ? (openSupervision(c)?.dueOn ?? null) : null,
    };
  }

  async function page(q: Omit<ComplaintQuery, 'offset' | 'limit'>, cursor: string | undefined, limit: number | undefined, scope: string) {
    const offset = decodeCursor(cursor, scope);
    const lim = limit ?? 20;
    const result = await complaints.list({ ...q, offset, limit: lim });
    return { items: result.items, nextCursor: result.hasMore ? encodeCursor(offset + lim, scope) : null };
  }

  /** 待签收 messages to the people of the assignee (station heads or operator staff). */
  async function assignmentMessages(next: Complaint, a: NonNullable<Complaint['assignee']>): Promise<ReturnType<typeof transition>['notify']> {
    return (await assigneeRecipients(deps.roles, a)).map((openid) => assignmentNotice(next, openid));
  }

  /** Run one command on one complaint: authorise, check the version, transition, write atomically. */
  type Build = (c: Complaint, actor: Actor) => Command | Promise<Command>;
  // Owner-only permissions answer the complainant's view; every other permission has no owner
  // basis (authz/policy.ts OWNER_ONLY), so it answers the case view. The API types rely on it.
  function act(openid: string | null, id: string, version: number | null, permission: 'complaint.withdraw' | 'complaint.evaluate', build: Build): Promise<api.ComplaintView>;
  function act(openid: string | null, id: string, version: number | null, permission: Permission, build: Build): Promise<api.ComplaintCaseView>;
  async function act(openid: string | null, id: string, version: number | null, permission: Permission, build: Build) {
    const actor = await actorOf(openid);
    const c = await load(id);
    const d = await permitOn(actor, permission, c);
    if (version !== null && version !== c.version) throw staleConflict('这件投诉');
    const kind: ActorKind = d.basis === 'owner' ? 'complainant' : d.basis === 'assignee' ? 'assignee' : 'official';
    const role = d.binding?.role ?? (kind === 'complainant' ? 'resident' : 'official');
    const cal = await calendar();
    const now = clock.now();
    const cmd = await build(c, actor);
    const result = transition(c, cmd, { at: now, calendar: cal, actor: { kind, role, openid: actor.openid } });
    // Followers are told what the complainant is told (core/complaint/follow.ts).
    const notify = await withFollowers(c, result.notify);
    // The assignee's staff are told of a new assignment (the machine does not know who they are).
    if (cmd.type === 'assign') notify.push(...(await assignmentMessages(result.next, cmd.assignee)));
    const outbox: OutboxMessage[] = notify.map((n) => ({ ...n, id: ids.id(), createdAt: now.toISOString(), sentAt: null, attempts: 0, lastError: null }));
    await complaints.apply({ next: result.next, expectedVersion: c.version, history: [result.history], outbox });
    // Photos attached to the entry are checked; until they pass only their uploader sees them.
    const attached = result.history.attachments?.photos;
    if (attached?.length) await requestChecks(deps, c.id, attached, actor.openid);
    // So is an entry's voice note (补充材料 说一说), under its own subject.
    const spoken = result.history.attachments?.voice;
    if (spoken) await requestEntryVoiceCheck(deps, c.id, spoken.fileId, actor.openid);
    const history = await complaints.history(id);
    const urls = await files.viewUrls(visiblePhotos(result.next));
    const voice = await voiceOf(result.next, kind === 'complainant');
    return withTimelineUrls(kind === 'complainant' ? ownerView(result.next, history, actor.openid, urls, undefined, voice) : caseView(actor, result.next, history, cal, now, { station: false }, urls, voice));
  }

  /** Claim the caller's uploads for a timeline entry (photos the case already holds are refused as uploads). */
  async function entryUploads(c: Complaint, actor: Actor, photos: readonly string[] | undefined): Promise<string[]> {
    if (!photos?.length) return [];
    return claimPhotos(files, actor.openid, photos);
  }

  /**
   * The case a "还在" opens when the old one cannot reopen: filed like any other (a fresh accept
   * deadline), linked to the old one. Keyed by the old case, so a retried answer files it once.
   */
  async function fileLinked(old: Complaint, actor: Actor): Promise<Complaint> {
    const requestKey = `${actor.openid}:recheck:${old.id}`;
    const prior = await complaints.findByRequestKey(requestKey);
    if (prior) return prior.complaint;
    const station = await stations.get(old.stationId);
    if (!station || station.status === 'closed') throw new AppError('CONFLICT', '该站点已关停，无法再登记；如有问题请拨打 12345');
    const result = await createFiled(
      {
        station,
        category: old.category,
        description: old.description,
        photos: [],
        complainantOpenid: old.complainantOpenid,
        phoneCipher: old.phoneCipher,
        phoneMasked: old.phoneMasked,
        shareIdentity: old.shareIdentity,
        held: false,
      },
      { linkedFrom: { id: old.id, trackingNo: old.trackingNo } },
      { openid: actor.openid, role: 'resident', note: (c) => `回访时投诉人说问题还在，接续投诉 ${old.trackingNo}；请于 ${c.acceptDueOn} 前受理` },
      { requestKey },
    );
    return result.complaint;
  }

  return {
    async similar(openid: string | null, input: In<typeof api.similarInput>): Promise<api.SimilarItem[]> {
      const actor = await actorOf(openid);
      const result = await complaints.list({ stationIds: [input.stationId], category: input.category, statuses: OPEN_STATUSES, order: 'newest', offset: 0, limit: 5 });
      return result.items
        .filter((c) => !c.held)
        .map((c) => ({
          id: c.id,
          trackingNo: c.trackingNo,
          categoryLabel: CATEGORY_LABELS[c.category],
          statusLabel: STATUS_LABELS[c.status],
          submittedOn: toShanghai(new Date(c.submittedAt)).date,
          supporters: c.supporters,
          // A villager back on the form after a lost answer must recognise their own complaint.
          mine: c.complainantOpenid === actor.openid,
        }));
    },

    /** `intake`: how it came in when not through the app (Open311); recorded on the complaint. */
    async submit(openid: string | null, input: In<typeof api.submitInput>, requestId: string | undefined, intake?: Intake): Promise<api.ComplaintView> {
      const actor = await actorOf(openid);
      if (!requestId) throw new AppError('VALIDATION_ERROR', '缺少请求编号，请刷新后重试', { requestId: '必填' });
      await permit(actor, 'complaint.submit', {}, 'complaint:new');
      const filed = await fileNew(actor, input, requestId, { owner: actor.openid, role: 'resident', intake });
      return ownerView(filed, await complaints.history(filed.id), actor.openid, await files.viewUrls(filed.photos), undefined, await voiceOf(filed, true));
    },

    /**
     * 代录: an official enters a complaint received by phone or in person. It is filed like any other
     * (same checks and deadlines, the official as the one who passed it on); the villager claims it
     * later with the tracking number and the call-back phone (`claim`).
     */
    async record(openid: string | null, input: In<typeof api.recordInput>, requestId: string | undefined): Promise<api.ComplaintCaseView> {
      const actor = await actorOf(openid);
      if (!requestId) throw new AppError('VALIDATION_ERROR', '缺少请求编号，请刷新后重试', { requestId: '必填' });
      const station = await stations.get(input.stationId);
      if (!station) throw new AppError('NOT_FOUND', '没有找到这个站点', { stationId: '站点不存在' });
      const decision = await permit(actor, 'complaint.record', { stationId: station.id, operatorName: station.operator.name, regionCodes: station.regionPath.map((r) => r.code) }, `station:${station.id}`);
      const { channel, ...complaint } = input;
      const b = decision.binding;
      const region = b?.scope.kind === 'region' ? station.regionPath.find((r) => r.code === (b.scope as { regionCode: string }).regionCode)?.name : undefined;
      const via = `${region ?? ''}${b ? ROLE_LABELS[b.role] : '主管部门'}`;
      const filed = await fileNew(actor, complaint, requestId, { owner: unclaimedOwner(ids.id()), role: decision.binding?.role ?? 'official', intake: { channel, via } });
      await access.record({ actorOpenid: actor.openid, action: 'complaint.record', outcome: 'done', resource: `complaint:${filed.id}`, detail: channel });
      return caseView(actor, filed, await complaints.history(filed.id), await calendar(), clock.now(), { station: false }, await files.viewUrls(filed.photos), await voiceOf(filed, false));
    },

    /** The villager takes a 代录 complaint as their own: the tracking number and the call-back phone must match. */
    async claim(openid: string | null, input: In<typeof api.claimInput>): Promise<api.ComplaintView> {
      const actor = await actorOf(openid);
      const c = await complaints.findByTrackingNo(input.trackingNo);
      const wrong = () => new AppError('NOT_FOUND', '投诉编号或电话不对，请核对工作人员告诉您的编号', { trackingNo: '编号或电话不对' });
      if (!c || !isUnclaimed(c.complainantOpenid) || !c.phoneCipher || cipher.decrypt(c.phoneCipher) !== input.phone) {
        await access.record({ actorOpenid: actor.openid, action: 'complaint.claim', outcome: 'denied', resource: c ? `complaint:${c.id}` : 'complaint', detail: c && !isUnclaimed(c.complainantOpenid) ? 'claimed' : 'mismatch' });
        throw wrong();
      }
      const at = clock.now().toISOString();
      const next: Complaint = { ...c, complainantOpenid: actor.openid, version: c.version + 1, updatedAt: at };
      const history: HistoryEntry = { complaintId: c.id, at, actorRole: 'resident', actorOpenid: actor.openid, action: 'claim', fromStatus: c.status, toStatus: c.status, note: '投诉人已认领，可在“我的投诉”跟进', internal: false };
      await complaints.apply({ next, expectedVersion: c.version, history: [history], outbox: [] });
      await access.record({ actorOpenid: actor.openid, action: 'complaint.claim', outcome: 'done', resource: `complaint:${c.id}`, detail: '' });
      return withTimelineUrls(ownerView(next, await complaints.history(c.id), actor.openid, await files.viewUrls(next.photos), undefined, await voiceOf(next, true)));
    },

    async join(openid: string | null, input: In<typeof api.joinInput>): Promise<{ supporters: number; added: boolean }> {
      const actor = await actorOf(openid);
      const c = await load(input.id);
      if (!OPEN_STATUSES.includes(c.status) || c.held) throw new AppError('CONFLICT', '这件投诉已办结，请单独提交新的投诉');
      if (c.complainantOpenid === actor.openid) throw new AppError('CONFLICT', '这是您自己提交的投诉');
      const added = await complaints.addSupporter(c.id, actor.openid, clock.now().toISOString());
      return { supporters: c.supporters + (added ? 1 : 0), added };
    },

    async mine(openid: string | null, input: In<typeof api.mineInput>): Promise<{ items: api.ComplaintListItem[]; nextCursor: string | null; following?: api.ComplaintListItem[] }> {
      const actor = await actorOf(openid);
      const now = clock.now();
      const r = await page({ owner: actor.openid, order: 'newest' }, input.cursor, input.limit, `mine:${actor.openid}`);
      const items = r.items.map((c) => listItem(c, now));
      if (input.cursor) return { items, nextCursor: r.nextCursor };
      // First page: also the cases they follow (关注), newest first; one entry per case.
      const follows = new Map<string, Follow['via']>();
      for (const f of await complaints.following(actor.openid, MAX_FOLLOWING)) if (!follows.has(f.caseId) || f.via === 'merged') follows.set(f.caseId, f.via);
      const following: api.ComplaintListItem[] = [];
      for (const [caseId, via] of follows) {
        const c = await complaints.get(caseId);
        if (c && c.complainantOpenid !== actor.openid) following.push({ ...listItem(c, now), follow: via });
      }
      return { items, nextCursor: r.nextCursor, following };
    },

    async get(openid: string | null, input: In<typeof api.getInput>): Promise<api.ComplaintView> {
      const actor = await actorOf(openid);
      const c = 'id' in input ? await complaints.get(input.id) : await complaints.findByTrackingNo(input.trackingNo);
      // Knowing an id or tracking number grants nothing: a stranger gets the same answer as a miss.
      // Followers see the case read-only (ownerView hides the complainant's own text, photos, phone).
      const via = c && c.complainantOpenid !== actor.openid ? await follows(actor.openid, c) : null;
      if (!c || (c.complainantOpenid !== actor.openid && !via)) {
        if (c) await deny(actor, 'complaint.readOwn', `complaint:${c.id}`, 'not-owner').catch(() => undefined);
        throw notFound();
      }
      const follow = via ? { via, evaluation: await followerEvaluationOf(c.id, actor.openid) } : undefined;
      return withTimelineUrls(ownerView(c, await complaints.history(c.id), actor.openid, await files.viewUrls(c.photos), follow, await voiceOf(c, c.complainantOpenid === actor.openid)));
    },

    withdraw: (openid: string | null, input: In<typeof api.withdrawInput>) => act(openid, input.id, input.version, 'complaint.withdraw', () => ({ type: 'withdraw' })),
    async evaluate(openid: string | null, input: In<typeof api.evaluateInput>): Promise<api.ComplaintView> {
      const actor = await actorOf(openid);
      const c = await load(input.id);
      const via = c.complainantOpenid !== actor.openid ? await follows(actor.openid, c) : null;
      // Not the complainant and not a follower: act() answers exactly as for a missing complaint.
      if (!via) return act(openid, input.id, input.version, 'complaint.evaluate', () => ({ type: 'evaluate', evaluation: input.evaluation, comment: input.comment || undefined }));
      // A follower's own evaluation (core/complaint/follow.ts): the case is unchanged, so the version is not checked.
      const wanted = { evaluation: input.evaluation, comment: input.comment || null };
      const prior = await followerEvaluationOf(c.id, actor.openid);
      const refused = followerEvaluationRefusal(c, prior, wanted);
      if (refused) throw refused;
      let evaluation = prior;
      if (!evaluation) {
        const saved = await complaints.saveFollowerEvaluation({ caseId: c.id, openid: actor.openid, via, ...wanted, at: clock.now().toISOString() });
        // Lost a race with their own earlier request: the same evaluation is a retry, another one a conflict.
        const again = saved.saved ? null : followerEvaluationRefusal(c, saved.evaluation, wanted);
        if (again) throw again;
        evaluation = saved.evaluation;
      }
      return withTimelineUrls(ownerView(c, await complaints.history(c.id), actor.openid, await files.viewUrls(c.photos), { via, evaluation }));
    },

    async stationList(openid: string | null, input: In<typeof api.stationListInput>) {
      const actor = await actorOf(openid);
      const mine = listBindings(actor, 'complaint.readAsStation').map((b) => (b.scope.kind === 'station' ? b.scope.stationId : ''));
      const stationIds = input.stationId ? [input.stationId] : mine;
      if (!stationIds.length || stationIds.some((s) => !mine.includes(s))) return deny(actor, 'complaint.readAsStation', `station:${input.stationId ?? '-'}`, 'out-of-scope');
      const now = clock.now();
      const r = await page({ stationIds, order: 'newest' }, input.cursor, input.limit, `station:${stationIds.join(',')}`);
      return { items: r.items.map((c) => listItem(c, now)), nextCursor: r.nextCursor };
    },

    async stationDetail(openid: string | null, input: In<typeof api.detailInput>) {
      const actor = await actorOf(openid);
      const c = await load(input.id);
      await permitOn(actor, 'complaint.readAsStation', c);
      const cal = await calendar();
      return withTimelineUrls(caseView(actor, c, await complaints.history(c.id), cal, clock.now(), { station: true }, c.held ? [] : await files.viewUrls(visiblePhotos(c)), c.held ? null : await voiceOf(c, false)));
    },

    async queue(openid: string | null, input: In<typeof api.queueInput>) {
      const actor = await actorOf(openid);
      const bindings = listBindings(actor, 'complaint.queue');
      if (!bindings.length) return deny(actor, 'complaint.queue', 'complaints', 'role');
      const regions = bindings.flatMap((b) => (b.scope.kind === 'region' ? [b.scope.regionCode] : []));
      const operators = bindings.flatMap((b) => (b.scope.kind === 'operator' ? [b.scope.operatorName] : []));
      let regionCodes: string[] | undefined = regions;
      let assignedOperators: string[] | undefined = operators;
      if (input.regionCode) {
        // Narrowing must stay inside the caller's regions.
        if (!regions.some((r) => input.regionCode!.startsWith(r))) return deny(actor, 'complaint.queue', `region:${input.regionCode}`, 'out-of-scope');
        regionCodes = [input.regionCode];
        assignedOperators = [];
      }
      const now = clock.now();
      const search = input.q?.trim() ? readSearch(input.q) : undefined;
      if (search === null) throw new AppError('VALIDATION_ERROR', '请输入投诉编号、站点名称（至少 2 个字）或电话后 4 位', { q: '搜索词太短' });
      const q: Omit<ComplaintQuery, 'offset' | 'limit'> = {
        ...search,
        regionCodes,
        assignedOperators,
        statuses: input.status ? [input.status] : input.overdue ? OPEN_STATUSES : undefined,
        category: input.category,
        stationIds: input.stationId ? [input.stationId] : undefined,
        dueBefore: input.overdue ? now.toISOString() : undefined,
        escalatedOnly: input.escalated,
        order: 'due',
      };
      const { cursor: _c, limit: _l, ...filters } = input;
      const r = await page(q, input.cursor, input.limit, `queue:${actor.openid}:${JSON.stringify(filters)}`);
      const cal = await calendar();
      // The desk acts on rows (batch actions name the version) and shows who handles each.
      const items = r.items.map((c) => ({ ...listItem(c, now), version: c.version, assigneeLabel: assigneeLabel(c) }));
      return { items, nextCursor: r.nextCursor, calendarWarning: calendarWarning(cal, now) };
    },

    async detail(openid: string | null, input: In<typeof api.detailInput>): Promise<api.ComplaintCaseView> {
      const actor = await actorOf(openid);
      const c = await load(input.id);
      await permitOn(actor, 'complaint.detail', c);
      const view = caseView(actor, c, await complaints.history(c.id), await calendar(), clock.now(), { station: false }, await files.viewUrls(visiblePhotos(c)), await voiceOf(c, false));
      return withTimelineUrls({ ...view, followers: await followersSummary(c) });
    },

    accept: (openid: string | null, input: In<typeof api.acceptInput>) => act(openid, input.id, input.version, 'complaint.accept', () => ({ type: 'accept' })),
    refuse: (openid: string | null, input: In<typeof api.refuseInput>) =>
      act(openid, input.id, input.version, 'complaint.refuse', () => ({ type: 'refuse', reason: input.reason, text: input.text })),
    assign: (openid: string | null, input: In<typeof api.assignInput>) =>
      act(openid, input.id, input.version, 'complaint.assign', (c) =>
        input.to === 'operator'
          ? { type: 'assign', assignee: { kind: 'operator', operatorName: c.operatorName }, assigneeLabel: `运营单位 ${c.operatorName}` }
          : { type: 'assign', assignee: { kind: 'station', stationId: c.stationId }, assigneeLabel: `站点 ${c.stationName}` },
      ),
    reply: (openid: string | null, input: In<typeof api.replyInput>) =>
      act(openid, input.id, input.version, 'complaint.reply', async (c, actor) => {
        if (input.unresolvable && !input.unresolvableReason) throw new AppError('VALIDATION_ERROR', '请写明无法解决的原因', { unresolvableReason: '请填写原因' });
        const photos = await entryUploads(c, actor, input.photos);
        return {
          type: 'reply',
          text: input.text,
          ...(input.unresolvable ? { unresolvable: { reason: input.unresolvableReason! } } : {}),
          ...(photos.length ? { photos } : {}),
        };
      }),
    /** 办理进展 (处理中): text and photos on the timeline, the case stays where it is. */
    progress: (openid: string | null, input: In<typeof api.progressInput>) =>
      act(openid, input.id, input.version, 'complaint.progress', async (c, actor) => {
        const photos = await entryUploads(c, actor, input.photos);
        return { type: 'progress', text: input.text, ...(photos.length ? { photos } : {}) };
      }),
    /** 补充材料 by the complainant while the case is open; the handling official is told. */
    supplement: (openid: string | null, input: In<typeof api.supplementInput>) =>
      act(openid, input.id, input.version, 'complaint.supplement', async (c, actor) => {
        if (!canApply(c, 'supplement', 'complainant')) return { type: 'supplement', text: input.text }; // the machine says why not
        // With a voice note the text may be blank: nothing to screen then.
        const held = !!input.text && (await screenText(content, 'complaint', input.text, actor.openid)).outcome === 'hold';
        const photos = await entryUploads(c, actor, input.attachments?.photos);
        let voice: { fileId: string; seconds: number } | null = null;
        if (input.attachments?.voice) {
          if (!files.claimVoice) throw new AppError('UNAVAILABLE', '暂时不能发送录音，请用文字补充', { voice: '暂时不能发送录音' });
          voice = { fileId: await files.claimVoice(input.attachments.voice.fileId, actor.openid), seconds: input.attachments.voice.seconds };
        }
        const attachments = { ...(photos.length ? { photos } : {}), ...(voice ? { voice } : {}) };
        return { type: 'supplement', text: input.text, ...(photos.length || voice ? { attachments } : {}), ...(held ? { held } : {}) };
      }),
    /**
     * The answer to "问题还在吗？". 还在 reopens the case once; when it cannot reopen, a new case is
     * filed first (same station, category and words, linked to this one), then the answer recorded.
     */
    recheck: (openid: string | null, input: In<typeof api.recheckInput>) =>
      act(openid, input.id, input.version, 'complaint.recheck', async (c, actor) => {
        if (input.recheckAnswer === 'resolved' || !canApply(c, 'recheck', 'complainant') || recheckReopens(c)) return { type: 'recheck', answer: input.recheckAnswer };
        const linked = await fileLinked(c, actor);
        return { type: 'recheck', answer: 'persists', linked: { id: linked.id, trackingNo: linked.trackingNo } };
      }),
    extend: (openid: string | null, input: In<typeof api.extendInput>) =>
      act(openid, input.id, input.version, 'complaint.extend', () => ({ type: 'extend', workdays: input.workdays, reason: input.reason })),
    receive: (openid: string | null, input: In<typeof api.receiveInput>) => act(openid, input.id, input.version, 'complaint.receive', () => ({ type: 'receive' })),
    decline: (openid: string | null, input: In<typeof api.declineInput>) => act(openid, input.id, input.version, 'complaint.decline', () => ({ type: 'decline', reason: input.reason })),
    requestExtension: (openid: string | null, input: In<typeof api.requestExtensionInput>) =>
      act(openid, input.id, input.version, 'complaint.extendRequest', () => ({ type: 'requestExtension', dueOn: input.dueOn, reason: input.reason })),
    supervise: (openid: string | null, input: In<typeof api.superviseInput>) =>
      act(openid, input.id, input.version, 'complaint.supervise', () => ({ type: 'supervise', instruction: input.instruction, dueOn: input.dueOn })),
    answerSupervision: (openid: string | null, input: In<typeof api.answerSupervisionInput>) =>
      act(openid, input.id, input.version, 'complaint.superviseAnswer', () => ({ type: 'answerSupervision', text: input.answer })),
    transfer: (openid: string | null, input: In<typeof api.transferInput>) =>
      act(openid, input.id, input.version, 'complaint.transfer', () => {
        const other = input.department === 'other';
        if (other && !input.departmentName) throw new AppError('VALIDATION_ERROR', '请填写接收部门的名称', { departmentName: '请填写部门名称' });
        return { type: 'transfer', department: input.department, departmentName: other ? input.departmentName! : TRANSFER_LABELS[input.department], reference: input.reference, note: input.note };
      }),
    approveExtension: (openid: string | null, input: In<typeof api.approveExtensionInput>) =>
      act(openid, input.id, input.version, 'complaint.extendDecide', () => ({ type: 'approveExtension', note: input.note || undefined })),
    refuseExtension: (openid: string | null, input: In<typeof api.refuseExtensionInput>) =>
      act(openid, input.id, input.version, 'complaint.extendDecide', () => ({ type: 'refuseExtension', note: input.note })),
    release: (openid: string | null, input: In<typeof api.releaseInput>) => act(openid, input.id, input.version, 'complaint.review', () => ({ type: 'release' })),
    note: (openid: string | null, input: In<typeof api.noteInput>) => act(openid, input.id, null, 'complaint.note', () => ({ type: 'note', text: input.text })),
    merge: (openid: string | null, input: In<typeof api.mergeInput>) =>
      act(openid, input.id, input.version, 'complaint.merge', async (c, actor) => {
        const into = await load(input.intoId, 'intoId');
        await permitOn(actor, 'complaint.merge', into, 'intoId');
        if (into.stationId !== c.stationId) throw new AppError('VALIDATION_ERROR', '只能合并同一站点的投诉', { intoId: '不是同一站点' });
        if (!OPEN_STATUSES.includes(into.status)) throw new AppError('CONFLICT', '目标投诉已办结，不能并入');
        return { type: 'merge', into: { id: into.id, trackingNo: into.trackingNo } };
      }),

    async stats(openid: string | null, input: In<typeof api.statsInput>): Promise<api.StatsView> {
      const actor = await actorOf(openid);
      const bindings = listBindings(actor, 'complaint.stats').filter((b) => b.scope.kind === 'region');
      if (!bindings.length) return deny(actor, 'complaint.stats', 'stats', 'role');
      const regions = bindings.map((b) => (b.scope as { regionCode: string }).regionCode);
      if (input.regionCode && !regions.some((r) => input.regionCode!.startsWith(r))) return deny(actor, 'complaint.stats', `region:${input.regionCode}`, 'out-of-scope');
      const now = clock.now();
      const days = input.days ?? 365;
      const s = await complaints.stats({
        regionCodes: input.regionCode ? [input.regionCode] : regions,
        stationIds: input.stationId ? [input.stationId] : undefined,
        since: new Date(now.getTime() - days * 86_400_000).toISOString(),
      });
      const evaluated = (s.evaluations.satisfied ?? 0) + (s.evaluations.basically ?? 0) + (s.evaluations.unsatisfied ?? 0);
      return {
        days,
        total: s.total,
        byStatus: Object.entries(s.byStatus).map(([status, count]) => ({ status: status as Complaint['status'], label: STATUS_LABELS[status as Complaint['status']], count: count ?? 0 })),
        byCategory: Object.entries(s.byCategory).map(([category, count]) => ({ category: category as Complaint['category'], label: CATEGORY_LABELS[category as Complaint['category']], count: count ?? 0 })),
        byStation: s.byStation,
        onTimeRate: s.replied ? s.repliedOnTime / s.replied : null,
        satisfactionRate: evaluated ? ((s.evaluations.satisfied ?? 0) + (s.evaluations.basically ?? 0)) / evaluated : null,
        evaluations: (['satisfied', 'basically', 'unsatisfied', 'none'] as const).map((k) => ({ key: k, label: EVALUATION_LABELS[k], count: s.evaluations[k] ?? 0 })),
        calendarWarning: calendarWarning(await calendar(), now),
        handoffs: { supervised: s.supervised ?? 0, declined: s.declined ?? 0, extended: s.extended ?? 0 },
      };
    },

    async publicStats(input: In<typeof api.publicStatsInput>): Promise<api.PublicStationStats> {
      const now = clock.now();
      const s = await complaints.stats({ stationIds: [input.stationId], since: new Date(now.getTime() - 365 * 86_400_000).toISOString() });
      const evaluated = (s.evaluations.satisfied ?? 0) + (s.evaluations.basically ?? 0) + (s.evaluations.unsatisfied ?? 0);
      return {
        stationId: input.stationId,
        months: 12,
        complaints: s.total - (s.byStatus.withdrawn ?? 0) - (s.byStatus.merged ?? 0),
        onTimeRate: s.replied ? s.repliedOnTime / s.replied : null,
        satisfactionRate: evaluated ? ((s.evaluations.satisfied ?? 0) + (s.evaluations.basically ?? 0)) / evaluated : null,
      };
    },
  };
}

export type ComplaintService = ReturnType<typeof createComplaintService>;
