/**
 * Open311 GeoReport v2 on the local server (issue 11 §5): the province administrator issues a key;
 * a hotline platform lists services, posts a complaint (form-encoded, as the specification's
 * example), reads its status back in JSON and XML; the county finds it in its queue with its
 * source; nothing of the complainant leaves; wrong keys, revoked keys, unknown fields, photo links
 * and places without a station get the specification's error shape; reads are rate-limited.
 */
import { HEAD_STATION, DEMO, startApp, type TestApp } from '../support/local-app';
import { gcj02ToWgs84 } from '../../core/shared/geo';
import { CATEGORY_CODES } from '../../core/complaint/model';
import { DEFAULT_LIMITS } from '../../core/shared/rate-limit';

jest.setTimeout(60_000);

const NOW = '2026-12-04T02:00:00.000Z';
let t: TestApp;

beforeEach(async () => {
  t = await startApp({ now: NOW });
});
afterEach(() => t.close());

const ROOT = '/open/georeport/v2';

async function get(path: string): Promise<{ status: number; type: string; text: string }> {
  const res = await fetch(`${t.base}${ROOT}${path}`);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

async function post(path: string, form: Record<string, string>): Promise<{ status: number; type: string; text: string }> {
  const res = await fetch(`${t.base}${ROOT}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

async function issueKey(name = '赣州市 12345 热线平台'): Promise<{ id: string; key: string }> {
  return t.ok('account', 'issueApiKey', { name }, DEMO.province);
}

const DESCRIPTION = '在站点寄快递被多收了10元，墙上写的是5元，也没有收据。';

describe('services and discovery', () => {
  test('services.json lists every complaint category in the specification\'s fields', async () => {
    const r = await get('/services.json');
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/json; charset=utf-8');
    const list = JSON.parse(r.text);
    expect(list.map((s: { service_code: string }) => s.service_code)).toEqual([...CATEGORY_CODES]);
    for (const s of list) {
      expect(Object.keys(s).sort()).toEqual(['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type']);
      expect(s).toMatchObject({ metadata: false, type: 'realtime' });
    }
  });

  test('services.xml is the same list as <services><service>…', async () => {
    const r = await get('/services.xml');
    expect(r.status).toBe(200);
    expect(r.type).toBe('text/xml; charset=utf-8');
    expect(r.text.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<services>\n  <service>\n    <service_code>attitude</service_code>')).toBe(true);
    expect(r.text.match(/<service>/g)).toHaveLength(CATEGORY_CODES.length);
    expect(r.text).toContain('<metadata>false</metadata>');
  });

  test('a service definition answers; an unknown one is 404 in the error shape', async () => {
    expect(JSON.parse((await get('/services/overcharge.json')).text)).toEqual({ service_code: 'overcharge', attributes: [] });
    const missing = await get('/services/potholes.json');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.text)).toEqual([{ code: 404, description: expect.stringContaining('没有这个服务') }]);
  });

  test('discovery points at this endpoint with both formats', async () => {
    const d = JSON.parse((await get('/discovery.json')).text);
    expect(d.endpoints).toEqual([expect.objectContaining({ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${t.base}${ROOT}`, type: 'production', formats: ['text/xml', 'application/json'] })]);
    const xml = (await get('/discovery.xml')).text;
    expect(xml).toContain('<discovery>');
    expect(xml).toContain('<endpoints>\n    <endpoint>');
    expect(xml).toContain('<formats>\n        <format>text/xml</format>\n        <format>application/json</format>');
  });
});

describe('posting a request', () => {
  test('form-encoded like the specification\'s example → a tracking number; the status reads back without the complainant', async () => {
    const { key } = await issueKey();
    const r = await post('/requests.json', { api_key: key, service_code: 'overcharge', address_id: HEAD_STATION, description: DESCRIPTION, phone: '13812345678', first_name: '张', last_name: '三', email: 'zs@example.com', device_id: 'dev-1' });
    expect(r.status).toBe(200);
    const [created] = JSON.parse(r.text);
    expect(Object.keys(created).sort()).toEqual(['account_id', 'service_notice', 'service_request_id']);
    expect(created.service_request_id).toMatch(/^TS\d{6}[0-9A-Z]{6}$/);
    expect(created.service_notice).toContain('前受理');

    const one = await get(`/requests/${created.service_request_id}.json`);
    expect(one.status).toBe(200);
    const [req] = JSON.parse(one.text);
    expect(req).toMatchObject({ service_request_id: created.service_request_id, status: 'open', status_notes: '待受理', service_code: 'overcharge', description: null, address_id: HEAD_STATION, requested_datetime: '2026-12-04T10:00:00+08:00', media_url: null });
    expect(req.expected_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T23:59:59\+08:00$/);
    expect(Object.keys(req).sort()).toEqual(['address', 'address_id', 'agency_responsible', 'description', 'expected_datetime', 'lat', 'long', 'media_url', 'requested_datetime', 'service_code', 'service_name', 'service_notice', 'service_request_id', 'status', 'status_notes', 'updated_datetime', 'zipcode']);
    // Nothing of the complainant: no words, no phone, no name.
    for (const secret of ['多收了', '13812345678', '5678', '张', 'zs@example.com']) expect(one.text).not.toContain(secret);

    const xml = await get(`/requests/${created.service_request_id}.xml`);
    expect(xml.text).toContain(`<service_requests>\n  <request>\n    <service_request_id>${created.service_request_id}</service_request_id>\n    <status>open</status>`);
    expect(xml.text).toContain('<description></description>');

    const many = JSON.parse((await get(`/requests.json?service_request_id=${created.service_request_id},TS000000XXXXXX`)).text);
    expect(many.map((x: { service_request_id: string }) => x.service_request_id)).toEqual([created.service_request_id]);

    // The county finds it in its queue, its source named; the complaint went through the ordinary path.
    const stored = await t.app.stores.complaints.findByTrackingNo(created.service_request_id);
    expect(stored).toMatchObject({ stationId: HEAD_STATION, category: 'overcharge', description: DESCRIPTION, phoneMasked: '138****5678', intake: { channel: 'open311', via: '赣州市 12345 热线平台' } });
    const detail = await t.ok('complaints', 'detail', { id: stored!.id }, DEMO.county);
    expect(detail.intakeLabel).toBe('开放接口：赣州市 12345 热线平台');
    expect(JSON.stringify(await t.app.stores.audit.list({ offset: 0, limit: 50 }))).not.toContain(DESCRIPTION);

    // Accepted by the county: the platform reads the new status; no WeChat message is queued for a platform.
    await t.ok('complaints', 'accept', { id: stored!.id, version: stored!.version }, DEMO.county);
    const after = JSON.parse((await get(`/requests/${created.service_request_id}.json`)).text)[0];
    expect(after).toMatchObject({ status: 'open', status_notes: '已受理' });
    expect(await t.app.stores.outbox.forRecipient(stored!.complainantOpenid, 10)).toEqual([]);
  });

  test('a GPS position finds the nearest station within 1 km; a place without one is refused', async () => {
    const { key } = await issueKey();
    const station = (await t.app.stores.stations.get(HEAD_STATION))!;
    const gps = gcj02ToWgs84(station.location);
    const r = await post('/requests.json', { api_key: key, service_code: 'closed_often', lat: String(gps.lat + 0.001), long: String(gps.lng), description: '连续三天去都没开门，电话也打不通。' });
    expect(r.status).toBe(200);
    const [created] = JSON.parse(r.text);
    const stored = await t.app.stores.complaints.findByTrackingNo(created.service_request_id);
    expect(stored?.stationId).toBeDefined();

    const sea = await post('/requests.json', { api_key: key, service_code: 'closed_often', lat: '20.0', long: '110.0', description: '连续三天去都没开门，电话也打不通。' });
    expect(sea.status).toBe(400);
    expect(JSON.parse(sea.text)).toEqual([{ code: 400, description: expect.stringContaining('没有登记的电商扶贫站点') }]);
    const addressOnly = await post('/requests.json', { api_key: key, service_code: 'closed_often', address_string: '贡江镇', description: '连续三天去都没开门，电话也打不通。' });
    expect(JSON.parse(addressOnly.text)[0].description).toContain('address_id');
  });

  test('errors in the specification\'s shape, JSON and XML, and nothing is filed', async () => {
    const { key, id } = await issueKey();
    const cases: [Record<string, string>, number, string][] = [
      [{ service_code: 'overcharge', address_id: HEAD_STATION, description: DESCRIPTION }, 403, '缺少 api_key'],
      [{ api_key: 'zdt_0000000000000000000000000000000a', service_code: 'overcharge', address_id: HEAD_STATION, description: DESCRIPTION }, 403, 'api_key 不对'],
      [{ api_key: key, service_code: 'potholes', address_id: HEAD_STATION, description: DESCRIPTION }, 400, '没有这个服务'],
      [{ api_key: key, service_code: 'overcharge', address_id: HEAD_STATION, description: DESCRIPTION, 'attribute[WHISK]': 'x' }, 400, '不支持的字段：attribute[WHISK]'],
      [{ api_key: key, service_code: 'overcharge', address_id: HEAD_STATION, description: DESCRIPTION, media_url: 'http://example.com/a.jpg' }, 400, 'media_url'],
      [{ api_key: key, service_code: 'overcharge', address_id: HEAD_STATION, description: '多收' }, 400, '请至少写'],
      [{ api_key: key, service_code: 'overcharge', address_id: 'st-nope-000', description: DESCRIPTION }, 400, '没有找到这个站点'],
      [{ api_key: key, service_code: 'overcharge', address_id: HEAD_STATION, description: DESCRIPTION, phone: '123' }, 400, '电话号码不对'],
      [{ api_key: key, service_code: 'overcharge', address_id: HEAD_STATION, description: DESCRIPTION, jurisdiction_id: 'sf' }, 400, 'jurisdiction_id'],
    ];
    for (const [form, status, words] of cases) {
      const r = await post('/requests.json', form);
      expect([r.status, JSON.parse(r.text)]).toEqual([status, [{ code: status, description: expect.stringContaining(words) }]]);
    }
    const xml = await post('/requests.xml', { service_code: 'overcharge' });
    expect(xml.status).toBe(403);
    expect(xml.text).toBe('<?xml version="1.0" encoding="utf-8"?>\n<errors>\n  <error>\n    <code>403</code>\n    <description>缺少 api_key</description>\n  </error>\n</errors>\n');
    expect(t.app.db.prepare("SELECT count(*) FROM complaints WHERE json_extract(doc, '$.intake') IS NOT NULL").pluck().get()).toBe(0);

    // Revoked: the same key stops working at once.
    await t.ok('account', 'revokeApiKey', { id }, DEMO.province);
    const revoked = await post('/requests.json', { api_key: key, service_code: 'overcharge', address_id: HEAD_STATION, description: DESCRIPTION });
    expect(revoked.status).toBe(403);
  });

  test('unknown paths, other methods and missing ids', async () => {
    expect((await get('/requests/TS261204ZZZZZZ.json')).status).toBe(404);
    expect((await get('/requests.json')).status).toBe(400);
    expect((await get('/nothing.json')).status).toBe(404);
    const del = await fetch(`${t.base}${ROOT}/services.json`, { method: 'DELETE' });
    expect(del.status).toBe(405);
    expect(await del.json()).toEqual([{ code: 405, description: '请使用 GET' }]);
  });
});

describe('keys and limits', () => {
  test('only the province administrator manages keys; the key is shown once and stored as a hash; every act audited', async () => {
    const made = await issueKey('南昌市 12345 热线平台');
    expect(made.key).toMatch(/^zdt_[0-9a-hjkmnp-tv-xyz]{32}$/);
    const list = await t.ok('account', 'apiKeys', {}, DEMO.province);
    expect(list.items).toEqual([{ id: made.id, name: '南昌市 12345 热线平台', createdOn: '2026-12-04', revokedOn: null, active: true }]);
    expect(JSON.stringify(list)).not.toContain(made.key);
    expect(JSON.stringify(await t.app.stores.apiKeys.list())).not.toContain(made.key);
    const twice = await t.call('account', 'issueApiKey', { name: '南昌市 12345 热线平台' }, DEMO.province);
    expect(twice.body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    for (const who of [DEMO.county, DEMO.city, DEMO.resident1]) {
      const r = await t.call('account', 'issueApiKey', { name: '别的平台' }, who);
      expect(r.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只有省级管理员可以管理接口密钥' } });
    }
    const unknownField = await t.call('account', 'issueApiKey', { name: '别的平台', scope: 'all' }, DEMO.province);
    expect(unknownField.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });

    const revoked = await t.ok('account', 'revokeApiKey', { id: made.id }, DEMO.province);
    expect(revoked).toMatchObject({ active: false, revokedOn: '2026-12-04' });
    expect((await t.call('account', 'revokeApiKey', { id: made.id }, DEMO.province)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const audit = await t.app.stores.audit.list({ resource: `apikey:${made.id}`, offset: 0, limit: 10 });
    expect(audit.items.map((e) => `${e.action}:${e.outcome}`).sort()).toEqual(['apikey.issue:done', 'apikey.revoke:done']);
    const denied = await t.app.stores.audit.list({ action: 'apikey.manage', offset: 0, limit: 10 });
    expect(denied.items).toHaveLength(3);
  });

  test('reads are limited per caller: past the limit, 429 in the error shape', async () => {
    await t.close();
    t = await startApp({ now: NOW, limits: { 'open311.read': DEFAULT_LIMITS['open311.read'] } });
    let last = 0;
    for (let i = 0; i < 121; i++) last = (await get('/services.json')).status;
    expect(last).toBe(429);
    const r = await get('/services.json');
    expect(JSON.parse(r.text)).toEqual([{ code: 429, description: expect.stringContaining('操作太频繁') }]);
  });
});
