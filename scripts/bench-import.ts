/**
 * Register import benchmark (part of `npm run bench`, issue 10 §1): a province-size .xlsx (the
 * ~24k stations of seed/province.ts, exported through the same writer officials download) read
 * and imported into an empty local database through the real path (readSheet → the register
 * service's planImport, rule checks, writes, one audit entry a station), then imported again
 * (every row unchanged). Rows per second, wall clock, on this machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pinyinOf } from '../adapters/pinyin';
import { randomIds } from '../adapters/platform/crypto';
import { exportStations, readSheet } from '../adapters/platform/spreadsheet';
import { sqliteAdminStores } from '../adapters/sqlite/admin';
import { openDatabase } from '../adapters/sqlite/db';
import { createSqliteRegionRepository, createSqliteStationRepository } from '../adapters/sqlite/stations';
import { systemClock } from '../core/ports';
import type { Region } from '../core/station/model';
import { createRegisterService } from '../core/station/register';
import { provinceStations } from '../seed/province';
import { loadRegions } from '../seed/regions';

export interface ImportBench {
  rows: number;
  fileKB: number;
  readSeconds: number;
  firstImport: { seconds: number; rowsPerSecond: number; imported: number; rejected: number };
  reimport: { seconds: number; rowsPerSecond: number; unchanged: number };
}

export async function benchImport(): Promise<ImportBench> {
  const dir = mkdtempSync(join(tmpdir(), 'zdt-bench-import-'));
  const db = openDatabase(join(dir, 'db.sqlite'));
  try {
    const regions = loadRegions();
    const regionStore = createSqliteRegionRepository(db);
    await regionStore.upsertMany(regions);
    const byCode = new Map(regions.map((r) => [r.code, r]));
    const service = createRegisterService({
      stations: createSqliteStationRepository(db, pinyinOf),
      regionsFor: async (codes) => new Map(codes.flatMap((c) => (byCode.has(c) ? [[c, byCode.get(c) as Region]] : []))),
      audit: sqliteAdminStores(db).audit,
      clock: systemClock,
      ids: randomIds,
    });
    const file = await exportStations(provinceStations(), 'xlsx');

    let t = process.hrtime.bigint();
    const sheet = await readSheet(file);
    const readSeconds = Number(process.hrtime.bigint() - t) / 1e9;
    t = process.hrtime.bigint();
    const first = await service.importSheet(sheet, { dryRun: false, actor: 'bench' });
    const firstSeconds = Number(process.hrtime.bigint() - t) / 1e9 + readSeconds;

    t = process.hrtime.bigint();
    const again = await service.importSheet(await readSheet(file), { dryRun: false, actor: 'bench' });
    const againSeconds = Number(process.hrtime.bigint() - t) / 1e9;

    const rows = first.rows.length;
    const out: ImportBench = {
      rows,
      fileKB: Math.round(file.length / 1024),
      readSeconds,
      firstImport: { seconds: firstSeconds, rowsPerSecond: rows / firstSeconds, imported: first.summary.imported, rejected: first.summary.rejected },
      reimport: { seconds: againSeconds, rowsPerSecond: rows / againSeconds, unchanged: again.summary.unchanged },
    };
    console.info(`\n== register import (${rows} rows, ${out.fileKB} KB .xlsx, local SQLite) ==`);
    console.info(`first import ${out.firstImport.rowsPerSecond.toFixed(0)} rows/s (${firstSeconds.toFixed(1)} s incl. reading ${readSeconds.toFixed(1)} s; ${out.firstImport.imported} imported, ${out.firstImport.rejected} rejected); re-import ${out.reimport.rowsPerSecond.toFixed(0)} rows/s (${out.reimport.unchanged} unchanged)`);
    return out;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
