/** 申办 by a market entity for a new site (issue 10 §3): credit code, site and rule checks, routing. */
import { AppError } from '../../core/shared/errors';
import { applicantStatus, creditCodeProblem, fileEntityApplication, siteProblems, type EntityApplicant, type NewSite } from '../../core/station/entity-application';

const applicant: EntityApplicant = { entityName: '于都县某某电子商务有限公司', creditCode: '91360731MA35ABCD1M', contactName: '王经理', contactPhone: '13907970000' };
const site: NewSite = {
  name: '江西电商扶贫工程水头村服务点',
  level: 'village',
  regionCodes: ['36', '3607', '360731', '360731100', '360731100201'],
  countyName: '于都县',
  address: '于都县贡江镇水头村 1 号',
  lat: 25.95,
  lng: 115.41,
};
const filing = (over: Partial<Parameters<typeof fileEntityApplication>[0]> = {}) =>
  fileEntityApplication({
    id: 'app-1',
    stationId: 'st-new-1',
    applicant,
    site,
    operatorName: '于都县电商运营中心',
    areaSqm: 30,
    equipment: ['broadband', 'desk_chairs', 'shelves'],
    servicePopulation: 1500,
    photos: { plaque: ['p1'], signage: ['p2'] },
    filedBy: 'openid-entity',
    at: new Date('2026-12-05T02:00:00Z'),
    ...over,
  });

function fieldsOf(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).fields ?? {};
  }
  throw new Error('expected a refusal');
}

describe('unified social credit code (GB 32100-2015)', () => {
  test('valid codes pass, the check digit is verified', () => {
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull();
    expect(creditCodeProblem('91360731MA35ABCD1M')).toBeNull();
    expect(creditCodeProblem('91360731ma35abcd1m')).toBeNull();
    expect(creditCodeProblem('91350100M000100Y44')).toMatch(/校验位/);
    expect(creditCodeProblem('91350100M000100Y4')).toMatch(/18 位/);
    expect(creditCodeProblem('91350100I000100Y43')).toMatch(/字符/);
  });
});

describe('filing', () => {
  test('goes to the county operator for 初审, the site kept off the register until 认定', () => {
    const r = filing();
    expect(r.station).toBeNull();
    expect(r.next).toMatchObject({ state: 'operator_review', operatorName: '于都县电商运营中心', entity: applicant.entityName, stationId: 'st-new-1', previousStatus: 'planned', applicant, newSite: site });
    expect(r.next.events[0]!.note).toMatch(/运营单位初审/);
  });

  test('without an operator in the county it goes straight to the county', () => {
    const r = filing({ operatorName: null });
    expect(r.next.state).toBe('county_review');
  });

  test('rule checks: name 第七条4, area 第七条1, equipment 第七条2–3; population only warns', () => {
    expect(fieldsOf(() => filing({ site: { ...site, name: '水头村小卖部' } }))).toHaveProperty('stationName');
    expect(fieldsOf(() => filing({ areaSqm: 5 }))).toHaveProperty('areaSqm');
    expect(fieldsOf(() => filing({ equipment: ['desk_chairs', 'shelves'] }))).toHaveProperty('equipment');
    expect(fieldsOf(() => filing({ equipment: ['broadband', 'shelves'] }))).toHaveProperty('equipment');
    expect(fieldsOf(() => filing({ photos: { plaque: [], signage: ['x'] } }))).toHaveProperty('plaquePhotos');
    const small = filing({ servicePopulation: 100 });
    expect(small.next.warnings.map((w) => w.code)).toContain('POPULATION_BELOW_NORM');
  });

  test('the applicant and the site: credit code, phone, region down to the village, inside Jiangxi', () => {
    expect(fieldsOf(() => filing({ applicant: { ...applicant, creditCode: '91360731MA35ABCD1N' } }))).toHaveProperty('creditCode');
    expect(siteProblems({ ...applicant, contactPhone: '12' }, site)).toHaveProperty('contactPhone');
    expect(siteProblems(applicant, { ...site, regionCodes: site.regionCodes.slice(0, 4) })).toHaveProperty('regionCode');
    expect(siteProblems(applicant, { ...site, regionCodes: ['44', '4401'] })).toHaveProperty('regionCode');
    expect(siteProblems(applicant, { ...site, lat: 23.1, lng: 113.3 })).toHaveProperty('location'); // Guangzhou
    expect(siteProblems(applicant, site)).toEqual({});
  });
});

test('the applicant sees the state, and which step refused and why', () => {
  expect(applicantStatus({ state: 'operator_review', reason: null, events: [] })).toEqual({ state: 'operator_review', refusedAt: null, reason: null });
  expect(applicantStatus({ state: 'returned', reason: '面积不实', events: [] })).toEqual({ state: 'returned', refusedAt: '运营单位初审', reason: '面积不实' });
  expect(applicantStatus({ state: 'refused', reason: '无快递设施', events: [] })).toMatchObject({ refusedAt: '县级审核', reason: '无快递设施' });
});
