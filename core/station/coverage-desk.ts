/**
 * The coverage view of a county for officials (issue 12 §4): loads the county's townships,
 * villages and stations and asks core/station/coverage.ts. County officials see their county;
 * city and province officials choose one of the counties below them.
 */
import { createAccess, type AccessDeps } from '../authz/access';
import { listBindings, officialRegions } from '../authz/policy';
import type { DocumentFiles, RegionRepository, Spreadsheets, StationRepository } from '../ports';
import { planPovertyImport, type PovertyRow, type PovertyVillageRepository } from './poverty';
import { MAX_REPORTED_ROWS } from './register-api';
import { AppError } from '../shared/errors';
import { z } from '../shared/zod';
import { coverageOf, type CoverageReport } from './coverage';
import type { Region, Station } from './model';
import { countiesUnder } from './region-tree';

export const coverageInput = z.strictObject({
  /** A county (6 digits); absent: the caller's own county. */
  countyCode: z.optional(z.string().check(z.regex(/^36\d{4}$/, '请选择一个县（市、区）'))),
});
export const coverageCountiesInput = z.strictObject({});
export const povertyImportInput = z.strictObject({
  fileId: z.string().check(z.minLength(4, '请先选择文件'), z.maxLength(300, '文件编号不对')),
  /** A county (6 digits); absent: the caller's own county. */
  countyCode: z.optional(z.string().check(z.regex(/^36\d{4}$/, '请选择一个县（市、区）'))),
});

/** What a poverty-village preview or import answers: the file's problems and the rows to look at. */
export interface PovertyImportReport {
  fileErrors: string[];
  summary: { rows: number; villages: number; errors: number; warnings: number };
  /** Rows with errors or warnings, in file order (at most MAX_REPORTED_ROWS). */
  rows: PovertyRow[];
  moreRows: number;
  written: boolean;
}

export interface CoverageDeskDeps extends AccessDeps {
  stations: Pick<StationRepository, 'list'>;
  regions: Pick<RegionRepository, 'children' | 'get'>;
  /** The county's imported 脱贫村 (listed first among villages without a point). */
  poverty: PovertyVillageRepository;
  sheets: Pick<Spreadsheets, 'read'>;
  documents: Pick<DocumentFiles, 'readUpload'>;
}

export function createCoverageDesk(deps: CoverageDeskDeps) {
  const access = createAccess(deps);

  async function regionsOf(openid: string | null): Promise<string[]> {
    const actor = await access.actorOf(openid);
    const mine = listBindings(actor, 'station.register').length ? officialRegions(actor) : [];
    if (!mine.length) {
      await access.record({ actorOpenid: actor.openid, action: 'station.coverage', outcome: 'denied', resource: 'coverage', detail: 'role' });
      throw new AppError('FORBIDDEN', '只有县、市、省主管部门可以查看覆盖情况');
    }
    return mine;
  }

  return {
    /** Counties the caller may look at, by name. */
    async counties(openid: string | null): Promise<{ items: { code: string; name: string; city: string }[] }> {
      const mine = await regionsOf(openid);
      const items: { code: string; name: string; city: string }[] = [];
      for (const code of mine) {
        for (const c of await countiesUnder(deps.regions, code)) {
          const city = c.parentCode ? (await deps.regions.get(c.parentCode))?.name ?? '' : '';
          if (!items.some((i) => i.code === c.code)) items.push({ code: c.code, name: c.name, city });
        }
      }
      return { items: items.sort((a, b) => a.code.localeCompare(b.code)) };
    },

    async coverage(openid: string | null, input: z.infer<typeof coverageInput>): Promise<CoverageReport> {
      const mine = await regionsOf(openid);
      const code = input.countyCode ?? (mine.length === 1 && mine[0]!.length >= 6 ? mine[0]!.slice(0, 6) : undefined);
      if (!code) throw new AppError('VALIDATION_ERROR', '请选择一个县（市、区）', { countyCode: '请选择县' });
      if (!mine.some((m) => code.startsWith(m))) throw new AppError('FORBIDDEN', '这不在您的管辖范围内');
      const county = await deps.regions.get(code);
      if (!county) throw new AppError('NOT_FOUND', '没有这个县（市、区）', { countyCode: '没有这个县' });
      const townships = await deps.regions.children(code);
      const villages: Region[] = [];
      for (const t of townships) villages.push(...(await deps.regions.children(t.code)));
      const stations: Station[] = [];
      for (let afterCode: string | undefined; ; ) {
        const page = await deps.stations.list({ regionCode: code, afterCode, limit: 500 });
        stations.push(...page.items);
        if (!page.hasMore || !page.items.length) break;
        afterCode = page.items[page.items.length - 1]!.code;
      }
      const poverty = new Set((await deps.poverty.listCounty(code)).map((v) => v.code));
      return coverageOf({ county, townships, villages, stations, poverty });
    },

    /**
     * The county's poverty-village list from a file (行政区划代码, 村名): checked row by row; unless
     * `dryRun`, it replaces the county's list. Only the county's own officials import it.
     */
    async importPoverty(openid: string | null, input: z.infer<typeof povertyImportInput>, dryRun: boolean): Promise<PovertyImportReport> {
      const actor = await access.actorOf(openid);
      const counties = (listBindings(actor, 'station.register').length ? officialRegions(actor) : []).filter((c) => c.length === 6);
      const code = input.countyCode ?? (counties.length === 1 ? counties[0] : undefined);
      if (!code || !counties.includes(code)) {
        await access.record({ actorOpenid: actor.openid, action: 'station.poverty.import', outcome: 'denied', resource: `region:${input.countyCode ?? '-'}`, detail: 'scope' });
        throw new AppError('FORBIDDEN', '脱贫村名单由县级主管部门导入');
      }
      const county = await deps.regions.get(code);
      if (!county) throw new AppError('NOT_FOUND', '没有这个县（市、区）', { countyCode: '没有这个县' });
      const villages = new Map<string, Region>();
      for (const t of await deps.regions.children(code)) for (const v of await deps.regions.children(t.code)) villages.set(v.code, v);
      const sheet = await deps.sheets.read(await deps.documents.readUpload(input.fileId, actor.openid));
      const at = deps.clock.now().toISOString();
      const plan = planPovertyImport(sheet, county, villages, { openid: actor.openid, at });
      const flagged = plan.rows.filter((r) => r.errors.length || r.warnings.length);
      const errors = plan.rows.filter((r) => r.errors.length).length;
      // A file with row errors is not written: the county fixes it and imports the whole list again.
      const write = !dryRun && !plan.fileErrors.length && errors === 0;
      if (write) {
        await deps.poverty.replaceCounty(code, plan.villages);
        await access.record({ actorOpenid: actor.openid, action: 'station.poverty.import', outcome: 'done', resource: `region:${code}`, detail: `脱贫村 ${plan.villages.length} 个` });
      }
      return {
        fileErrors: plan.fileErrors,
        summary: { rows: plan.rows.length, villages: plan.villages.length, errors, warnings: plan.rows.filter((r) => r.warnings.length).length },
        rows: flagged.slice(0, MAX_REPORTED_ROWS),
        moreRows: Math.max(0, flagged.length - MAX_REPORTED_ROWS),
        written: write,
      };
    },
  };
}
