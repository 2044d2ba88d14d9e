/**
 * Rating use cases: proof of visit from a signed station scene, conflicts of interest (no one
 * rates a station they manage — 刷单 is banned, 第十条4), the 30-day replacement rule, content
 * checks and burst holding, the head's one reply, officials' review and trends.
 */
import { createAccess } from '../authz/access';
import { screenText } from '../content/policy';
import { authorize, listBindings } from '../authz/policy';
import { OFFICIAL_ROLES, scopeCovers, type Actor } from '../authz/roles';
import type { AuditRepository, Clock, CodeImages, ContentSecurity, IdSource, RatingRepository, RoleRepository, Signer, StationRepository } from '../ports';
import { decodeCursor, encodeCursor } from '../shared/cursor';
import { AppError } from '../shared/errors';
import type { z } from '../shared/zod';
import type { Station } from '../station/model';
import { LISTED_STATUSES } from '../station/vocabulary';
import type * as api from './api';
import { replyChange, reviewChange, submitInput } from './change';
import { HOLD_LABELS, RATING_STATUS_LABELS, type HoldReason, type Rating } from './model';
import { burstReasons, formatScene, NEW_ACCOUNT_HOURS, parseScene, SCENE_STATION_ID_MAX, summarize, VISIT_TOKEN_MS, WINDOW_MS } from './rules';

type In<S extends z.ZodMiniType> = z.infer<S>;

export interface RatingDeps {
  ratings: RatingRepository;
  stations: StationRepository;
  roles: RoleRepository;
  audit: AuditRepository;
  content: ContentSecurity;
  signer: Signer;
  codes: CodeImages;
  ids: IdSource;
  clock: Clock;
}

/** The page a scanned code opens (the station page reads `scene`). */
export const STATION_PAGE = 'pages/station/index';

export function createRatingService(deps: RatingDeps) {
  const { ratings, stations, roles, content, signer, codes, ids, clock } = deps;
  const access = createAccess(deps);

  const actorOf = (openid: string | null) => access.actorOf(openid, '请先登录微信后再评价');

  async function publicStation(id: string): Promise<Station> {
    const s = await stations.get(id);
    if (!s || !(LISTED_STATUSES.includes(s.status) || s.status === 'closed')) throw new AppError('NOT_FOUND', '没有找到这个站点', { stationId: '站点不存在' });
    return s;
  }

  /** Station heads of the station, its operator's staff, officials over its region. */
  function manages(actor: Actor, s: Station): boolean {
    const target = { stationId: s.id, operatorName: s.operator.name, regionCodes: s.regionPath.map((r) => r.code) };
    return actor.bindings.some((b) => !b.revokedAt && b.role !== 'resident' && scopeCovers(b.scope, target));
  }

  function view(r: Rating, opts: { official?: boolean; viewer?: string } = {}): api.RatingView {
    return {
      id: r.id,
      stationId: r.stationId,
      stationName: r.stationName,
      scores: r.scores,
      comment: r.status === 'published' || opts.official || r.raterOpenid === opts.viewer ? r.comment : '',
      visitVerified: r.visitVerified,
      status: r.status,
      statusLabel: RATING_STATUS_LABELS[r.status],
      createdAt: r.createdAt,
      reply: r.reply,
      ...(opts.official ? { holdReasons: r.holdReasons.map((code) => ({ code, label: HOLD_LABELS[code] })), version: r.version } : {}),
      ...(opts.viewer && r.raterOpenid === opts.viewer ? { mine: true } : {}),
    };
  }

  function visitPayload(stationId: string, openid: string, exp: number) {
    return `${stationId}|${openid}|${exp}`;
  }

  function checkVisitToken(token: string, stationId: string, openid: string, now: Date): boolean {
    const m = /^(\d{10,14})\.([0-9a-z])([A-Za-z0-9_-]{20,64})$/.exec(token);
    if (!m) return false;
    const exp = Number(m[1]);
    if (exp < now.getTime()) return false;
    return signer.verify('visit', visitPayload(stationId, openid, exp), m[2], m[3]);
  }

  async function officialRegions(actor: Actor, permissionLabel: string): Promise<string[]> {
    const regions = actor.bindings.filter((b) => !b.revokedAt && OFFICIAL_ROLES.includes(b.role) && b.scope.kind === 'region').map((b) => (b.scope as { regionCode: string }).regionCode);
    if (!regions.length) {
      await access.record({ actorOpenid: actor.openid, action: permissionLabel, outcome: 'denied', resource: 'ratings', detail: 'role' });
      throw new AppError('FORBIDDEN', '只有主管部门可以审核评价');
    }
    return regions;
  }

  return {
    /** Scanning the station's code: verify the signed scene, hand out a short-lived visit token. */
    async visit(openid: string | null, input: In<typeof api.visitInput>) {
      const actor = await actorOf(openid);
      const parsed = parseScene(input.scene);
      const bad = () => new AppError('VALIDATION_ERROR', '这个二维码不是本站点的有效二维码，请扫描站点张贴的官方二维码', { scene: '二维码无效' });
      if (!parsed) throw bad();
      if (!signer.verify('scene', parsed.stationId, parsed.keyId, parsed.signature)) throw bad();
      const s = await publicStation(parsed.stationId);
      const exp = clock.now().getTime() + VISIT_TOKEN_MS;
      const sig = signer.sign('visit', visitPayload(s.id, actor.openid, exp));
      return { stationId: s.id, stationName: s.name, visitToken: `${exp}.${sig.keyId}${sig.signature}`, expiresAt: new Date(exp).toISOString() };
    },

    async submit(openid: string | null, input: In<typeof api.submitInput>, requestId: string | undefined): Promise<api.SubmitResult> {
      const actor = await actorOf(openid);
      if (!requestId) throw new AppError('VALIDATION_ERROR', '缺少请求编号，请刷新后重试', { requestId: '必填' });
      const s = await publicStation(input.stationId);
      if (s.status === 'closed') throw new AppError('CONFLICT', '该站点已关停，不能评价', { stationId: '站点已关停' });
      if (manages(actor, s)) {
        await access.record({ actorOpenid: actor.openid, action: 'rating.submit', outcome: 'denied', resource: `station:${s.id}`, detail: 'conflict-of-interest' });
        throw new AppError('FORBIDDEN', '您负责管理或监管这个站点，不能给它评价（防止刷单）');
      }
      const now = clock.now();
      if (input.visitToken && !checkVisitToken(input.visitToken, s.id, actor.openid, now)) {
        throw new AppError('VALIDATION_ERROR', '到店凭证已过期或无效，请重新扫描站点二维码', { visitToken: '凭证无效' });
      }
      const holdReasons: HoldReason[] = [];
      let comment = input.comment ?? '';
      if (comment) {
        // core/content/policy.ts: public text; held when doubtful or unchecked, numbers masked.
        const screened = await screenText(content, 'rating_comment', comment, actor.openid);
        if (screened.reason) holdReasons.push(screened.reason);
        comment = screened.text;
      }
      const at = now.toISOString();
      const firstSeen = await ratings.touchAccount(actor.openid, at);
      const dayAgo = new Date(now.getTime() - 86_400_000).toISOString();
      const monthBefore = new Date(now.getTime() - 31 * 86_400_000).toISOString();
      const newerThan = new Date(now.getTime() - NEW_ACCOUNT_HOURS * 3_600_000).toISOString();
      holdReasons.push(
        ...burstReasons({
          last24h: await ratings.countBetween(s.id, dayAgo, at),
          previous30d: await ratings.countBetween(s.id, monthBefore, dayAgo),
          newAccountsLast24h: await ratings.countByNewAccounts(s.id, dayAgo, newerThan),
          raterIsNew: firstSeen > newerThan,
        }),
      );
      const rating: Rating = {
        id: ids.id(),
        stationId: s.id,
        stationName: s.name,
        operatorName: s.operator.name,
        regionCodes: s.regionPath.map((r) => r.code),
        raterOpenid: actor.openid,
        scores: input.scores,
        comment,
        visitVerified: !!input.visitToken,
        status: holdReasons.length ? 'held' : 'published',
        holdReasons,
        createdAt: at,
        replaces: null,
        reply: null,
        version: 1,
      };
      const windowStart = new Date(now.getTime() - WINDOW_MS).toISOString();
      const result = await ratings.submit(submitInput(rating, `${actor.openid}:${requestId}`, windowStart));
      return {
        rating: view(result.rating, { viewer: actor.openid }),
        replacedMessage: result.replaced ? '您 30 天内评价过这个站点，这次的评价已替换上次的评价' : null,
        heldMessage: result.rating.status === 'held' ? '评价已提交，审核通过后公开' : null,
      };
    },

    async mine(openid: string | null, input: In<typeof api.mineInput>) {
      const actor = await actorOf(openid);
      const offset = decodeCursor(input.cursor, `mine:${actor.openid}`);
      const lim = input.limit ?? 20;
      const page = await ratings.listByRater(actor.openid, offset, lim);
      return { items: page.items.map((r) => view(r, { viewer: actor.openid })), nextCursor: page.hasMore ? encodeCursor(offset + lim, `mine:${actor.openid}`) : null };
    },

    async list(openid: string | null, input: In<typeof api.listInput>) {
      await publicStation(input.stationId);
      const offset = decodeCursor(input.cursor, `list:${input.stationId}`);
      const lim = input.limit ?? 20;
      const page = await ratings.listPublished(input.stationId, offset, lim);
      return { items: page.items.map((r) => view(r, { viewer: openid ?? undefined })), nextCursor: page.hasMore ? encodeCursor(offset + lim, `list:${input.stationId}`) : null };
    },

    async summary(openid: string | null, input: In<typeof api.summaryInput>): Promise<api.SummaryView> {
      const s = await publicStation(input.stationId);
      const summary = summarize(await ratings.aggregate(s.id));
      const canRate = openid ? !manages({ openid, bindings: await roles.activeFor(openid) }, s) && s.status !== 'closed' : undefined;
      return { stationId: s.id, ...summary, ...(canRate === undefined ? {} : { canRate }) };
    },

    async reply(openid: string | null, input: In<typeof api.replyInput>) {
      const actor = await actorOf(openid);
      const r = await ratings.get(input.id);
      if (!r || r.status !== 'published') throw new AppError('NOT_FOUND', '没有找到这条评价');
      const heads = listBindings(actor, 'complaint.readAsStation').some((b) => b.scope.kind === 'station' && b.scope.stationId === r.stationId);
      if (!heads) {
        await access.record({ actorOpenid: actor.openid, action: 'rating.reply', outcome: 'denied', resource: `rating:${r.id}`, detail: 'not-station-head' });
        throw new AppError('FORBIDDEN', '只有本站负责人可以回复评价');
      }
      // core/content/policy.ts: a public reply is published only when the checker passes it; numbers masked.
      const { text } = await screenText(content, 'rating_reply', input.text, actor.openid);
      const at = clock.now().toISOString();
      return view(await ratings.change(r.id, (current) => replyChange(current, text, at)), { viewer: actor.openid });
    },

    async held(openid: string | null, input: In<typeof api.heldInput>) {
      const actor = await actorOf(openid);
      const regions = await officialRegions(actor, 'rating.held');
      const offset = decodeCursor(input.cursor, `held:${actor.openid}`);
      const lim = input.limit ?? 20;
      const page = await ratings.listHeld(regions, offset, lim);
      return { items: page.items.map((r) => view(r, { official: true })), nextCursor: page.hasMore ? encodeCursor(offset + lim, `held:${actor.openid}`) : null };
    },

    async decide(openid: string | null, input: In<typeof api.decideInput>, status: 'published' | 'rejected') {
      const actor = await actorOf(openid);
      const r = await ratings.get(input.id);
      if (!r) throw new AppError('NOT_FOUND', '没有找到这条评价');
      const d = authorize(actor, 'complaint.review', { regionCodes: r.regionCodes, stationId: r.stationId });
      if (!d.allowed) {
        await access.record({ actorOpenid: actor.openid, action: `rating.${status}`, outcome: 'denied', resource: `rating:${r.id}`, detail: d.reason });
        // Only published ratings are public: of any other, an outsider learns no more than of a missing one.
        if (r.status !== 'published') throw new AppError('NOT_FOUND', '没有找到这条评价');
        throw new AppError('FORBIDDEN', '这条评价不在您的管辖范围内');
      }
      if (r.status !== 'held') throw new AppError('CONFLICT', '这条评价已经处理过了');
      const at = clock.now().toISOString();
      const updated = await ratings.change(r.id, (current) => reviewChange(current, input.version, status, at));
      await access.record({ actorOpenid: actor.openid, action: `rating.${status}`, outcome: 'done', resource: `rating:${r.id}`, detail: r.holdReasons.join(',') });
      return view(updated, { official: true });
    },

    async report(openid: string | null, input: In<typeof api.reportInput>) {
      const actor = await actorOf(openid);
      const s = await publicStation(input.stationId);
      await ratings.addPressureReport({ id: ids.id(), stationId: s.id, regionCodes: s.regionPath.map((r) => r.code), reporterOpenid: actor.openid, kind: input.kind, text: input.text ?? '', createdAt: clock.now().toISOString() });
      return { received: true };
    },

    async trends(openid: string | null, input: In<typeof api.trendsInput>) {
      const actor = await actorOf(openid);
      const regions = await officialRegions(actor, 'rating.trends');
      const days = input.days ?? 30;
      const now = clock.now().getTime();
      const rows = await ratings.trends(regions, new Date(now - days * 86_400_000).toISOString(), new Date(now - 2 * days * 86_400_000).toISOString());
      const reports = await ratings.listPressureReports(regions, 0, 20);
      return {
        days,
        stations: rows,
        pressureReports: reports.items.map((p) => ({ id: p.id, stationId: p.stationId, kind: p.kind, text: p.text, createdAt: p.createdAt })),
      };
    },

    /** The station's signed code: for its head, its operator and officials over it (to print). */
    async code(openid: string | null, input: In<typeof api.codeInput>) {
      const actor = await actorOf(openid);
      const s = await publicStation(input.stationId);
      if (!manages(actor, s)) throw new AppError('FORBIDDEN', '只有站点负责人和主管部门可以下载站点二维码');
      if (s.id.length > SCENE_STATION_ID_MAX) throw new AppError('CONFLICT', '站点编号过长，无法生成二维码');
      const sig = signer.sign('scene', s.id);
      const scene = formatScene(s.id, sig.keyId, sig.signature);
      return { scene, page: STATION_PAGE, image: await codes.stationCode(scene, STATION_PAGE) };
    },
  };
}
