/**
 * The app's typed data client. Pages call these functions and never the transport.
 * Only types come from core/station/api.ts (the module itself pulls in zod).
 */
import type {
  GetInput,
  NearbyInput,
  RegionItem,
  RegionsInput,
  SearchInput,
  StationDetail,
  StationPage,
} from '@core/station/api';
import { callFunction } from './transport';

export { ApiError, isApiError, toApiError } from './transport';
export type { RegionItem, StationDetail, StationPage, StationSummary } from '@core/station/api';

const regionCache = new Map<string, Promise<RegionItem[]>>();

export const stations = {
  nearby: (input: NearbyInput) => callFunction<StationPage>('stations', 'nearby', input),
  search: (input: SearchInput) => callFunction<StationPage>('stations', 'search', input),
  get: (input: GetInput) => callFunction<StationDetail>('stations', 'get', input),
  /** Regions hardly change: answers are kept for the session (failures are not). */
  regions: (input: RegionsInput = {}): Promise<RegionItem[]> => {
    const key = input.parentCode ?? '';
    let hit = regionCache.get(key);
    if (!hit) {
      hit = callFunction<RegionItem[]>('stations', 'regions', input.parentCode ? { parentCode: input.parentCode } : {});
      regionCache.set(key, hit);
      hit.catch(() => regionCache.delete(key));
    }
    return hit;
  },
};

/** For tests. */
export function clearRegionCache(): void {
  regionCache.clear();
}
