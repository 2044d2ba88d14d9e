/**
 * 参数设置 · 负责人考核权重: one box per part with its Chinese name; the total shown and checked
 * live to be 100; saving asks first and sends the whole set with the reason and version; a region
 * without its own weights shows the inherited ones; “沿用上级” drops its own set after a confirmation.
 */
import Taro from '@tarojs/taro';
import SettingsPage from '@/packages/official/settings/index';
import { settings, type SettingsView } from '@/services/settings';
import { clickSettled, fillIn, renderSettled, type } from './act-helpers';
import { resetTaroAnd } from './taro-mock';

jest.mock('@/services/settings', () => ({ settings: { get: jest.fn(), changes: jest.fn(), update: jest.fn() } }));
const api = settings as unknown as Record<string, jest.Mock>;

const text = (container: HTMLElement, sel: string) => container.querySelector(sel)?.textContent ?? '';

const PARTS = [
  ['ledger', '台账'],
  ['inspection', '走访检查'],
  ['complaints', '投诉办理'],
  ['ratings', '群众评价'],
  ['training', '培训'],
] as const;
const PROVINCE = { ledger: 25, inspection: 20, complaints: 25, ratings: 15, training: 15 };

/** The county's view: the province's weights in force, and the county's own set if any. */
function view(own: Record<string, number> | null, version = 1): SettingsView {
  const items = PARTS.map(([part, label]) => ({
    key: `assessment.${part}`, group: 'assessment' as const, label, unit: '%', min: 0, max: 100,
    value: own ? own[part]! : PROVINCE[part], source: own ? ('county' as const) : ('province' as const), sourceLabel: own ? '县' : '省',
    own: own ? own[part]! : null, inherited: PROVINCE[part],
  }));
  return {
    region: { code: '360731', name: '于都县', level: 'county' },
    regions: [{ code: '360731', name: '于都县' }],
    groups: [{ group: 'assessment', label: '负责人考核权重（第九条4）', items }],
    canEdit: true,
    version,
    changes: [],
    nextOffset: null,
  };
}

beforeEach(() => resetTaroAnd(api));

test('inherited weights shown; the total is checked live; saving asks first and sends the whole set', async () => {
  api.get.mockResolvedValue(view(null));
  const mine = { ledger: 40, inspection: 20, complaints: 25, ratings: 15, training: 0 };
  api.update.mockResolvedValue(view(mine, 2));
  const { container } = await renderSettled(<SettingsPage />);
  expect(text(container, '#weights-status')).toBe('于都县未单独设定，现沿用省定权重。');
  for (const [part, label] of PARTS) expect(text(container, `#weight-${part}`)).toContain(`${label}${PROVINCE[part]}%省定`);
  expect(text(container, '#weight-ledger')).toContain('于都县设为（沿用 25%）');
  expect(text(container, '#weights-total')).toContain('合计 100%符合要求');
  expect(container.querySelector('#btn-weights-inherit')).toBeNull();

  type(container, 'weight-ledger-input', '40');
  expect(text(container, '#weights-total')).toContain('合计 115%应为 100%，多了 15%');
  expect(container.querySelector('#weights-total')!.className).toContain('weights-total--bad');
  await clickSettled(container, 'btn-weights-save');
  expect(Taro.showModal).not.toHaveBeenCalled();
  type(container, 'weight-training-input', '');
  expect(text(container, '#weights-total')).toContain('每一项都要填 0–100 的整数');
  type(container, 'weight-training-input', '0');
  expect(text(container, '#weights-total')).toContain('合计 100%符合要求');

  // No reason: asked for, nothing sent.
  await clickSettled(container, 'btn-weights-save');
  expect(text(container, '#weights-local-error')).toBe('请写明调整原因');
  type(container, 'weights-reason', '本县重视台账');
  // Cancelled at the confirmation: nothing sent.
  (Taro.showModal as jest.Mock).mockImplementationOnce(() => Promise.resolve({ confirm: false, cancel: true }));
  await clickSettled(container, 'btn-weights-save');
  expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认调整考核权重', content: expect.stringContaining('于都县的考核权重改为：台账 40%、走访检查 20%、投诉办理 25%、群众评价 15%、培训 0%') }));
  expect(api.update).not.toHaveBeenCalled();
  await clickSettled(container, 'btn-weights-save');
  expect(api.update).toHaveBeenCalledWith({ regionCode: '360731', values: { 'assessment.ledger': 40, 'assessment.inspection': 20, 'assessment.complaints': 25, 'assessment.ratings': 15, 'assessment.training': 0 }, reason: '本县重视台账', version: 1 });
  expect(text(container, '#weight-ledger')).toContain('台账40%县定');
  expect(text(container, '#weights-status')).toContain('于都县自定的权重；上级为 台账 25%');
});

test('back to the inherited weights: confirmed, every part sent as null', async () => {
  const mine = { ledger: 40, inspection: 20, complaints: 25, ratings: 15, training: 0 };
  api.get.mockResolvedValue(view(mine));
  api.update.mockResolvedValue(view(null, 2));
  const { container } = await renderSettled(<SettingsPage />);
  expect(text(container, '#weight-ledger')).toContain('于都县设为（上级 25%）');
  await clickSettled(container, 'btn-weights-save');
  expect(text(container, '#weights-local-error')).toBe('没有改动');
  type(container, 'weights-reason', '恢复省定权重');
  await clickSettled(container, 'btn-weights-inherit');
  expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '于都县改为沿用上级权重' }));
  expect(api.update).toHaveBeenCalledWith({ regionCode: '360731', values: Object.fromEntries(PARTS.map(([p]) => [`assessment.${p}`, null])), reason: '恢复省定权重', version: 1 });
  expect(text(container, '#weights-status')).toBe('于都县未单独设定，现沿用省定权重。');
});

test('a refusal from the server is shown', async () => {
  api.get.mockResolvedValue(view(null));
  const { ApiError } = jest.requireActual('@/services/transport');
  api.update.mockRejectedValue(new ApiError('FORBIDDEN', '只能调整本级或下级地区的参数'));
  const { container } = await renderSettled(<SettingsPage />);
  fillIn(container, { 'weight-ledger-input': '30', 'weight-training-input': '10', 'weights-reason': '调整' });
  await clickSettled(container, 'btn-weights-save');
  expect(text(container, '#weights-error')).toContain('只能调整本级或下级地区的参数');
});
