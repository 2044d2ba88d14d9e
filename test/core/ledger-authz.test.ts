/** Who may do what with ledgers and visits (core/authz/policy.ts): role and scope for each new permission. */
import { authorize, type Permission } from '../../core/authz/policy';
import type { Actor, Role, Scope } from '../../core/authz/roles';

const actor = (role: Role, scope: Scope): Actor => ({ openid: `o-${role}`, bindings: [{ id: `b-${role}`, openid: `o-${role}`, role, scope, grantedBy: 'x', grantedAt: '2026-01-01T00:00:00Z' }] });
const HEAD = actor('station_head', { kind: 'station', stationId: 'st-1' });
const OPERATOR = actor('operator_staff', { kind: 'operator', operatorName: '于都运营中心' });
const COUNTY = actor('county_official', { kind: 'region', regionCode: '360731' });
const CITY = actor('city_supervisor', { kind: 'region', regionCode: '3607' });
const RESIDENT: Actor = { openid: 'o-r', bindings: [] };
const OWN = { stationId: 'st-1', operatorName: '于都运营中心', regionCodes: ['36', '3607', '360731', '360731100'] };
const OTHER = { stationId: 'st-2', operatorName: '井冈山运营中心', regionCodes: ['36', '3608', '360881'] };

const may = (a: Actor, p: Permission, t = OWN) => authorize(a, p, t).allowed;

test.each([
  // permission, head, operator, county, city, resident (over the head's own station)
  ['ledger.record', true, false, false, false, false],
  ['ledger.read', true, true, true, true, false],
  ['ledger.review', false, true, false, false, false],
  ['ledger.totals', false, false, true, true, false],
  ['inspection.record', false, true, false, false, false],
  ['inspection.read', true, true, true, true, false],
  ['inspection.dues', false, false, true, true, false],
  // Reports and 报送 (issue 12 §5): officials read, the county submits, the city returns and forwards.
  ['report.read', false, false, true, true, false],
  ['report.submit', false, false, true, false, false],
  ['report.review', false, false, false, true, false],
] as const)('%s: head %s, operator %s, county %s, city %s, resident %s', (p, head, operator, county, city, resident) => {
  expect([may(HEAD, p), may(OPERATOR, p), may(COUNTY, p), may(CITY, p), may(RESIDENT, p)]).toEqual([head, operator, county, city, resident]);
  // Nobody reaches another county's station run by another operator.
  expect([HEAD, OPERATOR, COUNTY, CITY].some((a) => may(a, p, OTHER))).toBe(false);
});
