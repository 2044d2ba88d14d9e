/**
 * Region settings (core/settings/model.ts) and poverty villages (core/station/poverty.ts) in
 * CloudBase. `region_settings`: `_id` = region code, the record as JSON text under `settings`
 * plus `version`; a change writes it and its `settings_changes` line (`regionCode`, `at`) in one
 * transaction. `poverty_villages`: `_id` = village code, `countyCode`, the record under `village`;
 * an import removes the county's list and adds the new one.
 *
 * Assessment weights used to live in `settings` (`_id` `assessment.weights`, the heads module's own
 * store). The first read of a repository carries a saved record over as the province's values with
 * an audit line (core/assessment/weights.ts carryLegacyWeights), in one transaction, and marks the
 * old document `carriedAt` so it is carried once (SQLite does the same in migration 31).
 */
import { carryLegacyWeights, LEGACY_WEIGHTS_KEY, type LegacyWeights } from '../../core/assessment/weights';
import type { RegionSettings, SettingsChange, SettingsRepository } from '../../core/settings/model';
import type { PovertyVillage, PovertyVillageRepository } from '../../core/station/poverty';
import { staleConflict } from '../../core/shared/errors';
import { by, byId, context, insertDoc, pageOf, recordCollection, removeWhere, transact, txAdd, txGet, txSet, txUpdate, type CbDb, type CbTransaction, type StoreOptions } from './sdk';

export const SETTINGS_COLLECTIONS = { settings: 'region_settings', changes: 'settings_changes', poverty: 'poverty_villages', legacy: 'settings' } as const;

export function createCloudbaseSettingsRepository(db: CbDb, options: StoreOptions = {}): SettingsRepository {
  const ctx = context(db, SETTINGS_COLLECTIONS, options);
  const { names } = ctx;
  const settings = recordCollection(ctx, names.settings, { fromDoc: (d: { settings: string }) => JSON.parse(d.settings) as RegionSettings });
  const changes = recordCollection(ctx, names.changes, { fromDoc: (d: { change: string }) => JSON.parse(d.change) as SettingsChange });

  /** Inside `tx`: a region's settings (added unless `exists`) and the line of the change log that goes with them. */
  async function write(tx: CbTransaction, code: string, exists: boolean, next: RegionSettings, change: SettingsChange): Promise<void> {
    const doc = { settings: JSON.stringify(next), version: next.version };
    if (exists) await txSet(ctx, tx, names.settings, code, doc);
    else await txAdd(ctx, tx, names.settings, code, doc);
    await txAdd(ctx, tx, names.changes, change.id, { change: JSON.stringify(change), regionCode: change.regionCode, at: change.at });
  }

  interface LegacyDoc {
    settings: string;
    version: number;
    carriedAt?: string;
  }
  async function carry(): Promise<void> {
    const seen = await byId<LegacyDoc>(ctx, names.legacy, LEGACY_WEIGHTS_KEY);
    if (!seen || seen.carriedAt) return;
    await transact(ctx, async (tx) => {
      const legacy = await txGet<LegacyDoc>(ctx, tx, names.legacy, LEGACY_WEIGHTS_KEY);
      if (!legacy || legacy.carriedAt) return;
      const current = await txGet<{ settings: string }>(ctx, tx, names.settings, '36');
      const at = new Date().toISOString();
      const c = carryLegacyWeights(JSON.parse(legacy.settings) as LegacyWeights, current ? (JSON.parse(current.settings) as RegionSettings) : null, at);
      if (c) await write(tx, '36', !!current, c.next, c.change);
      await txUpdate(ctx, tx, names.legacy, LEGACY_WEIGHTS_KEY, { carriedAt: at });
    });
  }
  // Once per repository (a function instance); a failure is tried again on the next read.
  let carried: Promise<void> | null = null;
  const ready = () =>
    (carried ??= carry().catch((err: unknown) => {
      carried = null;
      throw err;
    }));

  return {
    async get(code) {
      await ready();
      return settings.get(code);
    },
    async all() {
      await ready();
      return settings.findAll({ order: [['_id', 'asc']] });
    },
    async save(next, expected, change) {
      await transact(ctx, async (tx) => {
        const current = await txGet<{ version: number }>(ctx, tx, names.settings, next.regionCode);
        if ((current?.version ?? 0) !== expected) throw staleConflict('这项设置');
        await write(tx, next.regionCode, !!current, next, change);
      });
    },
    async changes(q) {
      if (!q.regionCodes.length) return pageOf([], q.limit);
      await ready();
      return changes.find({ anyOf: { regionCode: q.regionCodes }, order: by('at', 'desc') }, q);
    },
  };
}

export function createCloudbasePovertyVillageRepository(db: CbDb, options: StoreOptions = {}): PovertyVillageRepository {
  const ctx = context(db, SETTINGS_COLLECTIONS, options);
  const { names } = ctx;
  const villages = recordCollection(ctx, names.poverty, { fromDoc: (d: { village: string }) => JSON.parse(d.village) as PovertyVillage });
  return {
    async replaceCounty(county, list) {
      // Not one transaction (a county has hundreds of villages): removed, then added; a failure
      // midway leaves a shorter list that the next import replaces whole.
      await removeWhere(ctx, villages.coll().where({ countyCode: county }));
      for (const v of list) await insertDoc(ctx, names.poverty, v.code, { countyCode: county, village: JSON.stringify(v) });
    },
    listCounty: (county) => villages.findAll({ where: { countyCode: county }, order: [['_id', 'asc']] }),
  };
}
