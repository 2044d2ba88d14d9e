/** The storage contract against the SQLite adapter (in memory). Outage = the connection closed. */
import { pinyinOf } from '../../adapters/pinyin';
import { openDatabase } from '../../adapters/sqlite/db';
import { createSqliteRegionRepository, createSqliteStationRepository } from '../../adapters/sqlite/stations';
import { describeStationStoreContract } from './stations.contract';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LISTED_STATUSES } from '../../core/station/vocabulary';
import type { Station } from '../../core/station/model';
import { CENTRE, S, STATIONS } from '../support/stations';
import { onSqlite } from '../support/store-runners';

describeStationStoreContract(
  'sqlite',
  onSqlite((db) => ({
    stations: createSqliteStationRepository(db, pinyinOf),
    regions: createSqliteRegionRepository(db),
    writeLegacy: async (s: Station) => {
      await createSqliteStationRepository(db, pinyinOf).upsertMany([s]);
      db.prepare('UPDATE stations SET uuid = NULL WHERE id = ?').run(s.id);
    },
  })),
);

describe('sqlite nearby keeps parsed stations only while they are current', () => {
  const q = { ...CENTRE, radiusM: 5000, statuses: LISTED_STATUSES, limit: 50 };
  const nameOf = async (repo: ReturnType<typeof createSqliteStationRepository>) =>
    (await repo.nearby(q)).items.find((r) => r.station.id === S.shuitou.id)?.station.name;

  test('a rewrite through the same repository is seen at once', async () => {
    const db = openDatabase(':memory:');
    const repo = createSqliteStationRepository(db, pinyinOf);
    await repo.upsertMany(STATIONS);
    expect(await nameOf(repo)).toBe(S.shuitou.name);
    await repo.upsertMany([{ ...S.shuitou, name: '江西电商扶贫工程水头村新服务点' }]);
    expect(await nameOf(repo)).toBe('江西电商扶贫工程水头村新服务点');
    // Open now reads the new hours too.
    await repo.upsertMany([{ ...S.shuitou, hours: { weekly: [], exceptions: [] } }]);
    const open = await repo.nearby({ ...q, hoursFilter: (h) => h.weekly.length > 0 });
    expect(open.items.map((r) => r.station.id)).not.toContain(S.shuitou.id);
    db.close();
  });

  test('a write by another connection (another process) is seen on the next query', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zdt-nearby-'));
    const file = join(dir, 'db.sqlite');
    const a = openDatabase(file);
    const b = openDatabase(file);
    try {
      const reader = createSqliteStationRepository(a, pinyinOf);
      await createSqliteStationRepository(b, pinyinOf).upsertMany(STATIONS);
      expect(await nameOf(reader)).toBe(S.shuitou.name);
      await createSqliteStationRepository(b, pinyinOf).upsertMany([{ ...S.shuitou, name: '江西电商扶贫工程水头村新服务点' }]);
      expect(await nameOf(reader)).toBe('江西电商扶贫工程水头村新服务点');
    } finally {
      a.close();
      b.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
