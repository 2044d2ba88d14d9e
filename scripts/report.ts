/**
 * `npm run report -- --region CODE --period 2026Q4 FILE.xlsx`: a region's period report (issue 12
 * §5) from the local database (DATA_DIR, default .data/), the same workbook the desk exports: one
 * sheet per topic, region rows, the definitions on 指标说明. Exit 0 when written; 2 on bad arguments
 * (with a Chinese message); 1 when the database or the file cannot be used.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parsePeriod } from '../core/report/period';

const USAGE = `用法：npm run report -- --region 区划代码 --period 2026Q4 文件.xlsx
  --region   省、市或县的区划代码，如 36（江西省）、3607（赣州市）、360731（于都县）
  --period   季度（2026Q4）或年度（2026）`;

export interface ReportArgs {
  region: string;
  period: string;
  file: string;
}

/** The arguments, or the Chinese reason they are wrong. */
export function parseArgs(argv: string[]): ReportArgs | { error: string } {
  let region: string | undefined;
  let period: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--region' || a === '--period') {
      const v = argv[++i];
      if (!v || v.startsWith('--')) return { error: `${a} 后面缺少值` };
      if (a === '--region') region = v;
      else period = v;
    } else if (a.startsWith('--')) return { error: `不认识的选项 ${a}` };
    else files.push(a);
  }
  if (!region) return { error: '请用 --region 指定地区' };
  if (!/^36(\d{2}|\d{4})?$/.test(region)) return { error: `地区代码 ${region} 不对：应为省（36）、市（4 位）或县（6 位）的区划代码` };
  if (!period) return { error: '请用 --period 指定报表期间，如 2026Q4 或 2026' };
  if (!parsePeriod(period)) return { error: `报表期间 ${period} 不对：应为 2026Q4 这样的季度或 2026 这样的年度` };
  if (files.length !== 1) return { error: files.length ? '只能指定一个输出文件' : '请指定输出文件，如 报表.xlsx' };
  if (!/\.xlsx$/i.test(files[0]!)) return { error: '输出文件应以 .xlsx 结尾' };
  return { region, period, file: files[0]! };
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if ('error' in args) {
    console.error(`${args.error}\n${USAGE}`);
    return 2;
  }
  const { openDatabase } = await import('../adapters/sqlite/db');
  const { systemClock } = await import('../core/ports');
  const dataDir = resolve(process.env.DATA_DIR ?? join(__dirname, '..', '.data'));
  const db = openDatabase(join(dataDir, 'zhandiantong.sqlite'));
  try {
    return await writeReport(db, args, systemClock);
  } finally {
    db.close();
  }
}

/** Write the workbook from an open database; 2 when the region is not in it. */
export async function writeReport(db: import('../adapters/sqlite/db').Db, args: ReportArgs, clock: import('../core/ports').Clock): Promise<number> {
  const { createLocalStores } = await import('../server/functions');
  const { createFigureLoader } = await import('../core/report/desk');
  const { reportSheets } = await import('../core/report/sheets');
  const { tablesWorkbook } = await import('../adapters/platform/tables');
  const stores = createLocalStores(db);
  const region = await stores.regions.get(args.region);
  if (!region) {
    console.error(`本地数据库里没有地区 ${args.region}（先运行 npm run stations -- regions 或 npm start）`);
    return 2;
  }
  const figures = await createFigureLoader({ ...stores, clock }).compute(region, parsePeriod(args.period)!);
  writeFileSync(args.file, await tablesWorkbook(reportSheets(figures)));
  const t = figures.total;
  console.info(`${region.name} ${figures.period.label}：站点 ${t.networkStations} 个，投诉 ${t.complaints} 件，台账 ${t.ledgerEntries} 条 → ${args.file}`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(`生成报表失败：${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
