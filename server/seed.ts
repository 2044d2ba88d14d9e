/** First-start demo data for local mode: real Jiangxi divisions and three demo counties. */
import { toShanghai } from '../core/shared/time';
import { demoStations } from '../seed/demo';
import { loadRegions } from '../seed/regions';
import type { LocalStores } from './functions';

export async function seedIfEmpty(stores: LocalStores, now: Date = new Date()): Promise<{ seeded: boolean; stations: number }> {
  const existing = await stores.stations.count();
  if (existing > 0) return { seeded: false, stations: existing };
  await stores.regions.upsertMany(loadRegions());
  const stations = demoStations(toShanghai(now).date);
  await stores.stations.upsertMany(stations);
  return { seeded: true, stations: stations.length };
}
