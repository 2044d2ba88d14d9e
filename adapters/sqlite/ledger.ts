/**
 * Station ledgers (core/ledger) in SQLite (migration 18): one row per entry with its document and
 * the figures the totals add up; ledger_entry_regions lists each entry under every code of its
 * region path (with the month) so a region's months are one index range.
 */
import type { LedgerEntry } from '../../core/ledger/model';
import type { GroupLevel, SumRow } from '../../core/ledger/rollup';
import { DIRECT_NAME } from '../../core/ledger/rollup';
import type { LedgerRepository } from '../../core/ledger/store';
import { AppError } from '../../core/shared/errors';
import { guarded, type Db } from './db';
import { Filter, docTable, listedUnder, marks } from './sql';

/** The group key and name of a row at each level (rollup.ts groupOf). */
const GROUP_SQL: Record<GroupLevel, { key: string; name: string }> = {
  city: { key: "json_extract(e.doc, '$.regionPath[1].code')", name: "json_extract(e.doc, '$.regionPath[1].name')" },
  county: { key: "json_extract(e.doc, '$.regionPath[2].code')", name: "json_extract(e.doc, '$.regionPath[2].name')" },
  township: { key: "json_extract(e.doc, '$.regionPath[3].code')", name: "json_extract(e.doc, '$.regionPath[3].name')" },
  station: { key: 'e.station_id', name: "json_extract(e.doc, '$.stationName')" },
};

export function createSqliteLedgerRepository(db: Db): LedgerRepository {
  const entries = docTable<LedgerEntry>(db, {
    table: 'ledger_entries',
    columns: {
      station_id: (e) => e.stationId,
      operator_name: (e) => e.operatorName,
      month: (e) => e.month,
      status: (e) => e.status,
      kind: (e) => e.kind,
      quantity: (e) => e.quantity,
      amount_fen: (e) => e.amountFen,
      households: (e) => e.households ?? 0,
      created_at: (e) => e.createdAt,
      version: (e) => e.version,
    },
    updates: ['status', 'kind', 'quantity', 'amount_fen', 'households', 'version'],
    side: { sql: 'INSERT INTO ledger_entry_regions (code, month, entry_id) VALUES (?, ?, ?)', rows: (e) => e.regionPath.map((r) => [r.code, e.month, e.id]) },
    what: '这条台账',
  });
  return {
    apply: (change) => {
      if (change.kind !== 'insert') return entries.update(change.entry, change.expectedVersion);
      return guarded(() => {
        try {
          entries.add(change.entry);
        } catch (err) {
          if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new AppError('CONFLICT', '这条台账已存在');
          throw err;
        }
      });
    },
    get: entries.get,
    list: (q) => {
      const f = new Filter().anyIn({ station_id: q.stationIds, operator_name: q.operatorNames, status: q.statuses }).in(listedUnder('ledger_entry_regions', 'entry_id'), q.regionCodes);
      return entries.ordered(f.eq('month >= ?', q.monthFrom).eq('month <= ?', q.monthTo), 'created_at', q);
    },
    sums: (q) =>
      guarded(() => {
        if (!q.statuses.length) return [];
        const g = GROUP_SQL[q.level];
        const rows = db
          .prepare(
            `SELECT ${g.key} AS key, MAX(${g.name}) AS name, e.kind AS kind, COUNT(*) AS entries, SUM(e.quantity) AS quantity, SUM(e.amount_fen) AS amountFen, SUM(e.households) AS households
             FROM ledger_entry_regions r JOIN ledger_entries e ON e.id = r.entry_id
             WHERE r.code = ? AND r.month >= ? AND r.month <= ? AND e.status IN (${marks(q.statuses.length)})
             GROUP BY key, e.kind`,
          )
          .all(q.regionCode, q.monthFrom, q.monthTo, ...q.statuses) as { key: string | null; name: string | null; kind: SumRow['kind']; entries: number; quantity: number; amountFen: number; households: number }[];
        return rows.map((r) => ({ key: r.key, name: r.key === null ? DIRECT_NAME : (r.name ?? r.key), kind: r.kind, sums: { entries: r.entries, quantity: r.quantity, amountFen: r.amountFen, households: r.households } }));
      }),
  };
}
