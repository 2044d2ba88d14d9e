/** Poverty villages (issue 12 §4): the county's file checked row by row; coverage lists them first, marked. */
import { coverageOf } from '../../core/station/coverage';
import { planPovertyImport } from '../../core/station/poverty';
import type { Region } from '../../core/station/model';
import { R, REGIONS } from './station-fixtures';

const county = REGIONS.find((r) => r.code === '360731')!;
const townships = REGIONS.filter((r) => r.parentCode === '360731');
const villages = REGIONS.filter((r) => townships.some((t) => t.code === r.parentCode));
const byCode = new Map<string, Region>(villages.map((v) => [v.code, v]));
const by = { openid: 'o-county', at: '2026-12-01T02:00:00.000Z' };

test('coverage: poverty villages without a point come first, marked, and are counted', () => {
  const plain = coverageOf({ county, townships, villages, stations: [] });
  expect(plain.villagesWithout.map((v) => v.code)).toEqual(['360731100201', '360731101203', '360731101208']);
  const r = coverageOf({ county, townships, villages, stations: [], poverty: new Set([R.xinwu.code]) });
  expect(r.villagesWithout.map((v) => [v.name, !!v.poverty])).toEqual([
    ['新屋村', true],
    ['水头村', false],
    ['罗坳村', false],
  ]);
  expect(r.counts).toMatchObject({ povertyVillages: 1, povertyWithout: 1 });
});

test('the import reads 行政区划代码 and 村名, reports each row, keeps the region name', () => {
  const plan = planPovertyImport(
    {
      headers: ['行政区划代码', '村名'],
      rows: [
        { row: 2, cells: [360731100201, '水头村'] },
        { row: 3, cells: ['360731101208', '新屋'] },
        { row: 4, cells: ['360731100201', '水头村'] },
        { row: 5, cells: ['360732100201', '别县村'] },
        { row: 6, cells: ['36073110', 'x'] },
        { row: 7, cells: ['360731109999', '没有村'] },
        { row: 8, cells: ['', ''] },
      ],
    },
    county,
    byCode,
    by,
  );
  expect(plan.fileErrors).toEqual([]);
  expect(plan.villages.map((v) => [v.code, v.name, v.countyCode])).toEqual([
    ['360731100201', '水头村', '360731'],
    ['360731101208', '新屋村', '360731'],
  ]);
  expect(plan.rows.map((r) => [r.row, r.errors, r.warnings])).toEqual([
    [2, [], []],
    [3, [], ['村名与区划不一致，按“新屋村”记']],
    [4, ['与前面的行重复'], []],
    [5, ['不是于都县的村'], []],
    [6, ['行政区划代码应为 12 位数字'], []],
    [7, ['没有这个村'], []],
  ]);
});

test('a file without the columns, or without villages, is refused whole', () => {
  expect(planPovertyImport({ headers: ['代码x', '名字'], rows: [] }, county, byCode, by).fileErrors).toEqual(['缺少“行政区划代码”列', '缺少“村名”列']);
  expect(planPovertyImport({ headers: ['行政区划代码', '村名'], rows: [] }, county, byCode, by).fileErrors).toEqual(['文件里没有村']);
});
