/** Migration 11: stations written before it get their open data UUID when the repository opens. */
import { pinyinOf } from '../../adapters/pinyin';
import { openDatabase } from '../../adapters/sqlite/db';
import { createSqliteStationRepository } from '../../adapters/sqlite/stations';
import { stationUuid } from '../../core/station/hsds';
import { STATIONS } from '../support/stations';

test('rows without a uuid are filled in once, and then found by it', async () => {
  const db = openDatabase(':memory:');
  await createSqliteStationRepository(db, pinyinOf).upsertMany(STATIONS);
  db.exec('UPDATE stations SET uuid = NULL'); // as a database migrated from version 10 has them
  const reopened = createSqliteStationRepository(db, pinyinOf);
  expect(db.prepare('SELECT COUNT(*) FROM stations WHERE uuid IS NULL').pluck().get()).toBe(0);
  for (const s of STATIONS) expect((await reopened.getByUuid(stationUuid(s.code)))?.id).toBe(s.id);
  db.close();
});
