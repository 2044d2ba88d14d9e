/**
 * Ledgers over the ports (./model.ts holds the rules, ./anomalies.ts the flags, ./rollup.ts the
 * totals): heads record and correct their station's entries, operator staff review their stations'
 * entries, officials read totals of their region. Every write is audited; an entry or station the
 * caller may not see answers exactly as if it did not exist.
 */
import { createAccess, type AccessDeps } from '../authz/access';
import { authorize, listBindings, type Permission, type Target } from '../authz/policy';
import type { Actor } from '../authz/roles';
import type { RegionRepository, StationRepository } from '../ports';
import { AppError } from '../shared/errors';
import { ruleError } from '../shared/rule-error';
import { toShanghai } from '../shared/time';
import { flagMonth, USUAL_MONTHS, type LedgerFlag } from './anomalies';
import type { EntryView, MonthView, QueuePage, TotalsView } from './api';
import { LEDGER_LIMITS } from './api';
import {
  LEDGER_KIND_LABELS,
  LEDGER_STATUS_LABELS,
  LEDGER_UNITS,
  RECORD_MONTHS_BACK,
  addMonthsTo,
  correct,
  monthsBetween,
  record,
  review,
  type LedgerChange,
  type LedgerEntry,
  type LedgerFields,
  type LedgerStatus,
} from './model';
import { COUNTED_STATUSES, childLevelOf, groupEntries, rollUp } from './rollup';
import type { LedgerQuery, LedgerRepository } from './store';

export interface LedgerDeps extends AccessDeps {
  stations: Pick<StationRepository, 'get'>;
  regions: Pick<RegionRepository, 'get'>;
  ledger: LedgerRepository;
}

const QUEUE_PAGE = 20;
/** The most entries one station-view reads (seven months of a busy station). */
const READ_MAX = 3_000;

const stationNotFound = () => new AppError('NOT_FOUND', '没有找到这个站点', { stationId: '站点不存在' });
const entryNotFound = () => new AppError('NOT_FOUND', '没有找到这条台账', { id: '记录不存在' });

/** A region code and its ancestors: '360731' → ['36', '3607', '360731']. */
export function regionCodesOfCode(code: string): string[] {
  return [2, 4, 6, 9, 12].filter((n) => n <= code.length).map((n) => code.slice(0, n));
}

export function toEntryView(e: LedgerEntry, flags: LedgerFlag[] = []): EntryView {
  const lastReturn = [...e.history].reverse().find((h) => h.action === 'return');
  return {
    id: e.id,
    stationId: e.stationId,
    stationName: e.stationName,
    month: e.month,
    kind: e.kind,
    kindLabel: LEDGER_KIND_LABELS[e.kind],
    unit: LEDGER_UNITS[e.kind],
    ...(e.product ? { product: e.product } : {}),
    quantity: e.quantity,
    amountFen: e.amountFen,
    ...(e.households !== undefined ? { households: e.households } : {}),
    ...(e.date ? { date: e.date } : {}),
    ...(e.note ? { note: e.note } : {}),
    status: e.status,
    statusLabel: LEDGER_STATUS_LABELS[e.status],
    ...(e.returnReason ? { returnReason: e.returnReason } : {}),
    ...(e.status === 'submitted' && lastReturn?.reason ? { lastReturnReason: lastReturn.reason } : {}),
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    flags,
  };
}

export function createLedgerService(deps: LedgerDeps) {
  const access = createAccess(deps);
  const { stations, regions, ledger, clock, ids } = deps;
  const today = () => toShanghai(clock.now()).date;
  const thisMonth = () => today().slice(0, 7);

  const targetOf = (s: { id: string; operatorName: string; regionPath: { code: string }[] }): Target => ({ stationId: s.id, operatorName: s.operatorName, regionCodes: s.regionPath.map((r) => r.code) });

  /** The station (as ledger facts) when `actor` holds `permission` over it; NOT_FOUND otherwise. */
  async function stationFor(actor: Actor, stationId: string, permission: Permission) {
    const s = await stations.get(stationId);
    if (!s) throw stationNotFound();
    const facts = { id: s.id, name: s.name, regionPath: s.regionPath, operatorName: s.operator.name };
    await access.permit(actor, permission, targetOf(facts), `station:${s.id}`, stationNotFound);
    return facts;
  }

  async function entryFor(actor: Actor, id: string, permission: Permission) {
    const e = await ledger.get(id);
    if (!e) throw entryNotFound();
    await access.permit(actor, permission, targetOf({ id: e.stationId, operatorName: e.operatorName, regionPath: e.regionPath }), `ledger:${e.id}`, entryNotFound);
    return e;
  }

  async function listAll(q: Omit<LedgerQuery, 'offset' | 'limit' | 'order'>): Promise<LedgerEntry[]> {
    const out: LedgerEntry[] = [];
    for (;;) {
      const page = await ledger.list({ ...q, order: 'oldest', offset: out.length, limit: 500 });
      out.push(...page.items);
      if (!page.hasMore || out.length >= READ_MAX) return out;
    }
  }

  /** The entries of one station around `month` (flags need the months before it). */
  const stationWindow = (stationId: string, month: string) => listAll({ stationIds: [stationId], monthFrom: addMonthsTo(month, -USUAL_MONTHS), monthTo: month });

  /** Flags of these entries, reading each station-month's window once. */
  async function flagsOf(entries: LedgerEntry[]): Promise<Map<string, LedgerFlag[]>> {
    const out = new Map<string, LedgerFlag[]>();
    const seen = new Set<string>();
    for (const e of entries) {
      const key = `${e.stationId}|${e.month}`;
      if (seen.has(key)) continue;
      seen.add(key);
      for (const [id, flags] of flagMonth(await stationWindow(e.stationId, e.month), e.month)) out.set(id, flags);
    }
    return out;
  }

  async function viewOne(e: LedgerEntry): Promise<EntryView> {
    return toEntryView(e, (await flagsOf([e])).get(e.id) ?? []);
  }

  async function persist(change: LedgerChange, actor: Actor, action: string, detail: string) {
    await ledger.apply(change);
    await access.record({ actorOpenid: actor.openid, action, outcome: 'done', resource: `ledger:${change.entry.id}`, detail });
    return viewOne(change.entry);
  }

  const recordable = (month: string) => month <= thisMonth() && monthsBetween(month, thisMonth()) <= RECORD_MONTHS_BACK;

  function fieldsOf(i: LedgerFields): LedgerFields {
    return { kind: i.kind, quantity: i.quantity, amountFen: i.amountFen, product: i.product || undefined, households: i.households, date: i.date, note: i.note || undefined };
  }

  return {
    /** A station's month: entries with their flags and the month's totals. The head's own station when none is given. */
    async month(openid: string | null, input: { stationId?: string; month?: string }): Promise<MonthView> {
      const actor = await access.actorOf(openid);
      let stationId = input.stationId;
      if (!stationId) {
        const own = actor.bindings.find((b) => !b.revokedAt && b.role === 'station_head' && b.scope.kind === 'station');
        if (!own || own.scope.kind !== 'station') {
          await access.record({ actorOpenid: actor.openid, action: 'ledger.read', outcome: 'denied', resource: 'ledger', detail: 'role' });
          throw new AppError('FORBIDDEN', '只有站点负责人可以登记台账');
        }
        stationId = own.scope.stationId;
      }
      const station = await stationFor(actor, stationId, 'ledger.read');
      const month = input.month ?? thisMonth();
      const window = await stationWindow(station.id, month);
      const flags = flagMonth(window, month);
      const entries = window.filter((e) => e.month === month);
      const counted = entries.filter((e) => COUNTED_STATUSES.includes(e.status));
      return {
        station: { id: station.id, name: station.name },
        month,
        months: Array.from({ length: RECORD_MONTHS_BACK + 1 }, (_, i) => addMonthsTo(thisMonth(), -i)),
        canRecord: recordable(month) && authorize(actor, 'ledger.record', targetOf(station)).allowed,
        entries: entries.map((e) => toEntryView(e, flags.get(e.id) ?? [])).reverse(),
        totals: rollUp(groupEntries(counted, 'station')).total,
      };
    },

    async record(openid: string | null, input: LedgerFields & { stationId: string; month: string }): Promise<EntryView> {
      const actor = await access.actorOf(openid);
      const station = await stationFor(actor, input.stationId, 'ledger.record');
      const now = clock.now().toISOString();
      let change: LedgerChange;
      try {
        change = record(station, input.month, fieldsOf(input), actor.openid, now, today(), ids.id());
      } catch (e) {
        ruleError(e);
      }
      return persist(change, actor, 'ledger.record', `${input.month} ${LEDGER_KIND_LABELS[input.kind]}`);
    },

    async correct(openid: string | null, input: LedgerFields & { id: string }): Promise<EntryView> {
      const actor = await access.actorOf(openid);
      const entry = await entryFor(actor, input.id, 'ledger.record');
      let change: LedgerChange;
      try {
        change = correct(entry, fieldsOf(input), clock.now().toISOString(), today());
      } catch (e) {
        ruleError(e);
      }
      return persist(change, actor, 'ledger.correct', `${entry.month} ${LEDGER_KIND_LABELS[input.kind]}`);
    },

    /** The operator's review list: entries of its stations, oldest first while waiting. */
    async queue(openid: string | null, input: { status?: LedgerStatus; offset?: number }): Promise<QueuePage> {
      const actor = await access.actorOf(openid);
      const operatorNames = listBindings(actor, 'ledger.review').flatMap((b) => (b.scope.kind === 'operator' ? [b.scope.operatorName] : []));
      if (!operatorNames.length) {
        await access.record({ actorOpenid: actor.openid, action: 'ledger.review', outcome: 'denied', resource: 'ledger', detail: 'role' });
        throw new AppError('FORBIDDEN', '只有运营单位可以审核台账');
      }
      const status = input.status ?? 'submitted';
      const offset = input.offset ?? 0;
      const page = await ledger.list({ operatorNames, statuses: [status], order: status === 'submitted' ? 'oldest' : 'newest', offset, limit: QUEUE_PAGE });
      const flags = await flagsOf(page.items);
      return { items: page.items.map((e) => toEntryView(e, flags.get(e.id) ?? [])), nextOffset: page.hasMore ? offset + page.items.length : null };
    },

    async review(openid: string | null, input: { id: string; decision: 'accept' | 'return'; reason?: string }): Promise<EntryView> {
      const actor = await access.actorOf(openid);
      const entry = await entryFor(actor, input.id, 'ledger.review');
      let change: LedgerChange;
      try {
        change = review(entry, input.decision, actor.openid, clock.now().toISOString(), input.reason);
      } catch (e) {
        ruleError(e);
      }
      // The reason is the operator's words about figures, not personal data: kept in the audit detail.
      return persist(change, actor, `ledger.${input.decision}`, input.decision === 'accept' ? '核实' : `退回：${input.reason}`);
    },

    /** Totals of a region over months, with one line per child region (or station below a township). */
    async totals(openid: string | null, input: { regionCode?: string; month?: string; untilMonth?: string }): Promise<TotalsView> {
      const actor = await access.actorOf(openid);
      const scopes = listBindings(actor, 'ledger.totals').flatMap((b) => (b.scope.kind === 'region' ? [b.scope.regionCode] : []));
      if (!scopes.length) {
        await access.record({ actorOpenid: actor.openid, action: 'ledger.totals', outcome: 'denied', resource: 'ledger', detail: 'role' });
        throw new AppError('FORBIDDEN', '只有县、市、省主管部门可以查看台账汇总');
      }
      const code = input.regionCode ?? [...scopes].sort((a, b) => a.length - b.length)[0];
      await access.permit(actor, 'ledger.totals', { regionCodes: regionCodesOfCode(code) }, `region:${code}`);
      const from = input.month ?? thisMonth();
      const to = input.untilMonth ?? from;
      if (to < from) throw new AppError('VALIDATION_ERROR', '截止月份不能早于开始月份', { untilMonth: '截止月份不能早于开始月份' });
      if (monthsBetween(from, to) >= LEDGER_LIMITS.totalsMonthsMax) throw new AppError('VALIDATION_ERROR', `一次最多看 ${LEDGER_LIMITS.totalsMonthsMax} 个月`, { untilMonth: `一次最多看 ${LEDGER_LIMITS.totalsMonthsMax} 个月` });
      const level = childLevelOf(code);
      const rows = await ledger.sums({ regionCode: code, level, monthFrom: from, monthTo: to, statuses: COUNTED_STATUSES });
      const { total, children } = rollUp(rows);
      const nameOf = async (c: string) => (await regions.get(c))?.name ?? c;
      return {
        region: { code, name: await nameOf(code) },
        from,
        to,
        childLevel: level,
        thisMonth: thisMonth(),
        total,
        children,
        scopes: await Promise.all(scopes.map(async (c) => ({ code: c, name: await nameOf(c) }))),
      };
    },
  };
}
