/**
 * Heads (第九条3–4): training sessions heads sign in to with a code, each head's own training
 * record and assessment, the officials' assessment list, the county's rewards and replacements
 * (from the reserve pool, or a new post; the old head's role ends). Each head is weighed with the
 * weights in force in their station's county (region settings, core/assessment/weights.ts).
 * Every write is authorised and audited; a head only ever sees their own station.
 */
import { bootstrapAdmins } from '../account/service';
import { createAccess } from '../authz/access';
import { listBindings } from '../authz/policy';
import type { Actor } from '../authz/roles';
import type { Complaint } from '../complaint/model';
import type { VisitRepository } from '../inspection/model';
import type { LedgerRepository } from '../ledger/store';
import type { AuditRepository, Cipher, Clock, CodeImages, ComplaintRepository, IdSource, RatingRepository, RecruitmentRepository, RoleRepository, StationRepository } from '../ports';
import { applicationTotal, draftPost, trainingGaps } from '../recruitment/model';
import { SETTING_LEVEL_LABELS, type SettingsRepository } from '../settings/model';
import { AppError } from '../shared/errors';
import { addDays, fromShanghai, toShanghai } from '../shared/time';
import type { z } from '../shared/zod';
import type { Station } from '../station/model';
import type * as api from './api';
import { assess, decisionId, DECISION_LABELS, GRADE_LABELS, parsePeriod, quarterKeyOf, rewardProblem, type AssessmentDecision, type AssessmentFacts, type AssessmentResult, type Period } from './model';
import type { HeadsRepository } from './store';
import { sameWeights, weightsAt, type AssessmentWeights } from './weights';
import { codeHashInput, normalizeCode, SESSION_CODE_LENGTH, SESSION_CODE_MINUTES, SESSION_CODE_PATTERN, signInProblem, type TrainingSession } from './training';

type In<S extends z.ZodMiniType> = z.infer<S>;

export interface HeadsDeps {
  heads: HeadsRepository;
  /** Region settings: the weights in force per county. */
  settings: Pick<SettingsRepository, 'all'>;
  recruitment: RecruitmentRepository;
  stations: Pick<StationRepository, 'get'>;
  ledger: Pick<LedgerRepository, 'list'>;
  visits: Pick<VisitRepository, 'list'>;
  complaints: Pick<ComplaintRepository, 'list'>;
  ratings: Pick<RatingRepository, 'listPublished'>;
  roles: RoleRepository;
  audit: AuditRepository;
  cipher: Cipher;
  ids: IdSource;
  clock: Clock;
  /** The session's code as a scannable image (mini-program code in the cloud, QR locally); none: the code only. */
  codes?: CodeImages;
}

/** The head's page a session code opens (scene `t=<code>`). */
export const SIGN_IN_PAGE = 'packages/official/heads/mine/index';

/** Most heads one list assesses (a county has a few hundred stations at most). */
const MAX_HEADS = 500;
const SCAN = 200;

interface Head {
  openid: string;
  name: string;
  station: Station;
}

export function createHeadsService(deps: HeadsDeps) {
  const { heads, recruitment, stations, ledger, visits, complaints, ratings, roles, cipher, ids, clock } = deps;
  const access = createAccess(deps);
  const { actorOf, permit, record } = access;
  const today = () => toShanghai(clock.now()).date;
  const regionCodesOf = (s: Station) => s.regionPath.map((r) => r.code);
  const targetOf = (s: Station) => ({ regionCodes: regionCodesOf(s), stationId: s.id, operatorName: s.operator.name });

  /** The usual period: the quarter just ended (this quarter's results are still coming in). */
  const defaultPeriod = () => quarterKeyOf(addDays(parsePeriod(quarterKeyOf(today())).from, -1));

  /** The weights of the station's county (province value, overridden by city, then county). */
  const countyOf = (s: Station) => regionCodesOf(s).find((c) => c.length === 6) ?? regionCodesOf(s)[regionCodesOf(s).length - 1] ?? '36';
  async function weightsOf(s: Station): Promise<AssessmentWeights> {
    return weightsAt(await deps.settings.all(), countyOf(s)).weights;
  }

  /** Active station_head bindings, all of them (few: one per station). */
  async function headBindings() {
    const out = [];
    for (let offset = 0; ; offset += SCAN) {
      const page = await roles.list({ offset, limit: SCAN });
      out.push(...page.items.filter((b) => b.role === 'station_head' && b.scope.kind === 'station' && !b.revokedAt && !b.invite));
      if (!page.hasMore) break;
    }
    return out;
  }

  async function headOf(b: { openid: string; holderName?: string }, s: Station): Promise<Head> {
    return { openid: b.openid, name: b.holderName ?? s.contact.personName ?? '站点负责人', station: s };
  }

  /** The caller's own station as its head; FORBIDDEN for anyone else. */
  async function ownHead(actor: Actor): Promise<Head> {
    const b = actor.bindings.find((x) => x.role === 'station_head' && x.scope.kind === 'station' && !x.revokedAt);
    const s = b && b.scope.kind === 'station' ? await stations.get(b.scope.stationId) : null;
    if (!b || !s) {
      await record({ actorOpenid: actor.openid, action: 'heads.own', outcome: 'denied', resource: 'heads', detail: 'role' });
      throw new AppError('FORBIDDEN', '只有站点负责人可以查看');
    }
    return headOf(b, s);
  }

  async function factsOf(h: Head, p: Period): Promise<AssessmentFacts> {
    const s = h.station;
    const since = fromShanghai(p.from, 0).toISOString();
    const ledgerRows = await ledger.list({ stationIds: [s.id], monthFrom: p.from.slice(0, 7), monthTo: p.to.slice(0, 7), order: 'oldest', offset: 0, limit: 1000 });
    const visitRows = await visits.list({ stationIds: [s.id], kinds: ['inspection'], from: p.from, to: p.to, order: 'oldest', offset: 0, limit: 500 });
    const cases: Complaint[] = [];
    for (let offset = 0; ; offset += SCAN) {
      const page = await complaints.list({ stationIds: [s.id], since, order: 'newest', offset, limit: SCAN });
      cases.push(...page.items);
      if (!page.hasMore || cases.length >= 5000) break;
    }
    const rated = [];
    for (let offset = 0; ; offset += SCAN) {
      const page = await ratings.listPublished(s.id, offset, SCAN);
      rated.push(...page.items);
      const oldest = page.items[page.items.length - 1];
      if (!page.hasMore || !oldest || oldest.createdAt < since) break;
    }
    const training = await recruitment.listTraining({ stationIds: [s.id], headOpenid: h.openid });
    return { certifiedOn: s.certification?.certifiedOn ?? null, ledger: ledgerRows.items, visits: visitRows.items, complaints: cases, ratings: rated, training };
  }

  async function resultOf(h: Head, p: Period, weights: AssessmentWeights): Promise<AssessmentResult> {
    return assess(await factsOf(h, p), weights, p, today());
  }

  const resultView = (r: AssessmentResult) => ({ ...r, gradeLabel: r.grade ? GRADE_LABELS[r.grade] : null });
  const decisionView = (d: AssessmentDecision) => ({ id: d.id, kind: d.kind, label: DECISION_LABELS[d.kind], note: d.note, total: d.total, decidedAt: d.decidedAt, headName: d.headName, replacement: d.replacement });

  /** A station the county official acts on: theirs, with a head. */
  async function stationToDecide(actor: Actor, stationId: string): Promise<{ station: Station; head: Head }> {
    const s = await stations.get(stationId);
    const missing = () => new AppError('NOT_FOUND', '没有找到这个站点', { stationId: '站点不存在' });
    if (!s) throw missing();
    await permit(actor, 'assessment.decide', targetOf(s), `station:${s.id}`);
    const b = (await headBindings()).find((x) => x.scope.kind === 'station' && x.scope.stationId === s.id);
    if (!b) throw new AppError('CONFLICT', '这个站点现在没有负责人');
    return { station: s, head: await headOf(b, s) };
  }

  async function revokeHead(stationId: string, headOpenid: string, by: string, why: string): Promise<number> {
    let n = 0;
    for (const b of await headBindings()) {
      if (b.scope.kind !== 'station' || b.scope.stationId !== stationId || b.openid !== headOpenid) continue;
      if (!(await roles.revoke(b.id, by, clock.now().toISOString()))) continue;
      await record({ actorOpenid: by, action: 'role.revoke', outcome: 'done', resource: `binding:${b.id}`, detail: `station_head station ${stationId}: ${why}` });
      n++;
    }
    return n;
  }

  /** Reserve candidates of posts in the station's county (备用库), best first. */
  async function reserveOf(s: Station) {
    const county = regionCodesOf(s).find((c) => c.length === 6) ?? regionCodesOf(s)[regionCodesOf(s).length - 1];
    const posts = (await recruitment.listPosts({ regionCodes: [county], offset: 0, limit: 200 })).items;
    const out = [];
    for (const p of posts) {
      const apps = await recruitment.listApplications({ postId: p.id, statuses: ['reserve'], offset: 0, limit: 100 });
      for (const a of apps.items) out.push({ applicationId: a.id, name: a.name, villageName: a.villageName, postTitle: p.title, total: applicationTotal(p.rubric, a.scores), version: a.version });
    }
    return out.sort((a, b) => (b.total ?? 0) - (a.total ?? 0) || a.name.localeCompare(b.name, 'zh'));
  }

  return {
    // ——— the head ———
    async myTraining(openid: string | null) {
      const actor = await actorOf(openid);
      const h = await ownHead(actor);
      const year = Number(today().slice(0, 4));
      const records = await recruitment.listTraining({ stationIds: [h.station.id], headOpenid: h.openid });
      return { stationName: h.station.name, year, ...trainingGaps(records, year), records: records.map((r) => ({ kind: r.kind, title: r.title, date: r.date, days: r.days })) };
    },

    async signIn(openid: string | null, input: In<typeof api.signInInput>) {
      const actor = await actorOf(openid);
      const h = await ownHead(actor);
      const code = normalizeCode(input.code);
      const wrong = () => new AppError('NOT_FOUND', '签到码不对，请核对后再输入', { code: '签到码不对' });
      if (!SESSION_CODE_PATTERN.test(code)) throw wrong();
      const now = clock.now().toISOString();
      const s = await heads.sessionByCode(cipher.keyedHash(codeHashInput(code)), now);
      if (!s) throw wrong();
      const problem = signInProblem(s, now, h.station.operator.name);
      if (problem) throw problem;
      const records = await recruitment.listTraining({ stationIds: [h.station.id], headOpenid: h.openid });
      if (!records.some((r) => r.sessionId === s.id)) {
        await recruitment.insertTraining({ id: ids.id(), stationId: h.station.id, headOpenid: h.openid, headName: h.name, kind: s.kind, title: s.title, date: s.date, days: s.days, recordedBy: actor.openid, recordedAt: now, sessionId: s.id });
        await record({ actorOpenid: actor.openid, action: 'training.signIn', outcome: 'done', resource: `training-session:${s.id}`, detail: `station ${h.station.id}` });
      }
      return { title: s.title, date: s.date, days: s.days, kind: s.kind };
    },

    async mine(openid: string | null, input: In<typeof api.mineInput>) {
      const actor = await actorOf(openid);
      const h = await ownHead(actor);
      const p = parsePeriod(input.period ?? defaultPeriod());
      const result = await resultOf(h, p, await weightsOf(h.station));
      const decided = (await heads.listDecisions({ period: p.key, regionCodes: regionCodesOf(h.station).slice(-1) })).filter((d) => d.stationId === h.station.id && d.headOpenid === h.openid);
      return { stationName: h.station.name, headName: h.name, periodLabel: p.label, ...resultView(result), decisions: decided.map(decisionView) };
    },

    // ——— operators ———
    async openSession(openid: string | null, input: In<typeof api.openSessionInput>) {
      const actor = await actorOf(openid);
      const b = listBindings(actor, 'training.session').find((x) => x.scope.kind === 'operator');
      if (!b || b.scope.kind !== 'operator') {
        await record({ actorOpenid: actor.openid, action: 'training.session', outcome: 'denied', resource: 'training-sessions', detail: 'role' });
        throw new AppError('FORBIDDEN', '只有运营单位可以组织培训签到');
      }
      const now = clock.now();
      let code = '';
      for (let i = 0; i < 5 && !code; i++) {
        const c = ids.code(SESSION_CODE_LENGTH);
        if (!(await heads.sessionByCode(cipher.keyedHash(codeHashInput(c)), now.toISOString()))) code = c;
      }
      if (!code) throw new AppError('UNAVAILABLE', '暂时无法生成签到码，请稍后再试');
      const s: TrainingSession = {
        id: ids.id(),
        codeHash: cipher.keyedHash(codeHashInput(code)),
        codeCipher: cipher.encrypt(code),
        operatorName: b.scope.operatorName,
        kind: input.kind,
        title: input.title,
        date: input.date,
        days: input.days,
        createdBy: actor.openid,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + SESSION_CODE_MINUTES * 60_000).toISOString(),
      };
      await heads.insertSession(s);
      await record({ actorOpenid: actor.openid, action: 'training.session', outcome: 'done', resource: `training-session:${s.id}`, detail: `${s.kind} ${s.date}` });
      // The image is a convenience: without it the head types the code.
      const image = deps.codes ? await deps.codes.stationCode(`t=${code}`, SIGN_IN_PAGE).catch(() => null) : null;
      return { id: s.id, code, title: s.title, date: s.date, days: s.days, kind: s.kind, expiresAt: s.expiresAt, image };
    },

    async sessions(openid: string | null) {
      const actor = await actorOf(openid);
      const b = listBindings(actor, 'training.session').find((x) => x.scope.kind === 'operator');
      if (!b || b.scope.kind !== 'operator') throw new AppError('FORBIDDEN', '只有运营单位可以组织培训签到');
      const now = clock.now().toISOString();
      const list = await heads.listSessions({ operatorName: b.scope.operatorName, limit: 20 });
      return {
        items: list.map((s) => ({ id: s.id, title: s.title, date: s.date, days: s.days, kind: s.kind, expiresAt: s.expiresAt, live: s.expiresAt > now, code: s.expiresAt > now && s.codeCipher ? cipher.decrypt(s.codeCipher) : null })),
      };
    },

    // ——— officials ———
    async list(openid: string | null, input: In<typeof api.listInput>) {
      const actor = await actorOf(openid);
      const regions = listBindings(actor, 'assessment.read').flatMap((b) => (b.scope.kind === 'region' ? [b.scope.regionCode] : []));
      if (!regions.length) {
        await record({ actorOpenid: actor.openid, action: 'assessment.read', outcome: 'denied', resource: 'assessments', detail: 'role' });
        throw new AppError('FORBIDDEN', '只有主管部门可以查看考核');
      }
      const scope = input.regionCode ?? regions[0];
      if (!regions.some((r) => scope.startsWith(r))) {
        await record({ actorOpenid: actor.openid, action: 'assessment.read', outcome: 'denied', resource: `region:${scope}`, detail: 'out-of-scope' });
        throw new AppError('FORBIDDEN', '这不在您的管辖范围内');
      }
      const p = parsePeriod(input.period ?? defaultPeriod());
      const all = await deps.settings.all();
      const here = weightsAt(all, scope);
      let weightsVary = false;
      const decided = await heads.listDecisions({ period: p.key, regionCodes: [scope] });
      const rows = [];
      for (const b of await headBindings()) {
        if (b.scope.kind !== 'station' || rows.length >= MAX_HEADS) continue;
        const s = await stations.get(b.scope.stationId);
        if (!s || !regionCodesOf(s).includes(scope)) continue;
        const h = await headOf(b, s);
        const w = weightsAt(all, countyOf(s)).weights;
        if (!sameWeights(w, here.weights)) weightsVary = true;
        const r = await resultOf(h, p, w);
        rows.push({ stationId: s.id, stationName: s.name, headName: h.name, ...resultView(r), decisions: decided.filter((d) => d.stationId === s.id).map(decisionView) });
      }
      rows.sort((a, b) => Number(a.exempt) - Number(b.exempt) || (b.total ?? 0) - (a.total ?? 0) || a.stationName.localeCompare(b.stationName, 'zh'));
      // Replaced heads of the period stay listed with the decision (their role has ended).
      const listed = new Set(rows.map((r) => r.stationId));
      const replaced = decided.filter((d) => d.kind === 'replace' && !listed.has(d.stationId)).map((d) => ({ stationId: d.stationId, stationName: d.stationName, headName: d.headName, decisions: [decisionView(d)] }));
      // The weights in force at the scope (a county: exactly what its heads are weighed with); weightsVary:
      // some county inside a city or the province sets its own.
      const weightsSource = here.source === 'default' ? '默认' : `${SETTING_LEVEL_LABELS[here.source]}定`;
      return { period: p.key, periodLabel: p.label, regionCode: scope, weights: here.weights, weightsSource, weightsVary, canDecide: listBindings(actor, 'assessment.decide').some((b) => b.scope.kind === 'region' && scope.startsWith(b.scope.regionCode)), heads: rows, replaced };
    },

    async reward(openid: string | null, input: In<typeof api.rewardInput>) {
      const actor = await actorOf(openid);
      const { station, head } = await stationToDecide(actor, input.stationId);
      const p = parsePeriod(input.period);
      const r = await resultOf(head, p, await weightsOf(station));
      const problem = rewardProblem(r);
      if (problem) throw new AppError('CONFLICT', problem);
      const d: AssessmentDecision = { id: decisionId(station.id, p.key, 'reward'), stationId: station.id, stationName: station.name, regionCodes: regionCodesOf(station), period: p.key, kind: 'reward', headOpenid: head.openid, headName: head.name, total: r.total, note: input.note, replacement: null, decidedBy: actor.openid, decidedAt: clock.now().toISOString() };
      await heads.insertDecision(d);
      await record({ actorOpenid: actor.openid, action: 'assessment.reward', outcome: 'done', resource: `station:${station.id}`, detail: `${p.key} ${r.total}` });
      return decisionView(d);
    },

    async reserve(openid: string | null, input: In<typeof api.reserveInput>) {
      const actor = await actorOf(openid);
      const { station } = await stationToDecide(actor, input.stationId);
      return { items: await reserveOf(station) };
    },

    /**
     * Replace the head (第九条4): appoint a reserve candidate of the county (备用库) or open a draft
     * post for the station; either way the old head's role ends now (audited).
     */
    async replace(openid: string | null, input: In<typeof api.replaceInput>) {
      const actor = await actorOf(openid);
      const { station, head } = await stationToDecide(actor, input.stationId);
      const p = parsePeriod(input.period);
      const r = await resultOf(head, p, await weightsOf(station));
      const at = clock.now().toISOString();
      const id = decisionId(station.id, p.key, 'replace');
      if (await heads.getDecision(id)) throw new AppError('CONFLICT', '这个考核期已经更换过负责人');
      let replacement: AssessmentDecision['replacement'];
      if (input.applicationId) {
        const a = await recruitment.getApplication(input.applicationId);
        const pool = await reserveOf(station);
        if (!a || a.status !== 'reserve' || !pool.some((x) => x.applicationId === a.id)) throw new AppError('CONFLICT', '这位候选人不在本县备用库中', { applicationId: '不在备用库' });
        if (a.applicantOpenid === head.openid) throw new AppError('CONFLICT', '不能任用现在的负责人', { applicationId: '是现任负责人' });
        replacement = { mode: 'reserve', applicationId: a.id, name: a.name };
      } else {
        const post = draftPost(
          {
            id: ids.id(),
            title: `${station.name}负责人`,
            stationId: station.id,
            stationName: station.name,
            operatorName: station.operator.name,
            villageCode: null,
            villageName: null,
            regionCodes: regionCodesOf(station),
            requirements: ['热心公益，遵纪守法，在当地有一定威望', '具备一定的电商知识和技能'],
            rubric: [
              { criterion: '电商技能', weight: 40 },
              { criterion: '农产品经验', weight: 30 },
              { criterion: '群众基础', weight: 30 },
            ],
            opensOn: today(),
            closesOn: addDays(today(), 14),
            qualifyingScore: 60,
          },
          actor.openid,
          at,
        );
        await recruitment.insertPost(post);
        replacement = { mode: 'post', postId: post.id };
      }
      const d: AssessmentDecision = { id, stationId: station.id, stationName: station.name, regionCodes: regionCodesOf(station), period: p.key, kind: 'replace', headOpenid: head.openid, headName: head.name, total: r.total, note: input.note, replacement, decidedBy: actor.openid, decidedAt: at };
      await heads.insertDecision(d);
      await record({ actorOpenid: actor.openid, action: 'assessment.replace', outcome: 'done', resource: `station:${station.id}`, detail: `${p.key} ${replacement.mode}` });
      await revokeHead(station.id, head.openid, actor.openid, `replaced after assessment ${p.key}`);
      if (replacement.mode === 'reserve') {
        const a = await recruitment.getApplication(replacement.applicationId);
        if (a) await recruitment.updateApplication({ ...a, status: 'appointed', updatedAt: at, version: a.version + 1 }, a.version);
        await bootstrapAdmins(deps, [{ openid: a?.applicantOpenid ?? '', role: 'station_head', scope: { kind: 'station', stationId: station.id }, name: replacement.name }], `assessment:${id}`);
      }
      return decisionView(d);
    },
  };
}

export type HeadsService = ReturnType<typeof createHeadsService>;
