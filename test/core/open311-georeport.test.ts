/**
 * GeoReport v2 representations against the specification's own examples
 * (http://wiki.open311.org/GeoReport_v2): our answers carry exactly the fields of the examples, with
 * the same types, in both formats; errors in the specification's shape; and the public view of a
 * complaint never carries the complainant.
 */
import { discovery, errorAnswer, publicRequest, services, shanghaiIso, toXml } from '../../core/open311/georeport';
import type { Complaint } from '../../core/complaint/model';
import { distanceMeters } from '../../core/shared/geo';

// The specification's examples (values as the wiki gives them; only their shape is compared).
const SPEC_SERVICE = { service_code: '001', service_name: 'Cans left out 24x7', description: 'Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.', metadata: true, type: 'realtime', keywords: 'lorem, ipsum, dolor', group: 'sanitation' };
const SPEC_POST_ANSWER = { service_request_id: '293944', service_notice: 'The City will inspect and require the responsible party to correct within 24 hours and/or issue a Correction Notice or Notice of Violation of the Public Works Code', account_id: null };
const SPEC_REQUEST = {
  service_request_id: '638344', status: 'closed', status_notes: 'Duplicate request.', service_name: 'Sidewalk and Curb Issues', service_code: '006', description: null,
  agency_responsible: null, service_notice: null, requested_datetime: '2010-04-14T06:37:38-08:00', updated_datetime: '2010-04-14T06:37:38-08:00',
  expected_datetime: '2010-04-15T06:37:38-08:00', address: '8TH AVE and JUDAH ST', address_id: '545483', zipcode: '94122', lat: 37.762221815, long: -122.4651145,
  media_url: 'http://city.gov.s3.amazonaws.com/requests/media/638344.jpg',
};
const SPEC_ERROR_XML = '<?xml version="1.0" encoding="utf-8"?>\n<errors>\n  <error>\n    <code>403</code>\n    <description>api_key was not provided</description>\n  </error>\n</errors>\n';
const SPEC_DISCOVERY_KEYS = ['changeset', 'contact', 'key_service', 'endpoints'];
const SPEC_ENDPOINT_KEYS = ['specification', 'url', 'changeset', 'type', 'formats'];
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

const typeOf = (v: unknown) => (v === null ? 'null' : typeof v);

function complaint(over: Partial<Complaint> = {}): Complaint {
  return {
    id: 'c1', trackingNo: 'TS261204ABCDEF', stationId: 'st-360731100-000', stationName: '贡江镇服务站', operatorName: '于都县电商运营中心', regionCodes: ['36', '3607', '360731'],
    category: 'overcharge', description: '多收了我十块钱，我叫张三', photos: ['f1'], complainantOpenid: 'o-resident-0001', phoneCipher: 'xx', phoneMasked: '138****5678',
    shareIdentity: false, held: false, status: 'submitted', version: 1, submittedAt: '2026-12-04T02:00:00.000Z', acceptDueOn: '2026-12-08', acceptedAt: null,
    handlerOpenid: null, replyDueOn: null, deadlineProvisional: false, extension: null, assignee: null, reply: null, replyOnTime: null, evaluation: null,
    evaluationComment: null, reopenCount: 0, refusal: null, escalationLevel: 0, escalations: [], mergedInto: null, supporters: 0, dueAt: '2026-12-08T15:59:59.999Z',
    closedAt: null, updatedAt: '2026-12-04T02:00:00.000Z', ...over,
  };
}
const STATION = { name: '贡江镇服务站', address: '于都县贡江镇长征大道 1 号', location: { lat: 25.95, lng: 115.41 } };

test('services carry exactly the example service\'s fields and types', () => {
  for (const s of services()) {
    expect(Object.keys(s).sort()).toEqual(Object.keys(SPEC_SERVICE).sort());
    for (const [k, v] of Object.entries(SPEC_SERVICE)) expect([k, typeOf(s[k])]).toEqual([k, typeOf(v)]);
    expect(['realtime', 'batch', 'blackbox']).toContain(s.type);
  }
});

test('a public request carries exactly the example request\'s fields; dates are ISO 8601 with an offset', () => {
  const r = publicRequest(complaint(), STATION);
  expect(Object.keys(r).sort()).toEqual(Object.keys(SPEC_REQUEST).sort());
  for (const k of ['service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'address', 'address_id', 'requested_datetime', 'updated_datetime'] as const) expect(typeof r[k]).toBe('string');
  for (const k of ['lat', 'long'] as const) expect(typeof r[k]).toBe('number');
  expect(r.requested_datetime).toMatch(ISO_WITH_OFFSET);
  expect(r.expected_datetime).toMatch(ISO_WITH_OFFSET);
  expect(['open', 'closed']).toContain(r.status);
  // WGS84 out (GCJ-02 is stored): the same place, a few hundred metres off in the other datum.
  const off = distanceMeters({ lat: r.lat, lng: r.long }, STATION.location);
  expect(off).toBeGreaterThan(100);
  expect(off).toBeLessThan(1000);
});

test('the public view never carries the complainant: not their words, phone, photos or identity', () => {
  const text = JSON.stringify(publicRequest(complaint(), STATION));
  for (const secret of ['多收', '张三', '5678', 'f1', 'o-resident']) expect(text).not.toContain(secret);
});

test('statuses: open until final; refused says why; a final case expects nothing', () => {
  expect(publicRequest(complaint({ status: 'accepted', replyDueOn: '2026-12-18' }), STATION)).toMatchObject({ status: 'open', status_notes: '已受理', expected_datetime: '2026-12-18T23:59:59+08:00' });
  expect(publicRequest(complaint({ status: 'assigned', replyDueOn: '2026-12-18', assignee: { kind: 'operator', operatorName: '于都县电商运营中心' } }), STATION)).toMatchObject({ agency_responsible: '于都县电商运营中心' });
  expect(publicRequest(complaint({ status: 'refused', refusal: { reason: 'not_station', text: '请向市场监管部门反映' } }), STATION)).toMatchObject({ status: 'closed', status_notes: '不予受理：不属于电商扶贫站点的事项', expected_datetime: null });
  expect(publicRequest(complaint({ status: 'closed' }), STATION)).toMatchObject({ status: 'closed', expected_datetime: null });
  expect(publicRequest(complaint({ held: true }), STATION).status_notes).toBe('已收到，内容审核后受理');
});

test('the POST answer and errors have the example shapes', () => {
  const created = [{ service_request_id: 'TS261204ABCDEF', service_notice: '已收到', account_id: null }];
  expect(Object.keys(created[0]).sort()).toEqual(Object.keys(SPEC_POST_ANSWER).sort());
  expect(JSON.parse(errorAnswer('json', 403, 'api_key was not provided').body)).toEqual([{ code: 403, description: 'api_key was not provided' }]);
  expect(errorAnswer('xml', 403, 'api_key was not provided').body).toBe(SPEC_ERROR_XML);
});

test('XML lists name each item; values are escaped; empty values are empty elements', () => {
  const xml = toXml('service_requests', [{ service_request_id: 'a<b>&"c"', description: null, lat: 1.5 }], 'request');
  expect(xml).toBe('<?xml version="1.0" encoding="utf-8"?>\n<service_requests>\n  <request>\n    <service_request_id>a&lt;b&gt;&amp;&quot;c&quot;</service_request_id>\n    <description></description>\n    <lat>1.5</lat>\n  </request>\n</service_requests>\n');
});

test('discovery has the specification\'s fields', () => {
  const d = discovery('https://example.cn');
  expect(Object.keys(d)).toEqual(SPEC_DISCOVERY_KEYS);
  expect(Object.keys(d.endpoints[0])).toEqual(SPEC_ENDPOINT_KEYS);
  expect(d.changeset).toMatch(ISO_WITH_OFFSET);
  expect(toXml('discovery', d)).toContain('<endpoints>\n    <endpoint>\n      <specification>http://wiki.open311.org/GeoReport_v2</specification>');
});

test('instants are given in Asia/Shanghai with +08:00', () => {
  expect(shanghaiIso('2026-12-04T17:30:05.123Z')).toBe('2026-12-05T01:30:05+08:00');
});
