/**
 * The officials' figures by handling unit (issue 11 §4): county, city and province only, within
 * their region; the page's figures and the .xlsx export come from the same computeFigures.
 */
import { createAccess } from '../authz/access';
import { officialRegions } from '../authz/policy';
import type { AuditRepository, Clock, ComplaintRepository, DocumentFiles, IdSource, RegionRepository, RoleRepository, Spreadsheets } from '../ports';
import { AppError } from '../shared/errors';
import { addDays, toShanghai } from '../shared/time';
import { computeFigures, countyCodesOf, FIGURE_DEFINITIONS, figureSheets, MAX_FIGURE_COMPLAINTS, MAX_FIGURE_DAYS, type FigurePeriod, type FiguresResult } from './figures';
import type { Complaint } from './model';

export interface FiguresDeskDeps {
  complaints: ComplaintRepository;
  roles: RoleRepository;
  audit: AuditRepository;
  ids: IdSource;
  clock: Clock;
  /** Names the county offices; without it they read 县级主管部门. */
  regions?: Pick<RegionRepository, 'get'>;
  /** The export's writer and where the file is offered; absent where the function has no exceljs. */
  sheets?: Pick<Spreadsheets, 'tables'>;
  documents?: DocumentFiles;
}

export interface FiguresInput {
  regionCode?: string;
  from: string;
  until: string;
}

export interface UnitFiguresView extends FiguresResult {
  regionCode: string | null;
  from: string;
  until: string;
  definitions: typeof FIGURE_DEFINITIONS;
}

const PAGE = 500;

export function createFiguresDesk(deps: FiguresDeskDeps) {
  const access = createAccess(deps);

  async function scoped(openid: string | null, input: FiguresInput): Promise<{ openid: string; regionCodes: string[]; period: FigurePeriod }> {
    const actor = await access.actorOf(openid);
    const regions = officialRegions(actor);
    if (!regions.length) {
      await access.record({ actorOpenid: actor.openid, action: 'complaint.stats', outcome: 'denied', resource: 'figures', detail: 'role' });
      throw new AppError('FORBIDDEN', '只有县、市、省主管部门可以查看承办单位考核数据');
    }
    if (input.regionCode && !regions.some((r) => input.regionCode!.startsWith(r))) {
      await access.record({ actorOpenid: actor.openid, action: 'complaint.stats', outcome: 'denied', resource: `region:${input.regionCode}`, detail: 'out-of-scope' });
      throw new AppError('FORBIDDEN', '只能查看您管辖地区的数据', { regionCode: '不在管辖地区内' });
    }
    if (input.from > input.until) throw new AppError('VALIDATION_ERROR', '开始日期不能晚于结束日期', { until: '早于开始日期' });
    if (addDays(input.from, MAX_FIGURE_DAYS) <= input.until) throw new AppError('VALIDATION_ERROR', '时间段最长两年，请缩短后再试', { until: '时间段太长' });
    return { openid: actor.openid, regionCodes: input.regionCode ? [input.regionCode] : regions, period: { from: input.from, to: input.until } };
  }

  /** Complaints submitted from the period's first day (Shanghai), newest first, up to the cap. */
  async function load(regionCodes: string[], period: FigurePeriod): Promise<Complaint[]> {
    const since = new Date(`${period.from}T00:00:00+08:00`).toISOString();
    const out: Complaint[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await deps.complaints.list({ regionCodes, since, order: 'newest', offset, limit: PAGE });
      out.push(...page.items);
      if (out.length > MAX_FIGURE_COMPLAINTS) {
        throw new AppError('VALIDATION_ERROR', `这段时间的投诉超过 ${MAX_FIGURE_COMPLAINTS} 件，请缩短时间段或选下一级地区后再试`);
      }
      if (!page.hasMore) return out;
    }
  }

  async function countyNames(complaints: Complaint[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    if (!deps.regions) return names;
    for (const code of countyCodesOf(complaints)) {
      const region = await deps.regions.get(code);
      if (region) names.set(code, region.name);
    }
    return names;
  }

  async function figures(openid: string | null, input: FiguresInput) {
    const s = await scoped(openid, input);
    const complaints = await load(s.regionCodes, s.period);
    const result = computeFigures(complaints, s.period, await countyNames(complaints));
    return { s, view: { ...result, regionCode: input.regionCode ?? null, from: s.period.from, until: s.period.to, definitions: FIGURE_DEFINITIONS } satisfies UnitFiguresView };
  }

  return {
    async unitFigures(openid: string | null, input: FiguresInput): Promise<UnitFiguresView> {
      return (await figures(openid, input)).view;
    },

    async unitFiguresExport(openid: string | null, input: FiguresInput): Promise<{ url: string; name: string; count: number }> {
      const { s, view } = await figures(openid, input);
      if (!deps.sheets || !deps.documents) throw new AppError('UNAVAILABLE', '导出暂时不可用，请稍后再试');
      const day = toShanghai(deps.clock.now()).date.replace(/-/g, '');
      const name = `承办单位考核-${input.regionCode ?? s.regionCodes.join('_')}-${s.period.from}至${s.period.to}-${day}.xlsx`;
      const link = await deps.documents.offer(name, await deps.sheets.tables(figureSheets(view, s.period)), s.openid);
      await access.record({
        actorOpenid: s.openid,
        action: 'complaint.figuresExport',
        outcome: 'done',
        resource: `region:${input.regionCode ?? s.regionCodes.join(',')}`,
        detail: `导出承办单位考核数据 ${s.period.from} 至 ${s.period.to}（${view.totals.total} 件）`,
      });
      return { ...link, name, count: view.totals.total };
    },
  };
}
