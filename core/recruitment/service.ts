/**
 * Recruitment and public notices: posts with a published rubric, applications with protected
 * ID numbers and phones, scoring, selection and a reserve pool, a public notice of ≥ 5 working
 * days with real-name objections, and appointment that makes the candidate the station's head.
 * Every decryption of personal data is audited; public answers carry name, gender, age,
 * village and post only.
 */
import { screenText } from '../content/policy';
import { bootstrapAdmins } from '../account/service';
import { authorize, listBindings, type Permission, type Target } from '../authz/policy';
import { OFFICIAL_ROLES, type Actor } from '../authz/roles';
import { WorkCalendar } from '../calendar/workdays';
import { noticePeriodProblem, noticeRunning, OBJECTION_LABELS, outcomeOf, type Notice, type Objection } from '../notice/model';
import type {
  AuditRepository,
  CalendarRepository,
  Cipher,
  Clock,
  ContentSecurity,
  IdSource,
  NoticeRepository,
  RecruitmentRepository,
  RegionRepository,
  RoleRepository,
  StationRepository,
} from '../ports';
import { decodeCursor, encodeCursor } from '../shared/cursor';
import { distanceMeters } from '../shared/geo';
import { AppError } from '../shared/errors';
import { maskIdNumber, maskPhone } from '../shared/mask';
import { toShanghai } from '../shared/time';
import type { z } from '../shared/zod';
import type * as api from './api';
import { ageOn, birthDateOf, checkIdNumber } from './idcard';
import {
  APPLICATION_STATUS_LABELS,
  applicationTotal,
  assertPostTransition,
  BACKGROUND_LABELS,
  checkRubric,
  EDUCATION_LABELS,
  POST_STATUS_LABELS,
  rank,
  trainingGaps,
  type Application,
  type Post,
} from './model';

type In<S extends z.ZodMiniType> = z.infer<S>;

export interface RecruitmentDeps {
  recruitment: RecruitmentRepository;
  notices: NoticeRepository;
  stations: StationRepository;
  regions: RegionRepository;
  roles: RoleRepository;
  audit: AuditRepository;
  calendars: CalendarRepository;
  content: ContentSecurity;
  cipher: Cipher;
  ids: IdSource;
  clock: Clock;
}

/** Personal data of unsuccessful applications is purged after this many days (configurable). */
export const DEFAULT_RETENTION_DAYS = 180;
/** How many open posts "near me" looks at (open posts are few at any time). */
const NEARBY_POST_SCAN = 200;

/** Retention from configuration (ZDT_RETENTION_DAYS): a positive whole number, else the default. */
export function retentionDaysFrom(value: string | undefined): number {
  const days = Number(value);
  return value && Number.isInteger(days) && days > 0 ? days : DEFAULT_RETENTION_DAYS;
}
const GENDER_LABELS = { male: '男', female: '女' } as const;

export function createRecruitmentService(deps: RecruitmentDeps) {
  const { recruitment, notices, stations, regions, roles, audit, calendars, content, cipher, ids, clock } = deps;
  const today = () => toShanghai(clock.now()).date;

  async function actorOf(openid: string | null): Promise<Actor> {
    if (!openid) throw new AppError('UNAUTHENTICATED', '请先登录微信后再试');
    return { openid, bindings: await roles.activeFor(openid) };
  }

  /**
   * Authorise or refuse (audited). `hidden`: the record is not public (an application, a draft post,
   * an objection), so a refusal answers exactly as if it did not exist — an id tells nothing.
   */
  async function permit(actor: Actor, permission: Permission, target: Target, resource: string, hidden?: () => AppError): Promise<void> {
    const d = authorize(actor, permission, target);
    if (d.allowed) return;
    await audit.append({ id: ids.id(), at: clock.now().toISOString(), actorOpenid: actor.openid, action: permission, outcome: 'denied', resource, detail: d.reason });
    if (hidden) throw hidden();
    throw new AppError('FORBIDDEN', '这不在您的管辖范围内');
  }

  const postNotFound = () => new AppError('NOT_FOUND', '没有找到这个岗位', { id: '岗位不存在' });
  const applicationNotFound = () => new AppError('NOT_FOUND', '没有找到这份报名', { id: '报名不存在' });
  const objectionNotFound = () => new AppError('NOT_FOUND', '没有找到这条异议');
  /** Drafts are not public yet: refused on one, an outsider gets the answer of a missing post. */
  const ifDraft = (p: Post) => (p.status === 'draft' ? postNotFound : undefined);
  /** Applications are seen by the post's reviewers only: to anyone else a refusal reads as a miss. */
  const unlessReviewer = (actor: Actor, p: Post) => (authorize(actor, 'recruitment.score', postTarget(p)).allowed ? undefined : applicationNotFound);

  const postTarget = (p: Post): Target => ({ regionCodes: p.regionCodes, stationId: p.stationId ?? undefined, operatorName: p.operatorName ?? undefined });

  async function loadPost(id: string): Promise<Post> {
    const p = await recruitment.getPost(id);
    if (!p) throw postNotFound();
    return p;
  }

  async function loadApplication(id: string): Promise<Application> {
    const a = await recruitment.getApplication(id);
    if (!a) throw applicationNotFound();
    return a;
  }

  async function loadNotice(id: string): Promise<Notice> {
    const n = await notices.get(id);
    if (!n) throw new AppError('NOT_FOUND', '没有找到这个公示', { id: '公示不存在' });
    return n;
  }

  function publicPost(p: Post) {
    return {
      id: p.id,
      title: p.title,
      stationId: p.stationId,
      stationName: p.stationName,
      villageName: p.villageName,
      requirements: p.requirements,
      rubric: p.rubric,
      opensOn: p.opensOn,
      closesOn: p.closesOn,
      status: p.status,
      statusLabel: POST_STATUS_LABELS[p.status],
      open: p.status === 'open' && p.opensOn <= today() && today() <= p.closesOn,
      noticeId: p.noticeId,
      /** Officials pass it back with openPost/closePost/cancelPost/select/publish. */
      version: p.version,
    };
  }

  function applicantView(a: Application) {
    return {
      id: a.id,
      postId: a.postId,
      version: a.version,
      name: a.name,
      status: a.status,
      statusLabel: APPLICATION_STATUS_LABELS[a.status],
      idMasked: a.idMasked,
      phoneMasked: a.phoneMasked,
      villageName: a.villageName,
      createdAt: a.createdAt,
      canWithdraw: a.status === 'submitted',
    };
  }

  function reviewerView(a: Application, p: Post, reviewer: string) {
    return {
      ...applicantView(a),
      canWithdraw: false,
      gender: GENDER_LABELS[a.gender],
      birthYear: a.birthYear,
      background: BACKGROUND_LABELS[a.background],
      education: EDUCATION_LABELS[a.education],
      skills: a.skills,
      productExperience: a.productExperience,
      statement: a.statement,
      reviewers: a.scores.length,
      myScore: a.scores.find((s) => s.reviewerOpenid === reviewer)?.byCriterion ?? null,
      total: applicationTotal(p.rubric, a.scores),
    };
  }

  async function calendar() {
    return new WorkCalendar(await calendars.adminYears());
  }

  /** Public results after selection: names and scores, no contact data. */
  async function results(p: Post) {
    if (p.status !== 'notice' && p.status !== 'appointed') return null;
    const all = await recruitment.listApplications({ postId: p.id, offset: 0, limit: 200 });
    const ranked = rank(all.items.filter((a) => a.status !== 'withdrawn').map((a) => ({ name: a.name, total: applicationTotal(p.rubric, a.scores), createdAt: a.createdAt, status: a.status })));
    return ranked.map((r) => ({ rank: r.rank, name: r.name, total: r.total, selected: r.status === 'selected' || r.status === 'appointed' }));
  }

  /** Revoke every other active station_head binding of the station (idempotent: none left on a re-run). */
  async function revokePreviousHeads(stationId: string, newHead: string, by: string): Promise<void> {
    const previous = [];
    for (let offset = 0; ; offset += 200) {
      const page = await roles.list({ offset, limit: 200 });
      previous.push(...page.items.filter((b) => b.role === 'station_head' && b.scope.kind === 'station' && b.scope.stationId === stationId && b.openid !== newHead && !b.revokedAt));
      if (!page.hasMore) break;
    }
    for (const b of previous) {
      const at = clock.now().toISOString();
      if (!(await roles.revoke(b.id, by, at))) continue;
      await audit.append({ id: ids.id(), at, actorOpenid: null, action: 'role.revoke', outcome: 'done', resource: `binding:${b.id}`, detail: `${by}: station_head station ${stationId} replaced by the appointed head` });
    }
  }

  /** Apply the outcome of a closed appointment notice. Idempotent: each step checks state first. */
  async function applyAppointmentOutcome(n: Notice): Promise<void> {
    const app = await recruitment.getApplication(n.subjectId);
    if (!app) return;
    const post = await recruitment.getPost(app.postId);
    // Only the post's own notice decides: a notice left over from a publish that lost a race (the
    // post was cancelled or re-published meanwhile) must not appoint anyone.
    if (!post || post.noticeId !== n.id) return;
    const at = clock.now().toISOString();
    if (n.outcome === 'approved') {
      if (app.status !== 'appointed') await recruitment.updateApplication({ ...app, status: 'appointed', updatedAt: at, version: app.version + 1 }, app.version);
      if (post.status === 'notice') await recruitment.updatePost({ ...post, status: 'appointed', updatedAt: at, version: post.version + 1 }, post.version);
      if (post.stationId) {
        await bootstrapAdmins({ roles, audit, ids, clock }, [{ openid: app.applicantOpenid, role: 'station_head', scope: { kind: 'station', stationId: post.stationId } }], `notice:${n.id}`);
        // The appointed head replaces the previous one: their access to the station ends (audited).
        await revokePreviousHeads(post.stationId, app.applicantOpenid, `notice:${n.id}`);
        const station = await stations.get(post.stationId);
        if (station && station.contact.personName !== app.name) {
          await stations.upsertMany([{ ...station, contact: { ...station.contact, personName: app.name }, updatedAt: at }]);
        }
      }
    } else if (n.outcome === 'stopped') {
      if (app.status === 'selected') await recruitment.updateApplication({ ...app, status: 'stopped', updatedAt: at, version: app.version + 1 }, app.version);
      if (post.status === 'notice') await recruitment.updatePost({ ...post, status: 'reviewing', selectedApplicationId: null, noticeId: null, updatedAt: at, version: post.version + 1 }, post.version);
    }
  }

  async function closeNotice(n: Notice, outcome: Notice['outcome']): Promise<Notice> {
    const next: Notice = { ...n, status: 'closed', outcome, closedAt: clock.now().toISOString(), version: n.version + 1 };
    await notices.update(next, n.version);
    await audit.append({ id: ids.id(), at: next.closedAt as string, actorOpenid: null, action: 'notice.close', outcome: 'done', resource: `notice:${n.id}`, detail: outcome ?? '' });
    if (n.kind === 'appointment') await applyAppointmentOutcome(next);
    return next;
  }

  function noticeView(n: Notice, objectionCount?: number) {
    return {
      id: n.id,
      kind: n.kind,
      title: n.title,
      facts: n.facts,
      body: n.body,
      startsOn: n.startsOn,
      endsOn: n.endsOn,
      objectionChannel: n.objectionChannel,
      status: n.status,
      running: n.status === 'open' && noticeRunning(n, clock.now()),
      outcome: n.outcome,
      outcomeLabel: n.outcome === 'approved' ? '公示期满无异议，已任用' : n.outcome === 'stopped' ? '异议成立，停止任用' : n.outcome === 'suspended' ? '异议尚在核查，暂缓任用' : null,
      ...(objectionCount !== undefined ? { objections: objectionCount } : {}),
    };
  }

  return {
    // ——— public and applicants ———
    async posts(input: In<typeof api.postsInput>) {
      const scope = `posts:${input.regionCode ?? ''}:${input.lat ?? ''},${input.lng ?? ''}`;
      const offset = decodeCursor(input.cursor, scope);
      const lim = input.limit ?? 20;
      if (input.lat !== undefined && input.lng !== undefined) {
        // Near me: posts still taking applications, nearest first by their station (or, for a village
        // without a station yet, its county seat). Few posts are open at once, so this is in memory.
        const here = { lat: input.lat, lng: input.lng };
        const open = (await recruitment.listPosts({ statuses: ['open'], regionCodes: input.regionCode ? [input.regionCode] : undefined, offset: 0, limit: NEARBY_POST_SCAN })).items;
        const located: { post: Post; distanceM: number | null }[] = [];
        for (const p of open) {
          const at = p.stationId ? (await stations.get(p.stationId))?.location : (await regions.get(p.regionCodes[2] ?? ''))?.centre;
          located.push({ post: p, distanceM: at ? Math.round(distanceMeters(here, at)) : null });
        }
        located.sort((a, b) => (a.distanceM ?? Infinity) - (b.distanceM ?? Infinity));
        const page = located.slice(offset, offset + lim);
        return {
          items: page.map((x) => ({ ...publicPost(x.post), ...(x.distanceM !== null ? { distanceM: x.distanceM } : {}) })),
          nextCursor: located.length > offset + lim ? encodeCursor(offset + lim, scope) : null,
        };
      }
      const page = await recruitment.listPosts({ statuses: ['open', 'reviewing', 'notice', 'appointed'], regionCodes: input.regionCode ? [input.regionCode] : undefined, offset, limit: lim });
      return { items: page.items.map(publicPost), nextCursor: page.hasMore ? encodeCursor(offset + lim, scope) : null };
    },

    async post(input: In<typeof api.postInput>) {
      const p = await loadPost(input.id);
      if (p.status === 'draft') throw new AppError('NOT_FOUND', '没有找到这个岗位', { id: '岗位不存在' });
      return { ...publicPost(p), results: await results(p) };
    },

    async apply(openid: string | null, input: In<typeof api.applyInput>, requestId: string | undefined) {
      const actor = await actorOf(openid);
      if (!requestId) throw new AppError('VALIDATION_ERROR', '缺少请求编号，请刷新后重试', { requestId: '必填' });
      const p = await loadPost(input.postId);
      if (p.status !== 'open' || today() < p.opensOn || today() > p.closesOn) {
        throw new AppError('CONFLICT', `不在报名时间内（${p.opensOn} 至 ${p.closesOn}）`, { postId: '不在报名时间内' });
      }
      const id = checkIdNumber(input.idNumber, today());
      if (!id.ok) throw new AppError('VALIDATION_ERROR', id.message, { idNumber: id.message });
      if (id.birthYear !== input.birthYear) throw new AppError('VALIDATION_ERROR', '出生年份与身份证号不一致', { birthYear: '与身份证号不一致' });
      if (id.gender !== input.gender) throw new AppError('VALIDATION_ERROR', '性别与身份证号不一致', { gender: '与身份证号不一致' });
      const village = await regions.get(input.villageCode);
      if (!village || village.level !== 'village') throw new AppError('VALIDATION_ERROR', '请选择所在村', { villageCode: '没有这个村' });
      // core/content/policy.ts: read only by officials; refused only when risky.
      await screenText(content, 'application', [input.skills, input.productExperience, input.statement].join('\n'), actor.openid);
      const at = clock.now().toISOString();
      const app: Application = {
        id: ids.id(),
        postId: p.id,
        applicantOpenid: actor.openid,
        name: input.name,
        gender: input.gender,
        birthYear: input.birthYear,
        idCipher: cipher.encrypt(id.normalised),
        idHash: cipher.keyedHash(`id:${id.normalised}`),
        idMasked: maskIdNumber(id.normalised) as string,
        phoneCipher: cipher.encrypt(input.phone),
        phoneMasked: maskPhone(input.phone) as string,
        villageCode: village.code,
        villageName: village.name,
        background: input.background,
        education: input.education,
        skills: input.skills,
        productExperience: input.productExperience,
        statement: input.statement,
        idConsentAt: at,
        status: 'submitted',
        scores: [],
        createdAt: at,
        updatedAt: at,
        purgedAt: null,
        version: 1,
      };
      const r = await recruitment.insertApplication(app, `${actor.openid}:${requestId}`);
      return applicantView(r.application);
    },

    async mine(openid: string | null, input: In<typeof api.mineInput>) {
      const actor = await actorOf(openid);
      const offset = decodeCursor(input.cursor, `mine:${actor.openid}`);
      const lim = input.limit ?? 20;
      const page = await recruitment.listApplications({ applicantOpenid: actor.openid, offset, limit: lim });
      const items = [];
      for (const a of page.items) {
        const p = await recruitment.getPost(a.postId);
        items.push({ ...applicantView(a), postTitle: p?.title ?? '', canWithdraw: a.status === 'submitted' && !!p && (p.status === 'open' || p.status === 'reviewing') });
      }
      return { items, nextCursor: page.hasMore ? encodeCursor(offset + lim, `mine:${actor.openid}`) : null };
    },

    async withdraw(openid: string | null, input: In<typeof api.withdrawInput>) {
      const actor = await actorOf(openid);
      const a = await loadApplication(input.id);
      if (a.applicantOpenid !== actor.openid) throw applicationNotFound();
      const p = await loadPost(a.postId);
      if (a.status !== 'submitted' || (p.status !== 'open' && p.status !== 'reviewing')) throw new AppError('CONFLICT', '评审已结束，不能撤回报名');
      if (a.version !== input.version) throw new AppError('CONFLICT', '报名状态刚刚变化，请刷新后再试');
      const next = { ...a, status: 'withdrawn' as const, updatedAt: clock.now().toISOString(), version: a.version + 1 };
      await recruitment.updateApplication(next, a.version);
      return applicantView(next);
    },

    // ——— officials and operators ———
    async createPost(openid: string | null, input: In<typeof api.createPostInput>) {
      const actor = await actorOf(openid);
      checkRubric(input.rubric);
      if (!!input.stationId === !!input.villageCode) throw new AppError('VALIDATION_ERROR', '请选择一个站点或一个村', { stationId: '站点和村选一个' });
      if (input.closesOn < input.opensOn) throw new AppError('VALIDATION_ERROR', '报名截止日期不能早于开始日期', { closesOn: '早于开始日期' });
      let regionCodes: string[];
      let stationName: string | null = null;
      let operatorName: string | null = null;
      let villageName: string | null = null;
      if (input.stationId) {
        const s = await stations.get(input.stationId);
        if (!s) throw new AppError('NOT_FOUND', '没有这个站点', { stationId: '站点不存在' });
        regionCodes = s.regionPath.map((r) => r.code);
        stationName = s.name;
        operatorName = s.operator.name;
      } else {
        const v = await regions.get(input.villageCode as string);
        if (!v || v.level !== 'village') throw new AppError('VALIDATION_ERROR', '没有这个村', { villageCode: '没有这个村' });
        const c = v.code;
        regionCodes = [c.slice(0, 2), c.slice(0, 4), c.slice(0, 6), c.slice(0, 9), c];
        villageName = v.name;
      }
      const at = clock.now().toISOString();
      const post: Post = {
        id: ids.id(),
        title: input.title,
        stationId: input.stationId ?? null,
        stationName,
        operatorName,
        villageCode: input.villageCode ?? null,
        villageName,
        regionCodes,
        requirements: input.requirements,
        rubric: input.rubric,
        opensOn: input.opensOn,
        closesOn: input.closesOn,
        qualifyingScore: input.qualifyingScore ?? 60,
        status: 'draft',
        selectedApplicationId: null,
        noticeId: null,
        createdBy: actor.openid,
        createdAt: at,
        updatedAt: at,
        version: 1,
      };
      await permit(actor, 'recruitment.manage', postTarget(post), 'post:new');
      await recruitment.insertPost(post);
      return publicPost(post);
    },

    /** Officials and operators: every post in their scope, drafts and cancelled ones included. */
    async managedPosts(openid: string | null, input: In<typeof api.managedPostsInput>) {
      const actor = await actorOf(openid);
      const bindings = listBindings(actor, 'recruitment.manage');
      const regionCodes = bindings.flatMap((b) => (b.scope.kind === 'region' ? [b.scope.regionCode] : []));
      if (!regionCodes.length) {
        await audit.append({ id: ids.id(), at: clock.now().toISOString(), actorOpenid: actor.openid, action: 'recruitment.manage', outcome: 'denied', resource: 'posts', detail: 'role' });
        throw new AppError('FORBIDDEN', '只有主管部门可以管理招募岗位');
      }
      const scope = `managed:${actor.openid}`;
      const offset = decodeCursor(input.cursor, scope);
      const lim = input.limit ?? 20;
      const page = await recruitment.listPosts({ regionCodes, offset, limit: lim });
      return { items: page.items.map(publicPost), nextCursor: page.hasMore ? encodeCursor(offset + lim, scope) : null };
    },

    async transitionPost(openid: string | null, input: In<typeof api.postActionInput>, cmd: 'open' | 'close' | 'cancel') {
      const actor = await actorOf(openid);
      const p = await loadPost(input.id);
      await permit(actor, 'recruitment.manage', postTarget(p), `post:${p.id}`, ifDraft(p));
      assertPostTransition(p, cmd);
      if (p.version !== input.version) throw new AppError('CONFLICT', '岗位刚被其他人修改，请刷新后再试');
      const status = cmd === 'open' ? 'open' : cmd === 'close' ? 'reviewing' : 'cancelled';
      const next: Post = { ...p, status, updatedAt: clock.now().toISOString(), version: p.version + 1 };
      await recruitment.updatePost(next, p.version);
      return publicPost(next);
    },

    async applications(openid: string | null, input: In<typeof api.applicationsInput>) {
      const actor = await actorOf(openid);
      const p = await loadPost(input.postId);
      await permit(actor, 'recruitment.score', postTarget(p), `post:${p.id}`, ifDraft(p));
      const offset = decodeCursor(input.cursor, `apps:${p.id}`);
      const lim = input.limit ?? 50;
      const page = await recruitment.listApplications({ postId: p.id, offset, limit: lim });
      const views = page.items.map((a) => reviewerView(a, p, actor.openid));
      const ranked = rank(views.filter((v) => v.status !== 'withdrawn'));
      return { post: publicPost(p), items: views.map((v) => ({ ...v, rank: ranked.find((r) => r.id === v.id)?.rank ?? null })), nextCursor: page.hasMore ? encodeCursor(offset + lim, `apps:${p.id}`) : null };
    },

    /** Decrypt one personal field for an in-scope official; every decryption is audited. */
    async reveal(openid: string | null, input: In<typeof api.revealInput>) {
      const actor = await actorOf(openid);
      const a = await loadApplication(input.applicationId);
      const p = await loadPost(a.postId);
      await permit(actor, 'recruitment.reveal', postTarget(p), `application:${a.id}`, unlessReviewer(actor, p));
      const cipherText = input.field === 'idNumber' ? a.idCipher : a.phoneCipher;
      if (!cipherText) throw new AppError('NOT_FOUND', '该报名的个人信息已按规定清除');
      await audit.append({ id: ids.id(), at: clock.now().toISOString(), actorOpenid: actor.openid, action: 'recruitment.reveal', outcome: 'done', resource: `application:${a.id}`, detail: `${input.field}: ${input.reason}` });
      return { field: input.field, value: cipher.decrypt(cipherText) };
    },

    async score(openid: string | null, input: In<typeof api.scoreInput>) {
      const actor = await actorOf(openid);
      const a = await loadApplication(input.applicationId);
      const p = await loadPost(a.postId);
      await permit(actor, 'recruitment.score', postTarget(p), `application:${a.id}`, applicationNotFound);
      if (p.status !== 'reviewing') throw new AppError('CONFLICT', '报名截止后才能评分');
      if (a.status !== 'submitted') throw new AppError('CONFLICT', '这份报名不在评审中');
      const names = p.rubric.map((r) => r.criterion).sort();
      const given = Object.keys(input.byCriterion).sort();
      if (JSON.stringify(names) !== JSON.stringify(given)) throw new AppError('VALIDATION_ERROR', `请按评分项逐项打分：${names.join('、')}`, { byCriterion: '评分项不对' });
      const scores = [...a.scores.filter((s) => s.reviewerOpenid !== actor.openid), { reviewerOpenid: actor.openid, byCriterion: input.byCriterion, at: clock.now().toISOString() }];
      const next = { ...a, scores, updatedAt: clock.now().toISOString(), version: a.version + 1 };
      await recruitment.updateApplication(next, a.version);
      return reviewerView(next, p, actor.openid);
    },

    async select(openid: string | null, input: In<typeof api.selectInput>) {
      const actor = await actorOf(openid);
      const p = await loadPost(input.postId);
      await permit(actor, 'recruitment.manage', postTarget(p), `post:${p.id}`, ifDraft(p));
      assertPostTransition(p, 'select');
      if (p.version !== input.version) throw new AppError('CONFLICT', '岗位刚被其他人修改，请刷新后再试');
      const chosen = await loadApplication(input.applicationId);
      // A reserve candidate may be chosen too: after an upheld objection the post is back in review (备用库).
      if (chosen.postId !== p.id || (chosen.status !== 'submitted' && chosen.status !== 'reserve') || !chosen.scores.length) throw new AppError('CONFLICT', '只能选择已评分、仍在评审中或备用库中的报名');
      const at = clock.now().toISOString();
      const all = await recruitment.listApplications({ postId: p.id, statuses: ['submitted', 'reserve', 'selected'], offset: 0, limit: 500 });
      for (const a of all.items) {
        const total = applicationTotal(p.rubric, a.scores) ?? 0;
        const status = a.id === chosen.id ? 'selected' : total >= p.qualifyingScore ? 'reserve' : 'unsuccessful';
        if (status !== a.status) await recruitment.updateApplication({ ...a, status, updatedAt: at, version: a.version + 1 }, a.version);
      }
      const next: Post = { ...p, selectedApplicationId: chosen.id, updatedAt: at, version: p.version + 1 };
      await recruitment.updatePost(next, p.version);
      return publicPost(next);
    },

    async reserve(openid: string | null, input: In<typeof api.reserveInput>) {
      const actor = await actorOf(openid);
      const p = await loadPost(input.postId);
      await permit(actor, 'recruitment.score', postTarget(p), `post:${p.id}`, ifDraft(p));
      const page = await recruitment.listApplications({ postId: p.id, statuses: ['reserve'], offset: 0, limit: 100 });
      return rank(page.items.map((a) => ({ id: a.id, name: a.name, villageName: a.villageName, total: applicationTotal(p.rubric, a.scores), createdAt: a.createdAt })));
    },

    async recordTraining(openid: string | null, input: In<typeof api.recordTrainingInput>) {
      const actor = await actorOf(openid);
      const s = await stations.get(input.stationId);
      if (!s) throw new AppError('NOT_FOUND', '没有这个站点', { stationId: '站点不存在' });
      await permit(actor, 'training.record', { regionCodes: s.regionPath.map((r) => r.code), stationId: s.id, operatorName: s.operator.name }, `station:${s.id}`);
      const heads = (await recruitment.listApplications({ statuses: ['appointed'], offset: 0, limit: 500 })).items;
      const posts = await Promise.all(heads.map((a) => recruitment.getPost(a.postId)));
      const k = posts.findIndex((p) => p?.stationId === s.id);
      if (k < 0) throw new AppError('CONFLICT', '这个站点还没有经公示任用的负责人');
      const head = heads[k];
      await recruitment.insertTraining({ id: ids.id(), stationId: s.id, headOpenid: head.applicantOpenid, headName: head.name, kind: input.kind, title: input.title, date: input.date, days: input.days, recordedBy: actor.openid, recordedAt: clock.now().toISOString() });
      return { recorded: true };
    },

    async training(openid: string | null, input: In<typeof api.trainingInput>) {
      const actor = await actorOf(openid);
      const regionsOf = listBindings(actor, 'training.record').flatMap((b) => (b.scope.kind === 'region' ? [b.scope.regionCode] : []));
      if (!regionsOf.length) throw new AppError('FORBIDDEN', '只有主管部门可以查看培训情况');
      const scope = input.regionCode ?? regionsOf[0];
      if (!regionsOf.some((r) => scope.startsWith(r))) throw new AppError('FORBIDDEN', '这不在您的管辖范围内');
      const year = Number(today().slice(0, 4));
      const appointed = (await recruitment.listApplications({ statuses: ['appointed'], offset: 0, limit: 500 })).items;
      const rows = [];
      for (const a of appointed) {
        const p = await recruitment.getPost(a.postId);
        if (!p?.stationId || !p.regionCodes.includes(scope)) continue;
        const records = await recruitment.listTraining({ stationIds: [p.stationId], headOpenid: a.applicantOpenid });
        rows.push({ stationId: p.stationId, stationName: p.stationName, headName: a.name, ...trainingGaps(records, year), records: records.map((r) => ({ kind: r.kind, title: r.title, date: r.date, days: r.days })) });
      }
      return { year, heads: rows, behind: rows.filter((r) => r.behind.length).length };
    },

    // ——— notices ———
    async notices(input: In<typeof api.noticesInput>) {
      const offset = decodeCursor(input.cursor, `notices:${input.status ?? ''}`);
      const lim = input.limit ?? 20;
      const page = await notices.list({ status: input.status, offset, limit: lim });
      return { items: page.items.map((n) => noticeView(n)), nextCursor: page.hasMore ? encodeCursor(offset + lim, `notices:${input.status ?? ''}`) : null };
    },

    async notice(input: In<typeof api.noticeInput>) {
      const n = await loadNotice(input.id);
      return noticeView(n, (await notices.listObjections(n.id)).length);
    },

    async publish(openid: string | null, input: In<typeof api.publishInput>) {
      const actor = await actorOf(openid);
      const p = await loadPost(input.postId);
      await permit(actor, 'notice.manage', postTarget(p), `post:${p.id}`, ifDraft(p));
      assertPostTransition(p, 'startNotice');
      if (p.version !== input.version) throw new AppError('CONFLICT', '岗位刚被其他人修改，请刷新后再试');
      if (!p.selectedApplicationId) throw new AppError('CONFLICT', '请先确定拟任用人选');
      const problem = noticePeriodProblem(input.startsOn, input.endsOn, today(), await calendar());
      if (problem) throw new AppError('VALIDATION_ERROR', problem.message, { [problem.field]: problem.fieldMessage });
      const a = await loadApplication(p.selectedApplicationId);
      // Age on the first day from the birth date in the ID number (not the year difference).
      const birthDate = a.idCipher ? birthDateOf(cipher.decrypt(a.idCipher)) : null;
      if (!birthDate) throw new AppError('CONFLICT', '拟任用人选的身份信息已不完整，无法公示年龄');
      const at = clock.now().toISOString();
      const n: Notice = {
        id: ids.id(),
        kind: 'appointment',
        subjectId: a.id,
        title: `${p.stationName ?? p.villageName ?? ''}负责人拟任用人选公示`,
        facts: [
          { label: '姓名', value: a.name },
          { label: '性别', value: GENDER_LABELS[a.gender] },
          { label: '年龄', value: `${ageOn(birthDate, input.startsOn)} 岁` },
          { label: '所在村', value: a.villageName },
          { label: '拟任岗位', value: p.title },
        ],
        body: `经自主报名、公开比选，拟任用以上人选。公示期内如有异议，请实名提出。`,
        regionCodes: p.regionCodes,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        objectionChannel: input.objectionChannel,
        status: 'open',
        outcome: null,
        publishedBy: actor.openid,
        publishedAt: at,
        closedAt: null,
        version: 1,
      };
      await notices.insert(n);
      await recruitment.updatePost({ ...p, status: 'notice', noticeId: n.id, updatedAt: at, version: p.version + 1 }, p.version);
      // Periods over years without holiday data are refused above, so the count is never provisional.
      return { ...noticeView(n, 0), provisional: false };
    },

    async object(openid: string | null, input: In<typeof api.objectInput>) {
      const actor = await actorOf(openid);
      const n = await loadNotice(input.noticeId);
      if (n.status !== 'open' || !noticeRunning(n, clock.now())) throw new AppError('CONFLICT', `只能在公示期内（${n.startsOn} 至 ${n.endsOn}）提出异议`, { noticeId: '不在公示期内' });
      // core/content/policy.ts: read only by officials; a checker outage must not cost the right to object.
      await screenText(content, 'objection', input.text, actor.openid);
      const at = clock.now().toISOString();
      const o: Objection = {
        id: ids.id(),
        noticeId: n.id,
        objectorOpenid: actor.openid,
        realName: input.realName,
        phoneCipher: cipher.encrypt(input.phone),
        phoneMasked: maskPhone(input.phone) as string,
        text: input.text,
        status: 'received',
        response: null,
        createdAt: at,
        updatedAt: at,
        version: 1,
      };
      await notices.insertObjection(o);
      return { id: o.id, status: o.status, statusLabel: OBJECTION_LABELS[o.status], createdAt: at };
    },

    async objections(openid: string | null, input: In<typeof api.objectionsInput>) {
      const actor = await actorOf(openid);
      const n = await loadNotice(input.noticeId);
      await permit(actor, 'notice.manage', { regionCodes: n.regionCodes }, `notice:${n.id}`);
      return (await notices.listObjections(n.id)).map((o) => ({ id: o.id, version: o.version, realName: o.realName, phoneMasked: o.phoneMasked, text: o.text, status: o.status, statusLabel: OBJECTION_LABELS[o.status], response: o.response, createdAt: o.createdAt }));
    },

    async resolve(openid: string | null, input: In<typeof api.resolveInput>) {
      const actor = await actorOf(openid);
      const o = await notices.getObjection(input.objectionId);
      if (!o) throw objectionNotFound();
      const n = await loadNotice(o.noticeId);
      await permit(actor, 'notice.manage', { regionCodes: n.regionCodes }, `objection:${o.id}`, objectionNotFound);
      if (o.status === 'upheld' || o.status === 'dismissed') throw new AppError('CONFLICT', '这条异议已经处理完毕');
      if (o.version !== input.version) throw new AppError('CONFLICT', '异议刚被其他人处理，请刷新后再试');
      if (input.status !== 'investigating' && !input.response) throw new AppError('VALIDATION_ERROR', '请填写给异议人的答复', { response: '必填' });
      const at = clock.now().toISOString();
      await notices.updateObjection({ ...o, status: input.status, response: input.response ?? o.response, updatedAt: at, version: o.version + 1 }, o.version);
      await audit.append({ id: ids.id(), at, actorOpenid: actor.openid, action: 'objection.resolve', outcome: 'done', resource: `objection:${o.id}`, detail: input.status });
      const current = await loadNotice(n.id);
      const all = await notices.listObjections(n.id);
      // An upheld objection stops the appointment at once; a suspended notice resumes when all are resolved.
      if (current.status === 'open' && input.status === 'upheld') await closeNotice(current, 'stopped');
      else if (current.status === 'closed' && current.outcome === 'suspended' && outcomeOf(all) !== 'suspended') {
        const next: Notice = { ...current, outcome: outcomeOf(all), version: current.version + 1 };
        await notices.update(next, current.version);
        await applyAppointmentOutcome(next);
      }
      return { id: o.id, status: input.status, statusLabel: OBJECTION_LABELS[input.status] };
    },

    /** Scheduler job: close notices whose period ended and apply the outcome. Safe to run twice. */
    async closeEndedNotices(): Promise<{ closed: number; reconciled: number }> {
      let closed = 0;
      for (const n of await notices.ended(today(), 100)) {
        try {
          await closeNotice(n, outcomeOf(await notices.listObjections(n.id)));
          closed++;
        } catch (err) {
          if (!(err instanceof AppError && err.code === 'CONFLICT')) throw err;
        }
      }
      // Finish what a crash between closing a notice and applying its outcome left undone:
      // posts still "on notice" whose notice is already closed.
      let reconciled = 0;
      for (const p of (await recruitment.listPosts({ statuses: ['notice'], offset: 0, limit: 100 })).items) {
        const n = p.noticeId ? await notices.get(p.noticeId) : null;
        if (n && n.status === 'closed' && n.kind === 'appointment' && (n.outcome === 'approved' || n.outcome === 'stopped')) {
          await applyAppointmentOutcome(n);
          reconciled++;
        }
      }
      return { closed, reconciled };
    },

    /** Scheduler job: purge personal data of unsuccessful and withdrawn applications after retention. */
    async purgeExpired(retentionDays = DEFAULT_RETENTION_DAYS): Promise<{ purged: number }> {
      const before = new Date(clock.now().getTime() - retentionDays * 86_400_000).toISOString();
      return { purged: await recruitment.purgePersonalData(['unsuccessful', 'withdrawn', 'stopped'], before, clock.now().toISOString()) };
    },

    /** For officials' screens: whether the caller manages recruitment anywhere. */
    isManager(actor: Actor): boolean {
      return actor.bindings.some((b) => !b.revokedAt && (OFFICIAL_ROLES.includes(b.role) || b.role === 'operator_staff'));
    },
  };
}

export type RecruitmentService = ReturnType<typeof createRecruitmentService>;
