/** The generated demo and benchmark data: valid, deterministic and consistent with the real divisions. */
import { distanceMeters } from '../../core/shared/geo';
import { fromShanghai } from '../../core/shared/time';
import type { Station } from '../../core/station/model';
import { nameFollowsRule, ruleWarnings, trustFacts } from '../../core/station/rules';
import { stationSchema } from '../../core/station/schema';
import { MIN_AREA_SQM, STATION_STATUSES } from '../../core/station/vocabulary';
import { demoStations } from '../../seed/demo';
import { demoIdentities } from '../../seed/identities';
import { JIANGXI_BOUNDS, provinceStations } from '../../seed/province';
import { isVirtualCommunity, loadRegions, populatedTownships, regionIndex } from '../../seed/regions';

const TODAY = '2026-07-15';
const NOW = fromShanghai(TODAY, 12 * 60);
const DEMO_COUNTIES = {
  '360731': { name: '于都县', seat: { lat: 25.952, lng: 115.415 } },
  '360881': { name: '井冈山市', seat: { lat: 26.748, lng: 114.289 } },
  '361128': { name: '鄱阳县', seat: { lat: 28.993, lng: 116.703 } },
} as const;

const regions = loadRegions();
const index = regionIndex(regions);
const demo = demoStations(TODAY);
const countyOf = (s: Station) => s.regionPath[2].code;

describe('loadRegions', () => {
  const count = (level: string) => regions.filter((r) => r.level === level).length;

  it('has the province, 11 cities, 100 counties and every township and village', () => {
    expect(count('province')).toBe(1);
    expect(count('city')).toBe(11);
    expect(count('county')).toBe(100);
    expect(count('township')).toBe(1767);
    expect(count('village')).toBe(22080);
  });

  it('links every region to an existing parent of the level above', () => {
    const parentLevel = { province: null, city: 'province', county: 'city', township: 'county', village: 'township' } as const;
    const broken: string[] = [];
    for (const r of regions) {
      if (r.level === 'province') {
        expect(r).toMatchObject({ code: '36', name: '江西省', parentCode: null });
        continue;
      }
      const parent = index.byCode.get(r.parentCode as string);
      if (parent?.level !== parentLevel[r.level] || !r.code.startsWith(parent.code)) broken.push(r.code);
    }
    expect(broken).toEqual([]);
    expect(index.children('36').every((c) => c.parentCode === '36')).toBe(true);
  });

  it('gives every city and county a centre inside Jiangxi', () => {
    for (const r of regions.filter((x) => x.level === 'city' || x.level === 'county')) {
      expect(r.centre).toBeDefined();
      const { lat, lng } = r.centre as { lat: number; lng: number };
      expect(lat).toBeGreaterThan(JIANGXI_BOUNDS.minLat);
      expect(lat).toBeLessThan(JIANGXI_BOUNDS.maxLat);
      expect(lng).toBeGreaterThan(JIANGXI_BOUNDS.minLng);
      expect(lng).toBeLessThan(JIANGXI_BOUNDS.maxLng);
    }
    // Counties sit within ~180 km of their city's seat (修水县 is ~155 km from 九江市).
    for (const county of regions.filter((x) => x.level === 'county')) {
      const city = index.byCode.get(county.parentCode as string);
      expect(distanceMeters(county.centre!, city!.centre!)).toBeLessThan(180_000);
    }
  });

  it('decodes real names and codes', () => {
    expect(index.byCode.get('360731')?.name).toBe('于都县');
    expect(index.byCode.get('360731100')?.name).toBe('贡江镇');
    expect(index.byCode.get('361102002015')?.name).toBe('五三（1）社区居民委员会');
    expect(regions.filter((r) => r.level === 'village').every((v) => /^\d{12}$/.test(v.code) && v.name.length > 0)).toBe(true);
  });
});

describe('demoStations', () => {
  it('passes stationSchema, is marked demo and has unique ids and codes', () => {
    for (const s of demo) {
      const result = stationSchema.safeParse(s);
      if (!result.success) throw new Error(`${s.id}: ${JSON.stringify(result.error.issues)}`);
      expect(s.demo).toBe(true);
      expect(s.photos).toEqual([]);
      expect(s.location.datum).toBe('GCJ-02');
    }
    expect(new Set(demo.map((s) => s.id)).size).toBe(demo.length);
    expect(new Set(demo.map((s) => s.code)).size).toBe(demo.length);
  });

  it('is deterministic for a given day', () => {
    expect(demoStations(TODAY)).toEqual(demo);
  });

  it('covers exactly the three counties, with real region paths', () => {
    expect(new Set(demo.map(countyOf))).toEqual(new Set(Object.keys(DEMO_COUNTIES)));
    for (const s of demo) {
      s.regionPath.forEach((ref, i) => {
        const region = index.byCode.get(ref.code);
        expect(region?.name).toBe(ref.name);
        if (i > 0) expect(region?.parentCode).toBe(s.regionPath[i - 1].code);
      });
      expect(s.regionPath.length).toBe({ county: 3, township: 4, village: 5 }[s.level]);
    }
  });

  it.each(Object.entries(DEMO_COUNTIES))('%s has one county centre, a station per township and ~30%% of villages', (code, county) => {
    const own = demo.filter((s) => countyOf(s) === code);
    const centres = own.filter((s) => s.level === 'county');
    expect(centres).toHaveLength(1);
    expect(centres[0].name).toBe(`${county.name}电商扶贫服务运营中心`);
    expect(centres[0].areaSqm).toBeGreaterThanOrEqual(200);
    expect(centres[0].services).toEqual(expect.arrayContaining(['product_showcase', 'training', 'warehousing']));
    expect(centres[0].hours.weekly.map((r) => r.day)).toEqual([1, 2, 3, 4, 5, 6, 7]);

    const towns = populatedTownships(index, code);
    const townshipStations = own.filter((s) => s.level === 'township');
    expect(townshipStations.map((s) => s.regionPath[3].code).sort()).toEqual(towns.map((t) => t.township.code).sort());
    // Every ordinary 乡/镇/街道 is covered.
    for (const t of index.children(code).filter((x) => /(乡|镇|街道)$/.test(x.name))) {
      expect(townshipStations.some((s) => s.regionPath[3].code === t.code)).toBe(true);
    }

    const villages = own.filter((s) => s.level === 'village');
    const realVillages = towns.reduce((n, t) => n + t.villages.length, 0);
    expect(villages.length / realVillages).toBeGreaterThanOrEqual(0.25);
    expect(villages.length / realVillages).toBeLessThanOrEqual(0.35);
    expect(villages.every((s) => !isVirtualCommunity(s.regionPath[4]))).toBe(true);
  });

  it('places stations within 60 km of their county seat', () => {
    for (const s of demo) {
      const seat = DEMO_COUNTIES[countyOf(s) as keyof typeof DEMO_COUNTIES].seat;
      expect(distanceMeters(s.location, seat)).toBeLessThan(60_000);
    }
  });

  it('shows every status, mostly active', () => {
    const statuses = new Set(demo.map((s) => s.status));
    for (const status of STATION_STATUSES) expect(statuses).toContain(status);
    expect(demo.filter((s) => s.status === 'active').length / demo.length).toBeGreaterThan(0.6);
  });

  it('has stations in cultivation and stale ones, and certificates only after review', () => {
    const facts = demo.map((s) => trustFacts(s, NOW));
    const inCultivation = facts.filter((f) => f.inCultivation).length;
    const stale = facts.filter((f) => f.stale).length;
    expect(inCultivation).toBeGreaterThan(0);
    expect(inCultivation).toBeLessThan(demo.length / 2);
    expect(stale / demo.length).toBeGreaterThan(0.04);
    expect(stale / demo.length).toBeLessThan(0.2);
    for (const s of demo) {
      const needsCertificate = ['certified', 'active', 'rectification'].includes(s.status);
      const mustNotHave = ['planned', 'operator_review', 'county_review', 'notice'].includes(s.status);
      if (needsCertificate) expect(s.certification).not.toBeNull();
      if (mustNotHave) expect(s.certification).toBeNull();
      if (s.certification) {
        expect(s.certification.certifiedOn <= TODAY).toBe(true);
        expect(s.certification.authority).toBe(`${s.regionPath[2].name}商务局`);
      }
      expect(s.infoConfirmedOn <= TODAY).toBe(true);
    }
  });

  it('includes a few deliberate naming and area breaches, and otherwise follows 第七条', () => {
    const badNames = demo.filter((s) => !nameFollowsRule(s.name, s.level));
    const smallAreas = demo.filter((s) => s.areaSqm < MIN_AREA_SQM[s.level]);
    expect(badNames.length).toBeGreaterThanOrEqual(2);
    expect(badNames.length).toBeLessThanOrEqual(3);
    expect(smallAreas.length).toBeGreaterThanOrEqual(2);
    expect(smallAreas.length).toBeLessThanOrEqual(3);
    expect(demo.some((s) => ruleWarnings(s).some((w) => w.code === 'POPULATION_BELOW_NORM'))).toBe(true);
  });

  it('discloses hours, fees, processes, commitments and complaint channels', () => {
    for (const s of demo) {
      expect(s.fees.length).toBeGreaterThan(0);
      expect(s.processes.length).toBeGreaterThan(0);
      expect(s.commitments).toContain('明码标价、不收取额外费用');
      expect(s.complaintChannels.map((c) => c.kind)).toEqual(expect.arrayContaining(['station', 'operator', 'county', 'hotline_12345', 'hotline_12315']));
      expect(s.hours.exceptions.some((e) => e.date === '2027-01-01' && e.intervals.length === 0)).toBe(true);
    }
    const express = demo.flatMap((s) => s.fees).find((f) => f.item === '快递代寄');
    expect(express).toMatchObject({ price: 5, unit: '件' });
    // A few stations stay open past midnight; some close at weekends.
    expect(demo.some((s) => s.hours.weekly.some((r) => r.intervals.some((iv) => iv.close <= iv.open)))).toBe(true);
    expect(demo.some((s) => !s.hours.weekly.some((r) => r.day === 7))).toBe(true);
  });
});

describe('demoIdentities', () => {
  const identities = demoIdentities();
  const roles = identities.map((i) => i.role);

  it('has each role with a scope that exists', () => {
    expect(roles.filter((r) => r === 'resident')).toHaveLength(2);
    for (const role of ['station_head', 'operator_staff', 'county_official', 'city_supervisor', 'province_admin'] as const) expect(roles).toContain(role);
    expect(new Set(identities.map((i) => i.openid)).size).toBe(identities.length);
    for (const identity of identities) {
      const scope = identity.scope;
      switch (scope.kind) {
        case 'none':
          expect(identity.role).toBe('resident');
          break;
        case 'station': {
          const station = demo.find((s) => s.id === scope.stationId);
          expect(station?.regionPath[2].code).toBe('360731');
          expect(station?.level).toBe('township');
          expect(station?.status).toBe('active');
          break;
        }
        case 'operator':
          expect(demo.some((s) => s.operator.name === scope.operatorName && countyOf(s) === '360731')).toBe(true);
          break;
        case 'region':
          expect(index.byCode.has(scope.regionCode)).toBe(true);
          break;
      }
    }
    const regionOf = (role: string) => identities.find((i) => i.role === role)?.scope;
    expect(regionOf('county_official')).toEqual({ kind: 'region', regionCode: '360731' });
    expect(regionOf('city_supervisor')).toEqual({ kind: 'region', regionCode: '3607' });
    expect(regionOf('province_admin')).toEqual({ kind: 'region', regionCode: '36' });
  });
});

describe('provinceStations', () => {
  const province = provinceStations(1);

  it('has ~100 centres, a station per populated township and a point per real village', () => {
    expect(province.length).toBeGreaterThanOrEqual(20_000);
    const levels = (level: string) => province.filter((s) => s.level === level).length;
    expect(levels('county')).toBe(100);
    expect(levels('township')).toBeGreaterThan(1600);
    expect(levels('village')).toBe(regions.filter((r) => r.level === 'village' && !isVirtualCommunity(r)).length);
    expect(new Set(province.map((s) => s.id)).size).toBe(province.length);
    expect(province.some((s) => demo.some((d) => d.id === s.id))).toBe(false);
  });

  it('is deterministic', () => {
    // Compare serialised: toEqual on ~24,000 nested records takes many seconds.
    expect(JSON.stringify(provinceStations(1)) === JSON.stringify(province)).toBe(true);
    expect(provinceStations(2)[500]).not.toEqual(province[500]);
  }, 60_000);

  it('has valid records inside Jiangxi (sample)', () => {
    for (let i = 0; i < province.length; i += 97) {
      const s = province[i];
      const result = stationSchema.safeParse(s);
      if (!result.success) throw new Error(`${s.id}: ${JSON.stringify(result.error.issues)}`);
    }
    const b = JIANGXI_BOUNDS;
    const outside = province.filter(({ location: p }) => p.lat < b.minLat || p.lat > b.maxLat || p.lng < b.minLng || p.lng > b.maxLng);
    expect(outside).toEqual([]);
  });
});
