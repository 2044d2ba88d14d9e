/** First-start demo data for local mode: real Jiangxi divisions and three demo counties. */
import { toShanghai } from '../core/shared/time';
import { issueText, planImport, sheetOfStations } from '../core/station/register-sheet';
import { demoStations } from '../seed/demo';
import { loadRegions } from '../seed/regions';
import type { LocalStores } from './functions';
import { generateComplaints, type GeneratedComplaint } from '../seed/complaints';
import { demoLedger } from '../seed/ledger';
import { recordVisit } from '../core/inspection/model';
import { DEMO_STATION_HEAD_STATION_ID } from '../seed/demo';

export async function seedIfEmpty(stores: LocalStores, now: Date = new Date()): Promise<{ seeded: boolean; stations: number }> {
  const existing = await stores.stations.count();
  if (existing > 0) return { seeded: false, stations: existing };
  const regions = loadRegions();
  await stores.regions.upsertMany(regions);
  // Through the register's import rules, as a county's spreadsheet would come in.
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const plan = planImport(sheetOfStations(demoStations(toShanghai(now).date)), {
    region: (code) => byCode.get(code),
    existing: [],
    today: toShanghai(now).date,
    nowIso: now.toISOString(),
  });
  const rejected = plan.rows.filter((r) => r.action === 'reject');
  if (plan.fileErrors.length || rejected.length) {
    throw new Error(`demo stations failed the import rules: ${[...plan.fileErrors, ...rejected.flatMap((r) => r.errors.map((e) => issueText(r.row, e)))].slice(0, 5).join('; ')}`);
  }
  await stores.stations.upsertMany(plan.changes);
  return { seeded: true, stations: plan.changes.length };
}

/**
 * A few weeks of complaints on the 于都 demo stations so the workbench, the statistics and the
 * public station figures have something to show on first start (npm start only).
 */
export async function seedDemoComplaints(stores: LocalStores, now: Date = new Date()): Promise<number> {
  const existing = await stores.complaints.list({ order: 'newest', offset: 0, limit: 1 });
  if (existing.items.length) return 0;
  const page = await stores.stations.search({ regionCode: '360731', statuses: ['active', 'certified', 'rectification'], offset: 0, limit: 12 });
  const generated = generateComplaints({
    stations: page.items,
    n: 36,
    now,
    days: 50,
    residentOpenids: ['demo-resident-2'],
    officialOpenid: 'demo-county-official-1',
    seed: 11,
  });
  for (const g of generated) await writeGenerated(stores, g);
  return generated.length;
}

/** Store a generated complaint with its whole history (create, then the walked state). */
export async function writeGenerated(stores: Pick<LocalStores, 'complaints'>, g: GeneratedComplaint): Promise<void> {
  const [first, ...rest] = g.history;
  await stores.complaints.create({ complaint: g.complaint, history: first, outbox: [], requestKey: g.requestKey });
  if (rest.length) await stores.complaints.apply({ next: g.complaint, expectedVersion: g.complaint.version, history: rest, outbox: g.outbox });
}

/** Six months of 台账 on the 于都 demo stations (npm start only; see seed/ledger.ts). */
export async function seedDemoLedger(stores: LocalStores, now: Date = new Date()): Promise<number> {
  if ((await stores.ledger.list({ order: 'oldest', offset: 0, limit: 1 })).items.length) return 0;
  const page = await stores.stations.search({ regionCode: '360731', statuses: ['active', 'certified', 'rectification'], offset: 0, limit: 8 });
  const stations = [...page.items];
  const head = await stores.stations.get(DEMO_STATION_HEAD_STATION_ID);
  if (head && !stations.some((s) => s.id === head.id)) stations.unshift(head);
  const changes = demoLedger(stations, DEMO_STATION_HEAD_STATION_ID, toShanghai(now).date, now.toISOString());
  // A reviewed entry is stored as it stands after the review (one insert).
  for (const c of changes) await stores.ledger.apply({ kind: 'insert', entry: c.entry });
  return changes.length;
}

/** A few operators' visits on the 于都 demo stations, so 走访情况 shows some done and some behind (npm start only). */
export async function seedDemoVisits(stores: LocalStores, now: Date = new Date()): Promise<number> {
  if ((await stores.visits.list({ order: 'oldest', offset: 0, limit: 1 })).items.length) return 0;
  const page = await stores.stations.search({ regionCode: '360731', statuses: ['active', 'certified'], offset: 0, limit: 6 });
  const today = toShanghai(now).date;
  let n = 0;
  for (const [i, s] of page.items.entries()) {
    const facts = { id: s.id, name: s.name, regionPath: s.regionPath, operatorName: s.operator.name, location: s.location };
    const kinds = i < 3 ? (['guidance', 'training'] as const) : i < 5 ? (['guidance'] as const) : [];
    for (const kind of kinds) await stores.visits.insert(recordVisit(facts, { kind, visitedOn: today, note: kind === 'guidance' ? '讲解农产品上行和台账填写' : '电商实操培训' }, 'demo-operator-staff-1', now.toISOString(), today, `demo-visit-${++n}`));
  }
  return n;
}
