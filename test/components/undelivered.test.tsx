/** 发送失败的消息 on the admin page (issue 11 §3): the count and each reason in Chinese. */
import { render } from '@testing-library/react';
import Undelivered from '@/packages/official/admin/Undelivered';
import { account } from '@/services/account';
import { flush, renderSettled } from './act-helpers';
import { resetTaro } from './taro-mock';

jest.mock('@/services/account', () => ({ account: { undelivered: jest.fn() } }));
const api = account as unknown as Record<string, jest.Mock>;


beforeEach(() => {
  resetTaro();
  api.undelivered.mockReset();
});

test('the count and why, most first', async () => {
  api.undelivered.mockResolvedValue({ total: 3, reasons: [{ reason: '对方没有订阅或已拒收这类消息', count: 2 }, { reason: '其他原因（如网络超时）', count: 1 }] });
  const { container } = await renderSettled(<Undelivered />);
  expect(container.querySelector('#undelivered-total')?.textContent).toBe('3 条消息没能送达');
  expect(container.querySelector('#undelivered-reason-0')?.textContent).toBe('对方没有订阅或已拒收这类消息：2 条');
  expect(container.querySelector('#undelivered-reason-1')?.textContent).toBe('其他原因（如网络超时）：1 条');
});

test('none says so; an error offers a retry', async () => {
  api.undelivered.mockResolvedValueOnce({ total: 0, reasons: [] });
  const { container, unmount } = await renderSettled(<Undelivered />);
  expect(container.querySelector('#undelivered-total')?.textContent).toBe('没有发送失败的消息。');
  unmount();
  api.undelivered.mockRejectedValueOnce(new Error('网络不通'));
  const again = render(<Undelivered />);
  await flush();
  expect(again.container.querySelector('#undelivered-error')?.textContent).toContain('重试');
});
