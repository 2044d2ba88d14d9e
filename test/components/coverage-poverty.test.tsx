/**
 * 覆盖情况 with poverty villages: 脱贫村 are marked in the list of villages without a point; the
 * county chooses a file, sees each row checked, and imports only a clean list after confirming.
 */
import CoveragePage from '@/packages/official/coverage/index';
import { coverage, type CoverageReport } from '@/services/coverage';
import Taro from '@tarojs/taro';
import { clickSettled, renderSettled } from './act-helpers';
import { resetTaroAnd } from './taro-mock';

jest.mock('@/services/coverage', () => ({ coverage: { counties: jest.fn(), of: jest.fn(), povertyPreview: jest.fn(), povertyImport: jest.fn() } }));
jest.mock('@/packages/official/coverage/chart', () => ({ drawCoverage: jest.fn(() => () => undefined) }));
jest.mock('@/services/register', () => ({ pickSheet: jest.fn(async () => ({ name: '脱贫村.csv', size: 100 })), uploadSheet: jest.fn(async () => 'upl-poverty-file') }));
const api = coverage as unknown as Record<string, jest.Mock>;


function report(poverty: boolean): CoverageReport {
  return {
    county: { code: '360731', name: '于都县' },
    counts: { townships: 1, townshipsCovered: 1, villages: 2, villagesCovered: 0, povertyVillages: poverty ? 1 : 0, povertyWithout: poverty ? 1 : 0, byLevel: { county: 1, township: 1, village: 0 }, planned: 0 },
    centre: { names: ['于都县电商扶贫服务运营中心'], ok: true, message: '运营中心：于都县电商扶贫服务运营中心' },
    townshipsWithout: [],
    villagesWithout: [
      { code: '360731100208', name: '新屋村', within: '贡江镇', planned: [], ...(poverty ? { poverty: true } : {}) },
      { code: '360731100201', name: '水头村', within: '贡江镇', planned: [] },
    ],
    breaches: [],
    planned: [],
    points: [],
  };
}
const preview = (errors: number) => ({ fileErrors: [], summary: { rows: 2, villages: 2 - errors, errors, warnings: 0 }, rows: errors ? [{ row: 3, code: '360732100201', name: '别县村', errors: ['不是于都县的村'], warnings: [] }] : [], moreRows: 0, written: false });

beforeEach(() => {
  resetTaroAnd(api);
  api.counties.mockResolvedValue({ items: [{ code: '360731', name: '于都县', city: '赣州市' }] });
});

test('脱贫村 are marked and counted', async () => {
  api.of.mockResolvedValue(report(true));
  const { container } = await renderSettled(<CoveragePage />);
  expect(container.querySelector('#coverage-villages-360731100208')!.textContent).toContain('新屋村脱贫村');
  expect(container.querySelector('#coverage-villages-360731100201')!.textContent).not.toContain('脱贫村');
  expect(container.querySelector('#coverage-summary')!.textContent).toContain('脱贫村没有服务点');
});

test('a file with a bad row is shown and cannot be imported; a clean one is, after confirming', async () => {
  api.of.mockResolvedValueOnce(report(false)).mockResolvedValue(report(true));
  api.povertyPreview.mockResolvedValueOnce(preview(1)).mockResolvedValueOnce(preview(0));
  api.povertyImport.mockResolvedValue({ ...preview(0), written: true });
  const { container } = await renderSettled(<CoveragePage />);
  await clickSettled(container, 'btn-poverty-choose');
  expect(api.povertyPreview).toHaveBeenCalledWith({ fileId: 'upl-poverty-file', countyCode: '360731' });
  expect(container.querySelector('#poverty-row-3')!.textContent).toContain('不是于都县的村');
  expect(container.querySelector('#btn-poverty-import')).toBeNull();
  await clickSettled(container, 'btn-poverty-choose');
  await clickSettled(container, 'btn-poverty-import');
  expect(Taro.showModal).toHaveBeenCalled();
  expect(api.povertyImport).toHaveBeenCalledWith({ fileId: 'upl-poverty-file', countyCode: '360731' });
  expect(container.querySelector('#poverty-report')!.textContent).toContain('已导入 2 个脱贫村');
  expect(container.querySelector('#coverage-villages-360731100208')!.textContent).toContain('脱贫村');
});
