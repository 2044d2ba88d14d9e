/** Walking the region tree through the region port (shared by the report and coverage desks). */
import type { RegionRepository } from '../ports';
import type { Region } from './model';

/** The counties under a region code (a county's own code, or anything below it, answers its county). */
export async function countiesUnder(regions: Pick<RegionRepository, 'children' | 'get'>, code: string): Promise<Region[]> {
  if (code.length >= 6) {
    const r = await regions.get(code.slice(0, 6));
    return r ? [r] : [];
  }
  const out: Region[] = [];
  for (const child of await regions.children(code)) out.push(...(await countiesUnder(regions, child.code)));
  return out;
}
