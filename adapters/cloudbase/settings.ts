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
import { EVERYTHING, byId, context, fetchRange, insertDoc, pageOf, removeWhere, transact, txAdd, txGet, txSet, txUpdate, type CbDb, type StoreOptions } from './sdk';

export const SETTINGS_COLLECTIONS = { settings: 'region_settings', changes: 'settings_changes', poverty: 'poverty_villages', legacy: 'settings' } as const;

export function createCloudbaseSettingsRepository(db: CbDb, options: StoreOptions = {}): SettingsRepository {
  const ctx = context(db, SETTINGS_COLLECTIONS, options);
  const { names, _ } = ctx;

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
      if (c) {
        const doc = { settings: JSON.stringify(c.next), version: c.next.version };
        if (current) await txSet(ctx, tx, names.settings, '36', doc);
        else await txAdd(ctx, tx, names.settings, '36', doc);
        await txAdd(ctx, tx, names.changes, c.change.id, { change: JSON.stringify(c.change), regionCode: c.change.regionCode, at: c.change.at });
      }
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
      const doc = await byId<{ settings: string }>(ctx, names.settings, code);
      return doc ? (JSON.parse(doc.settings) as RegionSettings) : null;
    },
    async all() {
      await ready();
      const docs = await fetchRange<{ settings: string }>(() => ctx.coll(names.settings).orderBy('_id', 'asc'), 0, EVERYTHING);
      return docs.map((d) => JSON.parse(d.settings) as RegionSettings);
    },
    async save(next, expected, change) {
      await transact(ctx, async (tx) => {
        const current = await txGet<{ version: number }>(ctx, tx, names.settings, next.regionCode);
        if ((current?.version ?? 0) !== expected) throw staleConflict('这项设置');
        const doc = { settings: JSON.stringify(next), version: next.version };
        if (current) await txSet(ctx, tx, names.settings, next.regionCode, doc);
        else await txAdd(ctx, tx, names.settings, next.regionCode, doc);
        await txAdd(ctx, tx, names.changes, change.id, { change: JSON.stringify(change), regionCode: change.regionCode, at: change.at });
      });
    },
    async changes(q) {
      if (!q.regionCodes.length) return pageOf([], q.limit);
      await ready();
      const docs = await fetchRange<{ change: string }>(
        () => ctx.coll(names.changes).where({ regionCode: _.in(q.regionCodes) }).orderBy('at', 'desc').orderBy('_id', 'desc'),
        q.offset,
        q.limit + 1,
      );
      return pageOf(docs.map((d) => JSON.parse(d.change) as SettingsChange), q.limit);
    },
  };
}

export function createCloudbasePovertyVillageRepository(db: CbDb, options: StoreOptions = {}): PovertyVillageRepository {
  const ctx = context(db, SETTINGS_COLLECTIONS, options);
  const { names } = ctx;
  return {
    async replaceCounty(county, villages) {
      // Not one transaction (a county has hundreds of villages): removed, then added; a failure
      // midway leaves a shorter list that the next import replaces whole.
      await removeWhere(ctx, ctx.coll(names.poverty).where({ countyCode: county }));
      for (const v of villages) await insertDoc(ctx, names.poverty, v.code, { countyCode: county, village: JSON.stringify(v) });
    },
    async listCounty(county) {
      const docs = await fetchRange<{ village: string }>(() => ctx.coll(names.poverty).where({ countyCode: county }).orderBy('_id', 'asc'), 0, EVERYTHING);
      return docs.map((d) => JSON.parse(d.village) as PovertyVillage);
    },
  };
}
