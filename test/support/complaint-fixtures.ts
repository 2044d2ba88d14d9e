/**
 * Complaint, history, outbox, role-binding and audit fixtures for the storage contract
 * (test/contract/complaints.contract.ts). Records are built directly (not through the service),
 * so a fixture can sit in any state with any deadline.
 */
import type { RoleBinding, Role, Scope } from '../../core/authz/roles';
import type { YearDays } from '../../core/calendar/workdays';
import { WorkCalendar } from '../../core/calendar/workdays';
import { fileComplaint } from '../../core/complaint/machine';
import type { Complaint, HistoryEntry, OutboxMessage } from '../../core/complaint/model';
import type { AuditEntry } from '../../core/ports';
import type { Station } from '../../core/station/model';
import { S } from './stations';

/** 2026-03-02 09:00 Asia/Shanghai. */
export const BASE_TIME = Date.parse('2026-03-02T01:00:00.000Z');

/** The instant `minutes` after BASE_TIME, as stored (ISO 8601, UTC). */
export function at(minutes: number): string {
  return new Date(BASE_TIME + minutes * 60_000).toISOString();
}

/** What a complaint copies from its station. */
export interface StationRef {
  stationId: string;
  stationName: string;
  operatorName: string;
  regionCodes: string[];
}

function stationRef(s: Station, operatorName: string): StationRef {
  return { stationId: s.id, stationName: s.name, operatorName, regionCodes: s.regionPath.map((r) => r.code) };
}

/**
 * Three stations in two counties and two operating companies:
 * 水头村 (于都县 › 贡江镇, OpA), 铁山垅镇 (于都县, OpB), 长冈乡 (兴国县, OpA).
 */
export const CS = {
  shuitou: stationRef(S.shuitou, '于都县电商运营有限公司'),
  tieshanlong: stationRef(S.tieshanlong, '赣南快递服务有限公司'),
  changgang: stationRef(S.changgang, '于都县电商运营有限公司'),
};

export const OPERATOR_A = CS.shuitou.operatorName;
export const OPERATOR_B = CS.tieshanlong.operatorName;

export const OWNERS = { o1: 'o-resident-0001', o2: 'o-resident-0002', o3: 'o-resident-0003' };

/** A calendar with the official 2026 holidays (no administrator entries). */
const CALENDAR = new WorkCalendar();

/**
 * A complete complaint: filed (core's fileComplaint) at BASE_TIME at 水头村, then overridden. The
 * stored deadline instant stays one millisecond before midnight, as the contract's ordering
 * fixtures were written with it.
 */
export function makeComplaint(id: string, overrides: Partial<Complaint> & { station?: StationRef } = {}): Complaint {
  const { station = CS.shuitou, ...rest } = overrides;
  const filed = fileComplaint(
    {
      id,
      trackingNo: `TS260302${id.replace(/[^A-Za-z0-9]/g, '').toUpperCase()}`,
      station: { id: station.stationId, name: station.stationName, operator: { name: station.operatorName }, regionPath: station.regionCodes.map((code) => ({ code })) },
      category: 'overcharge',
      description: '快递代收每件多收两元，没有明码标价。',
      photos: [],
      complainantOpenid: OWNERS.o1,
      phoneCipher: null,
      phoneMasked: null,
      shareIdentity: false,
      held: false,
      submittedAt: new Date(rest.submittedAt ?? at(0)),
    },
    CALENDAR,
  );
  return { ...filed, acceptDueOn: '2026-03-05', deadlineProvisional: false, dueAt: '2026-03-05T15:59:59.999Z', ...rest };
}

export function historyEntry(c: Complaint, action: string, toStatus: Complaint['status'], atIso: string, extra: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    complaintId: c.id,
    at: atIso,
    actorRole: action === 'submit' ? 'resident' : 'county_official',
    actorOpenid: action === 'submit' ? c.complainantOpenid : 'o-county-0001',
    action,
    fromStatus: action === 'submit' ? null : c.status,
    toStatus,
    note: null,
    internal: false,
    ...extra,
  };
}

export function submitEntry(c: Complaint): HistoryEntry {
  return historyEntry(c, 'submit', 'submitted', c.submittedAt, { note: `请于 ${c.acceptDueOn} 前受理` });
}

/** A complaint with every optional part empty, for rules over bare records: `p` sets what the test needs (dates at least). */
export function bareComplaint(p: Partial<Complaint> = {}): Complaint {
  return {
    id: 'c-000001', trackingNo: 'TS260301ABCDEF', stationId: 'st-001', stationName: '东村站', operatorName: '邮乐购',
    regionCodes: ['36', '3607', '360731', '360731100'], category: 'attitude', description: 'x', photos: [], complainantOpenid: 'o1',
    phoneCipher: null, phoneMasked: null, shareIdentity: false, held: false, status: 'submitted', version: 1,
    submittedAt: '2026-03-02T02:00:00.000Z', acceptDueOn: '2026-03-04', acceptedAt: null, handlerOpenid: null, replyDueOn: null,
    deadlineProvisional: false, extension: null, assignee: null, reply: null, replyOnTime: null, evaluation: null, evaluationComment: null,
    reopenCount: 0, refusal: null, escalationLevel: 0, escalations: [], mergedInto: null, supporters: 0, dueAt: null, closedAt: null,
    updatedAt: '2026-03-02T02:00:00.000Z', ...p,
  };
}

/** What ComplaintRepository.create takes to file `c` as submitted, with no messages; `more` adds an outbox, a body hash. */
export function createInput(c: Complaint, requestKey: string, more: { outbox?: OutboxMessage[]; bodyHash?: string } = {}) {
  return { complaint: c, history: submitEntry(c), outbox: [] as OutboxMessage[], requestKey, ...more };
}

export function outboxMessage(c: Complaint, id: string, createdAt: string, event: OutboxMessage['event'] = 'complaint_accepted', openid = c.complainantOpenid): OutboxMessage {
  return { id, openid, event, complaintId: c.id, payload: { trackingNo: c.trackingNo, station: c.stationName, status: event }, createdAt, sentAt: null, attempts: 0, lastError: null };
}

/** The next version of `c` after an official acted at `atIso`. */
export function nextVersion(c: Complaint, atIso: string, patch: Partial<Complaint>): Complaint {
  return { ...c, ...patch, version: c.version + 1, updatedAt: atIso };
}

export function binding(id: string, openid: string, role: Role, scope: Scope, grantedAt: string): RoleBinding {
  return { id, openid, role, scope, grantedBy: 'config', grantedAt };
}

export function auditEntry(id: string, atIso: string, action: string, resource: string, extra: Partial<AuditEntry> = {}): AuditEntry {
  return { id, at: atIso, actorOpenid: 'o-county-0001', action, outcome: 'done', resource, detail: `${action} ${resource}`, ...extra };
}

export function adminYear(year: number, holidays: string[], workdays: string[] = []): YearDays {
  return { year, holidays, workdays, source: 'admin' };
}

const reply = (onTime: boolean, minutes: number) => ({ reply: { text: '已核实，已退还多收的费用。', at: at(minutes), byRole: 'county_official' }, replyOnTime: onTime });
const operator = (operatorName: string) => ({ kind: 'operator' as const, operatorName });

/**
 * Twelve complaints for list and stats queries: every status, three stations, two operators,
 * deadline ties (c02/c03/c10 at minute 50), a submission-time tie (c08/c09), final states without
 * a deadline, escalations, replies on time and late, evaluations.
 */
export function listFixtures(): Complaint[] {
  return [
    makeComplaint('c01', { station: CS.shuitou, complainantOpenid: OWNERS.o1, status: 'submitted', category: 'overcharge', submittedAt: at(0), dueAt: at(100) }),
    makeComplaint('c02', { station: CS.shuitou, complainantOpenid: OWNERS.o2, status: 'accepted', category: 'attitude', submittedAt: at(10), dueAt: at(50), escalationLevel: 1, supervisions: [{ at: at(12), level: 1, instruction: '请核实', dueOn: '2026-03-20', answer: null }] }),
    makeComplaint('c03', { station: CS.tieshanlong, complainantOpenid: OWNERS.o1, status: 'assigned', category: 'parcel', submittedAt: at(20), dueAt: at(50), assignee: operator(OPERATOR_B) }),
    makeComplaint('c04', { station: CS.changgang, complainantOpenid: OWNERS.o3, status: 'assigned', category: 'overcharge', submittedAt: at(30), dueAt: at(200), escalationLevel: 2, assignee: operator(OPERATOR_A), returns: [{ at: at(31), reason: '不归本站', assignee: { kind: 'station', stationId: CS.changgang.stationId } }], extension: { workdays: 3, reason: '需调查', at: at(32) } }),
    makeComplaint('c05', { station: CS.shuitou, complainantOpenid: OWNERS.o1, status: 'replied', category: 'overcharge', submittedAt: at(40), dueAt: at(300), ...reply(true, 45) }),
    makeComplaint('c06', { station: CS.tieshanlong, complainantOpenid: OWNERS.o2, status: 'closed', category: 'attitude', submittedAt: at(50), dueAt: null, ...reply(true, 55), evaluation: 'satisfied', closedAt: at(56) }),
    makeComplaint('c07', { station: CS.changgang, complainantOpenid: OWNERS.o1, status: 'closed', category: 'overcharge', submittedAt: at(60), dueAt: null, ...reply(false, 65), evaluation: 'none', closedAt: at(66), escalationLevel: 1, extension: { workdays: 2, reason: '需调查', at: at(62) } }),
    makeComplaint('c08', { station: CS.shuitou, complainantOpenid: OWNERS.o3, status: 'refused', category: 'other', submittedAt: at(70), dueAt: null, refusal: { reason: 'no_facts', text: '没有具体事实' } }),
    makeComplaint('c09', { station: CS.shuitou, complainantOpenid: OWNERS.o2, status: 'withdrawn', category: 'attitude', submittedAt: at(70), dueAt: null }),
    makeComplaint('c10', { station: CS.tieshanlong, complainantOpenid: OWNERS.o3, status: 'submitted', category: 'fraud', submittedAt: at(80), dueAt: at(50) }),
    makeComplaint('c11', { station: CS.changgang, complainantOpenid: OWNERS.o2, status: 'closed', category: 'parcel', submittedAt: at(90), dueAt: null, ...reply(false, 92), evaluation: 'basically', closedAt: at(93), assignee: operator(OPERATOR_A) }),
    makeComplaint('c12', { station: CS.shuitou, complainantOpenid: OWNERS.o1, status: 'merged', category: 'overcharge', submittedAt: at(95), dueAt: null, mergedInto: 'c01' }),
  ];
}
