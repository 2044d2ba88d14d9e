/**
 * 站点认定's application form: the plaque and signage photos are required — without them nothing
 * is sent and the form says which photo is missing; with them the application carries the
 * uploaded ids. The application card shows its photos under their labels.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import CertifyPage from '@/packages/official/certify/index';
import { typeInto } from './act-helpers';
import { extraTaro, flush, freshScreen, mockUpload, pickedJpegs, serve } from './feedback-support';

beforeEach(() => {
  freshScreen('demo-operator-staff-1');
  Element.prototype.scrollIntoView = () => undefined;
});

const application = {
  id: 'ca-1',
  version: 1,
  stationId: 'st-1',
  stationName: '江西电商扶贫工程潭头村服务点',
  level: 'village',
  levelLabel: '村级服务点',
  address: '潭头村',
  operatorName: '于都县电商公司',
  entity: '于都县电商公司',
  areaSqm: 30,
  equipment: ['宽带网络', '货架', '简易桌椅'],
  servicePopulation: 800,
  warnings: [],
  state: 'operator_review',
  stateLabel: '运营单位初审中',
  visit: null,
  authority: '于都县商务局',
  noticeId: null,
  certificate: null,
  reason: null,
  filedAt: '2026-12-04T02:00:00.000Z',
  photos: { plaque: ['/files/upl-plaque00001?sig=a'], signage: ['/files/upl-signage0001?sig=b'] },
  events: [],
  actions: ['operatorPass', 'operatorReturn'],
};

test('申办 without photos sends nothing and names the missing photos; with them the ids go along', async () => {
  const sent = serve({
    'register.certifications': () => ({ role: 'operator', items: [], nextCursor: null }),
    'register.fileCertification': () => application,
  });
  mockUpload();
  const { container } = render(<CertifyPage />);
  const $ = (sel: string) => container.querySelector(sel);
  await waitFor(() => expect($('#certify-new')).not.toBeNull());
  fireEvent.click($('#certify-new')!);
  typeInto($('#certify-station')!, 'st-1');
  typeInto($('#certify-name')!, '江西电商扶贫工程潭头村服务点');
  typeInto($('#certify-entity')!, '于都县电商公司');
  typeInto($('#certify-area')!, '30');
  for (const eq of ['broadband', 'desk_chairs', 'shelves']) fireEvent.click($(`#certify-eq-${eq}`)!);
  typeInto($('#certify-population')!, '800');
  fireEvent.click($('#certify-submit')!);
  await flush();
  expect(sent.filter((s) => s.action === 'fileCertification')).toEqual([]);
  expect($('#certify-form')!.textContent).toContain('请上传站牌照片');
  expect($('#certify-form')!.textContent).toContain('请上传标识照片');

  extraTaro.chooseImage.mockResolvedValueOnce(pickedJpegs(1, 1)).mockResolvedValueOnce(pickedJpegs(1, 2));
  await act(async () => {
    fireEvent.click($('#certify-plaque-add')!);
  });
  await waitFor(() => expect($('#certify-plaque-0')).not.toBeNull());
  // The plaque's hint goes as soon as a photo is there.
  expect($('#certify-form')!.textContent).not.toContain('请上传站牌照片');
  await act(async () => {
    fireEvent.click($('#certify-signage-add')!);
  });
  await waitFor(() => expect($('#certify-signage-0')).not.toBeNull());
  fireEvent.click($('#certify-submit')!);
  await waitFor(() => expect(sent.filter((s) => s.action === 'fileCertification')).toHaveLength(1));
  expect(sent.find((s) => s.action === 'fileCertification')!.data).toMatchObject({ plaquePhotos: ['upl-test-photo-0001'], signagePhotos: ['upl-test-photo-0002'] });
});

test('an application shows its plaque and signage photos under their labels', async () => {
  serve({ 'register.certifications': () => ({ role: 'county', items: [application], nextCursor: null }) });
  const { container } = render(<CertifyPage />);
  await waitFor(() => expect(container.querySelector('#cert-photos-ca-1')).not.toBeNull());
  const groups = container.querySelectorAll('#cert-photos-ca-1 .sp-cert-photos__group');
  expect(Array.from(groups).map((g) => g.textContent)).toEqual(['站牌照片', '标识照片']);
  expect(container.querySelectorAll('#cert-photos-ca-1 .photo__img')).toHaveLength(2);
  expect(container.querySelector('#cert-applicant-ca-1')).toBeNull();
});

test("a market entity's application shows the reviewers who filed it and how to reach them", async () => {
  const applicant = { entityName: '于都县梓山农品商贸有限公司', creditCode: '91360731MA35P8QK1X', contactName: '赵六', contactPhone: '13912345678' };
  serve({ 'register.certifications': () => ({ role: 'operator', items: [{ ...application, applicant }], nextCursor: null }) });
  const { container } = render(<CertifyPage />);
  await waitFor(() => expect(container.querySelector('#cert-applicant-ca-1')).not.toBeNull());
  expect(container.querySelector('#cert-applicant-ca-1')!.textContent).toContain('赵六 13912345678');
});
