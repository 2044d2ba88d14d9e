/**
 * Station ledgers (core/ledger) in CloudBase: collection `ledger_entries`, `_id` = entry id, the
 * record as JSON text under `entry` (an update replaces it whole: the SDK would merge a nested
 * object field by field, keeping fields a correction dropped) plus the fields queries filter, sort and add up: stationId, operatorName,
 * month, status, kind, createdAt, regionCodes (multikey), the figures, and the station's codes and
 * names per level (city, county, township; null when the station has none) to group by.
 */
import { LEDGER_KINDS, type LedgerEntry } from '../../core/ledger/model';
import { DIRECT_NAME, type GroupLevel, type SumRow } from '../../core/ledger/rollup';
import type { LedgerRepository } from '../../core/ledger/store';
import { ageDir, anyOf, by, context, grouped, MAX_BATCH, versionedCollection, type CbDb, type StoreOptions } from './sdk';

export const LEDGER_COLLECTIONS = { entries: 'ledger_entries' } as const;

const toDoc = (e: LedgerEntry) => ({
  entry: JSON.stringify(e),
  stationId: e.stationId,
  stationName: e.stationName,
  operatorName: e.operatorName,
  month: e.month,
  status: e.status,
  kind: e.kind,
  createdAt: e.createdAt,
  regionCodes: [...new Set(e.regionPath.map((r) => r.code))],
  quantity: e.quantity,
  amountFen: e.amountFen,
  households: e.households ?? 0,
  city: e.regionPath[1]?.code ?? null,
  cityName: e.regionPath[1]?.name ?? null,
  county: e.regionPath[2]?.code ?? null,
  countyName: e.regionPath[2]?.name ?? null,
  township: e.regionPath[3]?.code ?? null,
  townshipName: e.regionPath[3]?.name ?? null,
  version: e.version,
});
type EntryDoc = ReturnType<typeof toDoc>;

const GROUP_FIELDS: Record<GroupLevel, { key: string; name: string }> = {
  city: { key: 'city', name: 'cityName' },
  county: { key: 'county', name: 'countyName' },
  township: { key: 'township', name: 'townshipName' },
  station: { key: 'stationId', name: 'stationName' },
};

export function createCloudbaseLedgerRepository(db: CbDb, options: StoreOptions = {}): LedgerRepository {
  const ctx = context(db, LEDGER_COLLECTIONS, options);
  const { names, _ } = ctx;
  const entries = versionedCollection(ctx, names.entries, { toDoc, fromDoc: (d: EntryDoc) => JSON.parse(d.entry) as LedgerEntry, what: '这条台账' });
  return {
    apply: (change) => (change.kind === 'insert' ? entries.insert(change.entry) : entries.update(change.entry, change.expectedVersion)),
    get: entries.get,
    list: (q) =>
      entries.find(
        { anyOf: { stationId: q.stationIds, operatorName: q.operatorNames, status: q.statuses, regionCodes: q.regionCodes }, range: { field: 'month', from: q.monthFrom, to: q.monthTo }, order: by('createdAt', ageDir(q.order)) },
        q,
      ),
    async sums(q) {
      if (!q.statuses.length) return [];
      const $ = _.aggregate;
      const g = GROUP_FIELDS[q.level];
      type Row = { _id: string | null; name: string | null; entries: number; quantity: number; amountFen: number; households: number };
      // One aggregation per kind, grouped by the child's code (a scalar, so groups sort and page):
      // a county's townships or a city's counties can pass one answer's 100 rows across kinds.
      const perKind = await Promise.all(
        LEDGER_KINDS.map(async (kind) => {
          const match = _.and([{ regionCodes: q.regionCode }, { kind }, { status: anyOf(ctx, q.statuses) }, { month: _.gte(q.monthFrom) }, { month: _.lte(q.monthTo) }]);
          const rows: Row[] = [];
          for (;;) {
            const batch = await grouped<Row>(ctx, names.entries, {
              match,
              group: { _id: `$${g.key}`, name: $.first(`$${g.name}`), entries: $.sum(1), quantity: $.sum('$quantity'), amountFen: $.sum('$amountFen'), households: $.sum('$households') },
              sort: { _id: 1 },
              skip: rows.length,
              limit: MAX_BATCH,
            });
            rows.push(...batch);
            if (batch.length < MAX_BATCH) return rows.map((r): SumRow => {
              const key = r._id ?? null;
              return { key, name: key === null ? DIRECT_NAME : (r.name ?? key), kind, sums: { entries: r.entries, quantity: r.quantity, amountFen: r.amountFen, households: r.households } };
            });
          }
        }),
      );
      return perKind.flat();
    },
  };
}
