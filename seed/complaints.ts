/**
 * Generated complaints for the demo and the benchmarks: each one is filed and then walked
 * through the real state machine (accept, assign, reply, evaluate…), so states, deadlines and
 * histories are consistent. Deterministic for a given seed.
 */
import { WorkCalendar } from '../core/calendar/workdays';
import { fileComplaint, trackingNumber, transition, type Command } from '../core/complaint/machine';
import { CATEGORY_CODES, type Complaint, type HistoryEntry, type OutboxMessage } from '../core/complaint/model';
import type { Station } from '../core/station/model';

const DESCRIPTIONS = [
  '代寄快递时多收了两元钱，也没有给收据。',
  '连续三天去都没开门，门上也没有贴通知。',
  '店里卖的“扶贫茶油”包装上没有生产厂家。',
  '快递到了一个星期都没有通知我取件。',
  '代缴电费后没有给我缴费凭证。',
  '工作人员态度不好，问两句就不耐烦。',
];

export function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedComplaint {
  complaint: Complaint;
  history: HistoryEntry[];
  outbox: OutboxMessage[];
  requestKey: string;
}

/**
 * `n` complaints on the given stations, submitted over the `days` before `now`, by residents
 * `residentOpenids` (round robin), handled by `officialOpenid`.
 */
export function generateComplaints(opts: { stations: Station[]; n: number; now: Date; days: number; residentOpenids: string[]; officialOpenid: string; seed?: number; calendar?: WorkCalendar }): GeneratedComplaint[] {
  const rand = mulberry32(opts.seed ?? 7);
  const calendar = opts.calendar ?? new WorkCalendar();
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)];
  const out: GeneratedComplaint[] = [];
  for (let i = 0; i < opts.n; i++) {
    const station = opts.stations[i % opts.stations.length];
    const submitted = new Date(opts.now.getTime() - rand() * opts.days * 86_400_000);
    const openid = opts.residentOpenids[i % opts.residentOpenids.length];
    const id = `gen${String(i).padStart(7, '0')}x`;
    const at = submitted.toISOString();
    let c: Complaint = fileComplaint(
      {
        id,
        trackingNo: trackingNumber(submitted, i.toString(32).toUpperCase().padStart(6, '0').slice(-6)),
        station,
        category: pick(CATEGORY_CODES),
        description: pick(DESCRIPTIONS),
        photos: [],
        complainantOpenid: openid,
        phoneCipher: null,
        phoneMasked: null,
        shareIdentity: rand() < 0.3,
        held: false,
        submittedAt: submitted,
      },
      calendar,
    );
    const history: HistoryEntry[] = [{ complaintId: id, at, actorRole: 'resident', actorOpenid: openid, action: 'submit', fromStatus: null, toStatus: 'submitted', note: null, internal: false }];
    const outbox: OutboxMessage[] = [];
    // Walk: how far this complaint has got, as a share of all complaints.
    const stage = rand();
    const steps: { cmd: Command; kind: 'official' | 'complainant'; afterH: number }[] = [];
    if (stage < 0.08) steps.push({ cmd: { type: 'refuse', reason: 'not_station', text: '不属于站点服务事项，已告知拨打 12345。' }, kind: 'official', afterH: 20 });
    else if (stage > 0.25) {
      steps.push({ cmd: { type: 'accept' }, kind: 'official', afterH: 4 + rand() * 60 });
      if (stage > 0.4) steps.push({ cmd: { type: 'assign', assignee: { kind: 'operator', operatorName: station.operator.name }, assigneeLabel: station.operator.name }, kind: 'official', afterH: 2 });
      if (stage > 0.55) steps.push({ cmd: { type: 'reply', text: '经核实已退还多收费用，并对工作人员进行了批评教育。' }, kind: 'official', afterH: 24 + rand() * 150 });
      if (stage > 0.7) steps.push({ cmd: { type: 'evaluate', evaluation: pick(['satisfied', 'satisfied', 'basically', 'unsatisfied'] as const) }, kind: 'complainant', afterH: 24 });
    }
    let t = submitted.getTime();
    for (const s of steps) {
      t += s.afterH * 3_600_000;
      if (t > opts.now.getTime()) break;
      const r = transition(c, s.cmd, { at: new Date(t), calendar, actor: { kind: s.kind, role: s.kind === 'official' ? 'county_official' : 'resident', openid: s.kind === 'official' ? opts.officialOpenid : openid } });
      c = r.next;
      history.push(r.history);
      r.notify.forEach((m, k) => outbox.push({ ...m, id: `${id}-m${history.length}-${k}`, createdAt: new Date(t).toISOString(), sentAt: new Date(t).toISOString(), attempts: 0, lastError: null }));
    }
    out.push({ complaint: c, history, outbox, requestKey: `${openid}:seed-${id}` });
  }
  return out;
}
