/**
 * 冒名站点举报 (第十一条7; issue 11 §2): a villager reports a place that calls itself an 电商扶贫
 * station but is not in the register — where (the county and township, and the place in words),
 * what they saw, photos, optionally the position. It lands in the county's list; an official
 * records what was done (查处 or 不属实) and closes it. Reporters stay anonymous to everyone but the
 * store; officials see the report, never who sent it.
 */
import { createAccess, type AccessDeps } from '../authz/access';
import { authorize, listBindings, officialRegions } from '../authz/policy';
import { screenText } from '../content/policy';
import type { Clock, ContentSecurity, FileStore, IdSource, RegionRepository } from '../ports';
import { AppError } from '../shared/errors';
import { latitude, longitude, text, z } from '../shared/zod';
import { toShanghai } from '../shared/time';
import { labelled } from '../shared/labelled';
import type { Page } from '../ports';

export const { pairs: UNLISTED_OUTCOMES, codes: UNLISTED_OUTCOME_CODES, labels: UNLISTED_OUTCOME_LABELS } = labelled([
  ['dealt_with', '已查处：责令摘牌、停止冒用'],
  ['listed', '经核实是登记的站点'],
  ['not_found', '未发现冒用'],
]);
export type UnlistedOutcome = (typeof UNLISTED_OUTCOME_CODES)[number];
export const MAX_UNLISTED_PHOTOS = 3;

export interface UnlistedReport {
  id: string;
  /** Region path codes from the province down to the county or township chosen. */
  regionCodes: string[];
  /** "于都县 · 贡江镇": names of the chosen region, for the list. */
  regionLabel: string;
  place: string;
  description: string;
  photos: string[];
  location: { lat: number; lng: number } | null;
  reporterOpenid: string;
  /** The content check doubted or could not check the words: officials read it anyway (they read every one). */
  held: boolean;
  status: 'open' | 'closed';
  outcome: UnlistedOutcome | null;
  note: string | null;
  handledBy: string | null;
  createdAt: string;
  closedAt: string | null;
  version: number;
}

export interface UnlistedReportRepository {
  insert(r: UnlistedReport): Promise<void>;
  get(id: string): Promise<UnlistedReport | null>;
  /** Reports whose region path holds `regionCode`, in one status, newest first (ties by id), paged by offset. */
  list(q: { regionCode: string; status: UnlistedReport['status']; offset: number; limit: number }): Promise<Page<UnlistedReport>>;
  /** Write `next` if the stored version is `expectedVersion`; false otherwise (someone else acted). */
  save(next: UnlistedReport, expectedVersion: number): Promise<boolean>;
}

const place = text(60, '地点', { min: 2, tooShort: '请写清在哪里，例如：贡江镇长征大道 18 号门面' });
export const reportUnlistedInput = z.strictObject({
  regionCode: z.string().check(z.regex(/^36\d{4}(\d{3})?$/, '请选到县（市、区）或乡镇')),
  place,
  description: text(500, '看到的情况', { min: 5, tooShort: '请至少写 5 个字，说清看到了什么' }),
  photos: z.optional(z.array(z.string().check(z.regex(/^(cloud:\/\/[A-Za-z0-9_./-]{10,200}|upl-[A-Za-z0-9_-]{10,64})$/, '图片无效，请重新上传'))).check(z.maxLength(MAX_UNLISTED_PHOTOS, `最多上传 ${MAX_UNLISTED_PHOTOS} 张照片`))),
  location: z.optional(z.strictObject({ lat: latitude, lng: longitude })),
});
export const unlistedReportsInput = z.strictObject({
  status: z.optional(z.enum(['open', 'closed'], '状态不对')),
  offset: z.optional(z.int().check(z.gte(0), z.lte(10_000))),
});
export const handleUnlistedInput = z.strictObject({
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{6,64}$/, '编号不对')),
  version: z.int().check(z.gte(1)),
  outcome: z.enum(UNLISTED_OUTCOME_CODES, '请选择处理结果'),
  note: text(300, '处理情况', { min: 4, tooShort: '请写明核查和处理的情况' }),
});

/** A villager's report (the public `stations` function): checked, its photos claimed, stored for the county. */
export async function reportUnlisted(deps: ReportDeps, openid: string | null, input: z.infer<typeof reportUnlistedInput>): Promise<{ received: true; id: string }> {
  if (!openid) throw new AppError('UNAUTHENTICATED', '请先登录微信后再举报');
  const codes = [input.regionCode.slice(0, 4), input.regionCode.slice(0, 6), ...(input.regionCode.length > 6 ? [input.regionCode] : [])];
  const regions = await Promise.all(codes.map((c) => deps.regions.get(c)));
  if (regions.some((r) => !r)) throw new AppError('VALIDATION_ERROR', '没有这个地区，请重新选择', { regionCode: '请重新选择地区' });
  const screened = await screenText(deps.content, 'station_report', `${input.place}\n${input.description}`, openid);
  const photos: string[] = [];
  for (const p of input.photos ?? []) photos.push(await deps.uploads.claim(p, openid));
  const at = deps.clock.now().toISOString();
  const report: UnlistedReport = {
    id: deps.ids.id(),
    regionCodes: ['36', ...codes],
    regionLabel: regions.slice(1).map((r) => r!.name).join(' · '),
    place: input.place,
    description: input.description,
    photos,
    location: input.location ?? null,
    reporterOpenid: openid,
    held: screened.outcome === 'hold',
    status: 'open',
    outcome: null,
    note: null,
    handledBy: null,
    createdAt: at,
    closedAt: null,
    version: 1,
  };
  await deps.unlisted.insert(report);
  return { received: true, id: report.id };
}

export interface ReportDeps {
  unlisted: Pick<UnlistedReportRepository, 'insert'>;
  regions: Pick<RegionRepository, 'get'>;
  content: ContentSecurity;
  /** Claims the reporter's uploaded photos (named apart from the directory's `files`, which shows photos). */
  uploads: Pick<FileStore, 'claim'>;
  ids: IdSource;
  clock: Clock;
}

export interface UnlistedDeps extends AccessDeps {
  unlisted: UnlistedReportRepository;
  regions: Pick<RegionRepository, 'get'>;
  files: Pick<FileStore, 'viewUrls'>;
  ids: IdSource;
}

const PAGE = 20;

export function createUnlistedReports(deps: UnlistedDeps) {
  const access = createAccess(deps);

  async function view(r: UnlistedReport) {
    return {
      id: r.id,
      version: r.version,
      regionLabel: r.regionLabel,
      place: r.place,
      description: r.description,
      photos: await deps.files.viewUrls(r.photos),
      location: r.location,
      held: r.held,
      status: r.status,
      statusLabel: r.status === 'open' ? '待核查' : '已处理',
      outcome: r.outcome,
      outcomeLabel: r.outcome ? UNLISTED_OUTCOME_LABELS[r.outcome] : null,
      note: r.note,
      reportedOn: toShanghai(new Date(r.createdAt)).date,
      closedOn: r.closedAt ? toShanghai(new Date(r.closedAt)).date : null,
    };
  }

  async function officialRegion(openid: string | null): Promise<{ openid: string; region: string }> {
    const actor = await access.actorOf(openid);
    const mine = listBindings(actor, 'station.rectify').length ? officialRegions(actor) : [];
    if (!mine.length) {
      await access.record({ actorOpenid: actor.openid, action: 'station.unlisted', outcome: 'denied', resource: 'unlisted', detail: 'role' });
      throw new AppError('FORBIDDEN', '只有县、市、省主管部门可以处理冒名站点举报');
    }
    return { openid: actor.openid, region: mine.length === 1 ? mine[0]! : '36' };
  }

  return {
    /** The officials' list in their region: open ones first by default. */
    async list(openid: string | null, input: z.infer<typeof unlistedReportsInput>) {
      const { region } = await officialRegion(openid);
      const offset = input.offset ?? 0;
      const page = await deps.unlisted.list({ regionCode: region, status: input.status ?? 'open', offset, limit: PAGE });
      return { items: await Promise.all(page.items.map(view)), nextOffset: page.hasMore ? offset + PAGE : null };
    },

    /** Close a report with what was done (audited). */
    async handle(openid: string | null, input: z.infer<typeof handleUnlistedInput>) {
      const actor = await access.actorOf(openid);
      const r = await deps.unlisted.get(input.id);
      const missing = () => new AppError('NOT_FOUND', '没有这条举报');
      if (!r || !authorize(actor, 'station.rectify', { regionCodes: r.regionCodes }).allowed) {
        await access.record({ actorOpenid: actor.openid, action: 'station.unlisted', outcome: 'denied', resource: `unlisted:${input.id}`, detail: r ? 'out-of-scope' : 'missing' });
        throw missing();
      }
      if (r.status === 'closed' || r.version !== input.version) throw new AppError('CONFLICT', '这条举报已有人处理过，请刷新后再看');
      const at = deps.clock.now().toISOString();
      const next: UnlistedReport = { ...r, status: 'closed', outcome: input.outcome, note: input.note, handledBy: actor.openid, closedAt: at, version: r.version + 1 };
      if (!(await deps.unlisted.save(next, r.version))) throw new AppError('CONFLICT', '这条举报已有人处理过，请刷新后再看');
      await access.record({ actorOpenid: actor.openid, action: 'station.unlisted', outcome: 'done', resource: `unlisted:${r.id}`, detail: input.outcome, at });
      return view(next);
    },
  };
}
