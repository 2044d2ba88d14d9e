/**
 * Demo 台账: six months of entries for the 于都 demo stations (npm start only), made through the
 * core's own `record`/`review`, so the head's month, the operator's list and the totals have
 * something to show. The head's station has nothing in the current month (its form starts empty);
 * one station's last month is a spike and another repeats a round amount, to show the flags.
 */
import { addMonthsTo, record, review, type LedgerChange, type LedgerFields, type StationFacts } from '../core/ledger/model';
import type { Station } from '../core/station/model';
import { mulberry32 } from './complaints';

const PRODUCTS = ['于都脐橙', '富硒大米', '红薯干', '土鸡蛋', '梓山油茶', '葛根粉'];

export function demoLedger(stations: Station[], headStationId: string, today: string, nowIso: string, seed = 7): LedgerChange[] {
  const rng = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const current = today.slice(0, 7);
  const out: LedgerChange[] = [];
  let n = 0;
  // The head's current month stays empty, so the flags go to the first two other stations.
  const others = stations.filter((s) => s.id !== headStationId);
  const spikeAt = others[0]?.id;
  const roundAt = others[1]?.id;
  stations.forEach((s) => {
    const facts: StationFacts = { id: s.id, name: s.name, regionPath: s.regionPath, operatorName: s.operator.name };
    for (let back = 6; back >= 0; back--) {
      const month = addMonthsTo(current, -back);
      if (back === 0 && s.id === headStationId) continue;
      const spike = s.id === spikeAt && back === 0;
      const lines: LedgerFields[] = [];
      for (let i = 0; i < int(1, 3); i++) {
        const quantity = int(20, 150) * (spike ? 40 : 1);
        lines.push({ kind: 'poverty_sale', product: PRODUCTS[int(0, PRODUCTS.length - 1)], quantity, amountFen: quantity * int(800, 3000), households: int(1, 9) });
      }
      if (s.id === roundAt && back === 0) for (let i = 0; i < 3; i++) lines.push({ kind: 'proxy_purchase', product: '化肥', quantity: 10, amountFen: 50_000 });
      lines.push({ kind: 'parcel_in', quantity: int(30, 200), amountFen: 0 });
      lines.push({ kind: 'parcel_out', quantity: int(10, 80), amountFen: int(10, 80) * 800 });
      if (rng() < 0.7) lines.push({ kind: 'bill_payment', quantity: int(5, 40), amountFen: int(5, 40) * int(3000, 12000) });
      for (const f of lines) {
        const change = record(facts, month, f, 'demo-station-head-1', nowIso, today, `demo-ledger-${++n}`);
        // Months before the last two are reviewed; the operator's list keeps the recent ones.
        out.push(back >= 2 ? review(change.entry, 'accept', 'demo-operator-staff-1', nowIso) : change);
      }
    }
  });
  return out;
}
