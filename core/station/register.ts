/**
 * The station register's import and export, over the ports: load what a sheet touches, plan with
 * ./register-sheet.ts, write the changed stations in batches and audit each one. The same service
 * serves the terminal (`npm run stations`) and the officials' desk.
 */
import type { AuditRepository, Clock, RegisterQuery, StationRepository } from '../ports';
import { toShanghai } from '../shared/time';
import type { Region, Station } from './model';
import { countiesAndCodes, planImport, type ImportPlan, type SheetData } from './register-sheet';

export interface RegisterDeps {
  stations: StationRepository;
  /** The regions with these codes (missing ones left out). */
  regionsFor(codes: string[]): Promise<Map<string, Region>>;
  audit: AuditRepository;
  clock: Clock;
  ids: { id(): string };
}

export interface ImportOptions {
  dryRun: boolean;
  /** Who imports: an openid, or "cli:<user>" from the terminal. */
  actor: string;
  /** For an official: rows outside these region codes are refused. Absent: the whole province. */
  scopeCodes?: string[];
}

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
  async function existingFor(sheet: SheetData): Promise<Station[]> {
    const { counties, codes } = countiesAndCodes(sheet);
    const byCode = new Map<string, Station>();
    for (const county of counties) for (const s of await listAll({ regionCode: county })) byCode.set(s.code, s);
    const unknown = codes.filter((c) => !byCode.has(c));
    for (let i = 0; i < unknown.length; i += PAGE) {
      for (const s of await listAll({ codes: unknown.slice(i, i + PAGE) })) byCode.set(s.code, s);
    }
    return [...byCode.values()];
  }

  async function regionLookup(sheet: SheetData, existing: Station[]): Promise<(code: string) => Region | undefined> {
    const { counties } = countiesAndCodes(sheet);
    const wanted = new Set<string>();
    const headerIndex = sheet.headers.findIndex((h) => String(h).replace(/\s+/g, '').replace(/^\uFEFF/, '') === '行政区划代码');
    for (const { cells } of sheet.rows) {
      const raw = headerIndex >= 0 ? cells[headerIndex] : null;
      const code = typeof raw === 'string' || typeof raw === 'number' ? String(raw).replace(/\s+/g, '').replace(/^="(.*)"$/, '$1') : '';
      if (/^36\d{4}(\d{3}(\d{3})?)?$/.test(code)) for (const c of ancestorCodes(code)) wanted.add(c);
    }
    for (const c of counties) for (const a of ancestorCodes(c)) wanted.add(a);
    for (const s of existing) for (const r of s.regionPath) wanted.add(r.code);
    const map = await deps.regionsFor([...wanted]);
    return (code) => map.get(code);
  }

  return {
    /** Check a sheet and, unless `dryRun`, write what changed. Nothing is written when the file itself is wrong. */
    async importSheet(sheet: SheetData, options: ImportOptions): Promise<ImportPlan & { written: boolean }> {
      const now = deps.clock.now();
      const existing = await existingFor(sheet);
      const region = await regionLookup(sheet, existing);
      const plan = planImport(sheet, { region, existing, today: toShanghai(now).date, nowIso: now.toISOString(), scopeCodes: options.scopeCodes });
      if (options.dryRun || plan.fileErrors.length || plan.changes.length === 0) return { ...plan, written: false };

      const previous = new Set(existing.map((s) => s.code));
      for (let i = 0; i < plan.changes.length; i += WRITE_BATCH) {
        const batch = plan.changes.slice(i, i + WRITE_BATCH);
        await deps.stations.upsertMany(batch);
        for (const s of batch) {
          const warned = s.register?.warnings.length ? `；提示 ${s.register.warnings.map((w) => w.code).join(',')}` : '';
          await deps.audit.append({
            id: deps.ids.id(),
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
