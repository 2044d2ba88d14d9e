/**
 * Recruitment: posts with a published rubric, applications with protected ID numbers and phones,
 * scoring, selection and a reserve pool, training records. The public notice of the selected
 * candidate and the appointment are in core/notice/service.ts. Every decryption of personal data
 * is audited; public answers carry name, gender, age, village and post only.
 */
import { screenText } from '../content/policy';
import { createAccess } from '../authz/access';
import type { Access } from '../authz/access';
import { authorize, listBindings, type Permission, type Target } from '../authz/policy';
import { OFFICIAL_ROLES, type Actor } from '../authz/roles';
import type {
  AuditRepository,
  Cipher,
  Clock,
  ContentSecurity,
  IdSource,
  RecruitmentRepository,
  RegionRepository,
  RoleRepository,
  StationRepository,
} from '../ports';
import { decodeCursor, encodeCursor } from '../shared/cursor';
import { distanceMeters } from '../shared/geo';
import { AppError, staleConflict } from '../shared/errors';
import { maskIdNumber, maskPhone } from '../shared/mask';
import { toShanghai } from '../shared/time';
import type { z } from '../shared/zod';
import type * as api from './api';
import { checkIdNumber } from './idcard';
import {
  APPLICATION_STATUS_LABELS,
  applicationTotal,
  assertPostTransition,
  BACKGROUND_LABELS,
  checkRubric,
  draftPost,
  EDUCATION_LABELS,
  POST_STATUS_LABELS,
  PURGED_STATUSES,
  rank,
  selectionChange,
  trainingGaps,
  type Application,
  type Post,
  type PostCommand,
} from './model';

type In<S extends z.ZodMiniType> = z.infer<S>;

export interface RecruitmentDeps {
  recruitment: RecruitmentRepository;
  stations: Pick<StationRepository, 'get'>;
  regions: RegionRepository;
  roles: RoleRepository;
  audit: AuditRepository;
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
/** Scheduler job: purge personal data of unsuccessful, withdrawn and stopped applications after retention. */
export async function purgeExpiredApplications(deps: { recruitment: RecruitmentRepository; clock: Clock }, retentionDays = DEFAULT_RETENTION_DAYS): Promise<{ purged: number }> {
  const now = deps.clock.now();
  const before = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  return { purged: await deps.recruitment.purgePersonalData(PURGED_STATUSES, before, now.toISOString()) };
}

export const GENDER_LABELS = { male: '男', female: '女' } as const;

/** Whose scope a post is in: its station, operator and regions. */
export const postTarget = (p: Post): Target => ({ regionCodes: p.regionCodes, stationId: p.stationId ?? undefined, operatorName: p.operatorName ?? undefined });

const postNotFound = () => new AppError('NOT_FOUND', '没有找到这个岗位', { id: '岗位不存在' });
const applicationNotFound = () => new AppError('NOT_FOUND', '没有找到这份报名', { id: '报名不存在' });
/** Drafts are not public yet: refused on one, an outsider gets the answer of a missing post. */
export const ifDraft = (p: Post) => (p.status === 'draft' ? postNotFound : undefined);
/** Applications are seen by the post's reviewers only: to anyone else a refusal reads as a miss. */
const unlessReviewer = (actor: Actor, p: Post) => (authorize(actor, 'recruitment.score', postTarget(p)).allowed ? undefined : applicationNotFound);

/** Posts and applications by id, NOT_FOUND when missing. */
export function recruitmentRecords(recruitment: Pick<RecruitmentRepository, 'getPost' | 'getApplication'>, access: Pick<Access, 'permit'>) {
  async function loadPost(id: string): Promise<Post> {
    const p = await recruitment.getPost(id);
    if (!p) throw postNotFound();
    return p;
  }
  return {
    loadPost,
    /** The post an official moves on: in their scope (a denial audited), open to `cmd`, at the version they saw. */
    async postToMove(actor: Actor, permission: Permission, id: string, version: number, cmd: PostCommand): Promise<Post> {
      const p = await loadPost(id);
      await access.permit(actor, permission, postTarget(p), `post:${p.id}`, ifDraft(p));
      assertPostTransition(p, cmd);
      if (p.version !== version) throw staleConflict('岗位');
      return p;
    },
    async loadApplication(id: string): Promise<Application> {
      const a = await recruitment.getApplication(id);
      if (!a) throw applicationNotFound();
      return a;
    },
  };
}

export function createRecruitmentService(deps: RecruitmentDeps) {
  const { recruitment, stations, regions, content, cipher, ids, clock } = deps;
  const access = createAccess(deps);
  const today = () => toShanghai(clock.now()).date;

  const actorOf = (openid: string | null) => access.actorOf(openid);

  const { permit } = access;
  const { loadPost, loadApplication, postToMove } = recruitmentRecords(recruitment, access);

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

  /** Public results after selection: names and scores, no contact data. */
  async function results(p: Post) {
    if (p.status !== 'notice' && p.status !== 'appointed') return null;
    const all = await recruitment.listApplications({ postId: p.id, offset: 0, limit: 200 });
    const ranked = rank(all.items.filter((a) => a.status !== 'withdrawn').map((a) => ({ name: a.name, total: applicationTotal(p.rubric, a.scores), createdAt: a.createdAt, status: a.status })));
    return ranked.map((r) => ({ rank: r.rank, name: r.name, total: r.total, selected: r.status === 'selected' || r.status === 'appointed' }));
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
      const post = draftPost(
        {
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
        },
        actor.openid,
        at,
      );
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
        await access.record({ actorOpenid: actor.openid, action: 'recruitment.manage', outcome: 'denied', resource: 'posts', detail: 'role' });
        throw new AppError('FORBIDDEN', '只有主管部门可以管理招募岗位');
      }
      const scope = `managed:${actor.openid}`;
      const offset = decodeCursor(input.cursor, scope);
      const lim = input.limit ?? 20;
      const page = await recruitment.listPosts({ regionCodes, offset, limit: lim });
      return { items: page.items.map(publicPost), nextCursor: page.hasMore ? encodeCursor(offset + lim, scope) : null };
    },

    async transitionPost(openid: string | null, input: In<typeof api.postActionInput>, cmd: 'open' | 'close' | 'cancel') {
      const p = await postToMove(await actorOf(openid), 'recruitment.manage', input.id, input.version, cmd);
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
      await access.record({ actorOpenid: actor.openid, action: 'recruitment.reveal', outcome: 'done', resource: `application:${a.id}`, detail: `${input.field}: ${input.reason}` });
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
      const p = await postToMove(await actorOf(openid), 'recruitment.manage', input.postId, input.version, 'select');
      const chosen = await loadApplication(input.applicationId);
      // A reserve candidate may be chosen too: after an upheld objection the post is back in review (备用库).
      if (chosen.postId !== p.id || (chosen.status !== 'submitted' && chosen.status !== 'reserve') || !chosen.scores.length) throw new AppError('CONFLICT', '只能选择已评分、仍在评审中或备用库中的报名');
      const at = clock.now().toISOString();
      const live = await recruitment.listApplications({ postId: p.id, statuses: ['submitted', 'reserve', 'selected'], offset: 0, limit: 500 });
      const change = selectionChange(p, chosen.id, live.items, at);
      for (const a of change.applications) await recruitment.updateApplication(a.next, a.expectedVersion);
      await recruitment.updatePost(change.post.next, change.post.expectedVersion);
      return publicPost(change.post.next);
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

    /**
     * Heads' training (第九条3): officials see their region's heads, operator staff the heads of
     * their operator's stations. Heads are the appointed applicants and the current head bindings.
     */
    async training(openid: string | null, input: In<typeof api.trainingInput>) {
      const actor = await actorOf(openid);
      const bindings = listBindings(actor, 'training.record');
      const regionsOf = bindings.flatMap((b) => (b.scope.kind === 'region' ? [b.scope.regionCode] : []));
      const operatorsOf = bindings.flatMap((b) => (b.scope.kind === 'operator' ? [b.scope.operatorName] : []));
      if (!regionsOf.length && !operatorsOf.length) {
        await access.record({ actorOpenid: actor.openid, action: 'training.record', outcome: 'denied', resource: 'training', detail: 'role' });
        throw new AppError('FORBIDDEN', '只有主管部门和运营单位可以查看培训情况');
      }
      const scope = input.regionCode ?? regionsOf[0] ?? null;
      if (input.regionCode && !regionsOf.some((r) => input.regionCode?.startsWith(r))) throw new AppError('FORBIDDEN', '这不在您的管辖范围内');
      const year = Number(today().slice(0, 4));
      const heads = new Map<string, { stationId: string; openid: string; name: string }>();
      for (const a of (await recruitment.listApplications({ statuses: ['appointed'], offset: 0, limit: 500 })).items) {
        const p = await recruitment.getPost(a.postId);
        if (p?.stationId) heads.set(`${p.stationId} ${a.applicantOpenid}`, { stationId: p.stationId, openid: a.applicantOpenid, name: a.name });
      }
      for (let offset = 0; ; offset += 200) {
        const page = await deps.roles.list({ offset, limit: 200 });
        for (const b of page.items) {
          if (b.role !== 'station_head' || b.scope.kind !== 'station' || b.revokedAt || b.invite) continue;
          const key = `${b.scope.stationId} ${b.openid}`;
          if (!heads.has(key)) heads.set(key, { stationId: b.scope.stationId, openid: b.openid, name: b.holderName ?? '' });
        }
        if (!page.hasMore) break;
      }
      const rows = [];
      for (const h of heads.values()) {
        const s = await stations.get(h.stationId);
        if (!s) continue;
        const inScope = scope ? s.regionPath.some((r) => r.code === scope) : operatorsOf.includes(s.operator.name);
        if (!inScope) continue;
        const records = await recruitment.listTraining({ stationIds: [s.id], headOpenid: h.openid });
        rows.push({ stationId: s.id, stationName: s.name, headName: h.name || s.contact.personName || '站点负责人', ...trainingGaps(records, year), records: records.map((r) => ({ kind: r.kind, title: r.title, date: r.date, days: r.days })) });
      }
      return { year, heads: rows, behind: rows.filter((r) => r.behind.length).length };
    },

    /** For officials' screens: whether the caller manages recruitment anywhere. */
    isManager(actor: Actor): boolean {
      return actor.bindings.some((b) => !b.revokedAt && (OFFICIAL_ROLES.includes(b.role) || b.role === 'operator_staff'));
    },
  };
}

export type RecruitmentService = ReturnType<typeof createRecruitmentService>;
