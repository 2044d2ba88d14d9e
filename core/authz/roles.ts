/**
 * Roles and scopes (docs/product.md §6). Everyone is a resident; other roles come from bindings with a
 * scope. Checked on the server for every action and record — hiding a button is not access control.
 */
import { labelled } from '../shared/labelled';

export const { codes: ROLES, labels: ROLE_LABELS } = labelled({
  resident: '村民',
  station_head: '站点负责人',
  operator_staff: '运营单位',
  county_official: '县级主管部门',
  city_supervisor: '设区市主管部门',
  province_admin: '省级主管部门',
});
export type Role = (typeof ROLES)[number];

export type Scope =
  | { kind: 'none' }
  | { kind: 'station'; stationId: string }
  | { kind: 'operator'; operatorName: string }
  | { kind: 'region'; regionCode: string };

export interface RoleBinding {
  id: string;
  openid: string;
  role: Role;
  scope: Scope;
  grantedBy: string;
  grantedAt: string;
  revokedAt?: string | null;
  revokedBy?: string | null;
  /** The person's name as the granter entered it: lists show names, never openids. */
  holderName?: string;
  /** Until the invited person enters the code, `openid` is pendingOpenid(hash of the code). */
  invite?: { expiresAt: string } | null;
}

/** The placeholder openid of a binding that waits for its invitation code (never a real openid). */
export function pendingOpenid(codeHash: string): string {
  return `invite:${codeHash}`;
}

export function isPending(b: RoleBinding): boolean {
  return b.openid.startsWith('invite:');
}

/** The caller as the server knows them: an openid and their active bindings. */
export interface Actor {
  openid: string;
  bindings: RoleBinding[];
}

/** What a record exposes for scope checks. */
export interface ScopeTarget {
  stationId?: string;
  operatorName?: string;
  /** Region codes from province down, e.g. ['36', '3607', '360731', '360731100']. */
  regionCodes: string[];
}

/** Which scope kind each role must carry; region roles also fix the code length. */
export const ROLE_SCOPE: Record<Role, { kind: Scope['kind']; regionDigits?: number }> = {
  resident: { kind: 'none' },
  station_head: { kind: 'station' },
  operator_staff: { kind: 'operator' },
  county_official: { kind: 'region', regionDigits: 6 },
  city_supervisor: { kind: 'region', regionDigits: 4 },
  province_admin: { kind: 'region', regionDigits: 2 },
};

export const OFFICIAL_ROLES: readonly Role[] = ['county_official', 'city_supervisor', 'province_admin'];

export function scopeCovers(scope: Scope, target: ScopeTarget): boolean {
  switch (scope.kind) {
    case 'none':
      return false;
    case 'station':
      return target.stationId === scope.stationId;
    case 'operator':
      return target.operatorName === scope.operatorName;
    case 'region':
      return target.regionCodes.includes(scope.regionCode);
  }
}

export function scopeMatchesRole(role: Role, scope: Scope): boolean {
  const rule = ROLE_SCOPE[role];
  if (rule.kind !== scope.kind) return false;
  if (scope.kind === 'region') return scope.regionCode.length === rule.regionDigits && scope.regionCode.startsWith('36');
  return true;
}

export function describeScope(scope: Scope): string {
  switch (scope.kind) {
    case 'none':
      return '无';
    case 'station':
      return `站点 ${scope.stationId}`;
    case 'operator':
      return `运营单位 ${scope.operatorName}`;
    case 'region':
      return `地区 ${scope.regionCode}`;
  }
}
