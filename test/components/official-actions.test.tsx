/** allowedActions → exactly those buttons; each action sends id + version; CONFLICT goes to the page. */
import { fireEvent, render } from '@testing-library/react';
import CaseActions from '@/packages/official/components/CaseActions';
import { ACTION_BUTTONS, buttonsFor } from '@/packages/official/utils/actions';
import { complaintsAdmin } from '@/services/complaints-admin';
import { ApiError } from '@/services/transport';
import { openPanel, press, settle, submitWith } from './act-helpers';
import { officialCaseView } from './fixtures';
import { resetTaroAnd } from './taro-mock';

jest.mock('@/services/complaints-admin', () => ({
  complaintsAdmin: {
    queue: jest.fn(),
    accept: jest.fn(),
    refuse: jest.fn(),
    assign: jest.fn(),
    reply: jest.fn(),
    extend: jest.fn(),
    merge: jest.fn(),
    release: jest.fn(),
    note: jest.fn(),
  },
}));
const api = complaintsAdmin as unknown as Record<string, jest.Mock>;

const caseView = officialCaseView;

const ALL_IDS = ACTION_BUTTONS.map((b) => b.id);

beforeEach(() => resetTaroAnd(api));

function ids(container: HTMLElement): string[] {
  return Array.from(container.querySelectorAll('.sp-case-actions__buttons > *')).map((el) => el.id);
}

test('buttonsFor keeps the server’s actions only, in a fixed order, ignoring unknown names', () => {
  expect(buttonsFor(['note', 'refuse', 'accept', 'fly']).map((b) => b.label)).toEqual(['受理', '不予受理', '内部备注']);
  expect(buttonsFor([])).toEqual([]);
});

test.each([
  [['accept', 'refuse', 'merge', 'note'], ['btn-accept', 'btn-merge', 'btn-refuse', 'btn-note']],
  [['reply', 'assign', 'extend', 'merge', 'note'], ['btn-reply', 'btn-assign', 'btn-extend', 'btn-merge', 'btn-note']],
  [['release', 'refuse', 'note'], ['btn-release', 'btn-refuse', 'btn-note']],
  [['reply'], ['btn-reply']],
])('allowedActions %j → buttons %j and no others', (allowed, expected) => {
  const { container } = render(<CaseActions c={caseView({ allowedActions: allowed })} onChanged={jest.fn()} onConflict={jest.fn()} />);
  expect(ids(container)).toEqual(expected);
  for (const id of ALL_IDS.filter((x) => !expected.includes(x))) expect(container.querySelector(`#${id}`)).toBeNull();
});

test('no allowed actions: says so, shows no buttons', () => {
  const { container } = render(<CaseActions c={caseView({ status: 'closed', statusLabel: '已办结', allowedActions: [] })} onChanged={jest.fn()} onConflict={jest.fn()} />);
  expect(container.querySelector('#no-actions')!.textContent).toContain('已办结');
  expect(ids(container)).toEqual([]);
});

test('受理 sends id and version and reports the new view', async () => {
  const next = caseView({ status: 'accepted', statusLabel: '已受理', version: 4 });
  api.accept.mockResolvedValue(next);
  const onChanged = jest.fn();
  const { container } = render(<CaseActions c={caseView({ allowedActions: ['accept', 'refuse'] })} onChanged={onChanged} onConflict={jest.fn()} />);
  await press(container, 'btn-accept');
  expect(api.accept).toHaveBeenCalledWith({ id: 'cmp000001', version: 3 });
  expect(onChanged).toHaveBeenCalledWith(next, expect.stringContaining('已受理'));
});

test('答复: textarea → reply with the text; too short is stopped on the phone', async () => {
  api.reply.mockResolvedValue(caseView({ status: 'replied' }));
  const onChanged = jest.fn();
  const { container } = render(<CaseActions c={caseView({ status: 'accepted', allowedActions: ['reply', 'note'] })} onChanged={onChanged} onConflict={jest.fn()} />);
  await openPanel(container, 'btn-reply');
  await submitWith(container, 'reply-text', '好的', 'btn-submit-reply');
  expect(api.reply).not.toHaveBeenCalled();
  expect(container.querySelector('#action-hint')!.textContent).toContain('至少 5 个字');
  await submitWith(container, 'reply-text', '经核实已退还多收的 5 元。', 'btn-submit-reply');
  expect(api.reply).toHaveBeenCalledWith({ id: 'cmp000001', version: 3, text: '经核实已退还多收的 5 元。' });
  expect(onChanged).toHaveBeenCalled();
});

test('不予受理 needs a reason from the fixed list and a text', async () => {
  api.refuse.mockResolvedValue(caseView({ status: 'refused' }));
  const { container } = render(<CaseActions c={caseView({ allowedActions: ['accept', 'refuse'] })} onChanged={jest.fn()} onConflict={jest.fn()} />);
  fireEvent.click(container.querySelector('#btn-refuse')!);
  expect(container.querySelectorAll('[id^=refuse-reason-]')).toHaveLength(5);
  await settle();
  fireEvent.click(container.querySelector('#refuse-reason-not_station')!);
  await submitWith(container, 'refuse-text', '属于快递公司的责任，请拨打 12305', 'btn-submit-refuse');
  expect(api.refuse).toHaveBeenCalledWith({ id: 'cmp000001', version: 3, reason: 'not_station', text: '属于快递公司的责任，请拨打 12305' });
});

test('延期 is limited to 1–10 working days', async () => {
  api.extend.mockResolvedValue(caseView());
  const { container } = render(<CaseActions c={caseView({ status: 'accepted', allowedActions: ['extend'] })} onChanged={jest.fn()} onConflict={jest.fn()} />);
  fireEvent.click(container.querySelector('#btn-extend')!);
  for (let i = 0; i < 12; i++) fireEvent.click(container.querySelector('#extend-plus')!);
  expect(container.querySelector('#extend-days')!.textContent).toContain('10 个工作日');
  for (let i = 0; i < 12; i++) fireEvent.click(container.querySelector('#extend-minus')!);
  expect(container.querySelector('#extend-days')!.textContent).toContain('1 个工作日');
  await settle();
  await submitWith(container, 'extend-reason', '等待快递公司出具证明', 'btn-submit-extend');
  expect(api.extend).toHaveBeenCalledWith({ id: 'cmp000001', version: 3, workdays: 1, reason: '等待快递公司出具证明' });
});

test('并单 offers only other open complaints of the same station', async () => {
  api.queue.mockResolvedValue({
    items: [
      { id: 'cmp000001', status: 'submitted', trackingNo: 'TS1', categoryLabel: '乱收费', statusLabel: '待受理' },
      { id: 'cmp000002', status: 'accepted', trackingNo: 'TS2', categoryLabel: '乱收费', statusLabel: '已受理' },
      { id: 'cmp000003', status: 'closed', trackingNo: 'TS3', categoryLabel: '乱收费', statusLabel: '已办结' },
    ],
    nextCursor: null,
    intakeLabel: null,
    calendarWarning: null,
  });
  api.merge.mockResolvedValue(caseView({ status: 'merged' }));
  const { container } = render(<CaseActions c={caseView({ allowedActions: ['merge'] })} onChanged={jest.fn()} onConflict={jest.fn()} />);
  await press(container, 'btn-merge');
  expect(api.queue).toHaveBeenCalledWith({ stationId: 'st-360731100-000', limit: 50 });
  expect(Array.from(container.querySelectorAll('[id^=merge-option-]')).map((e) => e.id)).toEqual(['merge-option-cmp000002']);
  fireEvent.click(container.querySelector('#merge-option-cmp000002')!);
  await press(container, 'btn-submit-merge');
  expect(api.merge).toHaveBeenCalledWith({ id: 'cmp000001', version: 3, intoId: 'cmp000002' });
});

test('CONFLICT goes to the page (which reloads); other errors show here', async () => {
  api.accept.mockRejectedValueOnce(new ApiError('CONFLICT', '这件投诉刚被其他人处理过，请刷新后再试')).mockRejectedValueOnce(new ApiError('FORBIDDEN', '这件投诉不在您的处理范围内'));
  const onConflict = jest.fn();
  const { container } = render(<CaseActions c={caseView({ allowedActions: ['accept'] })} onChanged={jest.fn()} onConflict={onConflict} />);
  await press(container, 'btn-accept');
  expect(onConflict).toHaveBeenCalledWith(expect.objectContaining({ code: 'CONFLICT' }));
  expect(container.querySelector('#action-error')).toBeNull();
  await press(container, 'btn-accept');
  expect(container.querySelector('#action-error')!.textContent).toContain('不在您的处理范围内');
});
