/**
 * The officials' dashboards, period reports and the 报送 chain (issue 12 §5): loads what the stores
 * hold for a region and a period, asks core/report/figures.ts once, and serves the dashboard, the
 * .xlsx export and the frozen snapshot from that one result. County, city and province officials
 * read within their region; the county submits, the city returns or forwards; every write is audited.
 */
import { createAccess, type AccessDeps } from '../authz/access';
import { listBindings, officialRegions } from '../authz/policy';
import type { Actor } from '../authz/roles';
import { WorkCalendar } from '../calendar/workdays';
import type { Complaint } from '../complaint/model';
import { MAX_FIGURE_COMPLAINTS } from '../complaint/figures';
import type { LedgerRepository } from '../ledger/store';
import { childLevelOf, COUNTED_STATUSES } from '../ledger/rollup';
import type { CalendarRepository, ComplaintRepository, DocumentFiles, RatingRepository, RecruitmentRepository, RegionRepository, Spreadsheets, StationRepository } from '../ports';
import type { RatingAggregate } from '../rating/model';
import type { TrainingRecord } from '../recruitment/model';
import { AppError } from '../shared/errors';
import { toShanghai } from '../shared/time';
import { settingsCodeOf, thresholdsByCounty, type SettingsRepository } from '../settings/model';
import { DEFAULT_IDLE_RULES, type IdleRules, type StationSignals } from '../station/idle';
import type { Region, Station } from '../station/model';
import type { RectificationOrder, RectificationRepository } from '../station/rectification';
import { aggregateFigures, computeReportFigures, type ReportFigures } from './figures';
import { lastQuarter, parsePeriod, reportDeadline, type ReportPeriod } from './period';
import { reportSheets } from './sheets';
import { countiesUnder } from '../station/region-tree';
import { countyStatuses, forwardReport, returnReport, submissionId, submitReport, SUBMISSION_STATE_LABELS, type ReportRepository, type ReportSubmission } from './submission';

export interface ReportDeskDeps extends AccessDeps {
  stations: Pick<StationRepository, 'list'>;
  regions: Pick<RegionRepository, 'children' | 'get'>;
  ledger: Pick<LedgerRepository, 'sums'>;
  complaints: Pick<ComplaintRepository, 'list'>;
  ratings: Pick<RatingRepository, 'aggregate'>;
  recruitment: Pick<RecruitmentRepository, 'listTraining'>;
  rectifications: Pick<RectificationRepository, 'list'>;
  calendars: CalendarRepository;
  reports: ReportRepository;
  idleRules?: IdleRules;
  /** Region settings (第十二条1): each station's idle rules are its own county's; idleRules is the fallback. */
  settings?: Pick<SettingsRepository, 'all'>;
  sheets?: Pick<Spreadsheets, 'tables'>;
  documents?: DocumentFiles;
}

export interface ReportInput {
  regionCode?: string;
  period?: string;
}

const ancestors = (code: string) => [2, 4, 6, 9, 12].filter((n) => n <= code.length).map((n) => code.slice(0, n));
const LEVEL_OF: Record<number, 'province' | 'city' | 'county'> = { 2: 'province', 4: 'city', 6: 'county' };

/** The stores the figures are read from (no authorization: the desk and `npm run report` call it). */
export type ReportDataDeps = Pick<ReportDeskDeps, 'stations' | 'regions' | 'ledger' | 'complaints' | 'ratings' | 'recruitment' | 'rectifications' | 'roles' | 'clock' | 'idleRules' | 'settings'>;

/** Reads what a region's figures need for a period, then computes them once (core/report/figures.ts). */
export function createFigureLoader(deps: ReportDataDeps) {
  const rules = deps.idleRules ?? DEFAULT_IDLE_RULES;
  async function allStations(code: string): Promise<Station[]> {
    const out: Station[] = [];
    for (let afterCode: string | undefined; ; ) {
      const page = await deps.stations.list({ regionCode: code, afterCode, limit: 500 });
      out.push(...page.items);
      if (!page.hasMore || !page.items.length) return out;
      afterCode = page.items[page.items.length - 1]!.code;
    }
  }

  async function complaintsOf(code: string, period: ReportPeriod): Promise<Complaint[]> {
    const since = new Date(`${period.from}T00:00:00+08:00`).toISOString();
    const out: Complaint[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await deps.complaints.list({ regionCodes: [code], since, order: 'newest', offset, limit: 500 });
      out.push(...page.items);
      if (out.length > MAX_FIGURE_COMPLAINTS) throw new AppError('VALIDATION_ERROR', `这段时间的投诉超过 ${MAX_FIGURE_COMPLAINTS} 件，请选下一级地区后再试`);
      if (!page.hasMore) return out;
    }
  }

  async function rectificationsOf(code: string): Promise<RectificationOrder[]> {
    const out: RectificationOrder[] = [];
    for (let offset = 0; ; offset += 200) {
      const page = await deps.rectifications.list({ regionCode: code, offset, limit: 200 });
      out.push(...page.items);
      if (!page.hasMore) return out;
    }
  }

  async function headsOf(): Promise<Set<string>> {
    const heads = new Set<string>();
    for (let offset = 0; ; offset += 200) {
      const page = await deps.roles.list({ offset, limit: 200 });
      for (const b of page.items) if (b.role === 'station_head' && b.scope.kind === 'station' && !b.revokedAt && !b.invite) heads.add(b.scope.stationId);
      if (!page.hasMore) return heads;
    }
  }

  /** Everything the figures need, read from the stores; then the one pure computation. */
  async function compute(region: Region, period: ReportPeriod): Promise<ReportFigures> {
    const now = deps.clock.now();
    const [children, stations, counties, ledger, complaints, rectifications] = await Promise.all([
      deps.regions.children(region.code),
      allStations(region.code),
      countiesUnder(deps.regions, region.code),
      deps.ledger.sums({ regionCode: region.code, level: childLevelOf(region.code), monthFrom: period.monthFrom, monthTo: period.monthTo, statuses: COUNTED_STATUSES }),
      complaintsOf(region.code, period),
      rectificationsOf(region.code),
    ]);
    // A province has ~1 900 townships: their villages are read 20 at a time (one call each in the cloud).
    const countyData: { county: Region; townships: Region[]; villages: Region[] }[] = [];
    for (let i = 0; i < counties.length; i += 20) {
      const chunk = counties.slice(i, i + 20);
      const townshipLists = await Promise.all(chunk.map((c) => deps.regions.children(c.code)));
      for (const [k, county] of chunk.entries()) {
        const townships = townshipLists[k]!;
        const villages: Region[] = [];
        for (let j = 0; j < townships.length; j += 20) for (const list of await Promise.all(townships.slice(j, j + 20).map((t) => deps.regions.children(t.code)))) villages.push(...list);
        countyData.push({ county, townships, villages });
      }
    }
    const ratings: RatingAggregate[] = [];
    for (let i = 0; i < stations.length; i += 20) {
      for (const a of await Promise.all(stations.slice(i, i + 20).map((s) => deps.ratings.aggregate(s.id)))) if (a) ratings.push(a);
    }
    const training: TrainingRecord[] = [];
    for (let i = 0; i < stations.length; i += 100) training.push(...(await deps.recruitment.listTraining({ stationIds: stations.slice(i, i + 100).map((s) => s.id) })));
    // Idle signals as the rectification desk reads them: 站点长期不开门 complaints in the window, last rating, a head,
    // each station judged by its own county's rules (resolved once per county).
    const byCounty = deps.settings ? thresholdsByCounty(await deps.settings.all()) : null;
    const rulesOf = (s: Pick<Station, 'regionPath'>): IdleRules => (byCounty ? byCounty(settingsCodeOf(s)).idle : rules);
    const byId = new Map(stations.map((s) => [s.id, s]));
    const notOpen = new Map<string, number>();
    for (const c of complaints) {
      const s = byId.get(c.stationId);
      if (!s || c.category !== 'closed_often') continue;
      if (c.submittedAt >= new Date(now.getTime() - rulesOf(s).complaintWindowDays * 86_400_000).toISOString()) notOpen.set(c.stationId, (notOpen.get(c.stationId) ?? 0) + 1);
    }
    const heads = await headsOf();
    const aggOf = new Map(ratings.map((a) => [a.stationId, a]));
    const idleSignals: StationSignals[] = stations.map((s) => {
      const agg = aggOf.get(s.id);
      return { station: s, notOpenComplaints: notOpen.get(s.id) ?? 0, lastActivityOn: agg?.count ? toShanghai(new Date(agg.updatedAt)).date : null, hasHead: heads.has(s.id) };
    });
    return computeReportFigures({
      region: { code: region.code, name: region.name },
      period,
      children: children.map((c) => ({ code: c.code, name: c.name })),
      stations,
      counties: countyData,
      ledger,
      complaints,
      ratings,
      training,
      idleSignals,
      idleRules: (x) => rulesOf(x.station),
      rectifications,
      now,
    });
  }

  return { compute };
}

export function createReportDesk(deps: ReportDeskDeps) {
  const access = createAccess(deps);
  const { compute } = createFigureLoader(deps);

  async function officialOf(openid: string | null, action: string): Promise<{ actor: Actor; regions: string[] }> {
    const actor = await access.actorOf(openid);
    const regions = listBindings(actor, 'report.read').length ? officialRegions(actor) : [];
    if (!regions.length) {
      await access.record({ actorOpenid: actor.openid, action, outcome: 'denied', resource: 'reports', detail: 'role' });
      throw new AppError('FORBIDDEN', '只有县、市、省主管部门可以查看报表');
    }
    return { actor, regions };
  }

  function periodOf(key: string | undefined): ReportPeriod {
    const p = parsePeriod(key ?? lastQuarter(deps.clock.now()));
    if (!p) throw new AppError('VALIDATION_ERROR', '报表期间应为 2026Q4 或 2026 这样的季度或年度', { period: '格式不对' });
    return p;
  }

  /** The region asked for (county, city or province), inside the caller's; their own when absent. */
  async function regionOf(actor: Actor, regions: string[], code: string | undefined, action: string): Promise<Region> {
    const want = code ?? regions.slice().sort((a, b) => a.length - b.length)[0]!;
    if (!LEVEL_OF[want.length]) throw new AppError('VALIDATION_ERROR', '请选择省、市或县', { regionCode: '请选择省、市或县' });
    if (!regions.some((r) => want.startsWith(r))) {
      await access.record({ actorOpenid: actor.openid, action, outcome: 'denied', resource: `region:${want}`, detail: 'out-of-scope' });
      throw new AppError('FORBIDDEN', '只能查看您管辖地区的报表', { regionCode: '不在管辖地区内' });
    }
    const region = await deps.regions.get(want);
    if (!region) throw new AppError('NOT_FOUND', '没有这个地区', { regionCode: '没有这个地区' });
    return region;
  }

  async function calendar() {
    return new WorkCalendar(await deps.calendars.adminYears());
  }

  function submissionView(s: ReportSubmission | null) {
    return s ? { id: s.id, level: s.level, regionCode: s.regionCode, regionName: s.regionName, period: s.period, state: s.state, stateLabel: SUBMISSION_STATE_LABELS[s.state], submittedAt: s.submittedAt, comment: s.comment, counties: s.counties, events: s.events.map((e) => ({ at: e.at, action: e.action, note: e.note })), version: s.version } : null;
  }

  /** Who acts in the 报送 chain for their own region: the county submits, the city forwards. */
  const OWN_REPORT = {
    'report.submit': { role: 'county_official', permission: 'report.submit', refusal: '只有县级主管部门可以报送本县报告' },
    'report.forward': { role: 'city_supervisor', permission: 'report.review', refusal: '只有市级主管部门可以汇总报省' },
  } as const;

  /** The caller's own region for a 报送 step (refused and recorded without the role), the period and the region's report so far. */
  async function ownReport(openid: string | null, periodKey: string, action: keyof typeof OWN_REPORT) {
    const { role, permission, refusal } = OWN_REPORT[action];
    const actor = await access.actorOf(openid);
    const binding = actor.bindings.find((b) => b.role === role && b.scope.kind === 'region' && !b.revokedAt);
    const code = binding && binding.scope.kind === 'region' ? binding.scope.regionCode : null;
    if (!code) {
      await access.record({ actorOpenid: actor.openid, action, outcome: 'denied', resource: 'reports', detail: 'role' });
      throw new AppError('FORBIDDEN', refusal);
    }
    await access.permit(actor, permission, { regionCodes: ancestors(code) }, `region:${code}`);
    const period = periodOf(periodKey);
    const region = await deps.regions.get(code);
    if (!region) throw new AppError('NOT_FOUND', '没有这个地区');
    const current = await deps.reports.get(submissionId(period.key, code));
    return { actor, code, region, period, current };
  }

  async function countiesFor(code: string): Promise<{ code: string; name: string; city: string }[]> {
    const out: { code: string; name: string; city: string }[] = [];
    const cityName = new Map<string, string>();
    for (const c of await countiesUnder(deps.regions, code)) {
      const cityCode = c.code.slice(0, 4);
      if (!cityName.has(cityCode)) cityName.set(cityCode, (await deps.regions.get(cityCode))?.name ?? '');
      out.push({ code: c.code, name: c.name, city: cityName.get(cityCode)! });
    }
    return out;
  }

  return {
    /** What the caller may choose: their regions (and one level down), the periods, their role in 报送. */
    async options(openid: string | null) {
      const { actor, regions } = await officialOf(openid, 'report.read');
      const choices: { code: string; name: string }[] = [];
      for (const code of regions) {
        const r = await deps.regions.get(code);
        if (r) choices.push({ code: r.code, name: r.name });
        if (code.length < 6) for (const c of await deps.regions.children(code)) choices.push({ code: c.code, name: `${r?.name ?? ''} · ${c.name}` });
      }
      const now = deps.clock.now();
      const last = lastQuarter(now);
      const periods: string[] = [];
      let y = Number(last.slice(0, 4));
      let q = Number(last.slice(5));
      for (let i = 0; i < 6; i++) {
        periods.push(`${y}Q${q}`);
        if (--q === 0) {
          q = 4;
          y--;
        }
      }
      const year = Number(last.slice(0, 4));
      periods.push(String(year), String(year - 1));
      const roles = actor.bindings.map((b) => b.role);
      return {
        regions: choices,
        periods: periods.map((key) => ({ key, label: parsePeriod(key)!.label })),
        defaultPeriod: last,
        canSubmit: roles.includes('county_official'),
        canReview: roles.includes('city_supervisor'),
      };
    },

    async figures(openid: string | null, input: ReportInput) {
      const { actor, regions } = await officialOf(openid, 'report.read');
      const period = periodOf(input.period);
      const region = await regionOf(actor, regions, input.regionCode, 'report.read');
      const figures = await compute(region, period);
      // The tables are the export's sheets: the page shows exactly what the workbook holds.
      return { figures, tables: reportSheets(figures), deadline: reportDeadline(period, await calendar()) };
    },

    async export(openid: string | null, input: ReportInput): Promise<{ url: string; name: string }> {
      const { actor, regions } = await officialOf(openid, 'report.export');
      const period = periodOf(input.period);
      const region = await regionOf(actor, regions, input.regionCode, 'report.export');
      if (!deps.sheets || !deps.documents) throw new AppError('UNAVAILABLE', '导出暂时不可用，请稍后再试');
      const figures = await compute(region, period);
      const name = `${region.name}-${period.key}-报表.xlsx`;
      const link = await deps.documents.offer(name, await deps.sheets.tables(reportSheets(figures)), actor.openid);
      await access.record({ actorOpenid: actor.openid, action: 'report.export', outcome: 'done', resource: `region:${region.code}`, detail: `导出 ${period.key} 报表` });
      return { ...link, name };
    },

    /** A frozen report (the county's own, or one below the caller), with its figures. */
    async submission(openid: string | null, input: { regionCode: string; period: string }) {
      const { actor, regions } = await officialOf(openid, 'report.read');
      const period = periodOf(input.period);
      await regionOf(actor, regions, input.regionCode, 'report.read');
      const s = await deps.reports.get(submissionId(period.key, input.regionCode));
      return { submission: submissionView(s), figures: s?.figures ?? null };
    },

    /** Who has submitted and when, the late counties, and the city reports, in the caller's region. */
    async status(openid: string | null, input: ReportInput) {
      const { actor, regions } = await officialOf(openid, 'report.read');
      const period = periodOf(input.period);
      const region = await regionOf(actor, regions, input.regionCode, 'report.read');
      const deadline = reportDeadline(period, await calendar());
      const all = await deps.reports.list({ period: period.key, regionCode: region.code.slice(0, Math.max(2, Math.min(region.code.length, 4))) });
      const inRegion = all.filter((s) => s.regionCode.startsWith(region.code) || (s.level === 'city' && region.code.startsWith(s.regionCode)));
      const today = toShanghai(deps.clock.now()).date;
      const counties = countyStatuses(await countiesFor(region.code), inRegion, deadline, today, (iso) => toShanghai(new Date(iso)).date);
      const cities = inRegion.filter((s) => s.level === 'city').map(submissionView);
      return { period: period.key, periodLabel: period.label, deadline, counties, late: counties.filter((c) => c.late), cities };
    },

    async submit(openid: string | null, input: { period: string }) {
      const { actor, code, region, period, current } = await ownReport(openid, input.period, 'report.submit');
      const at = deps.clock.now().toISOString();
      const figures = await compute(region, period);
      const next = submitReport(current, { region: { code, name: region.name }, period: period.key, figures, by: actor.openid, at });
      await deps.reports.save(next, current ? current.version : null);
      await access.record({ actorOpenid: actor.openid, action: 'report.submit', outcome: 'done', resource: `report:${next.id}`, detail: current ? '重新报送' : '报送' });
      return submissionView(next)!;
    },

    async returnReport(openid: string | null, input: { period: string; countyCode: string; comment: string; version: number }) {
      const actor = await access.actorOf(openid);
      await access.permit(actor, 'report.review', { regionCodes: ancestors(input.countyCode) }, `region:${input.countyCode}`);
      const period = periodOf(input.period);
      const current = await deps.reports.get(submissionId(period.key, input.countyCode));
      if (current && current.version !== input.version) throw new AppError('CONFLICT', '这份报告刚被修改，请刷新后再试');
      const next = returnReport(current, { comment: input.comment, by: actor.openid, at: deps.clock.now().toISOString() });
      await deps.reports.save(next, current!.version);
      await access.record({ actorOpenid: actor.openid, action: 'report.return', outcome: 'done', resource: `report:${next.id}`, detail: '退回县级报告' });
      return submissionView(next)!;
    },

    async forward(openid: string | null, input: { period: string; comment?: string }) {
      const { actor, code, region, period, current } = await ownReport(openid, input.period, 'report.forward');
      const counties = (await deps.reports.list({ period: period.key, regionCode: code })).filter((s) => s.level === 'county' && s.state === 'submitted');
      const figures = aggregateFigures({ code, name: region.name }, period, counties.map((c) => c.figures));
      const r = forwardReport(current, counties, { region: { code, name: region.name }, period: period.key, figures, by: actor.openid, at: deps.clock.now().toISOString(), comment: input.comment });
      // The city report first: a second forward fails here before any county changes.
      await deps.reports.save(r.city, null);
      for (const c of r.counties) await deps.reports.save(c.next, c.expectedVersion);
      await access.record({ actorOpenid: actor.openid, action: 'report.forward', outcome: 'done', resource: `report:${r.city.id}`, detail: `汇总 ${r.counties.length} 个县报省` });
      return submissionView(r.city)!;
    },
  };
}
