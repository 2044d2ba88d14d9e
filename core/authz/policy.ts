/**
 * One deny-by-default authorisation function. Each permission lists the roles that may use it;
 * the binding's scope must cover the record. Ownership and assignment rules are explicit here,
 * not scattered through handlers.
 */
import { OFFICIAL_ROLES, scopeCovers, type Actor, type Role, type RoleBinding, type ScopeTarget } from './roles';

export const PERMISSIONS = [
  'complaint.submit',
  'complaint.readOwn',
  'complaint.withdraw',
  'complaint.evaluate',
  'complaint.readAsStation',
  'complaint.queue',
  'complaint.detail',
  'complaint.accept',
  'complaint.refuse',
  'complaint.assign',
  'complaint.reply',
  'complaint.extend',
  'complaint.merge',
  'complaint.note',
  'complaint.stats',
  'complaint.review',
  'complaint.contact',
  'role.grant',
  'role.list',
  'calendar.edit',
  'recruitment.manage',
  'recruitment.score',
  'recruitment.reveal',
  'notice.manage',
  'training.record',
  'station.register',
  'station.rectify',
  'station.rectify.answer',
  'station.edit',
  'station.review',
  'station.certify.apply',
  'station.certify',
  'complaint.receive',
  'complaint.decline',
  'complaint.extendRequest',
  'complaint.extendDecide',
  'complaint.supervise',
  'complaint.superviseAnswer',
  'complaint.transfer',
  'apikey.manage',
  'complaint.record',
  'ledger.record',
  'ledger.read',
  'ledger.review',
  'ledger.totals',
  'inspection.record',
  'inspection.read',
  'inspection.dues',
  'training.session',
  'assessment.read',
  'assessment.decide',
  'report.read',
  'report.submit',
  'report.review',
  'complaint.progress',
  'complaint.supplement',
  'complaint.recheck',
  'outbox.health',
  'settings.read',
  'settings.update',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export interface Target extends Partial<ScopeTarget> {
  /** Openid of the person the record belongs to (complainant, applicant…). */
  ownerOpenid?: string;
  /** Who the record is assigned to for handling. */
  assignee?: { kind: 'operator'; operatorName: string } | { kind: 'station'; stationId: string } | null;
  /** Openid of the official who accepted and handles it. */
  handlerOpenid?: string | null;
}

export type Decision = { allowed: true; basis: 'owner' | 'role' | 'assignee'; binding?: RoleBinding } | { allowed: false; reason: string };

const OFFICIALS = OFFICIAL_ROLES;
const HANDLERS: readonly Role[] = ['operator_staff', ...OFFICIALS];

/** Roles allowed per permission, checked against the binding's scope. Owner-only permissions have none. */
const ROLE_RULES: Record<Permission, readonly Role[]> = {
  'complaint.submit': [],
  'complaint.readOwn': [],
  'complaint.withdraw': [],
  'complaint.evaluate': [],
  'complaint.readAsStation': ['station_head'],
  'complaint.queue': HANDLERS,
  'complaint.detail': HANDLERS,
  'complaint.accept': OFFICIALS,
  'complaint.refuse': OFFICIALS,
  'complaint.assign': OFFICIALS,
  'complaint.reply': OFFICIALS,
  'complaint.extend': OFFICIALS,
  'complaint.merge': OFFICIALS,
  'complaint.note': HANDLERS,
  'complaint.stats': HANDLERS,
  'complaint.review': OFFICIALS,
  'complaint.contact': [],
  // 签收 / 退单: the assignee only (see ASSIGNEE_ONLY).
  'complaint.receive': [],
  'complaint.decline': [],
  // 延期申请: the assignee asks (ASSIGNEE_ONLY), the county or above decides.
  'complaint.extendRequest': [],
  'complaint.extendDecide': OFFICIALS,
  // 督办 by hand: city and province on any case in their region; the county answers.
  'complaint.supervise': ['city_supervisor', 'province_admin'],
  'complaint.superviseAnswer': ['county_official'],
  // 转其他部门: the officials who accept or refuse.
  'complaint.transfer': OFFICIALS,
  'role.grant': OFFICIALS,
  'role.list': OFFICIALS,
  'calendar.edit': ['province_admin'],
  'recruitment.manage': HANDLERS,
  'recruitment.score': HANDLERS,
  'recruitment.reveal': OFFICIALS,
  'notice.manage': OFFICIALS,
  'training.record': HANDLERS,
  'station.register': OFFICIALS,
  // Orders are issued and verified by officials; the station (its head, its operator) answers.
  'station.rectify': OFFICIALS,
  'station.rectify.answer': ['station_head', 'operator_staff'],
  // 第十条3: the head or the operator's staff propose; officials of the region review.
  'station.edit': ['station_head', 'operator_staff'],
  'station.review': OFFICIALS,
  // Certification (第十一条3): the operator files and does 初审; the county reviews and publishes.
  'station.certify.apply': ['operator_staff'],
  'station.certify': OFFICIALS,
  // Open311 API keys for hotline platforms (issue 11 §5): the province decides who may post cases.
  'apikey.manage': ['province_admin'],
  // 代录 (issue 11 §2): officials enter complaints received by phone or in person, in their region.
  'complaint.record': OFFICIALS,
  // Ledgers (第十条5): the head records their own station's; the operator reviews its stations';
  // officials read entries and totals of their region.
  'ledger.record': ['station_head'],
  'ledger.read': ['station_head', 'operator_staff', ...OFFICIALS],
  'ledger.review': ['operator_staff'],
  'ledger.totals': OFFICIALS,
  // Visits (第十条, 第十一条2/5): the operator's staff visit their stations; the head and officials
  // of the region read them; officials see which operators are behind.
  'inspection.record': ['operator_staff'],
  'inspection.read': ['station_head', 'operator_staff', ...OFFICIALS],
  'inspection.dues': OFFICIALS,
  // Heads (第九条3–4): the operator runs training sessions heads sign in to; officials read the
  // assessment, the county rewards or replaces (the weights are region settings: settings.update).
  'training.session': ['operator_staff'],
  'assessment.read': OFFICIALS,
  'assessment.decide': ['county_official'],
  // Dashboards and 报送 (issue 12 §5): officials read their region; the county submits, the city returns or forwards.
  'report.read': OFFICIALS,
  'report.submit': ['county_official'],
  'report.review': ['city_supervisor'],
  // 办理进展: whoever may reply (officials of the region, or the assignee: see below).
  'complaint.progress': OFFICIALS,
  // 补充材料 and the 回访 answer: the complainant only (OWNER_ONLY).
  'complaint.supplement': [],
  'complaint.recheck': [],
  // Messages WeChat would not deliver (issue 11 §3): the province administrator, who sets templates up.
  'outbox.health': ['province_admin'],
  // Thresholds (第十二条1): officials read and set them for their region or a region inside it.
  'settings.read': OFFICIALS,
  'settings.update': OFFICIALS,
};

/** Anyone signed in (resident is everyone's role). */
const ANY_SIGNED_IN: readonly Permission[] = ['complaint.submit'];
const OWNER_ONLY: readonly Permission[] = ['complaint.readOwn', 'complaint.withdraw', 'complaint.evaluate', 'complaint.supplement', 'complaint.recheck'];
/** Only the unit a complaint is assigned to (station head or operator staff), never an official on its behalf. */
const ASSIGNEE_ONLY: readonly Permission[] = ['complaint.receive', 'complaint.decline', 'complaint.extendRequest'];

function activeBindings(actor: Actor): RoleBinding[] {
  return actor.bindings.filter((b) => !b.revokedAt);
}

function assigneeMatches(actor: Actor, target: Target): RoleBinding | undefined {
  const a = target.assignee;
  if (!a) return undefined;
  return activeBindings(actor).find((b) =>
    a.kind === 'operator'
      ? b.role === 'operator_staff' && b.scope.kind === 'operator' && b.scope.operatorName === a.operatorName
      : b.role === 'station_head' && b.scope.kind === 'station' && b.scope.stationId === a.stationId,
  );
}

export function authorize(actor: Actor | null, permission: Permission, target: Target = {}): Decision {
  if (!actor) return { allowed: false, reason: 'unauthenticated' };
  if (!(PERMISSIONS as readonly string[]).includes(permission)) return { allowed: false, reason: 'unknown-permission' };
  if (ANY_SIGNED_IN.includes(permission)) return { allowed: true, basis: 'owner' };
  if (OWNER_ONLY.includes(permission)) {
    return target.ownerOpenid && target.ownerOpenid === actor.openid ? { allowed: true, basis: 'owner' } : { allowed: false, reason: 'not-owner' };
  }
  if (permission === 'complaint.contact') {
    // Contact details go to the handler only: the accepting official or the assignee's staff.
    if (target.handlerOpenid && target.handlerOpenid === actor.openid) return { allowed: true, basis: 'assignee' };
    const b = assigneeMatches(actor, target);
    return b ? { allowed: true, basis: 'assignee', binding: b } : { allowed: false, reason: 'not-handler' };
  }
  if (ASSIGNEE_ONLY.includes(permission)) {
    const b = assigneeMatches(actor, target);
    return b ? { allowed: true, basis: 'assignee', binding: b } : { allowed: false, reason: 'not-assignee' };
  }
  if (permission === 'complaint.reply' || permission === 'complaint.progress') {
    const b = assigneeMatches(actor, target);
    if (b) return { allowed: true, basis: 'assignee', binding: b };
  }
  const roles = ROLE_RULES[permission];
  const scopeTarget: ScopeTarget = { stationId: target.stationId, operatorName: target.operatorName, regionCodes: target.regionCodes ?? [] };
  // Operator staff only see what is assigned to their operator, not every complaint about its stations.
  const operatorTarget: ScopeTarget = target.assignee?.kind === 'operator' ? { ...scopeTarget, operatorName: target.assignee.operatorName } : { ...scopeTarget, operatorName: undefined };
  for (const b of activeBindings(actor)) {
    if (!roles.includes(b.role)) continue;
    // For complaints, operator staff act on what is assigned to them; elsewhere on their operator's records.
    const covers = b.role === 'operator_staff' && permission.startsWith('complaint.') ? scopeCovers(b.scope, operatorTarget) : scopeCovers(b.scope, scopeTarget);
    if (covers) return { allowed: true, basis: 'role', binding: b };
  }
  return { allowed: false, reason: roles.length && activeBindings(actor).some((b) => roles.includes(b.role)) ? 'out-of-scope' : 'role' };
}

/** The broadest region an actor's official bindings cover, for list queries (null = none). */
export function officialRegions(actor: Actor): string[] {
  return activeBindings(actor)
    .filter((b) => OFFICIALS.includes(b.role) && b.scope.kind === 'region')
    .map((b) => (b.scope as { regionCode: string }).regionCode);
}

const RANK: Record<Role, number> = { resident: 0, station_head: 1, operator_staff: 1, county_official: 2, city_supervisor: 3, province_admin: 4 };

/**
 * May `granter` give `role` with a scope whose records lie in `targetRegions`?
 * Only a higher-ranked official whose region covers the new scope.
 */
export function canGrant(granter: Actor, role: Role, targetRegions: string[]): boolean {
  return activeBindings(granter).some(
    (b) => OFFICIALS.includes(b.role) && RANK[b.role] > RANK[role] && b.scope.kind === 'region' && targetRegions.includes(b.scope.regionCode),
  );
}

/**
 * For list permissions (queue, stats, role.list): the caller's bindings that carry an allowed role.
 * The list query is then restricted to those bindings' scopes; an empty result means FORBIDDEN.
 */
export function listBindings(actor: Actor | null, permission: Permission): RoleBinding[] {
  if (!actor) return [];
  const roles = ROLE_RULES[permission] ?? [];
  return activeBindings(actor).filter((b) => roles.includes(b.role));
}
