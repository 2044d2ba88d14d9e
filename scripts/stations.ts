/**
 * `npm run stations -- <command>`: the station register from a terminal, for whoever deploys.
 *
 *   template FILE.xlsx                               the empty template counties fill in
 *   import FILE.(xlsx|csv) [--dry-run]               check every row; write new and changed stations
 *   export FILE.(xlsx|csv) [--region CODE] [--level county|township|village] [--status STATUS]
 *   regions                                          load Jiangxi's administrative divisions
 *
 * Local database by default (DATA_DIR, default .data/, created if missing). With --cloudbase, a real
 * CloudBase environment through @cloudbase/node-sdk: TCB_ENV, TENCENTCLOUD_SECRETID and
 * TENCENTCLOUD_SECRETKEY from the environment.
 *
 * The import report ends with one line "N imported, N updated, N unchanged, N rejected". Exit 0 when
 * the file was read (rejected rows are reported, not fatal); 1 when it could not be; 2 on usage errors.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import { pinyinOf } from '../adapters/pinyin';
import { randomIds } from '../adapters/platform/crypto';
import { exportStations, readSheet, SheetFileError, templateWorkbook } from '../adapters/platform/spreadsheet';
import type { AuditRepository, RegionRepository, StationRepository } from '../core/ports';
import { systemClock } from '../core/ports';
import type { Region } from '../core/station/model';
import { createRegisterService } from '../core/station/register';
import { issueText, summaryLine } from '../core/station/register-sheet';
import { STATION_LEVELS, STATION_STATUSES, type StationLevel, type StationStatus } from '../core/station/vocabulary';
import { loadRegions } from '../seed/regions';

const USAGE = `用法：
  npm run stations -- template 文件.xlsx
  npm run stations -- import 文件.xlsx|文件.csv [--dry-run] [--cloudbase]
  npm run stations -- export 文件.xlsx|文件.csv [--region 区划代码] [--level county|township|village] [--status 状态] [--cloudbase]
  npm run stations -- regions [--cloudbase]`;

interface Stores {
  stations: StationRepository;
  regions: RegionRepository;
  audit: AuditRepository;
  close(): void;
}

async function localStores(): Promise<Stores> {
  // Only the stores the register needs: starts faster than the whole local app.
  const { openDatabase } = await import('../adapters/sqlite/db');
  const { createSqliteRegionRepository, createSqliteStationRepository } = await import('../adapters/sqlite/stations');
  const { createSqliteAuditRepository } = await import('../adapters/sqlite/admin');
  const dataDir = resolve(process.env.DATA_DIR ?? join(__dirname, '..', '.data'));
  const db = openDatabase(join(dataDir, 'zhandiantong.sqlite'));
  console.info(`本地数据库：${join(dataDir, 'zhandiantong.sqlite')}`);
  return {
    stations: createSqliteStationRepository(db, pinyinOf),
    regions: createSqliteRegionRepository(db),
    audit: createSqliteAuditRepository(db),
    close: () => db.close(),
  };
}

async function cloudStores(): Promise<Stores> {
  const env = process.env.TCB_ENV;
  const secretId = process.env.TENCENTCLOUD_SECRETID;
  const secretKey = process.env.TENCENTCLOUD_SECRETKEY;
  if (!env || !secretId || !secretKey) throw new SheetFileError('--cloudbase 需要环境变量 TCB_ENV、TENCENTCLOUD_SECRETID、TENCENTCLOUD_SECRETKEY');
  const tcb = await import('@cloudbase/node-sdk');
  const { createCloudbaseRegionRepository, createCloudbaseStationRepository } = await import('../adapters/cloudbase/stations');
  const { createCloudbaseAuditRepository } = await import('../adapters/cloudbase/admin');
  const app = tcb.init({ env, secretId, secretKey });
  const db = app.database() as unknown as Parameters<typeof createCloudbaseStationRepository>[0];
  console.info(`云开发环境：${env}`);
  return {
    // With pinyin: this is the one writer of whole stations (search tokens are made on write).
    stations: createCloudbaseStationRepository(db, { sdk: 'node-sdk', pinyin: pinyinOf }),
    regions: createCloudbaseRegionRepository(db, { sdk: 'node-sdk' }),
    audit: createCloudbaseAuditRepository(db, { sdk: 'node-sdk' }),
    close: () => {},
  };
}

function kindOf(file: string): 'xlsx' | 'csv' {
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv') return 'csv';
  throw new SheetFileError(`文件名应以 .xlsx 或 .csv 结尾：${file}`);
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The divisions must be in the store for region pages and pickers; load them once. */
async function ensureRegions(stores: Stores, regions: Region[]): Promise<void> {
  if (await stores.regions.get('36')) return;
  console.info(`写入江西省行政区划（${regions.length} 个）…`);
  await stores.regions.upsertMany(regions);
}

async function main(argv: string[]): Promise<number> {
  const [command, file, ...rest] = argv;
  const args = [file, ...rest].filter((a): a is string => a !== undefined);
  if (!command || command === '--help' || command === '-h') {
    console.info(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'template') {
    if (!file || kindOf(file) !== 'xlsx') {
      console.error('模板是 .xlsx 文件：npm run stations -- template 文件.xlsx');
      return 2;
    }
    writeFileSync(file, await templateWorkbook());
    console.info(`已写出模板：${file}`);
    return 0;
  }
  if (!['import', 'export', 'regions'].includes(command)) {
    console.error(`不认识的命令：${command}\n${USAGE}`);
    return 2;
  }
  if (command !== 'regions' && (!file || file.startsWith('--'))) {
    console.error(USAGE);
    return 2;
  }

  const regions = loadRegions();
  const stores = args.includes('--cloudbase') ? await cloudStores() : await localStores();
  try {
    if (command === 'regions') {
      await stores.regions.upsertMany(regions);
      console.info(`已写入行政区划 ${regions.length} 个`);
      return 0;
    }
    const byCode = new Map(regions.map((r) => [r.code, r]));
    const service = createRegisterService({
      stations: stores.stations,
      regionsFor: async (codes) => new Map(codes.flatMap((c) => (byCode.has(c) ? [[c, byCode.get(c) as Region]] : []))),
      audit: stores.audit,
      clock: systemClock,
      ids: randomIds,
    });

    if (command === 'export') {
      const kind = kindOf(file);
      const level = option(args, '--level');
      const status = option(args, '--status');
      if (level && !STATION_LEVELS.includes(level as StationLevel)) throw new SheetFileError(`--level 应为 ${STATION_LEVELS.join(' / ')}`);
      if (status && !STATION_STATUSES.includes(status as StationStatus)) throw new SheetFileError(`--status 应为 ${STATION_STATUSES.join(' / ')}`);
      const stations = await service.exportList({ regionCode: option(args, '--region'), level: level as StationLevel | undefined, status: status as StationStatus | undefined });
      writeFileSync(file, await exportStations(stations, kind));
      console.info(`已导出 ${stations.length} 个站点：${file}`);
      return 0;
    }

    // import
    kindOf(file);
    if (!existsSync(file)) throw new SheetFileError(`找不到文件：${file}`);
    const dryRun = args.includes('--dry-run');
    const started = Date.now();
    const sheet = await readSheet(readFileSync(file));
    if (!dryRun) await ensureRegions(stores, regions);
    const plan = await service.importSheet(sheet, { dryRun, actor: `cli:${userInfo().username}` });
    if (plan.fileErrors.length) {
      for (const e of plan.fileErrors) console.error(e);
      console.info(summaryLine(plan.summary));
      return 1;
    }
    if (plan.ignoredColumns.length) console.info(`忽略了不认识的列：${plan.ignoredColumns.join('、')}`);
    for (const row of plan.rows) {
      for (const e of row.errors) console.info(`错误 ${issueText(row.row, e)}`);
      for (const w of row.warnings) console.info(`提示 ${issueText(row.row, w)}${row.action === 'reject' ? '' : '（已导入，提示已记录）'}`);
    }
    const seconds = (Date.now() - started) / 1000;
    console.info(`${dryRun ? '试运行，未写入。' : ''}${plan.summary.warned ? `${plan.summary.warned} 行带提示导入。` : ''}用时 ${seconds.toFixed(1)} 秒`);
    console.info(summaryLine(plan.summary));
    return 0;
  } finally {
    stores.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof SheetFileError) console.error(err.message);
    else console.error(`出错了：${(err as Error)?.message ?? err}`);
    process.exit(1);
  },
);
