/**
 * 参数设置: each threshold shows its value in force and where it comes from; the official sets
 * their region's values with a reason (only the changed keys go, an emptied box drops the
 * override); the audit trail lists who, when, old → new and why, and pages.
 */
import { fireEvent, screen } from '@testing-library/react';
import SettingsPage from '@/packages/official/settings/index';
import { settings, type SettingsView } from '@/services/settings';
import { resetTaroAnd } from './taro-mock';
import { clickSettled, fillIn, renderSettled } from './act-helpers';

jest.mock('@/services/settings', () => ({ settings: { get: jest.fn(), changes: jest.fn(), update: jest.fn() } }));
const api = settings as unknown as Record<string, jest.Mock>;

function view(over: Partial<SettingsView> = {}, fresh = 150, own: number | null = null): SettingsView {
  const row = (key: string, label: string, unit: string, value: number, source: 'default' | 'province' | 'county', o: number | null, inherited: number) => ({ key, group: key.startsWith('idle') ? ('idle' as const) : ('freshness' as const), label, unit, min: 1, max: 730, value, source, sourceLabel: { default: '默认', province: '省', county: '县' }[source], own: o, inherited });
  return {
    region: { code: '360731', name: '于都县', level: 'county' },
    regions: [{ code: '360731', name: '于都县' }],
    groups: [
      { group: 'freshness', label: '信息更新（待更新提醒）', items: [row('freshnessDays', '信息多久未核实算待更新', '天', own ?? fresh, own === null ? 'province' : 'county', own, fresh)] },
      { group: 'idle', label: '闲置站点线索（第十一条6）', items: [row('idle.quietDays', '无评价、无到店记录达到', '天', 60, 'county', 60, 90)] },
      { group: 'assessment', label: '负责人考核权重（第九条4）', items: [] },
    ],
    canEdit: true,
    version: 1,
    changes: [{ id: 'c-1', at: '2026-12-01T02:00:00.000Z', region: '江西省', by: '江西省省级主管部门', reason: '全省统一', lines: ['信息更新·信息多久未核实算待更新：沿用上级 → 150天'] }],
    nextOffset: 1,
    ...over,
  };
}

beforeEach(() => resetTaroAnd(api));

test('values in force with their source; the trail with who, old → new and why; older pages', async () => {
  api.get.mockResolvedValue(view());
  api.changes.mockResolvedValue({ changes: [{ id: 'c-0', at: '2026-11-01T02:00:00.000Z', region: '于都县', by: '于都县县级主管部门', reason: '试行', lines: ['闲置站点线索·无评价、无到店记录达到：沿用上级 → 60天'] }], nextOffset: null });
  const { container } = await renderSettled(<SettingsPage />);
  expect(container.querySelector('#setting-freshnessDays')!.textContent).toContain('150天省定');
  expect(container.querySelector('#setting-idle-quietDays')!.textContent).toContain('60天县定');
  // The weights have their own editor (test/components/settings-weights.test.tsx); none without parts.
  expect(container.querySelector('#settings-group-assessment')).toBeNull();
  expect(container.querySelector('#settings-weights')).toBeNull();
  expect(container.querySelector('#change-c-1')!.textContent).toMatch(/江西省 · 江西省省级主管部门.*沿用上级 → 150天.*原因：全省统一/);
  await clickSettled(container, 'settings-trail-more');
  expect(api.changes).toHaveBeenCalledWith({ regionCode: '360731', offset: 1 });
  expect(container.querySelector('#change-c-0')).toBeTruthy();
  expect(container.querySelector('#settings-trail-more')).toBeNull();
});

test('saving sends only the changed keys, null for an emptied box, with the reason and version', async () => {
  api.get.mockResolvedValue(view());
  api.update.mockResolvedValue(view({ version: 2 }, 150, 120));
  const { container } = await renderSettled(<SettingsPage />);
  fireEvent.click(container.querySelector('#btn-settings-save') as Element);
  expect(screen.getByText('没有改动')).toBeTruthy();
  fillIn(container, { 'setting-freshnessDays-input': '120', 'setting-idle-quietDays-input': '', 'settings-reason': '山区村点多' });
  await clickSettled(container, 'btn-settings-save');
  expect(api.update).toHaveBeenCalledWith({ regionCode: '360731', values: { freshnessDays: 120, 'idle.quietDays': null }, reason: '山区村点多', version: 1 });
  expect(container.querySelector('#setting-freshnessDays')!.textContent).toContain('120天县定');
});

test('a refusal from the server is shown', async () => {
  api.get.mockResolvedValue(view());
  const { ApiError } = jest.requireActual('@/services/transport');
  api.update.mockRejectedValue(new ApiError('FORBIDDEN', '只能调整本级或下级地区的参数'));
  const { container } = await renderSettled(<SettingsPage />);
  fillIn(container, { 'setting-freshnessDays-input': '90', 'settings-reason': '试试' });
  await clickSettled(container, 'btn-settings-save');
  expect(container.querySelector('#settings-error')!.textContent).toContain('只能调整本级或下级地区的参数');
});
