/** 冒名站点举报 for officials (the `register` function's actions, 第十一条7). Typed by `RegisterApi`. */
import type { RegisterApi } from '../../cloudfunctions/register/handler';
import { client, type Input, type Output } from './transport';

const call = client<RegisterApi>('register');

export type UnlistedItem = Output<RegisterApi, 'unlistedReports'>['items'][number];

export const unlisted = {
  list: (input: Input<RegisterApi, 'unlistedReports'>) => call('unlistedReports', input),
  handle: (input: Input<RegisterApi, 'handleUnlisted'>) => call('handleUnlisted', input, { write: true }),
};
