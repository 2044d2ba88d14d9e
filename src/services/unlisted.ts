/** 冒名站点举报 for officials (the `upkeep` function's actions, 第十一条7). Typed by `UpkeepApi`. */
import type { UpkeepApi } from '../../cloudfunctions/upkeep/handler';
import { client, type Input, type Output } from './transport';

const call = client<UpkeepApi>('upkeep');

export type UnlistedItem = Output<UpkeepApi, 'unlistedReports'>['items'][number];

export const unlisted = {
  list: (input: Input<UpkeepApi, 'unlistedReports'>) => call('unlistedReports', input),
  handle: (input: Input<UpkeepApi, 'handleUnlisted'>) => call('handleUnlisted', input, { write: true }),
};
