/** The assignee's 签收 / 退单 on a case (issue 11 §2): a confirm before each, the right call, nothing on cancel. */
import { act, fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import CaseActions from '@/packages/official/components/CaseActions';
import ComplaintCard from '@/packages/official/components/ComplaintCard';
import { complaintsAdmin, type ComplaintCaseView, type ComplaintListItem } from '@/services/complaints-admin';
import { resetTaro } from './taro-mock';

jest.mock('@/services/complaints-admin', () => ({
  complaintsAdmin: { queue: jest.fn(), receive: jest.fn(), decline: jest.fn(), reply: jest.fn(), note: jest.fn() },
}));
const api = complaintsAdmin as unknown as Record<string, jest.Mock>;
const modal = Taro.showModal as unknown as jest.Mock;

function caseView(over: Partial<ComplaintCaseView> = {}): ComplaintCaseView {
  return {
    id: 'cmp000001',
    trackingNo: 'TS250604ABCDEF',
    version: 3,
    stationId: 'st-360731100-000',
    stationName: '江西电商扶贫工程贡江镇服务站',
    category: 'parcel',
    categoryLabel: '快递丢失/损坏',
    description: '快递丢了',
    photos: [],
    status: 'assigned',
    statusLabel: '已转办',
    submittedAt: '2025-06-03T02:00:00Z',
    acceptDueOn: '2025-06-06',
    replyDueOn: '2025-06-13',
    deadlineProvisional: false,
    reply: null,
    evaluation: null,
    canWithdraw: false,
    canEvaluate: false,
    phoneMasked: null,
    shareIdentity: false,
    supporters: 0,
    timeline: [],
    regionCodes: ['36', '3607', '360731'],
    operatorName: '于都县红都农品电子商务有限公司',
    held: false,
    overdue: null,
    dueAt: '2025-06-13T16:00:00Z',
    escalationLevel: 0,
    escalationLabel: '县级',
    assignee: { kind: 'station', stationId: 'st-360731100-000' },
    assigneeLabel: '站点：江西电商扶贫工程贡江镇服务站',
    refusal: null,
    extension: null,
    mergedInto: null,
    reopenCount: 0,
    phone: null,
    complainant: '匿名',
    allowedActions: ['reply', 'receive', 'decline'],
    calendarWarning: null,
    assignedAt: '2025-06-04T02:00:00Z',
    receivedAt: null,
    awaitingReceipt: true,
    returns: [],
    ...over,
  };
}

const settle = () => act(() => new Promise<void>((r) => setTimeout(r, 30)));

beforeEach(() => {
  resetTaro();
  Object.values(api).forEach((m) => m.mockReset());
});

test('the assignee sees 签收 and 退单 next to 答复', () => {
  const { container } = render(<CaseActions c={caseView()} onChanged={jest.fn()} onConflict={jest.fn()} />);
  expect(Array.from(container.querySelectorAll('.sp-case-actions__buttons > *')).map((e) => e.id)).toEqual(['btn-receive', 'btn-reply', 'btn-decline']);
});

test('签收 asks first; cancelled, nothing is sent; confirmed, id and version go', async () => {
  api.receive.mockResolvedValue(caseView({ receivedAt: '2025-06-04T03:00:00Z', awaitingReceipt: false, allowedActions: ['reply'] }));
  const onChanged = jest.fn();
  const { container } = render(<CaseActions c={caseView()} onChanged={onChanged} onConflict={jest.fn()} />);
  modal.mockImplementationOnce(() => Promise.resolve({ confirm: false, cancel: true }));
  await act(async () => {
    fireEvent.click(container.querySelector('#btn-receive')!);
  });
  expect(api.receive).not.toHaveBeenCalled();
  await act(async () => {
    fireEvent.click(container.querySelector('#btn-receive')!);
  });
  expect(modal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '确认签收' }));
  expect(api.receive).toHaveBeenCalledWith({ id: 'cmp000001', version: 3 });
  expect(onChanged).toHaveBeenCalledWith(expect.objectContaining({ awaitingReceipt: false }), expect.stringContaining('已签收'));
});

test('退单 needs a reason, then a confirm, then sends it', async () => {
  api.decline.mockResolvedValue(caseView({ status: 'accepted', assignee: null, allowedActions: [] }));
  const { container } = render(<CaseActions c={caseView()} onChanged={jest.fn()} onConflict={jest.fn()} />);
  fireEvent.click(container.querySelector('#btn-decline')!);
  await settle();
  await act(async () => {
    fireEvent.click(container.querySelector('#btn-submit-decline')!);
  });
  expect(container.querySelector('#action-hint')!.textContent).toContain('请填写退单理由');
  expect(modal).not.toHaveBeenCalled();
  await act(async () => {
    container.querySelector('#decline-reason')!.dispatchEvent(new CustomEvent('input', { detail: { value: '快递由运营单位负责' } }));
  });
  await act(async () => {
    fireEvent.click(container.querySelector('#btn-submit-decline')!);
  });
  expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认退单' }));
  expect(api.decline).toHaveBeenCalledWith({ id: 'cmp000001', version: 3, reason: '快递由运营单位负责' });
});

test('the queue card flags an unconfirmed assignment and a hand-back', () => {
  const item: ComplaintListItem = {
    id: 'cmp000001',
    trackingNo: 'TS250604ABCDEF',
    stationName: '贡江镇服务站',
    categoryLabel: '快递丢失/损坏',
    status: 'assigned',
    statusLabel: '已转办',
    submittedAt: '2025-06-03T02:00:00Z',
    dueAt: null,
    overdue: null,
    escalationLevel: 0,
    held: false,
    deadlineProvisional: false,
    awaitingReceipt: true,
  };
  const { container, rerender } = render(<ComplaintCard item={item} onOpen={jest.fn()} />);
  expect(container.textContent).toContain('待签收');
  rerender(<ComplaintCard item={{ ...item, status: 'accepted', statusLabel: '已受理', awaitingReceipt: false, returned: true }} onOpen={jest.fn()} />);
  expect(container.textContent).not.toContain('待签收');
  expect(container.textContent).toContain('已退单');
});
