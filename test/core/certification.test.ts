/** core/station/certification.ts: every transition, who may run it, refusals, and public facts. */
import {
  CERTIFY_TRANSITIONS,
  certificateNumber,
  certificationFacts,
  certify,
  certifyActions,
  certifyRefusal,
  fileApplication,
  filingProblems,
  type CertificationApplication,
  type CertifyCommand,
} from '../../core/station/certification';

const at = new Date('2026-12-04T02:00:00.000Z');
const station = { id: 'st-1', status: 'planned' as const, level: 'village' as const, address: '于都县梓山镇潭头村', regionCodes: ['36', '3607', '360731', '360731100'], countyName: '于都县', operatorName: '于都县电商公司' };
const filing = { id: 'ca-1', station, stationName: '江西电商扶贫工程潭头村服务点', entity: '于都县电商公司', areaSqm: 30, equipment: ['mobile' as const, 'desk_chairs' as const, 'shelves' as const], servicePopulation: 800, photos: { plaque: ['upl-plaque-000001'], signage: ['upl-signage-00001'] }, filedBy: 'o-staff', at };
const filed = () => fileApplication(filing).next;
const visit = { visitedOn: '2026-12-04', visitors: '张科长', findings: '与申报一致', passed: true };
const inState = (state: CertificationApplication['state']): CertificationApplication => ({ ...filed(), state, noticeId: state === 'notice' ? 'n-1' : null });

describe('filing', () => {
  test('a planned station with a good name, area and equipment is filed for 初审', () => {
    const r = fileApplication(filing);
    expect(r.next).toMatchObject({ state: 'operator_review', previousStatus: 'planned', version: 1, warnings: [] });
    expect(r.station).toEqual({ status: 'operator_review' });
  });
  test('refusals: not planned, the name rule (第七条4), the area (第七条1), the equipment (第七条2–3)', () => {
    expect(() => fileApplication({ ...filing, station: { ...station, status: 'certified' } })).toThrow('已经在认定流程中或已认定');
    expect(() => fileApplication({ ...filing, station: { ...station, status: 'closed' } })).toThrow('已关停');
    expect(() => fileApplication({ ...filing, stationName: '潭头村小卖部' })).toThrow('第七条4');
    expect(() => fileApplication({ ...filing, areaSqm: 9 })).toThrow('10㎡');
    // 申办 needs the plaque and the signage photographed.
    expect(() => fileApplication({ ...filing, photos: { plaque: [], signage: ['upl-signage-00001'] } })).toThrow('站牌照片');
    expect(filingProblems({ level: 'village', areaSqm: 10, equipment: ['broadband', 'shelves', 'parcel'], photos: { plaque: ['x'], signage: [] } })).toEqual({ signagePhotos: '请上传标识照片' });
    expect(filingProblems({ level: 'county', areaSqm: 199, equipment: ['broadband', 'shelves', 'parcel'] })).toEqual({ areaSqm: expect.stringContaining('200㎡') });
    expect(filingProblems({ level: 'village', areaSqm: 10, equipment: ['shelves', 'parcel'] })).toEqual({ equipment: expect.stringContaining('网络设施') });
    expect(filingProblems({ level: 'village', areaSqm: 10, equipment: ['broadband', 'parcel'] })).toEqual({ equipment: expect.stringContaining('两项经营设施') });
  });
  test('a low service population is a warning for the reviewers, not a refusal (第六条1)', () => {
    expect(fileApplication({ ...filing, servicePopulation: 100 }).next.warnings.map((w) => w.code)).toEqual(['POPULATION_BELOW_NORM']);
  });
});

describe('transitions', () => {
  const cmds: Record<CertifyCommand['type'], CertifyCommand> = {
    operatorPass: { type: 'operatorPass', comment: '' },
    operatorReturn: { type: 'operatorReturn', reason: '缺材料' },
    countyReview: { type: 'countyReview', visit, authority: '于都县商务局', reason: '' },
    publish: { type: 'publish', noticeId: 'n-1', endsOn: '2026-12-11' },
    noticeApproved: { type: 'noticeApproved', certificateNo: 'No-1' },
    noticeStopped: { type: 'noticeStopped', reason: '异议成立' },
  };
  test('the table: each command only from its states and by its party', () => {
    for (const [type, t] of Object.entries(CERTIFY_TRANSITIONS) as [CertifyCommand['type'], (typeof CERTIFY_TRANSITIONS)[CertifyCommand['type']]][]) {
      for (const state of ['operator_review', 'county_review', 'approved', 'notice', 'certified', 'returned', 'refused'] as const) {
        const a = inState(state);
        const ok = t.from.includes(state);
        expect(certifyRefusal(a, type, t.by) === null).toBe(ok);
        if (!ok) expect(() => certify(a, cmds[type], { by: t.by, at })).toThrow('不能这样办理');
        for (const other of ['operator', 'county', 'notice'] as const) if (other !== t.by) expect(certifyRefusal(a, type, other)).toMatch(/这一步/);
      }
    }
  });
  test('初审 pass and return; the return restores the station and keeps the reason', () => {
    const a = filed();
    expect(certify(a, cmds.operatorPass, { by: 'operator', at })).toMatchObject({ next: { state: 'county_review', version: 2 }, station: { status: 'county_review' } });
    expect(certify(a, cmds.operatorReturn, { by: 'operator', at })).toMatchObject({ next: { state: 'returned', reason: '缺材料' }, station: { status: 'planned' } });
  });
  test('审核: a passed visit approves (station unchanged); a failed one needs a reason and refuses', () => {
    const a = inState('county_review');
    expect(certify(a, cmds.countyReview, { by: 'county', at })).toMatchObject({ next: { state: 'approved', visit, authority: '于都县商务局' }, station: null });
    const failed = { ...cmds.countyReview, visit: { ...visit, passed: false } } as CertifyCommand;
    expect(() => certify(a, failed, { by: 'county', at })).toThrow('原因');
    expect(certify(a, { ...failed, reason: '无货架' } as CertifyCommand, { by: 'county', at })).toMatchObject({ next: { state: 'refused', reason: '无货架' }, station: { status: 'planned' } });
  });
  test('公示 → certified with the certificate and the name; stopped → back to the county', () => {
    expect(certify(inState('approved'), cmds.publish, { by: 'county', at })).toMatchObject({ next: { state: 'notice', noticeId: 'n-1' }, station: { status: 'notice' } });
    const cert = certify({ ...inState('notice'), authority: null }, cmds.noticeApproved, { by: 'notice', at: new Date('2026-12-12T02:00:00.000Z') });
    expect(cert.next.certificate).toEqual({ certificateNo: 'No-1', certifiedOn: '2026-12-12', authority: '于都县商务局' });
    // The plaque and signage photos go with it (the station shows them when it has none).
    expect(cert.station).toEqual({ status: 'certified', certification: cert.next.certificate, name: filing.stationName, photos: ['upl-plaque-000001', 'upl-signage-00001'] });
    expect(certify(inState('notice'), cmds.noticeStopped, { by: 'notice', at })).toMatchObject({ next: { state: 'county_review', noticeId: null, reason: '异议成立' }, station: { status: 'county_review' } });
  });
  test('actions per party', () => {
    expect(certifyActions(filed(), 'operator')).toEqual(['operatorPass', 'operatorReturn']);
    expect(certifyActions(filed(), 'county')).toEqual([]);
    expect(certifyActions(inState('approved'), 'county')).toEqual(['publish']);
  });
});

describe('public facts and the certificate number', () => {
  test('facts are about the station only: no filer, no person, no phone', () => {
    const facts = certificationFacts({ ...filed(), filedBy: 'o-secret-openid' });
    expect(facts.map((f) => f.label)).toEqual(['站点名称', '站点级别', '地址', '运营单位', '使用面积', '服务人口']);
    const text = JSON.stringify(facts);
    expect(text).not.toMatch(/o-secret-openid|\d{11}|姓名|电话|负责人/);
  });
  test('the number names the county and the year', () => {
    expect(certificateNumber({ id: 'abc-123xyz', regionCodes: station.regionCodes }, at)).toBe('赣电商扶贫认〔2026〕360731-123XYZ');
  });
});
