/** HSDS 3.0 mapping of certified stations (issue 10 §5): no personal data, stable ids, WGS84, schema-valid. */
import { gcj02ToWgs84, wgs84ToGcj02, distanceMeters } from '../../core/shared/geo';
import { UUID_PATTERN, uuidV5 } from '../../core/shared/uuid';
import { HSDS_TERMS, hsdsIds, hsdsServiceText, hsdsTextMatch, serviceOfTerm, toHsdsTaxonomy, toHsdsTaxonomyTerm, HSDS_STATUSES, hsdsPage, hsdsPaging, hsdsSchedules, isHsdsListed, stationUuid, toHsdsLocation, toHsdsOrganization, toHsdsService, toHsdsServiceAtLocation } from '../../core/station/hsds';
import type { Station } from '../../core/station/model';
import { buildStation, R } from '../support/stations';
import { hsdsErrors } from '../support/hsds-schema';

const head = { personName: '刘站长', phone: '13907971234' };

function station(over: Partial<Station> = {}): Station {
  return buildStation(
    { id: 'gj-township', code: 'YD-T-001', level: 'township', name: '江西电商扶贫工程贡江镇服务站', region: R.gongjiang, at: [0, 1200], status: 'certified', services: ['express', 'bill_payment'] },
    {
      contact: head,
      complaintChannels: [
        { kind: 'station', label: '站长电话', value: '13907971234' },
        { kind: 'county', label: '于都县商务局', value: '0797-6222222' },
        { kind: 'hotline_12345', label: '12345 政务服务热线', value: '12345' },
        { kind: 'online', label: '小程序投诉', value: '在“站点通”小程序投诉' },
      ],
      ...over,
    },
  );
}

describe('uuid v5', () => {
  test('matches the RFC test vector and is stable', () => {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, 'www.example.com')
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(stationUuid('YD-T-001')).toBe(stationUuid('YD-T-001'));
    expect(stationUuid('YD-T-001')).not.toBe(stationUuid('YD-T-002'));
    expect(stationUuid('YD-T-001')).toMatch(UUID_PATTERN);
    // Non-ASCII names (operators) hash their UTF-8 bytes.
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, '于都县')
    expect(uuidV5('于都县', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('fc2dbbb5-34d9-529c-879e-1942ed26b9c4');
  });
});

describe('GCJ-02 → WGS84', () => {
  test('inverts the forward transform to well under a metre, and moves Jiangxi points by a few hundred metres', () => {
    const gcj = { lat: 25.9526, lng: 115.4157 };
    const wgs = gcj02ToWgs84(gcj);
    const back = wgs84ToGcj02(wgs);
    expect(distanceMeters(back, gcj)).toBeLessThan(0.01);
    const shift = distanceMeters(wgs, gcj);
    expect(shift).toBeGreaterThan(100);
    expect(shift).toBeLessThan(1000);
  });
  test('a published reference point: Tiananmen WGS84 (39.90734, 116.39089) ↔ GCJ-02 (39.90874, 116.39713) within 10 m', () => {
    expect(distanceMeters(wgs84ToGcj02({ lat: 39.90734, lng: 116.39089 }), { lat: 39.90874, lng: 116.39713 })).toBeLessThan(10);
  });
  test('outside China nothing moves', () => {
    expect(gcj02ToWgs84({ lat: 48.8584, lng: 2.2945 })).toEqual({ lat: 48.8584, lng: 2.2945 });
  });
});

describe('mapping', () => {
  const s = station();

  test('lists certified (认定) stations and those under rectification (整改), nothing else', () => {
    expect([...HSDS_STATUSES].sort()).toEqual(['active', 'certified', 'rectification']);
    for (const status of ['planned', 'operator_review', 'county_review', 'notice', 'closed'] as const) expect(isHsdsListed({ ...s, status })).toBe(false);
    expect(isHsdsListed({ ...s, status: 'rectification' })).toBe(true);
  });

  test('never carries personal data: no contact person, no contact phone, no station channel', () => {
    for (const answer of [toHsdsService(s), toHsdsLocation(s), toHsdsServiceAtLocation(s), toHsdsOrganization(s.operator)]) {
      const json = JSON.stringify(answer);
      expect(json).not.toContain(head.personName);
      expect(json).not.toContain(head.phone);
      expect(json).not.toMatch(/openid/i);
      expect(json).not.toContain(s.id); // internal ids stay inside
    }
    const numbers = (toHsdsService(s).phones as { number: string }[]).map((p) => p.number);
    expect(numbers).toEqual([s.operator.hotline, '0797-6222222', '12345']);
  });

  test('ids are UUIDs, stable between calls, and the same station gives the same ids', () => {
    const a = toHsdsService(s);
    const b = toHsdsService(station());
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.id).toBe(stationUuid(s.code));
    expect(toHsdsLocation(s).id).toBe(stationUuid(s.code));
    const ids = JSON.stringify(a).match(/"(id|[a-z_]+_id)":"([^"]+)"/g) ?? [];
    expect(ids.length).toBeGreaterThan(5);
    for (const m of ids) expect(m.split(':')[1].replace(/"/g, '')).toMatch(UUID_PATTERN);
    expect(toHsdsOrganization(s.operator).id).toBe(a.organization_id);
  });

  test('location is WGS84 (converted from the stored GCJ-02)', () => {
    const loc = toHsdsLocation(s);
    const wgs = gcj02ToWgs84(s.location);
    expect(loc.latitude).toBeCloseTo(wgs.lat, 6);
    expect(loc.longitude).toBeCloseTo(wgs.lng, 6);
    expect(loc.latitude).not.toBeCloseTo(s.location.lat, 4);
  });

  test('rectification keeps the service active with an alert', () => {
    expect(toHsdsService({ ...s, status: 'rectification' })).toMatchObject({ status: 'active', alert: expect.stringContaining('整改') });
    expect(toHsdsService(s).alert).toBeUndefined();
  });

  test('schedules: weekly groups by interval, with days, and dated exceptions', () => {
    const schedules = hsdsSchedules(
      {
        weekly: [
          { day: 1, intervals: [{ open: '08:00', close: '12:00' }, { open: '14:00', close: '18:00' }] },
          { day: 2, intervals: [{ open: '08:00', close: '12:00' }] },
          { day: 6, intervals: [{ open: '18:00', close: '02:00' }] },
        ],
        exceptions: [{ date: '2026-10-01', intervals: [], note: '国庆休息' }],
      },
      'k',
      {},
    );
    expect(schedules.map((x) => [x.byday, x.opens_at, x.closes_at, x.valid_from])).toEqual([
      ['MO,TU', '08:00+08:00', '12:00+08:00', undefined],
      ['MO', '14:00+08:00', '18:00+08:00', undefined],
      ['SA', '18:00+08:00', '02:00+08:00', undefined],
      [undefined, undefined, undefined, '2026-10-01'],
    ]);
    expect(schedules[2].description).toContain('次日');
  });

  test('every answer is valid against the HSDS 3.0 schemas', () => {
    for (const st of [s, station({ status: 'rectification', fees: [], processes: [] })]) {
      expect(hsdsErrors('service', toHsdsService(st))).toEqual([]);
      expect(hsdsErrors('location', toHsdsLocation(st))).toEqual([]);
      expect(hsdsErrors('service_at_location', toHsdsServiceAtLocation(st))).toEqual([]);
      expect(hsdsErrors('organization', toHsdsOrganization({ ...st.operator, stations: 3 }))).toEqual([]);
    }
  });

  test('the schema check can fail: a wrong id format or a missing name is caught', () => {
    expect(hsdsErrors('service', { ...toHsdsService(s), id: 'st-1' }).join()).toMatch(/uuid/);
    const { name: _name, ...nameless } = toHsdsService(s);
    expect(hsdsErrors('service', nameless).length).toBeGreaterThan(0);
    expect(hsdsErrors('location', { ...toHsdsLocation(s), latitude: '25.9' }).length).toBeGreaterThan(0);
  });
});

describe('paging', () => {
  const params = (q: string) => new URLSearchParams(q);
  test('page and per_page default to 1 and 50, and are checked', () => {
    expect(hsdsPaging(params(''))).toEqual({ page: 1, perPage: 50 });
    expect(hsdsPaging(params('page=3&per_page=10'))).toEqual({ page: 3, perPage: 10 });
    for (const bad of ['page=0', 'page=-1', 'page=x', 'per_page=101', 'per_page=0', 'page=1.5']) expect(hsdsPaging(params(bad))).toBeNull();
  });
  test('the page header follows the spec', () => {
    expect(hsdsPage(['a', 'b'], 5, { page: 1, perPage: 2 })).toEqual({ total_items: 5, total_pages: 3, page_number: 1, size: 2, first_page: true, last_page: false, empty: false, contents: ['a', 'b'] });
    expect(hsdsPage(['e'], 5, { page: 3, perPage: 2 })).toMatchObject({ size: 1, first_page: false, last_page: true, empty: false });
    expect(hsdsPage([], 0, { page: 1, perPage: 2 })).toMatchObject({ total_pages: 0, first_page: true, last_page: true, empty: true });
  });
});

describe('taxonomy and search', () => {
  test('the taxonomy and each term are schema-valid; a term id gives back its service code', () => {
    expect(hsdsErrors('taxonomy', toHsdsTaxonomy())).toEqual([]);
    for (const code of HSDS_TERMS) {
      expect(hsdsErrors('taxonomy_term', toHsdsTaxonomyTerm(code, true))).toEqual([]);
      expect(serviceOfTerm(hsdsIds.taxonomyTerm(code))).toBe(code);
      expect(serviceOfTerm(hsdsIds.taxonomyTerm(code).toUpperCase())).toBe(code);
    }
    expect(serviceOfTerm(stationUuid('X'))).toBeNull();
    expect(new Set(HSDS_TERMS.map((c) => hsdsIds.taxonomyTerm(c))).size).toBe(HSDS_TERMS.length);
  });

  test('search: every word must appear, in any of the texts, case-insensitive', () => {
    const s = station();
    expect(hsdsTextMatch('贡江', hsdsServiceText(s))).toBe(true);
    expect(hsdsTextMatch('贡江 乡镇', hsdsServiceText(s))).toBe(true); // name + level
    expect(hsdsTextMatch('贡江 南昌', hsdsServiceText(s))).toBe(false);
    expect(hsdsTextMatch('  ', hsdsServiceText(s))).toBe(true);
    expect(hsdsTextMatch('ABC', ['xabcx'])).toBe(true);
    // The head's name is not searchable: it is not open data.
    expect(hsdsTextMatch(head.personName, hsdsServiceText(s))).toBe(false);
  });
});
