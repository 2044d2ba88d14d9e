/**
 * Who am I, role grants and revocations (every one audited), and the administrator-entered
 * holiday calendar. The first administrators come from configuration (bootstrapAdmins).
 */
import { createAccess } from '../authz/access';
import { authorize, canGrant, listBindings } from '../authz/policy';
import { ROLE_LABELS, ROLES, describeScope, isPending, pendingOpenid, scopeMatchesRole, type Actor, type Role, type RoleBinding, type Scope } from '../authz/roles';
import { WorkCalendar, checkYearEntry } from '../calendar/workdays';
import type { AuditRepository, CalendarRepository, Clock, ComplaintRepository, IdSource, InviteCodes, RegionRepository, RoleRepository, StationRepository } from '../ports';
import { healProvisionalDeadlines } from '../complaint/heal';
import { decodeCursor, encodeCursor } from '../shared/cursor';
import { AppError } from '../shared/errors';
import { isoDate, regionCode, text, z } from '../shared/zod';
import { toShanghai } from '../shared/time';
import { INVITE_CODE, INVITE_DAYS, normalizeInviteCode } from './limits';

export { INVITE_ALPHABET } from './limits';

const scopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('station'), stationId: z.string().check(z.regex(/^[a-z0-9-]{3,40}$/, '站点编号不对')) }),
  z.strictObject({ kind: z.literal('operator'), operatorName: text(60, '运营单位', { min: 2 }) }),
  z.strictObject({ kind: z.literal('region'), regionCode }),
]);
const openid = z.string().check(z.regex(/^[A-Za-z0-9_-]{6,64}$/, '用户编号不对'));

export const meInput = z.strictObject({});
export const grantInput = z.strictObject({
  openid,
  role: z.enum(ROLES, '角色不对'),
  scope: scopeSchema,
  name: z.optional(z.string().check(z.trim(), z.maxLength(20))),
  /** Why, outside an appointment notice (required for station_head; kept in the audit log). */
  reason: z.optional(z.string().check(z.trim(), z.maxLength(60))),
});
/** A grant by invitation: the person is named, and takes the role by entering the code in 我的. */
export const inviteInput = z.strictObject({
  name: text(15, '姓名', { min: 2, tooShort: '请填写对方的真实姓名' }),
  role: z.enum(ROLES, '角色不对'),
  scope: scopeSchema,
  reason: z.optional(z.string().check(z.trim(), z.maxLength(60))),
});
/** Codes are read out or typed: case and spaces do not matter. */
export const acceptInput = z.strictObject({
  code: z.string().check(
    z.overwrite(normalizeInviteCode),
    z.regex(INVITE_CODE, '授权码是 8 位字母和数字'),
  ),
});
export const revokeInput = z.strictObject({ id: z.string().check(z.regex(/^[A-Za-z0-9_-]{6,64}$/)) });
export const bindingsInput = z.strictObject({ cursor: z.optional(z.string().check(z.maxLength(40))), limit: z.optional(z.int().check(z.gte(1), z.lte(50))) });
export const calendarInput = z.strictObject({});
export const setCalendarYearInput = z.strictObject({
  year: z.int().check(z.gte(2020), z.lte(2100)),
  holidays: z.array(isoDate).check(z.maxLength(60)),
  workdays: z.array(isoDate).check(z.maxLength(20)),
});

export interface AccountDeps {
  roles: RoleRepository;
  audit: AuditRepository;
  calendars: CalendarRepository;
  stations: StationRepository;
  /** Names for region scopes ("于都县" instead of 360731); without it the code is shown. */
  regions?: RegionRepository;
  /** Deadlines counted through a year are recomputed when the year is entered. */
  complaints: ComplaintRepository;
  ids: IdSource;
  clock: Clock;
  inviteCodes: InviteCodes;
}

export interface MeView {
  openid: string;
  roles: { id: string; role: Role; label: string; scope: Scope; scopeLabel: string }[];
  isOfficial: boolean;
  isStationHead: boolean;
  isHandler: boolean;
}

/** "openid:role:scopeValue" entries separated by commas, from configuration (ZDT_ADMINS). */
export function parseAdminConfig(spec: string): { openid: string; role: Role; scope: Scope }[] {
  return spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const [oid, role, value] = entry.split(':');
      if (!oid || !(ROLES as readonly string[]).includes(role) || !value) throw new Error(`ZDT_ADMINS entry is not "openid:role:scope": ${entry.slice(0, 8)}…`);
      const scope: Scope = role === 'station_head' ? { kind: 'station', stationId: value } : role === 'operator_staff' ? { kind: 'operator', operatorName: value } : { kind: 'region', regionCode: value };
      if (!scopeMatchesRole(role as Role, scope)) throw new Error(`ZDT_ADMINS: scope does not fit role ${role}`);
      return { openid: oid, role: role as Role, scope };
    });
}

/** Insert configured bindings that are not there yet (idempotent); each insert audited. */
export async function bootstrapAdmins(deps: Pick<AccountDeps, 'roles' | 'audit' | 'ids' | 'clock'>, admins: { openid: string; role: Role; scope: Scope; name?: string }[], by = 'config'): Promise<number> {
  let added = 0;
  for (const a of admins) {
    const existing = await deps.roles.activeFor(a.openid);
    if (existing.some((b) => b.role === a.role && JSON.stringify(b.scope) === JSON.stringify(a.scope))) continue;
    const at = deps.clock.now().toISOString();
    const binding: RoleBinding = { id: deps.ids.id(), openid: a.openid, role: a.role, scope: a.scope, grantedBy: by, grantedAt: at, revokedAt: null, revokedBy: null, ...(a.name ? { holderName: a.name } : {}) };
    await deps.roles.insert(binding);
    await createAccess(deps).record({ actorOpenid: null, action: 'role.grant', outcome: 'done', resource: `binding:${binding.id}`, detail: `${by}: ${a.role} ${describeScope(a.scope)}`, at });
    added++;
  }
  return added;
}

export function createAccountService(deps: AccountDeps) {
  const { roles, calendars, stations, ids, clock } = deps;
  const access = createAccess(deps);

  const actorOf = (oid: string | null) => access.actorOf(oid);

  async function denied(actor: Actor, action: string, resource: string, reason: string): Promise<never> {
    await access.record({ actorOpenid: actor.openid, action, outcome: 'denied', resource, detail: reason });
    throw new AppError('FORBIDDEN', '您没有权限进行这个操作');
  }

  /** Region codes a new scope lies in, for the granter's coverage check. */
  async function regionsOf(scope: Scope): Promise<string[]> {
    switch (scope.kind) {
      case 'region': {
        const c = scope.regionCode;
        return [c.slice(0, 2), c.slice(0, 4), c.slice(0, 6), c.slice(0, 9), c].filter((x, i, a) => x.length >= 2 && a.indexOf(x) === i && c.startsWith(x));
      }
      case 'station': {
        const s = await stations.get(scope.stationId);
        if (!s) throw new AppError('NOT_FOUND', '没有这个站点', { 'scope.stationId': '站点不存在' });
        return s.regionPath.map((r) => r.code);
      }
      case 'operator':
        return ['36']; // operators work across counties: only the province grants them
      case 'none':
        return [];
    }
  }

  /** A scope in words with names ("于都县", "贡江镇服务站"), the code only when the name cannot be found. */
  async function scopeLabel(scope: Scope): Promise<string> {
    if (scope.kind === 'station') {
      const st = await deps.stations.get(scope.stationId).catch(() => null);
      if (st) return st.name;
    }
    if (scope.kind === 'region' && deps.regions) {
      const r = await deps.regions.get(scope.regionCode).catch(() => null);
      if (r) return r.name;
    }
    return describeScope(scope);
  }

  return {
    async me(oid: string | null): Promise<MeView> {
      const actor = await actorOf(oid);
      const list = await Promise.all(actor.bindings.map(async (b) => ({ id: b.id, role: b.role, label: ROLE_LABELS[b.role], scope: b.scope, scopeLabel: await scopeLabel(b.scope) })));
      return {
        openid: actor.openid,
        roles: list,
        isOfficial: listBindings(actor, 'complaint.accept').length > 0,
        isStationHead: listBindings(actor, 'complaint.readAsStation').length > 0,
        isHandler: listBindings(actor, 'complaint.queue').length > 0,
      };
    },

    async grant(oid: string | null, input: z.infer<typeof grantInput>) {
      const actor = await actorOf(oid);
      if (!scopeMatchesRole(input.role, input.scope)) throw new AppError('VALIDATION_ERROR', '角色与范围不匹配', { scope: '范围与角色不匹配' });
      const regions = await regionsOf(input.scope);
      if (!listBindings(actor, 'role.grant').length) return denied(actor, 'role.grant', `openid:${input.openid.slice(0, 6)}`, 'role');
      if (!canGrant(actor, input.role, regions)) return denied(actor, 'role.grant', `openid:${input.openid.slice(0, 6)}`, 'out-of-scope');
      // Station heads are appointed through a public notice; any other grant says why, for the audit.
      if (input.role === 'station_head' && !input.reason) {
        throw new AppError('VALIDATION_ERROR', '站点负责人一般经公示任用产生；直接授予请写明理由（如：临时代管）', { reason: '请写明理由' });
      }
      const existing = await roles.activeFor(input.openid);
      if (existing.some((b) => b.role === input.role && JSON.stringify(b.scope) === JSON.stringify(input.scope))) throw new AppError('CONFLICT', '此人已有这个角色');
      const at = clock.now().toISOString();
      const binding: RoleBinding = { id: ids.id(), openid: input.openid, role: input.role, scope: input.scope, grantedBy: actor.openid, grantedAt: at, revokedAt: null, revokedBy: null, ...(input.name ? { holderName: input.name } : {}) };
      await roles.insert(binding);
      await access.record({ actorOpenid: actor.openid, action: 'role.grant', outcome: 'done', resource: `binding:${binding.id}`, detail: `${input.role} ${describeScope(input.scope)}${input.reason ? `；理由：${input.reason}` : ''}`, at });
      return { id: binding.id, role: binding.role, label: ROLE_LABELS[binding.role], scope: binding.scope, scopeLabel: await scopeLabel(binding.scope) };
    },

    /**
     * Grant by invitation: the granter names the person and gets a one-time code (valid
     * INVITE_DAYS days) to hand over; nobody has to find or type an openid. The same checks as a
     * direct grant apply now, and the binding counts only once the person enters the code.
     */
    async invite(oid: string | null, input: z.infer<typeof inviteInput>) {
      const actor = await actorOf(oid);
      if (!scopeMatchesRole(input.role, input.scope)) throw new AppError('VALIDATION_ERROR', '角色与范围不匹配', { scope: '范围与角色不匹配' });
      const regions = await regionsOf(input.scope);
      if (!listBindings(actor, 'role.grant').length) return denied(actor, 'role.invite', `role:${input.role}`, 'role');
      if (!canGrant(actor, input.role, regions)) return denied(actor, 'role.invite', `role:${input.role}`, 'out-of-scope');
      if (input.role === 'station_head' && !input.reason) {
        throw new AppError('VALIDATION_ERROR', '站点负责人一般经公示任用产生；直接授予请写明理由（如：临时代管）', { reason: '请写明理由' });
      }
      const code = deps.inviteCodes.newCode();
      const now = clock.now();
      const at = now.toISOString();
      const expiresAt = new Date(now.getTime() + INVITE_DAYS * 86_400_000).toISOString();
      const binding: RoleBinding = {
        id: ids.id(),
        openid: pendingOpenid(deps.inviteCodes.hash(code)),
        role: input.role,
        scope: input.scope,
        grantedBy: actor.openid,
        grantedAt: at,
        revokedAt: null,
        revokedBy: null,
        holderName: input.name,
        invite: { expiresAt },
      };
      await roles.insert(binding);
      await access.record({ actorOpenid: actor.openid, action: 'role.invite', outcome: 'done', resource: `binding:${binding.id}`, detail: `${input.role} ${describeScope(input.scope)}${input.reason ? `；理由：${input.reason}` : ''}`, at });
      return { id: binding.id, code, expiresAt, name: input.name, label: ROLE_LABELS[binding.role], scopeLabel: await scopeLabel(binding.scope) };
    },

    /** The invited person enters the code: the role is theirs from now (audited). */
    async accept(oid: string | null, input: z.infer<typeof acceptInput>) {
      if (!oid) throw new AppError('UNAUTHENTICATED', '请在微信中打开小程序');
      const pending = pendingOpenid(deps.inviteCodes.hash(input.code));
      const wrong = () => new AppError('NOT_FOUND', '授权码不对或已过期，请向发给您授权码的工作人员核实', { code: '授权码不对或已过期' });
      const [b] = await roles.activeFor(pending);
      const now = clock.now();
      if (!b || !b.invite || b.invite.expiresAt <= now.toISOString()) {
        await access.record({ actorOpenid: oid, action: 'role.accept', outcome: 'denied', resource: b ? `binding:${b.id}` : 'invite', detail: b ? 'expired' : 'unknown-code' });
        throw wrong();
      }
      const mine = await roles.activeFor(oid);
      if (mine.some((x) => x.role === b.role && JSON.stringify(x.scope) === JSON.stringify(b.scope))) throw new AppError('CONFLICT', '您已经有这个角色了');
      if (!(await roles.claim(b.id, pending, oid))) throw wrong();
      const at = now.toISOString();
      await access.record({ actorOpenid: oid, action: 'role.accept', outcome: 'done', resource: `binding:${b.id}`, detail: `${b.role} ${describeScope(b.scope)}`, at });
      return { id: b.id, role: b.role, label: ROLE_LABELS[b.role], scopeLabel: await scopeLabel(b.scope) };
    },

    async revoke(oid: string | null, input: z.infer<typeof revokeInput>) {
      const actor = await actorOf(oid);
      const b = await roles.get(input.id);
      const missing = () => new AppError('NOT_FOUND', '没有这个角色记录');
      if (!b || b.revokedAt) throw missing();
      if (!canGrant(actor, b.role, await regionsOf(b.scope))) {
        // Bindings are not public: refused on one outside their scope, the answer is that of a missing one.
        await denied(actor, 'role.revoke', `binding:${b.id}`, 'out-of-scope').catch(() => undefined);
        throw missing();
      }
      const at = clock.now().toISOString();
      await roles.revoke(b.id, actor.openid, at);
      await access.record({ actorOpenid: actor.openid, action: 'role.revoke', outcome: 'done', resource: `binding:${b.id}`, detail: `${b.role} ${describeScope(b.scope)}`, at });
      return { id: b.id, revoked: true };
    },

    async bindings(oid: string | null, input: z.infer<typeof bindingsInput>) {
      const actor = await actorOf(oid);
      const mine = listBindings(actor, 'role.list').flatMap((b) => (b.scope.kind === 'region' ? [b.scope.regionCode] : []));
      if (!mine.length) return denied(actor, 'role.list', 'bindings', 'role');
      // Only bindings whose scope lies inside the caller's regions: a county official does not list
      // other counties or the levels above. Bindings are few; filter them all, then page.
      const visible: RoleBinding[] = [];
      for (let at = 0; ; at += 200) {
        const page = await roles.list({ offset: at, limit: 200 });
        for (const b of page.items) {
          const regions = await regionsOf(b.scope).catch(() => [] as string[]);
          if (regions.some((r) => mine.includes(r))) visible.push(b);
        }
        if (!page.hasMore) break;
      }
      const scope = `bindings:${actor.openid}`;
      const now = clock.now().toISOString();
      const offset = decodeCursor(input.cursor, scope);
      const limit = input.limit ?? 20;
      return {
        items: await Promise.all(
          visible.slice(offset, offset + limit).map(async (b) => ({
            id: b.id,
            // Names, never openids: bindings granted before names were kept say so.
            name: b.holderName ?? (b.grantedBy === 'config' ? '首批管理员（配置）' : '（未登记姓名）'),
            role: b.role,
            label: ROLE_LABELS[b.role],
            scopeLabel: await scopeLabel(b.scope),
            grantedAt: b.grantedAt,
            state: (isPending(b) ? (b.invite && b.invite.expiresAt > now ? 'invited' : 'expired') : 'active') as 'active' | 'invited' | 'expired',
            inviteExpiresAt: isPending(b) ? (b.invite?.expiresAt ?? null) : null,
          })),
        ),
        nextCursor: offset + limit < visible.length ? encodeCursor(offset + limit, scope) : null,
      };
    },

    async calendar(oid: string | null) {
      await actorOf(oid);
      const cal = new WorkCalendar(await calendars.adminYears());
      const year = Number(toShanghai(clock.now()).date.slice(0, 4));
      const missing = cal.missingYears(year, year + 1);
      return {
        years: cal.knownYears(),
        missingYears: missing,
        warning: missing.length ? `${missing.join('、')} 年的节假日安排尚未录入，投诉期限暂按周末计算` : null,
      };
    },

    async setCalendarYear(oid: string | null, input: z.infer<typeof setCalendarYearInput>) {
      const actor = await actorOf(oid);
      if (!authorize(actor, 'calendar.edit', { regionCodes: ['36'] }).allowed) return denied(actor, 'calendar.edit', `year:${input.year}`, 'role');
      const problem = checkYearEntry(input);
      if (problem) throw new AppError('VALIDATION_ERROR', problem, { holidays: problem });
      const at = clock.now().toISOString();
      await calendars.saveYear({ year: input.year, holidays: [...new Set(input.holidays)].sort(), workdays: [...new Set(input.workdays)].sort(), source: 'admin' }, actor.openid, at);
      await access.record({ actorOpenid: actor.openid, action: 'calendar.edit', outcome: 'done', resource: `year:${input.year}`, detail: `${input.holidays.length} holidays, ${input.workdays.length} workdays`, at });
      // Provisional deadlines heal now, not when someone next touches each complaint.
      const { healed, escalationsUndone } = await healProvisionalDeadlines(deps, input.year, actor.openid);
      return { year: input.year, saved: true, deadlinesRecomputed: healed, escalationsUndone };
    },
  };
}
