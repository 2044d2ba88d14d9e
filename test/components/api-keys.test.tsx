/**
 * 接口密钥 on the admin page: the key is shown once after it is made, the list shows names and
 * dates (never a key), a missing name is caught before sending, and 停用 asks first.
 */
import { fireEvent } from '@testing-library/react';
import ApiKeys from '@/packages/official/admin/ApiKeys';
import { account } from '@/services/account';
import Taro from '@tarojs/taro';
import { clickSettled, renderSettled, type } from './act-helpers';
import { resetTaro } from './taro-mock';

jest.mock('@/services/account', () => ({ account: { apiKeys: jest.fn(), issueApiKey: jest.fn(), revokeApiKey: jest.fn() } }));
const api = account as unknown as Record<string, jest.Mock>;
const KEY = 'zdt_0123456789abcdefghjkmnpqrstvwx';
const ITEM = { id: 'k1', name: '赣州市 12345 热线平台', createdOn: '2026-12-04', revokedOn: null, active: true };


beforeEach(() => {
  resetTaro();
  for (const m of Object.values(api)) m.mockReset();
});

test('empty list says so; a missing name is caught before anything is sent', async () => {
  api.apiKeys.mockResolvedValue({ items: [] });
  const { container } = await renderSettled(<ApiKeys />);
  expect(container.querySelector('#apikeys-empty')?.textContent).toBe('还没有密钥。');
  await clickSettled(container, 'apikey-submit');
  expect(api.issueApiKey).not.toHaveBeenCalled();
  expect(container.textContent).toContain('请写明谁使用这个密钥');
});

test('生成密钥 shows the key once, with a copy button; the list shows names and dates only', async () => {
  api.apiKeys.mockResolvedValueOnce({ items: [] }).mockResolvedValue({ items: [ITEM] });
  api.issueApiKey.mockResolvedValue({ ...ITEM, key: KEY });
  const { container } = await renderSettled(<ApiKeys />);
  type(container, 'apikey-name', '赣州市 12345 热线平台');
  await clickSettled(container, 'apikey-submit');
  expect(api.issueApiKey).toHaveBeenCalledWith({ name: '赣州市 12345 热线平台' });
  expect(container.querySelector('#apikey-value')?.textContent).toBe(KEY);
  expect(container.querySelector('#apikey-k1')?.textContent).toContain('2026-12-04 生成 · 使用中');
  expect(container.querySelector('#apikey-k1')?.textContent).not.toContain(KEY);
  fireEvent.click(container.querySelector('#apikey-copy') as Element);
  expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: KEY });
});

test('停用 asks first; cancelled sends nothing, confirmed revokes and reloads', async () => {
  api.apiKeys.mockResolvedValue({ items: [ITEM] });
  api.revokeApiKey.mockResolvedValue({ ...ITEM, active: false, revokedOn: '2026-12-05' });
  const { container } = await renderSettled(<ApiKeys />);
  (Taro.showModal as jest.Mock).mockImplementationOnce(() => Promise.resolve({ confirm: false, cancel: true }));
  await clickSettled(container, 'apikey-revoke-k1');
  expect(api.revokeApiKey).not.toHaveBeenCalled();
  await clickSettled(container, 'apikey-revoke-k1');
  expect(Taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '停用密钥', content: expect.stringContaining('赣州市 12345 热线平台') }));
  expect(api.revokeApiKey).toHaveBeenCalledWith({ id: 'k1' });
  expect(api.apiKeys).toHaveBeenCalledTimes(2);
});
