/**
 * 未读提醒 (issue 11 §3) on the workbench and the desk: the unread count and items, a tap opens the
 * case, and the panel reloads once a case's items were marked read (INBOX_CHANGED).
 */
import { act, fireEvent } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Inbox from '@/packages/official/components/Inbox';
import { inbox, INBOX_CHANGED, type InboxView } from '@/services/inbox';
import { flush, renderSettled } from './act-helpers';
import { resetTaroAnd } from './taro-mock';

jest.mock('@/services/inbox', () => ({ INBOX_CHANGED: 'official:inbox-changed', inbox: { list: jest.fn(), markCaseRead: jest.fn() } }));
const api = inbox as unknown as Record<string, jest.Mock>;


const item = (id: string, over: Partial<InboxView['items'][number]> = {}): InboxView['items'][number] => ({
  id,
  complaintId: `c-${id}`,
  trackingNo: `TS2609${id.toUpperCase()}`,
  station: '贡江镇服务站',
  event: 'complaint_returned',
  label: '退单，请重新转办',
  detail: null,
  at: '2026-09-30T02:00:00.000Z',
  read: false,
  ...over,
});

beforeEach(() => resetTaroAnd(api));

test('the unread count and items; a tap opens the case', async () => {
  api.list.mockResolvedValue({
    unread: 2,
    items: [item('m1'), item('m2', { event: 'complaint_supervised', label: '督办，请答复', detail: '市级督办，2026-10-09 前答复' }), item('m3', { read: true, label: '新转办，请签收' })],
  });
  const onOpen = jest.fn();
  const { container } = await renderSettled(<Inbox onOpen={onOpen} />);
  expect(container.querySelector('#inbox-count')?.textContent).toBe('未读提醒 2 条');
  expect(container.querySelector('#inbox-item-m2')?.textContent).toContain('督办，请答复');
  expect(container.querySelector('#inbox-item-m2')?.textContent).toContain('TS2609M2 · 贡江镇服务站 · 市级督办，2026-10-09 前答复');
  // Read items are not listed again.
  expect(container.querySelector('#inbox-item-m3')).toBeNull();
  fireEvent.click(container.querySelector('#inbox-item-m1') as Element);
  expect(onOpen).toHaveBeenCalledWith('c-m1');
});

test('reloads when a case was marked read; nothing to show, nothing shown', async () => {
  api.list.mockResolvedValueOnce({ unread: 1, items: [item('m1')] }).mockResolvedValue({ unread: 0, items: [item('m1', { read: true })] });
  const { container } = await renderSettled(<Inbox onOpen={jest.fn()} />);
  expect(container.querySelector('#inbox-count')?.textContent).toBe('未读提醒 1 条');
  act(() => {
    Taro.eventCenter.trigger(INBOX_CHANGED);
  });
  await flush();
  expect(api.list).toHaveBeenCalledTimes(2);
  expect(container.querySelector('#inbox-count')?.textContent).toBe('没有未读提醒');
  expect(container.querySelector('#inbox-item-m1')).toBeNull();
});

test('an official without any items sees no panel', async () => {
  api.list.mockResolvedValue({ unread: 0, items: [] });
  const { container } = await renderSettled(<Inbox onOpen={jest.fn()} />);
  expect(container.querySelector('#inbox')).toBeNull();
});

test('on the desk it starts as the count only; a tap lists the items', async () => {
  api.list.mockResolvedValue({ unread: 1, items: [item('m1')] });
  const onOpen = jest.fn();
  const { container } = await renderSettled(<Inbox collapsed onOpen={onOpen} />);
  expect(container.querySelector('#inbox-count')?.textContent).toBe('未读提醒 1 条（点开查看）');
  expect(container.querySelector('#inbox-item-m1')).toBeNull();
  fireEvent.click(container.querySelector('#inbox-count') as Element);
  expect(container.querySelector('#inbox-count')?.textContent).toBe('未读提醒 1 条');
  fireEvent.click(container.querySelector('#inbox-item-m1') as Element);
  expect(onOpen).toHaveBeenCalledWith('c-m1');
});
