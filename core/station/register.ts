/**
 * The station register's import and export, over the ports: load what a sheet touches, plan with
 * ./register-sheet.ts, write the changed stations in batches and audit each one. The same service
 * serves the terminal (`npm run stations`) and the officials' desk.
 */
import { thresholdsByCounty, type SettingsRepository } from '../settings/model';
import { auditRecorder } from '../authz/access';
import { listBindings, officialRegions } from '../authz/policy';
import type { AuditRepository, Clock, DocumentFiles, RegisterQuery, RoleRepository, Spreadsheets, StationRepository } from '../ports';
import { AppError } from '../shared/errors';
import { toShanghai } from '../shared/time';
import type { Region, Station } from './model';
import { MAX_REPORTED_ROWS, type DownloadAnswer, type ExportInput, type ImportReport } from './register-api';
import { countiesAndCodes, planImport, type ImportPlan, type SheetData } from './register-sheet';

export interface RegisterDeps {
  stations: StationRepository;
  /** The regions with these codes (missing ones left out). */
  regionsFor(codes: string[]): Promise<Map<string, Region>>;
  audit: AuditRepository;
  clock: Clock;
  ids: { id(): string };
  /** Region settings (第十二条1): the minimums the import's warnings use. */
  settings?: Pick<SettingsRepository, 'all'>;
}

export interface ImportOptions {
  dryRun: boolean;
  /** Who imports: an openid, or "cli:<user>" from the terminal. */
  actor: string;
  /** For an official: rows outside these region codes are refused. Absent: the whole province. */
  scopeCodes?: string[];
}

type SheetKeys = ReturnType<typeof countiesAndCodes>;

const PAGE = 500;
const WRITE_BATCH = 200;

/** Every prefix a region code's ancestors have: 360731100211 → 36, 3607, 360731, 360731100, 360731100211. */
function ancestorCodes(code: string): string[] {
  return [2, 4, 6, 9, 12].filter((n) => n <= code.length).map((n) => code.slice(0, n));
}

export function createRegisterService(deps: RegisterDeps) {
  async function listAll(q: Omit<RegisterQuery, 'limit' | 'afterCode'>): Promise<Station[]> {
    const out: Station[] = [];
    let afterCode: string | undefined;
    for (;;) {
      const page = await deps.stations.list({ ...q, afterCode, limit: PAGE });
      out.push(...page.items);
      if (!page.hasMore || page.items.length === 0) return out;
      afterCode = page.items[page.items.length - 1].code;
    }
  }

  /** The stations a sheet is checked against: its counties' and any it names by code. */
  async function existingFor({ counties, codes }: SheetKeys): Promise<Station[]> {
    const byCode = new Map<string, Station>();
    for (const county of counties) for (const s of await listAll({ regionCode: county })) byCode.set(s.code, s);
    const unknown = codes.filter((c) => !byCode.has(c));
    for (let i = 0; i < unknown.length; i += PAGE) {
      for (const s of await listAll({ codes: unknown.slice(i, i + PAGE) })) byCode.set(s.code, s);
    }
    return [...byCode.values()];
  }

  async function regionLookup({ counties, regionCodes }: SheetKeys, existing: Station[]): Promise<(code: string) => Region | undefined> {
    const wanted = new Set<string>();
    for (const code of [...regionCodes, ...counties]) for (const c of ancestorCodes(code)) wanted.add(c);
    for (const s of existing) for (const r of s.regionPath) wanted.add(r.code);
    const map = await deps.regionsFor([...wanted]);
    return (code) => map.get(code);
  }

  return {
    /** Check a sheet and, unless `dryRun`, write what changed. Nothing is written when the file itself is wrong. */
    async importSheet(sheet: SheetData, options: ImportOptions): Promise<ImportPlan & { written: boolean }> {
      const now = deps.clock.now();
      const keys = countiesAndCodes(sheet);
      const existing = await existingFor(keys);
      const region = await regionLookup(keys, existing);
      const all = deps.settings ? await deps.settings.all() : [];
      const plan = planImport(sheet, { region, existing, today: toShanghai(now).date, nowIso: now.toISOString(), scopeCodes: options.scopeCodes, thresholds: thresholdsByCounty(all) });
      if (options.dryRun || plan.fileErrors.length || plan.changes.length === 0) return { ...plan, written: false };

      const previous = new Set(existing.map((s) => s.code));
      for (let i = 0; i < plan.changes.length; i += WRITE_BATCH) {
        const batch = plan.changes.slice(i, i + WRITE_BATCH);
        await deps.stations.upsertMany(batch);
        for (const s of batch) {
          const warned = s.register?.warnings.length ? `；提示 ${s.register.warnings.map((w) => w.code).join(',')}` : '';
          await auditRecorder(deps)({
            at: now.toISOString(),
            actorOpenid: options.actor,
            action: 'station.import',
            outcome: 'done',
            resource: `station:${s.id}`,
            detail: `${previous.has(s.code) ? '更新' : '导入'} ${s.code}${warned}${s.register?.relaxationReason ? '；已写放宽理由' : ''}`,
          });
        }
      }
      return { ...plan, written: true };
    },

    /** The register filtered for an export, ordered by code. */
    exportList: (q: Omit<RegisterQuery, 'limit' | 'afterCode' | 'codes'>) => listAll(q),
  };
}

export type RegisterService = ReturnType<typeof createRegisterService>;

// ——— The officials' desk: authorised, scoped, files in and out ———

export interface RegisterDeskDeps extends RegisterDeps {
  roles: RoleRepository;
  sheets: Spreadsheets;
  documents: DocumentFiles;
}

const KIND_NAME: Record<'xlsx' | 'csv', string> = { xlsx: 'xlsx', csv: 'csv' };

export function createRegisterDesk(deps: RegisterDeskDeps) {
  const register = createRegisterService(deps);

  /** The region codes the caller manages; FORBIDDEN when none. */
  async function scopeOf(openid: string | null): Promise<{ openid: string; codes: string[] }> {
    if (!openid) throw new AppError('UNAUTHENTICATED');
    const bindings = await deps.roles.activeFor(openid);
    const actor = { openid, bindings };
    const codes = listBindings(actor, 'station.register').length ? officialRegions(actor) : [];
    if (!codes.length) throw new AppError('FORBIDDEN', '只有县、市、省主管部门可以管理站点登记');
    return { openid, codes };
  }

  async function report(openid: string | null, fileId: string, dryRun: boolean): Promise<ImportReport> {
    const scope = await scopeOf(openid);
    const sheet = await deps.sheets.read(await deps.documents.readUpload(fileId, scope.openid));
    const plan = await register.importSheet(sheet, { dryRun, actor: scope.openid, scopeCodes: scope.codes.includes('36') ? undefined : scope.codes });
    const flagged = plan.rows.filter((r) => r.errors.length || r.warnings.length);
    return {
      fileErrors: plan.fileErrors,
      ignoredColumns: plan.ignoredColumns,
      summary: plan.summary,
      rows: flagged.slice(0, MAX_REPORTED_ROWS),
      moreRows: Math.max(0, flagged.length - MAX_REPORTED_ROWS),
      written: plan.written,
    };
  }

  return {
    async template(openid: string | null): Promise<DownloadAnswer> {
      const scope = await scopeOf(openid);
      const name = '站点登记表模板.xlsx';
      return { ...(await deps.documents.offer(name, await deps.sheets.template(), scope.openid)), name };
    },

    preview: (openid: string | null, input: { fileId: string }) => report(openid, input.fileId, true),

    import: (openid: string | null, input: { fileId: string }) => report(openid, input.fileId, false),

    async export(openid: string | null, input: ExportInput): Promise<DownloadAnswer> {
      const scope = await scopeOf(openid);
      const regionCode = input.regionCode ?? (scope.codes.length === 1 ? scope.codes[0] : undefined);
      const allowed = scope.codes.includes('36') || (regionCode !== undefined && scope.codes.some((c) => regionCode.startsWith(c)));
      if (!allowed) throw new AppError('FORBIDDEN', '只能导出您管辖地区的站点', { regionCode: '不在管辖地区内' });
      const stations = await register.exportList({ regionCode, level: input.level, status: input.status });
      const now = deps.clock.now();
      const day = toShanghai(now).date.replace(/-/g, '');
      const name = `站点登记表-${regionCode ?? '36'}-${day}.${KIND_NAME[input.format]}`;
      const link = await deps.documents.offer(name, await deps.sheets.write(stations, input.format), scope.openid);
      await auditRecorder(deps)({
        at: now.toISOString(),
        actorOpenid: scope.openid,
        action: 'station.export',
        outcome: 'done',
        resource: `region:${regionCode ?? '36'}`,
        detail: `导出 ${stations.length} 个站点（${input.format}）`,
      });
      return { ...link, name, count: stations.length };
    },
  };
}
