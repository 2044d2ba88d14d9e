/**
 * Ledger pages: the head types yuan and the record carries exact fen; a bad amount is caught before
 * sending; a returned entry shows its reason and opens in the form to correct. The operator's 退回
 * asks first and sends the reason; flags show. Officials' totals go down a level on a tap.
 */
import { fireEvent, screen } from '@testing-library/react';
import LedgerMonthPage from '@/packages/official/ledger/index';
import LedgerReviewPage from '@/packages/official/ledger/review/index';
import LedgerTotalsPage from '@/packages/official/ledger/totals/index';
import { ledger, type EntryView, type MonthView, type Totals, type TotalsView } from '@/services/ledger';
import { ApiError } from '@/services/transport';
import Taro from '@tarojs/taro';
import { resetTaroAnd } from './taro-mock';
import { clickSettled, fillIn, renderSettled, type } from './act-helpers';

jest.mock('@/services/ledger', () => ({
  ledger: { month: jest.fn(), record: jest.fn(), correct: jest.fn(), queue: jest.fn(), review: jest.fn(), totals: jest.fn() },
}));
const api = ledger as unknown as Record<string, jest.Mock>;

const zero = { entries: 0, quantity: 0, amountFen: 0, households: 0 };
function totals(saleFen = 0, households = 0): Totals {
  return {
    byKind: { poverty_sale: { entries: saleFen ? 1 : 0, quantity: 10, amountFen: saleFen, households }, proxy_purchase: zero, parcel_in: zero, parcel_out: zero, bill_payment: zero, other_service: zero },
    entries: saleFen ? 1 : 0,
    amountFen: saleFen,
    households,
  };
}

function entry(over: Partial<EntryView> = {}): EntryView {
  return { id: 'l-1', stationId: 'st-1', stationName: '贡江镇服务站', month: '2026-09', kind: 'poverty_sale', kindLabel: '扶贫产品销售', unit: '件', product: '脐橙', quantity: 100, amountFen: 50_000, households: 6, status: 'submitted', statusLabel: '待审核', createdAt: '2026-09-30T02:00:00Z', updatedAt: '2026-09-30T02:00:00Z', flags: [], ...over };
}

function month(over: Partial<MonthView> = {}): MonthView {
  return { station: { id: 'st-1', name: '贡江镇服务站' }, month: '2026-09', months: ['2026-09', '2026-08'], canRecord: true, entries: [], totals: totals(), ...over };
}

beforeEach(() => resetTaroAnd(api));

describe('the head’s month', () => {
  test('empty month: says so; typed yuan are sent as exact fen', async () => {
    api.month.mockResolvedValue(month());
    api.record.mockResolvedValue(entry());
    const { container } = await renderSettled(<LedgerMonthPage />);
    expect(container.querySelector('#ledger-empty')?.textContent).toContain('还没有记录');
    expect(container.querySelector('#ledger-month-label')?.textContent).toBe('2026年9月');
    // The current month is the latest: no 下个月.
    expect(container.querySelector('#ledger-month-next')).toBeNull();
    fillIn(container, { 'ledger-product': '于都脐橙', 'ledger-quantity': '120', 'ledger-amount': '3600.5', 'ledger-households': '8' });
    await clickSettled(container, 'btn-ledger-save');
    expect(api.record).toHaveBeenCalledWith({ stationId: 'st-1', month: '2026-09', kind: 'poverty_sale', product: '于都脐橙', quantity: 120, amountFen: 360_050, households: 8 });
    expect(api.month).toHaveBeenCalledTimes(2);
  });

  test('an amount that is not a number is caught before anything is sent', async () => {
    api.month.mockResolvedValue(month());
    const { container } = await renderSettled(<LedgerMonthPage />);
    fillIn(container, { 'ledger-quantity': '3', 'ledger-amount': '十元', 'ledger-households': '1' });
    await clickSettled(container, 'btn-ledger-save');
    expect(screen.getByText('金额请填数字，最多两位小数')).toBeTruthy();
    expect(api.record).not.toHaveBeenCalled();
  });

  test('a returned entry shows why; 改正 fills the form and saves as a correction', async () => {
    api.month.mockResolvedValue(month({ entries: [entry({ status: 'returned', statusLabel: '已退回', returnReason: '金额请按实际填写' })], totals: totals() }));
    api.correct.mockResolvedValue(entry());
    const { container } = await renderSettled(<LedgerMonthPage />);
    expect(container.querySelector('#ledger-returned')?.textContent).toContain('有 1 条被退回');
    expect(container.querySelector('#entry-l-1')?.textContent).toContain('金额请按实际填写');
    fireEvent.click(container.querySelector('#btn-fix-l-1') as Element);
    expect((container.querySelector('#ledger-amount') as HTMLInputElement).value).toBe('500.00');
    type(container, 'ledger-amount', '486.5');
    await clickSettled(container, 'btn-ledger-save');
    expect(api.correct).toHaveBeenCalledWith({ id: 'l-1', kind: 'poverty_sale', product: '脐橙', quantity: 100, amountFen: 48_650, households: 6 });
    expect(api.record).not.toHaveBeenCalled();
  });

  test('read-only for an operator or official: no form, no 改正', async () => {
    api.month.mockResolvedValue(month({ canRecord: false, entries: [entry({ flags: [{ code: 'round_repeat', message: '整数金额 500 元本月出现 3 次' }] })] }));
    const { container } = await renderSettled(<LedgerMonthPage />);
    expect(container.querySelector('#ledger-form')).toBeNull();
    expect(container.querySelector('#btn-fix-l-1')).toBeNull();
    expect(container.querySelector('#entry-l-1')?.textContent).toContain('整数金额 500 元本月出现 3 次');
  });

  test('上个月 asks for the month before; 下个月 comes back', async () => {
    api.month.mockResolvedValueOnce(month());
    api.month.mockResolvedValueOnce(month({ month: '2026-08', canRecord: true }));
    const { container } = await renderSettled(<LedgerMonthPage />);
    await clickSettled(container, 'ledger-month-prev');
    expect(api.month).toHaveBeenLastCalledWith({ month: '2026-08' });
    expect(container.querySelector('#ledger-month-next')).toBeTruthy();
  });

  test('a failed load offers 重试', async () => {
    api.month.mockRejectedValue(new ApiError('FORBIDDEN', '只有站点负责人可以登记台账'));
    const { container } = await renderSettled(<LedgerMonthPage />);
    expect(container.querySelector('#ledger-error')?.textContent).toContain('只有站点负责人可以登记台账');
  });
});

describe('the operator’s review', () => {
  test('退回 asks first and sends the reason; flags are shown', async () => {
    api.queue.mockResolvedValue({ items: [entry({ flags: [{ code: 'spike', message: '本月扶贫产品销售是平时的 12 倍' }] })], nextOffset: null });
    api.review.mockResolvedValue(entry({ status: 'returned' }));
    const { container } = await renderSettled(<LedgerReviewPage />);
    expect(container.querySelector('#review-l-1')?.textContent).toContain('本月扶贫产品销售是平时的 12 倍');
    fireEvent.click(container.querySelector('#btn-start-return-l-1') as Element);
    type(container, 'return-reason-l-1', '数量对不上');
    await clickSettled(container, 'btn-return-l-1');
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '退回这条台账' }));
    expect(api.review).toHaveBeenCalledWith({ id: 'l-1', decision: 'return', reason: '数量对不上' });
    expect(api.queue).toHaveBeenCalledTimes(2);
  });

  test('cancelled: nothing is sent; empty queue says so', async () => {
    api.queue.mockResolvedValueOnce({ items: [entry()], nextOffset: null });
    (Taro.showModal as jest.Mock).mockImplementation(() => Promise.resolve({ confirm: false, cancel: true }));
    const { container } = await renderSettled(<LedgerReviewPage />);
    fireEvent.click(container.querySelector('#btn-start-return-l-1') as Element);
    await clickSettled(container, 'btn-return-l-1');
    expect(api.review).not.toHaveBeenCalled();
    api.queue.mockResolvedValue({ items: [], nextOffset: null });
    await clickSettled(container, 'ledger-review-tab-accepted');
    expect(container.querySelector('#ledger-review-empty')).toBeTruthy();
  });
});

describe('officials’ totals', () => {
  test('the region and its children; a tap goes one level down', async () => {
    const view = (code: string, name: string, childLevel: TotalsView['childLevel'], children: TotalsView['children']): TotalsView => ({ region: { code, name }, from: '2026-09', to: '2026-09', thisMonth: '2026-09', childLevel, total: totals(173_456, 14), children, scopes: [{ code: '3607', name: '赣州市' }] });
    api.totals.mockResolvedValueOnce(view('3607', '赣州市', 'county', [{ key: '360731', name: '于都县', totals: totals(173_456, 14) }]));
    api.totals.mockResolvedValueOnce(view('360731', '于都县', 'township', []));
    const { container } = await renderSettled(<LedgerTotalsPage />);
    expect(container.querySelector('#ledger-totals-region')?.textContent).toBe('赣州市');
    expect(container.querySelector('#ledger-totals-sum-sale')?.textContent).toBe('1,734.56');
    expect(container.querySelector('#ledger-child-360731')?.textContent).toContain('于都县');
    await clickSettled(container, 'ledger-child-360731');
    expect(api.totals).toHaveBeenLastCalledWith({ regionCode: '360731' });
    expect(container.querySelector('#ledger-totals-empty')).toBeTruthy();
    expect(container.querySelector('#btn-ledger-up')).toBeTruthy();
    // 今年以来: January to the server's current month, one call.
    api.totals.mockResolvedValue({ ...view('360731', '于都县', 'township', []), from: '2026-01', to: '2026-09' });
    await clickSettled(container, 'ledger-span-year');
    expect(api.totals).toHaveBeenLastCalledWith({ month: '2026-01', untilMonth: '2026-09', regionCode: '360731' });
    expect(container.querySelector('#ledger-totals-span')?.textContent).toBe('2026年1月至9月');
  });
});
