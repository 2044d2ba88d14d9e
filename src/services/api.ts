/**
 * The app's typed data client. Pages call these functions and never the transport.
 * Types only from the server side: `StationsApi` (what the `stations` function takes and answers)
 * and the view types of core/station/api.ts; values from zod-free modules.
 */
import type { StationsApi } from '../../cloudfunctions/stations/handler';
import { client, type Input, type Output } from './transport';

export { ApiError, isApiError, toApiError } from './transport';
export type { RegionItem, StationDetail, StationPage, StationSummary } from '@core/station/api';

type In<K extends keyof StationsApi> = Input<StationsApi, K>;
type Out<K extends keyof StationsApi> = Output<StationsApi, K>;

const call = client<StationsApi>('stations');
const regionCache = new Map<string, Promise<Out<'regions'>>>();

export const stations = {
  nearby: (input: In<'nearby'>) => call('nearby', input),
  search: (input: In<'search'>) => call('search', input),
  get: (input: In<'get'>) => call('get', input),
  /** 信息有误: goes to the county's review queue. */
  report: (input: In<'report'>) => call('report', input, { write: true }),
  /** 冒名站点举报: a place that calls itself a station but is not in the register. */
  reportUnlisted: (input: In<'reportUnlisted'>) => call('reportUnlisted', input, { write: true }),
  /** Regions hardly change: answers are kept for the session (failures are not). */
  regions: (input: In<'regions'> = {}): Promise<Out<'regions'>> => {
    const key = input.parentCode ?? '';
    let hit = regionCache.get(key);
    if (!hit) {
      hit = call('regions', input.parentCode ? { parentCode: input.parentCode } : {});
      regionCache.set(key, hit);
      hit.catch(() => regionCache.delete(key));
    }
    return hit;
  },
};

