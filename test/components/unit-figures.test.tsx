/** 承办单位考核 (issue 11 §4): the table shows core's figures and definitions; the export downloads. */
import { fireEvent, render } from '@testing-library/react';
import UnitFigures, { FiguresTable, periodOf } from '@/packages/official/components/UnitFigures';
import { complaintsAdmin, type UnitFiguresView } from '@/services/complaints-admin';
import { openDownload } from '@/services/register';
import { ApiError } from '@/services/transport';
import { computeFigures, FIGURE_DEFINITIONS } from '../../core/complaint/figures';
import type { Complaint } from '../../core/complaint/model';
import { press } from './act-helpers';
import { resetTaro } from './taro-mock';

jest.mock('@/services/complaints-admin', () => ({ complaintsAdmin: { unitFigures: jest.fn(), unitFiguresExport: jest.fn() } }));
jest.mock('@/services/register', () => ({ openDownload: jest.fn() }));
const api = complaintsAdmin as unknown as Record<string, jest.Mock>;

const base = {
  stationId: 'st-1', stationName: '贡江镇服务站', regionCodes: ['36', '3607', '360731'], category: 'parcel', status: 'closed',
  submittedAt: '2026-09-10T02:00:00.000Z', acceptDueOn: '2026-09-12', acceptedAt: '2026-09-11T02:00:00.000Z',
  reply: { text: '已处理', at: '2026-09-12T02:00:00.000Z', byRole: 'operator_staff' }, extension: null,
} as unknown as Complaint;
function view(): UnitFiguresView {
  const period = { from: '2026-09-01', to: '2026-09-30' };
  const r = computeFigures(
    [
      { ...base, assignee: { kind: 'operator', operatorName: '红都农品' }, replyOnTime: true, evaluation: 'satisfied' },
      { ...base, category: 'attitude', assignee: { kind: 'operator', operatorName: '红都农品' }, replyOnTime: false, evaluation: 'unsatisfied' },
      { ...base, assignee: null, reply: null, replyOnTime: null, evaluation: null, status: 'accepted', returns: [{ at: base.submittedAt, reason: 'x', assignee: { kind: 'station', stationId: 'st-1' } }] },
    ],
    period,
  );
  return { ...r, regionCode: null, from: period.from, until: period.to, definitions: FIGURE_DEFINITIONS };
}
const cells = (row: Element) => Array.from(row.children).map((c) => c.textContent);

beforeEach(() => {
  resetTaro();
  jest.clearAllMocks();
});

describe('FiguresTable', () => {
  it('one row per unit with core labels, rates as percentages or 不计算, and a 合计 row', () => {
    const { container } = render(<FiguresTable view={view()} by='unit' />);
    const rows = Array.from(container.querySelectorAll('.uf-row'));
    expect(cells(rows[0])).toEqual(['承办单位', '投诉件数', '已受理', '按期受理', '按期受理率', '已答复', '按期答复', '按期答复率', '已评价', '满意', '满意率', '退单', '延期']);
    const op = rows.find((r) => r.textContent!.startsWith('运营商：红都农品'))!;
    expect(cells(op)).toEqual(['运营商：红都农品', '2', '2', '2', '100.0%', '2', '1', '50.0%', '2', '1', '50.0%', '0', '0']);
    const station = rows.find((r) => r.textContent!.startsWith('站点：'))!;
    expect(cells(station)).toEqual(['站点：贡江镇服务站', '0', '0', '0', '不计算', '0', '0', '不计算', '0', '0', '不计算', '1', '0']);
    expect(cells(rows.at(-1)!).slice(0, 2)).toEqual(['合计', '3']);
  });

  it('by category: one row per category in the fixed order', () => {
    const { container } = render(<FiguresTable view={view()} by='category' />);
    const names = Array.from(container.querySelectorAll('.uf-row')).map((r) => r.children[0].textContent);
    expect(names).toEqual(['投诉类型', '服务态度', '快递丢失/损坏', '合计']);
  });
});

describe('UnitFigures', () => {
  it('loads the last N days, shows the definitions, switches views and exports', async () => {
    api.unitFigures.mockResolvedValue(view());
    api.unitFiguresExport.mockResolvedValue({ url: 'http://x/f.xlsx', name: 'f.xlsx', count: 3 });
    const { container, findByText } = render(<UnitFigures days={30} />);
    expect(container.querySelector('#figures-loading')).not.toBeNull();
    await findByText('运营商：红都农品');
    expect(api.unitFigures).toHaveBeenCalledWith(periodOf(30));
    expect(container.querySelector('#figures-definitions')!.textContent).toContain('满意率：满意 ÷ 已评价');
    fireEvent.click(container.querySelector('#figures-by-category')!);
    expect(container.querySelector('#figures-table-category')).not.toBeNull();
    await press(container, 'btn-figures-export');
    expect(api.unitFiguresExport).toHaveBeenCalledWith(periodOf(30));
    expect(openDownload).toHaveBeenCalledWith({ url: 'http://x/f.xlsx', name: 'f.xlsx', count: 3 });
  });

  it('says so when the period has no complaints, and shows a refusal plainly', async () => {
    const empty = { ...view(), byUnit: [], byCategory: [], totals: computeFigures([], { from: '2026-09-01', to: '2026-09-30' }).totals };
    api.unitFigures.mockResolvedValueOnce(empty);
    const a = render(<UnitFigures days={30} />);
    expect((await a.findByText('这段时间没有投诉')).textContent).toBe('这段时间没有投诉');
    a.unmount();
    api.unitFigures.mockRejectedValueOnce(new ApiError('FORBIDDEN', '只有县、市、省主管部门可以查看承办单位考核数据'));
    const b = render(<UnitFigures days={30} />);
    await b.findByText('只有县、市、省主管部门可以查看承办单位考核数据');
  });

  it('periodOf counts both ends in Shanghai days', () => {
    expect(periodOf(30, new Date('2026-09-30T17:00:00.000Z'))).toEqual({ from: '2026-09-02', until: '2026-10-01' });
  });
});
