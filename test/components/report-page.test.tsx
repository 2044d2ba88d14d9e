/**
 * 报表与报送 (issue 12 §5): the phone shows compact figures and each topic's 合计 from the export's
 * tables; the desk draws the charts and the full tables; the county submits after confirming; the
 * city returns a county's report with a reason and forwards; the province sees who is late.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ReportPage from '@/packages/official/report/index';
import { reports } from '@/services/reports';
import { ApiError } from '@/services/transport';
import { drawReport } from '@/packages/official/report/charts';
import { computeReportFigures, zeroCounts, type ReportFigures } from '../../core/report/figures';
import { parsePeriod } from '../../core/report/period';
import { reportSheets } from '../../core/report/sheets';
import { resetTaro } from './taro-mock';

jest.mock('@/services/reports', () => ({ reports: { options: jest.fn(), figures: jest.fn(), export: jest.fn(), status: jest.fn(), submit: jest.fn(), returnReport: jest.fn(), forward: jest.fn() } }));
jest.mock('@/services/register', () => ({ openDownload: jest.fn() }));
jest.mock('@/packages/official/report/charts', () => ({ drawReport: jest.fn(() => () => undefined) }));
const api = reports as unknown as Record<string, jest.Mock>;

const period = parsePeriod('2026Q3')!;
function figures(): ReportFigures {
  const f = computeReportFigures({
    region: { code: '360731', name: '于都县' }, period, children: [{ code: '360731100', name: '贡江镇' }, { code: '360731101', name: '罗坳镇' }],
    stations: [], counties: [], ledger: [{ key: '360731100', name: '贡江镇', kind: 'poverty_sale', sums: { entries: 2, quantity: 3, amountFen: 123_450, households: 2 } }],
    complaints: [], ratings: [], training: [], idleSignals: [], idleRules: { notOpenComplaints: 2, complaintWindowDays: 90, quietDays: 90, staleInfoDays: 180 }, rectifications: [], now: new Date('2026-12-04T02:00:00Z'),
  });
  return { ...f, total: { ...f.total, townships: 2, townshipsCovered: 1, networkStations: 4 } };
}
const answer = () => {
  const f = figures();
  return { figures: f, tables: reportSheets(f), deadline: '2026-10-21' };
};
const county = (over: Record<string, unknown> = {}) => ({ code: '360731', name: '于都县', city: '赣州市', state: null, stateLabel: '未报送', submittedAt: null, late: false, comment: null, version: null, ...over });
const status = (counties: ReturnType<typeof county>[], cities: unknown[] = []) => ({ period: '2026Q3', periodLabel: period.label, deadline: '2026-10-21', counties, late: counties.filter((c) => c.late), cities });
const options = (over: Record<string, unknown> = {}) => ({ regions: [{ code: '360731', name: '于都县' }], periods: [{ key: '2026Q3', label: '2026 年第 3 季度' }, { key: '2026', label: '2026 年' }], defaultPeriod: '2026Q3', canSubmit: true, canReview: false, ...over });

const flush = () => act(async () => undefined);

beforeEach(() => {
  resetTaro();
  jest.clearAllMocks();
  api.figures.mockResolvedValue(answer());
});
afterEach(() => {
  delete (window as { matchMedia?: unknown }).matchMedia;
});

test('phone: compact figures and each topic’s 合计; the county submits after confirming', async () => {
  api.options.mockResolvedValue(options());
  api.status.mockResolvedValueOnce(status([county()])).mockResolvedValue(status([county({ state: 'submitted', stateLabel: '已报送，待市级审核', submittedAt: '2026-12-04T02:00:00Z', version: 1 })]));
  api.submit.mockResolvedValue({});
  const { container } = render(<ReportPage />);
  await flush();
  expect(api.figures).toHaveBeenCalledWith({ regionCode: '360731', period: '2026Q3' });
  expect(container.querySelector('#report-tile-coverage')!.textContent).toBe('1/2乡镇有服务站');
  expect(container.querySelector('#report-tile-ledger')!.textContent).toBe('1,234.5台账金额（元）');
  const ledger = container.querySelector('#report-topic-台账')!;
  expect(ledger.textContent).toContain('金额（元）1234.5');
  expect(container.querySelector('#report-charts')).toBeNull();
  expect(drawReport).not.toHaveBeenCalled();
  expect(container.querySelector('#report-mine')!.textContent).toContain('于都县本期报告：未报送');
  fireEvent.click(container.querySelector('#btn-report-submit')!);
  await flush();
  expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '报送本期报告' }));
  expect(api.submit).toHaveBeenCalledWith({ period: '2026Q3' });
  await flush();
  expect(container.querySelector('#report-mine')!.textContent).toContain('已报送，待市级审核');
  expect(container.querySelector('#btn-report-submit')).toBeNull();
  // Another period reloads the figures.
  fireEvent.click(container.querySelector('#report-period-2026')!);
  await flush();
  expect(api.figures).toHaveBeenLastCalledWith({ regionCode: '360731', period: '2026' });
});

test('desk: the charts are drawn and the full tables shown', async () => {
  (window as { matchMedia?: unknown }).matchMedia = () => ({ matches: true, addEventListener: () => undefined, removeEventListener: () => undefined });
  api.options.mockResolvedValue(options());
  api.status.mockResolvedValue(status([county()]));
  const { container } = render(<ReportPage />);
  await flush();
  await waitFor(() => expect(drawReport).toHaveBeenCalledWith(answer().figures));
  expect(container.querySelectorAll('.sp-report-chart')).toHaveLength(4);
  const table = container.querySelector('[id="report-table-台账"]')!;
  const rows = Array.from(table.querySelectorAll('.sp-report-table__row')).map((r) => Array.from(r.children).map((c) => c.textContent));
  expect(rows).toEqual(reportSheets(answer().figures).find((s) => s.name === '台账')!.rows.map((r) => r.map(String)));
  expect(container.querySelector('[id="report-table-指标说明"]')).not.toBeNull();
});

test('city: returns a county with a reason, then forwards; late counties are marked', async () => {
  api.options.mockResolvedValue(options({ regions: [{ code: '3607', name: '赣州市' }], canSubmit: false, canReview: true }));
  const submitted = county({ state: 'submitted', stateLabel: '已报送，待市级审核', submittedAt: '2026-12-04T02:00:00Z', version: 3, late: true });
  api.status.mockResolvedValue(status([submitted, county({ code: '360781', name: '瑞金市', late: true })]));
  api.returnReport.mockRejectedValueOnce(new ApiError('VALIDATION_ERROR', '请写明退回原因', { reason: '请写明退回原因' })).mockResolvedValue({});
  api.forward.mockResolvedValue({});
  const { container } = render(<ReportPage />);
  await flush();
  expect(container.querySelector('#report-counties')!.textContent).toContain('1/2 个县已报送；逾期 2 个');
  expect(container.querySelector('#report-county-360731')!.className).toContain('sp-item--alert');
  expect(container.querySelector('#report-missing')!.textContent).toBe('未报送（1 个，已逾期）赣州市：瑞金市');
  fireEvent.click(container.querySelector('#btn-report-open-return-360731')!);
  fireEvent.click(container.querySelector('#btn-report-return-360731')!);
  await flush();
  expect(container.textContent).toContain('请写明退回原因');
  act(() => {
    container.querySelector('#report-reason-360731')!.dispatchEvent(new CustomEvent('input', { detail: { value: '台账请核对' } }));
  });
  await flush();
  fireEvent.click(container.querySelector('#btn-report-return-360731')!);
  await flush();
  expect(api.returnReport).toHaveBeenLastCalledWith({ period: '2026Q3', countyCode: '360731', version: 3, reason: '台账请核对' });
  fireEvent.click(container.querySelector('#btn-report-forward')!);
  await flush();
  expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '汇总报省' }));
  expect(api.forward).toHaveBeenCalledWith({ period: '2026Q3' });
});

test('an export downloads the workbook', async () => {
  const { openDownload } = jest.requireMock('@/services/register') as { openDownload: jest.Mock };
  api.options.mockResolvedValue(options());
  api.status.mockResolvedValue(status([county()]));
  api.export.mockResolvedValue({ url: '/x.xlsx', name: '于都县-2026Q3-报表.xlsx' });
  const { container } = render(<ReportPage />);
  await flush();
  fireEvent.click(container.querySelector('#btn-report-export')!);
  await flush();
  expect(api.export).toHaveBeenCalledWith({ regionCode: '360731', period: '2026Q3' });
  expect(openDownload).toHaveBeenCalledWith({ url: '/x.xlsx', name: '于都县-2026Q3-报表.xlsx' });
  expect(zeroCounts().complaints).toBe(0);
});
