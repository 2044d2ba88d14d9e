/**
 * The storage contract of SettingsRepository and PovertyVillageRepository: SQLite and CloudBase pass
 * it as is. Both carry the heads module's old `assessment.weights` record over as the province's
 * values with an audit line (SQLite: migration 31; CloudBase: on the first read).
 */
import { CARRY_CHANGE_ID, DEFAULT_WEIGHTS, weightsAt, type LegacyWeights } from '../../core/assessment/weights';
import type { RegionSettings, SettingsChange, SettingsRepository } from '../../core/settings/model';
import type { PovertyVillage, PovertyVillageRepository } from '../../core/station/poverty';
import { expectCode } from './expect';
import { useStore, type StoreLifecycle } from '../support/store-hooks';

export interface SettingsStoreHandle extends StoreLifecycle {
  settings: SettingsRepository;
  poverty: PovertyVillageRepository;
}

/** What a store held before the weights moved: the old record, and maybe the province's settings. */
export interface LegacySeed {
  legacy: LegacyWeights;
  province?: RegionSettings;
}

const settings = (regionCode: string, version: number, values: Record<string, number>): RegionSettings => ({ regionCode, values, updatedAt: `2026-12-0${version}T02:00:00.000Z`, updatedBy: 'o-1', version });
const change = (id: string, regionCode: string, at: string): SettingsChange => ({ id, regionCode, at, byOpenid: 'o-1', byName: '县级主管部门', reason: '调整', entries: [{ key: 'freshnessDays', from: null, to: 90 }] });
const village = (code: string, name: string): PovertyVillage => ({ code, name, countyCode: code.slice(0, 6), importedAt: '2026-12-01T02:00:00.000Z', importedBy: 'o-1' });

export function describeSettingsStoreContract(name: string, make: (seed?: LegacySeed) => Promise<SettingsStoreHandle>): void {
  describe(`${name}: settings store contract`, () => {
    let h: SettingsStoreHandle;
    useStore(make, (opened) => (h = opened));

    test('save creates (expected 0), then updates by version; CONFLICT when it moved on; nothing half-written', async () => {
      expect(await h.settings.get('360731')).toBeNull();
      const v1 = settings('360731', 1, { freshnessDays: 90 });
      await h.settings.save(v1, 0, change('c-1', '360731', '2026-12-01T02:00:00.000Z'));
      expect(await h.settings.get('360731')).toEqual(v1);
      await expectCode(h.settings.save(settings('360731', 1, { freshnessDays: 60 }), 0, change('c-x', '360731', '2026-12-01T03:00:00.000Z')), 'CONFLICT');
      const v2 = settings('360731', 2, { freshnessDays: 120, 'minArea.village': 12 });
      await h.settings.save(v2, 1, change('c-2', '360731', '2026-12-02T02:00:00.000Z'));
      await expectCode(h.settings.save(settings('360731', 3, {}), 1, change('c-y', '360731', '2026-12-03T02:00:00.000Z')), 'CONFLICT');
      expect(await h.settings.get('360731')).toEqual(v2);
      // Refused saves left no audit line.
      expect((await h.settings.changes({ regionCodes: ['360731'], offset: 0, limit: 10 })).items.map((c) => c.id)).toEqual(['c-2', 'c-1']);
    });

    test('all lists every region; changes filters by region, newest first, and pages', async () => {
      await h.settings.save(settings('36', 1, { freshnessDays: 150 }), 0, change('c-p', '36', '2026-12-01T01:00:00.000Z'));
      await h.settings.save(settings('3607', 1, { 'minArea.village': 12 }), 0, change('c-c', '3607', '2026-12-01T05:00:00.000Z'));
      await h.settings.save(settings('360731', 1, { freshnessDays: 90 }), 0, change('c-y', '360731', '2026-12-01T03:00:00.000Z'));
      await h.settings.save(settings('360732', 1, { freshnessDays: 60 }), 0, change('c-o', '360732', '2026-12-01T04:00:00.000Z'));
      expect((await h.settings.all()).map((s) => s.regionCode).sort()).toEqual(['36', '3607', '360731', '360732']);
      const first = await h.settings.changes({ regionCodes: ['36', '3607', '360731'], offset: 0, limit: 2 });
      expect(first.items).toEqual([change('c-c', '3607', '2026-12-01T05:00:00.000Z'), change('c-y', '360731', '2026-12-01T03:00:00.000Z')]);
      expect(first.hasMore).toBe(true);
      const next = await h.settings.changes({ regionCodes: ['36', '3607', '360731'], offset: 2, limit: 2 });
      expect(next.items.map((c) => c.id)).toEqual(['c-p']);
      expect(next.hasMore).toBe(false);
      expect((await h.settings.changes({ regionCodes: [], offset: 0, limit: 2 })).items).toEqual([]);
    });

    test('poverty villages: an import replaces only its county list', async () => {
      await h.poverty.replaceCounty('360731', [village('360731100201', '长征村'), village('360731100202', '红军村')]);
      await h.poverty.replaceCounty('360732', [village('360732100201', '某村')]);
      expect(await h.poverty.listCounty('360731')).toEqual([village('360731100201', '长征村'), village('360731100202', '红军村')]);
      await h.poverty.replaceCounty('360731', [village('360731100203', '新村')]);
      expect(await h.poverty.listCounty('360731')).toEqual([village('360731100203', '新村')]);
      expect(await h.poverty.listCounty('360732')).toEqual([village('360732100201', '某村')]);
      await h.poverty.replaceCounty('360731', []);
      expect(await h.poverty.listCounty('360731')).toEqual([]);
    });

    describe('the old assessment.weights record', () => {
      const legacy: LegacyWeights = { key: 'assessment.weights', weights: { ...DEFAULT_WEIGHTS, ledger: 30, training: 10 }, version: 3, updatedBy: 'prov', updatedAt: '2026-11-20T02:00:00.000Z' };
      let old: SettingsStoreHandle | null = null;
      afterEach(async () => {
        await old?.dispose?.();
        old = null;
      });

      test('is carried over as the province’s values, once, with an audit line by 数据迁移', async () => {
        old = await make({ legacy, province: settings('36', 1, { freshnessDays: 150, 'assessment.ledger': 25 }) });
        const province = await old.settings.get('36');
        expect(province).toMatchObject({ regionCode: '36', version: 2, updatedBy: 'migration', values: { freshnessDays: 150, 'assessment.ledger': 30, 'assessment.inspection': 20, 'assessment.complaints': 25, 'assessment.ratings': 15, 'assessment.training': 10 } });
        expect(weightsAt(await old.settings.all(), '360731').weights).toEqual(legacy.weights);
        const trail = (await old.settings.changes({ regionCodes: ['36'], offset: 0, limit: 10 })).items;
        expect(trail).toHaveLength(1);
        expect(trail[0]).toMatchObject({ id: CARRY_CHANGE_ID, regionCode: '36', at: legacy.updatedAt, byName: '数据迁移' });
        expect(trail[0]!.entries).toEqual([
          { key: 'assessment.ledger', from: 25, to: 30 },
          { key: 'assessment.inspection', from: null, to: 20 },
          { key: 'assessment.complaints', from: null, to: 25 },
          { key: 'assessment.ratings', from: null, to: 15 },
          { key: 'assessment.training', from: null, to: 10 },
        ]);
        // Later saves go on from the carried version; reading again carries nothing twice.
        await old.settings.save({ ...province!, values: { freshnessDays: 120 }, version: 3 }, 2, change('c-after', '36', '2026-12-03T02:00:00.000Z'));
        expect((await old.settings.all()).find((r) => r.regionCode === '36')?.values).toEqual({ freshnessDays: 120 });
        expect((await old.settings.changes({ regionCodes: ['36'], offset: 0, limit: 10 })).items.map((c) => c.id)).toEqual(['c-after', CARRY_CHANGE_ID]);
      });

      test('with no province settings yet: created at version 1; a record never saved carries nothing', async () => {
        old = await make({ legacy });
        expect(await old.settings.all()).toEqual([{ regionCode: '36', values: { 'assessment.ledger': 30, 'assessment.inspection': 20, 'assessment.complaints': 25, 'assessment.ratings': 15, 'assessment.training': 10 }, updatedAt: legacy.updatedAt, updatedBy: 'migration', version: 1 }]);
        await old.dispose?.();
        old = await make({ legacy: { ...legacy, version: 0 } });
        expect(await old.settings.all()).toEqual([]);
        expect((await old.settings.changes({ regionCodes: ['36'], offset: 0, limit: 10 })).items).toEqual([]);
      });
    });

    test('an unreachable store answers UNAVAILABLE', async () => {
      await h.breakStore();
      await expectCode(h.settings.all(), 'UNAVAILABLE');
      await expectCode(h.poverty.listCounty('360731'), 'UNAVAILABLE');
    });
  });
}
