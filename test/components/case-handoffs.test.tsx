/** The assignee's 签收 / 退单 on a case (issue 11 §2): a confirm before each, the right call, nothing on cancel. */
import { act, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import CaseActions from '@/packages/official/components/CaseActions';
import ComplaintCard from '@/packages/official/components/ComplaintCard';
import { complaintsAdmin, type ComplaintCaseView } from '@/services/complaints-admin';
import ComplaintDetailView from '@/components/complaint/ComplaintDetailView';
import Deadlines from '@/components/complaint/Deadlines';
import { enter, openPanel, press, submitWith } from './act-helpers';
import { complaintListItem, officialCaseView } from './fixtures';
import { resetTaro } from './taro-mock';

jest.mock('@/services/complaints-admin', () => ({
  complaintsAdmin: {
    queue: jest.fn(),
    receive: jest.fn(),
    decline: jest.fn(),
    reply: jest.fn(),
    note: jest.fn(),
    requestExtension: jest.fn(),
    approveExtension: jest.fn(),
    refuseExtension: jest.fn(),
    supervise: jest.fn(),
    answerSupervision: jest.fn(),
    transfer: jest.fn(),
  },
}));
const api = complaintsAdmin as unknown as Record<string, jest.Mock>;
const modal = Taro.showModal as unknown as jest.Mock;

/** The case assigned to the demo head's station, awaiting its 签收. */
function caseView(over: Partial<ComplaintCaseView> = {}): ComplaintCaseView {
  return officialCaseView({
    category: 'parcel',
    categoryLabel: '快递丢失/损坏',
    description: '快递丢了',
    status: 'assigned',
    statusLabel: '已转办',
    replyDueOn: '2025-06-13',
    phoneMasked: null,
    dueAt: '2025-06-13T16:00:00Z',
    assignee: { kind: 'station', stationId: 'st-360731100-000' },
    assigneeLabel: '站点：江西电商扶贫工程贡江镇服务站',
    complainant: '匿名',
    allowedActions: ['reply', 'receive', 'decline'],
    assignedAt: '2025-06-04T02:00:00Z',
    receivedAt: null,
    awaitingReceipt: true,
    returns: [],
    ...over,
  });
}

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
  await press(container, 'btn-receive');
  expect(api.receive).not.toHaveBeenCalled();
  await press(container, 'btn-receive');
  expect(modal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '确认签收' }));
  expect(api.receive).toHaveBeenCalledWith({ id: 'cmp000001', version: 3 });
  expect(onChanged).toHaveBeenCalledWith(expect.objectContaining({ awaitingReceipt: false }), expect.stringContaining('已签收'));
});

test('退单 needs a reason, then a confirm, then sends it', async () => {
  api.decline.mockResolvedValue(caseView({ status: 'accepted', assignee: null, allowedActions: [] }));
  const { container } = render(<CaseActions c={caseView()} onChanged={jest.fn()} onConflict={jest.fn()} />);
  await openPanel(container, 'btn-decline');
  await press(container, 'btn-submit-decline');
  expect(container.querySelector('#action-hint')!.textContent).toContain('请填写退单理由');
  expect(modal).not.toHaveBeenCalled();
  await submitWith(container, 'decline-reason', '快递由运营单位负责', 'btn-submit-decline');
  expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认退单' }));
  expect(api.decline).toHaveBeenCalledWith({ id: 'cmp000001', version: 3, reason: '快递由运营单位负责' });
});

test('the queue card flags an unconfirmed assignment and a hand-back', () => {
  const item = complaintListItem({ status: 'assigned', statusLabel: '已转办', awaitingReceipt: true });
  const { container, rerender } = render(<ComplaintCard item={item} onOpen={jest.fn()} />);
  expect(container.textContent).toContain('待签收');
  rerender(<ComplaintCard item={{ ...item, status: 'accepted', statusLabel: '已受理', awaitingReceipt: false, returned: true }} onOpen={jest.fn()} />);
  expect(container.textContent).not.toContain('待签收');
  expect(container.textContent).toContain('已退单');
});

test('申请延期: a day and a reason are needed; they go with id and version', async () => {
  api.requestExtension.mockResolvedValue(caseView());
  const { container } = render(<CaseActions c={caseView({ allowedActions: ['reply', 'requestExtension'] })} onChanged={jest.fn()} onConflict={jest.fn()} />);
  await openPanel(container, 'btn-request-extension');
  expect(container.querySelector('#panel-request-extension')!.textContent).toContain('6月13日');
  await press(container, 'btn-submit-request-extension');
  expect(container.querySelector('#action-hint')!.textContent).toContain('请选择延期到哪一天');
  const picker = container.querySelector('#request-extension-date')!.closest('taro-picker-core')!;
  await act(async () => {
    picker.dispatchEvent(new CustomEvent('change', { detail: { value: '2025-06-20' } }));
  });
  expect(container.querySelector('#request-extension-date')!.textContent).toContain('2025-06-20');
  await submitWith(container, 'request-extension-reason', '需要快递公司出具证明', 'btn-submit-request-extension');
  expect(api.requestExtension).toHaveBeenCalledWith({ id: 'cmp000001', version: 3, dueOn: '2025-06-20', reason: '需要快递公司出具证明' });
});

test('同意延期 says the new date and asks first; 不同意 needs a reason', async () => {
  const pending = { dueOn: '2025-06-20', workdays: 5, reason: '需要证明', at: '2025-06-05T02:00:00Z', decision: null };
  api.approveExtension.mockResolvedValue(caseView());
  api.refuseExtension.mockResolvedValue(caseView());
  const c = caseView({ allowedActions: ['approveExtension', 'refuseExtension'], extensionRequest: pending });
  const { container } = render(<CaseActions c={c} onChanged={jest.fn()} onConflict={jest.fn()} />);
  modal.mockImplementationOnce(() => Promise.resolve({ confirm: false, cancel: true }));
  await press(container, 'btn-approve-extension');
  expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '同意延期', content: expect.stringContaining('6月20日') }));
  expect(api.approveExtension).not.toHaveBeenCalled();
  await press(container, 'btn-approve-extension');
  expect(api.approveExtension).toHaveBeenCalledWith({ id: 'cmp000001', version: 3 });
  await openPanel(container, 'btn-refuse-extension');
  await press(container, 'btn-submit-refuse-extension');
  expect(api.refuseExtension).not.toHaveBeenCalled();
  await submitWith(container, 'refuse-extension-note', '请按期答复', 'btn-submit-refuse-extension');
  expect(api.refuseExtension).toHaveBeenCalledWith({ id: 'cmp000001', version: 3, note: '请按期答复' });
});

test('the complainant reads the extended date in plain words', () => {
  const view = { ...caseView({ status: 'assigned', replyDueOn: '2025-06-20' }), replyExtended: true };
  const { container } = render(<Deadlines view={view} />);
  expect(container.textContent).toContain('答复期限已延长，2025年6月20日前答复您。');
});

test('督办: an instruction and a day, a confirm, then id, version, instruction and day go', async () => {
  api.supervise.mockResolvedValue(caseView());
  const { container } = render(<CaseActions c={caseView({ allowedActions: ['supervise', 'note'] })} onChanged={jest.fn()} onConflict={jest.fn()} />);
  await openPanel(container, 'btn-supervise');
  await press(container, 'btn-submit-supervise');
  expect(container.querySelector('#action-hint')!.textContent).toContain('请填写督办要求');
  await enter(container, 'supervise-instruction', '请三日内核实');
  await act(async () => {
    container.querySelector('#supervise-date')!.closest('taro-picker-core')!.dispatchEvent(new CustomEvent('change', { detail: { value: '2025-06-10' } }));
  });
  modal.mockImplementationOnce(() => Promise.resolve({ confirm: false, cancel: true }));
  await press(container, 'btn-submit-supervise');
  expect(api.supervise).not.toHaveBeenCalled();
  await press(container, 'btn-submit-supervise');
  expect(modal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '发出督办', content: expect.stringContaining('6月10日') }));
  expect(api.supervise).toHaveBeenCalledWith({ id: 'cmp000001', version: 3, instruction: '请三日内核实', dueOn: '2025-06-10' });
});

test('答复督办 shows what was asked and sends the answer', async () => {
  api.answerSupervision.mockResolvedValue(caseView());
  const supervisions = [{ at: '2025-06-05T02:00:00Z', level: 1 as const, levelLabel: '市级督办', instruction: '请三日内核实', dueOn: '2025-06-10', answer: null, overdue: false }];
  const { container } = render(<CaseActions c={caseView({ allowedActions: ['answerSupervision'], supervisions })} onChanged={jest.fn()} onConflict={jest.fn()} />);
  await openPanel(container, 'btn-answer-supervision');
  expect(container.querySelector('#panel-answer-supervision')!.textContent).toContain('市级督办：请三日内核实');
  await submitWith(container, 'supervision-answer', '已约谈站长', 'btn-submit-answer-supervision');
  expect(api.answerSupervision).toHaveBeenCalledWith({ id: 'cmp000001', version: 3, answer: '已约谈站长' });
});

test('转其他部门: a department (its name when 其他), a reference, a note, a confirm; then they go', async () => {
  api.transfer.mockResolvedValue(caseView({ status: 'transferred' }));
  const { container } = render(<CaseActions c={caseView({ status: 'accepted', allowedActions: ['assign', 'transfer', 'note'] })} onChanged={jest.fn()} onConflict={jest.fn()} />);
  await openPanel(container, 'btn-transfer');
  expect(container.querySelectorAll('[id^=transfer-department-]')).toHaveLength(7);
  await openPanel(container, 'transfer-department-other');
  await act(async () => {
    container.querySelector('#transfer-reference')!.dispatchEvent(new CustomEvent('input', { detail: { value: 'JT-7' } }));
    container.querySelector('#transfer-note')!.dispatchEvent(new CustomEvent('input', { detail: { value: '道路问题' } }));
  });
  await press(container, 'btn-submit-transfer');
  expect(container.querySelector('#action-hint')!.textContent).toContain('请填写部门名称');
  await submitWith(container, 'transfer-department-name', '县交通运输局', 'btn-submit-transfer');
  expect(modal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '转其他部门', content: expect.stringContaining('县交通运输局') }));
  expect(api.transfer).toHaveBeenCalledWith({ id: 'cmp000001', version: 3, department: 'other', departmentName: '县交通运输局', reference: 'JT-7', note: '道路问题' });
});

test('the complainant sees where the case went and its number there', () => {
  const view = { ...caseView({ status: 'transferred', statusLabel: '已转其他部门' }), transfer: { departmentName: '邮政管理部门', reference: 'YZ-1', note: '快递丢失由邮政管理部门依法处理', at: '2025-06-05T02:00:00Z' } };
  const { container } = render(<ComplaintDetailView view={view} onChange={jest.fn()} onReload={jest.fn()} />);
  expect(container.querySelector('#complaint-transfer')!.textContent).toContain('已转交邮政管理部门办理');
  expect(container.querySelector('#complaint-transfer')!.textContent).toContain('对方编号：YZ-1');
  expect(container.querySelector('#complaint-status')!.textContent).toContain('已转其他部门');
});

test('无法解决: chosen as the outcome, its reason is required and sent with the reply', async () => {
  api.reply.mockResolvedValue(caseView({ status: 'replied' }));
  const { container } = render(<CaseActions c={caseView({ status: 'accepted', allowedActions: ['reply'] })} onChanged={jest.fn()} onConflict={jest.fn()} />);
  await openPanel(container, 'btn-reply');
  expect(container.querySelector('#reply-unresolvable-reason')).toBeNull();
  await openPanel(container, 'reply-outcome-unresolvable');
  await submitWith(container, 'reply-text', '已向投诉人当面说明情况。', 'btn-submit-reply');
  expect(api.reply).not.toHaveBeenCalled();
  expect(container.querySelector('#action-hint')!.textContent).toContain('无法解决的原因');
  await submitWith(container, 'reply-unresolvable-reason', '站点已注销', 'btn-submit-reply');
  expect(api.reply).toHaveBeenCalledWith({ id: 'cmp000001', version: 3, text: '已向投诉人当面说明情况。', unresolvable: true, unresolvableReason: '站点已注销' });
});

test('the complainant reads 无法解决 and its reason above the reply', () => {
  const view = caseView({ status: 'replied', reply: { text: '已说明情况', at: '2025-06-05T02:00:00Z', unresolvable: { reason: '站点已注销' } } });
  const { container } = render(<ComplaintDetailView view={view} onChange={jest.fn()} onReload={jest.fn()} />);
  expect(container.querySelector('#complaint-unresolvable')!.textContent).toBe('无法解决：站点已注销');
});
