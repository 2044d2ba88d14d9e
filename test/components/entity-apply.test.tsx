/**
 * 站点申办 (issue 10 §3): 我的申办 lists the caller's own applications and says which step refused
 * one and why; the form checks what is missing before sending, then files with the picked region,
 * the location and the photos' ids.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import EntityApplyPage from '@/packages/apply/entity/index';
import { typeInto } from './act-helpers';
import { extraTaro, flush, freshScreen, mockUpload, pickedJpegs, serve } from './feedback-support';

beforeEach(() => {
  freshScreen('demo-resident-2');
  Element.prototype.scrollIntoView = () => undefined;
});

const returned = {
  id: 'ca-1',
  stationName: '江西电商扶贫工程梓山镇服务站',
  levelLabel: '乡镇服务站',
  address: '于都县梓山镇新街 8 号',
  operatorName: '于都县电商公司',
  applicant: { entityName: '于都县梓山农品商贸有限公司', creditCode: '91360731MA35P8QK1X', contactName: '赵六', contactPhone: '13912345678' },
  state: 'returned',
  stateLabel: '初审退回',
  refusedAt: '运营单位初审',
  reason: '缺少场地租赁合同',
  noticeId: null,
  certificate: null,
  filedAt: '2026-12-04T02:00:00.000Z',
};

const regions: Record<string, { code: string; name: string }[]> = {
  '': [{ code: '3607', name: '赣州市' }],
  '3607': [{ code: '360731', name: '于都县' }],
  '360731': [{ code: '360731100', name: '梓山镇' }],
  '360731100': [{ code: '360731100201', name: '潭头村' }],
};

test('我的申办 shows the refusing step and its reason', async () => {
  serve({ 'register.myEntityApplications': () => ({ items: [returned] }) });
  const { container } = render(<EntityApplyPage />);
  await waitFor(() => expect(container.querySelector('#entity-app-ca-1')).not.toBeNull());
  expect(container.querySelector('#entity-app-ca-1')!.textContent).toContain('初审退回');
  expect(container.querySelector('#entity-app-ca-1')!.textContent).toContain('运营单位初审未通过：缺少场地租赁合同');
});

test('the form names what is missing and sends nothing; filled in, it files with region, location and photos', async () => {
  const sent = serve({
    'register.myEntityApplications': () => ({ items: [] }),
    'stations.regions': (d: { parentCode?: string }) => regions[d.parentCode ?? ''] ?? [],
    'register.fileAsEntity': () => ({ ...returned, state: 'operator_review', stateLabel: '运营单位初审中', refusedAt: null, reason: null }),
  } as never);
  mockUpload();
  const { container } = render(<EntityApplyPage />);
  const $ = (sel: string) => container.querySelector(sel);
  await waitFor(() => expect($('#entity-empty')).not.toBeNull());
  fireEvent.click($('#entity-new')!);
  fireEvent.click($('#entity-submit')!);
  await flush();
  expect(sent.filter((s) => s.action === 'fileAsEntity')).toEqual([]);
  for (const text of ['请填写市场主体名称', '请选到站点所在的地方', '请取一下站点的位置', '请上传站牌照片']) expect($('#entity-form')!.textContent).toContain(text);

  typeInto($('#entity-name')!, '于都县梓山农品商贸有限公司');
  typeInto($('#entity-credit')!, '91360731ma35p8qk1x');
  typeInto($('#entity-contact')!, '赵六');
  typeInto($('#entity-phone')!, '13912345678');
  fireEvent.click($('#entity-level-township')!);
  for (const code of ['3607', '360731', '360731100']) {
    await waitFor(() => expect($(`#entity-region-${code}`)).not.toBeNull());
    fireEvent.click($(`#entity-region-${code}`)!);
  }
  // A township station stops at the township: no villages offered.
  await flush();
  expect($('#entity-region-360731100201')).toBeNull();
  typeInto($('#entity-station')!, '江西电商扶贫工程梓山镇服务站');
  typeInto($('#entity-address')!, '于都县梓山镇新街 8 号');
  (Taro.getLocation as unknown as jest.Mock).mockResolvedValueOnce({ latitude: 25.95, longitude: 115.41 });
  await act(async () => {
    fireEvent.click($('#entity-locate')!);
  });
  typeInto($('#entity-hotline')!, '0797-6543210');
  typeInto($('#entity-area')!, '80');
  for (const eq of ['broadband', 'desk_chairs', 'shelves']) fireEvent.click($(`#entity-eq-${eq}`)!);
  typeInto($('#entity-population')!, '6000');
  extraTaro.chooseImage.mockResolvedValueOnce(pickedJpegs(1, 1)).mockResolvedValueOnce(pickedJpegs(1, 2));
  await act(async () => {
    fireEvent.click($('#entity-plaque-add')!);
  });
  await waitFor(() => expect($('#entity-plaque-0')).not.toBeNull());
  await act(async () => {
    fireEvent.click($('#entity-signage-add')!);
  });
  await waitFor(() => expect($('#entity-signage-0')).not.toBeNull());
  fireEvent.click($('#entity-submit')!);
  await waitFor(() => expect(sent.filter((s) => s.action === 'fileAsEntity')).toHaveLength(1));
  expect(sent.find((s) => s.action === 'fileAsEntity')!.data).toMatchObject({
    creditCode: '91360731MA35P8QK1X',
    level: 'township',
    regionCode: '360731100',
    lat: 25.95,
    lng: 115.41,
    services: ['product_sales'],
    equipment: ['broadband', 'desk_chairs', 'shelves'],
    plaquePhotos: ['upl-test-photo-0001'],
    signagePhotos: ['upl-test-photo-0002'],
  });
});
