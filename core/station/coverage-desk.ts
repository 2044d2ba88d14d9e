/**
 * The coverage view of a county for officials (issue 12 §4): loads the county's townships,
 * villages and stations and asks core/station/coverage.ts. County officials see their county;
 * city and province officials choose one of the counties below them.
 */
import { createAccess, type AccessDeps } from '../authz/access';
import { listBindings, officialRegions } from '../authz/policy';
import type { RegionRepository, StationRepository } from '../ports';
import { AppError } from '../shared/errors';
import { z } from '../shared/zod';
import { coverageOf, type CoverageReport } from './coverage';
import type { Region, Station } from './model';

export const coverageInput = z.strictObject({
  /** A county (6 digits); absent: the caller's own county. */
  countyCode: z.optional(z.string().check(z.regex(/^36\d{4}$/, '请选择一个县（市、区）'))),
});
export const coverageCountiesInput = z.strictObject({});

export interface CoverageDeskDeps extends AccessDeps {
  stations: Pick<StationRepository, 'list'>;
  regions: Pick<RegionRepository, 'children' | 'get'>;
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

  /** The counties under a region code (a county's own code answers itself). */
  async function countiesUnder(code: string): Promise<Region[]> {
    if (code.length >= 6) {
      const r = await deps.regions.get(code.slice(0, 6));
      return r ? [r] : [];
    }
    const out: Region[] = [];
    for (const child of await deps.regions.children(code)) out.push(...(await countiesUnder(child.code)));
    return out;
  }

  return {
    /** Counties the caller may look at, by name. */
    async counties(openid: string | null): Promise<{ items: { code: string; name: string; city: string }[] }> {
      const mine = await regionsOf(openid);
      const items: { code: string; name: string; city: string }[] = [];
      for (const code of mine) {
        for (const c of await countiesUnder(code)) {
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
      return coverageOf({ county, townships, villages, stations });
    },
  };
}
