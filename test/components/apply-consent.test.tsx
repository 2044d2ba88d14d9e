/**
 * The application form's separate consent step for the ID number: the field appears only after
 * the checkbox, nothing is sent without consent, and the request carries idConsent: true and a
 * request id that a retry reuses.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import ApplyFormPage from '@/packages/apply/form/index';
import IdConsent from '@/packages/apply/components/IdConsent';
import { validateApplication, type ApplyDraft } from '@/packages/apply/form/validate';
import { stations } from '@/services/api';
import { recruitment } from '@/services/recruitment';
import { ApiError } from '@/services/transport';
import { resetElderModeForTest } from '@/store/elder';
import { settle } from './act-helpers';
import { rubric } from '../support/rubric';
import { resetTaro, routerParams } from './taro-mock';

jest.mock('@/services/recruitment', () => ({ recruitment: { post: jest.fn(), apply: jest.fn() } }));
jest.mock('@/services/api', () => jest.requireActual('./api-mock').withStations('regions'));
const post = recruitment.post as jest.Mock;
const apply = recruitment.apply as jest.Mock;
const regions = stations.regions as jest.Mock;

const ID = '360731199205051238';
const POST = {
  id: 'post000001',
  title: '罗坳镇服务站负责人',
  stationId: 'st-360731-001',
  stationName: '江西电商扶贫工程罗坳镇服务站',
  villageName: null,
  requirements: ['熟悉当地情况'],
  rubric: rubric({ 电商技能: 60, 群众口碑: 40 }),
  opensOn: '2025-06-01',
  closesOn: '2025-06-30',
  status: 'open',
  statusLabel: '报名中',
  open: true,
  noticeId: null,
  version: 2,
  results: null,
};

beforeEach(() => {
  resetTaro();
  resetElderModeForTest();
  post.mockReset().mockResolvedValue(POST);
  apply.mockReset();
  regions.mockReset().mockImplementation(({ parentCode }: { parentCode: string | null }) => {
    const tree: Record<string, { code: string; name: string; level: string; hasChildren: boolean }[]> = {
      '': [{ code: '3607', name: '赣州市', level: 'city', hasChildren: true }],
      '3607': [{ code: '360731', name: '于都县', level: 'county', hasChildren: true }],
      '360731': [{ code: '360731100', name: '贡江镇', level: 'township', hasChildren: true }],
      '360731100': [{ code: '360731100003', name: '贡江居委会', level: 'village', hasChildren: false }],
    };
    return Promise.resolve(tree[parentCode ?? ''] ?? []);
  });
  routerParams.current = { postId: 'post000001' };
});

const type = async (container: HTMLElement, id: string, value: string) => {
  await act(async () => {
    container.querySelector(`#${id}`)!.dispatchEvent(new CustomEvent('input', { detail: { value } }));
  });
};
const tap = async (container: HTMLElement, id: string) => {
  await act(async () => {
    fireEvent.click(container.querySelector(`#${id}`)!);
  });
};

async function fillAllButId(container: HTMLElement) {
  await type(container, 'apply-name', '王小明');
  await tap(container, 'apply-gender-male');
  await type(container, 'apply-birth-year', '1992');
  await type(container, 'apply-phone', '13712345678');
  await tap(container, 'apply-village-open');
  for (const code of ['3607', '360731', '360731100', '360731100003']) await tap(container, `apply-village-item-${code}`);
  await tap(container, 'apply-background-returnee');
  await tap(container, 'apply-education-college');
  await type(container, 'apply-skills', '开过网店');
  await type(container, 'apply-products', '卖过脐橙');
  await type(container, 'apply-statement', '想为村里服务');
}

test('IdConsent: explains why and how, no ID field before the checkbox', () => {
  const onConsent = jest.fn();
  const { container, rerender } = render(<IdConsent consented={false} onConsent={onConsent} idNumber='' onIdNumber={jest.fn()} />);
  const notice = container.querySelector('#apply-consent-notice')!.textContent!;
  expect(notice).toContain('用途');
  expect(notice).toContain('加密保存');
  expect(notice).toContain('每次查看都会记录');
  expect(notice).toContain('不写身份证号');
  expect(container.querySelector('#apply-id')).toBeNull();
  expect(container.querySelector('#apply-id-locked')).not.toBeNull();
  fireEvent.click(container.querySelector('#apply-consent')!);
  expect(onConsent).toHaveBeenCalledWith(true);
  rerender(<IdConsent consented onConsent={onConsent} idNumber='' onIdNumber={jest.fn()} />);
  expect(container.querySelector('#apply-id')).not.toBeNull();
});

test('IdConsent: withdrawing consent clears the typed number', () => {
  const onIdNumber = jest.fn();
  const onConsent = jest.fn();
  const { container } = render(<IdConsent consented onConsent={onConsent} idNumber={ID} onIdNumber={onIdNumber} />);
  fireEvent.click(container.querySelector('#apply-consent')!);
  expect(onIdNumber).toHaveBeenCalledWith('');
  expect(onConsent).toHaveBeenCalledWith(false);
});

test('validateApplication: consent first, then the GB 11643 number and its agreement with gender and birth year', () => {
  const base: ApplyDraft = {
    name: '王小明',
    gender: 'male',
    birthYear: '1992',
    phone: '13712345678',
    villageCode: '360731100003',
    idConsent: false,
    idNumber: '',
    background: 'returnee',
    education: 'college',
    skills: 'a',
    productExperience: 'b',
    statement: 'c',
  };
  expect(validateApplication(base, '2025-06-04')).toEqual({ idConsent: '请先阅读身份证号说明并勾选同意' });
  expect(validateApplication({ ...base, idConsent: true, idNumber: '360731199205051239' }, '2025-06-04').idNumber).toContain('校验位');
  expect(validateApplication({ ...base, idConsent: true, idNumber: ID, gender: 'female' }, '2025-06-04').gender).toContain('不一致');
  expect(validateApplication({ ...base, idConsent: true, idNumber: ID }, '2025-06-04')).toEqual({});
});

test('the form: no ID field and no request without consent; after consent it sends idConsent: true', async () => {
  const { container } = render(<ApplyFormPage />);
  await screen.findByText('罗坳镇服务站负责人');
  await settle();
  expect(container.querySelector('#apply-id')).toBeNull();
  await fillAllButId(container);
  expect(container.querySelector('#apply-village-chosen')!.textContent).toContain('于都县 · 贡江镇 · 贡江居委会');

  await tap(container, 'apply-submit');
  expect(apply).not.toHaveBeenCalled();
  expect(container.querySelector('#apply-consent-error')!.textContent).toContain('勾选同意');

  await tap(container, 'apply-consent');
  expect(container.querySelector('#apply-id')).not.toBeNull();
  await settle();
  await type(container, 'apply-id', ID);
  apply.mockRejectedValueOnce(new ApiError('UNAVAILABLE', '网络不太好，请检查网络后重试')).mockResolvedValueOnce({
    id: 'app0000001',
    postId: 'post000001',
    version: 1,
    name: '王小明',
    status: 'submitted',
    statusLabel: '已报名',
    idMasked: '3607**********1238',
    phoneMasked: '137****5678',
    villageName: '贡江居委会',
    createdAt: '2025-06-04T02:00:00Z',
    canWithdraw: true,
  });
  await tap(container, 'apply-submit');
  expect(apply).toHaveBeenCalledTimes(1);
  const [input, requestId] = apply.mock.calls[0];
  expect(input).toEqual({
    postId: 'post000001',
    name: '王小明',
    gender: 'male',
    birthYear: 1992,
    idNumber: ID,
    idConsent: true,
    phone: '13712345678',
    villageCode: '360731100003',
    background: 'returnee',
    education: 'college',
    skills: '开过网店',
    productExperience: '卖过脐橙',
    statement: '想为村里服务',
  });
  expect(requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  expect(container.querySelector('#apply-error')!.textContent).toContain('网络不太好');

  // 重试 the same submission: the same request id, so the server cannot file it twice.
  await tap(container, 'apply-submit');
  expect(apply.mock.calls[1][1]).toBe(requestId);
  expect(container.querySelector('#apply-success')!.textContent).toContain('3607**********1238');
});

test('a post that is not open says so instead of showing the form', async () => {
  post.mockResolvedValue({ ...POST, open: false, status: 'reviewing', statusLabel: '评审中' });
  const { container } = render(<ApplyFormPage />);
  await screen.findByText('这个岗位的报名已结束（评审中）');
  expect(container.querySelector('#apply-form')).toBeNull();
});
