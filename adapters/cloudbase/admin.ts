/**
 * CloudBase stores of the administration every function shares: role bindings (who may act
 * where), the audit log (what they did) and administrator-entered calendar years (which days are
 * working days). Behaviour matches adapters/sqlite/admin.ts: test/contract/admin.contract.ts runs
 * against both.
 *
 * Collections: role_bindings (`_id` = binding id; the record under `binding` plus openid, role,
 * grantedAt, revokedAt), audit_log (`_id` = entry id), calendar_years (`_id` = the year),
 * api_keys (`_id` = key id; keyHash and revokedAt at the top level for the lookup).
 */
import type { RoleBinding } from '../../core/authz/roles';
import type { YearDays } from '../../core/calendar/workdays';
import type { ApiKey, ApiKeyRepository } from '../../core/open311/keys';
import type { AuditEntry, AuditRepository, CalendarRepository, RoleRepository } from '../../core/ports';
import { byId, context, EVERYTHING, fetchRange, filtered, pageOf, request, setDoc, type CbDb, type StoreOptions, type WithId } from './sdk';

export const ADMIN_COLLECTIONS = {
  roles: 'role_bindings',
  audit: 'audit_log',
  calendars: 'calendar_years',
  apiKeys: 'api_keys',
} as const;

interface RoleDoc {
  openid: string;
  role: RoleBinding['role'];
  grantedAt: string;
  revokedAt: string | null;
  binding: RoleBinding;
}

type AuditDoc = Omit<AuditEntry, 'id'>;

interface CalendarDoc extends YearDays {
  enteredBy: string;
  enteredAt: string;
}

function toAudit(d: WithId<AuditDoc>): AuditEntry {
  return { id: d._id, at: d.at, actorOpenid: d.actorOpenid ?? null, action: d.action, outcome: d.outcome, resource: d.resource, detail: d.detail };
}

export function createCloudbaseRoleRepository(db: CbDb, options: StoreOptions = {}): RoleRepository {
  const ctx = context(db, ADMIN_COLLECTIONS, options);
  const roles = () => ctx.coll(ctx.names.roles);
  const active = () => roles().where({ revokedAt: null }).orderBy('grantedAt', 'asc').orderBy('_id', 'asc');
  return {
    async activeFor(openid) {
      const docs = await fetchRange<RoleDoc>(() => roles().where({ openid, revokedAt: null }).orderBy('grantedAt', 'asc').orderBy('_id', 'asc'), 0, EVERYTHING);
      return docs.map((d) => d.binding);
    },
    async list(q) {
      const docs = await fetchRange<RoleDoc>(active, q.offset, q.limit + 1);
      return pageOf(docs.map((d) => d.binding), q.limit);
    },
    async get(id) {
      return (await byId<RoleDoc>(ctx, ctx.names.roles, id))?.binding ?? null;
    },
    async insert(b) {
      const doc: RoleDoc = { openid: b.openid, role: b.role, grantedAt: b.grantedAt, revokedAt: b.revokedAt ?? null, binding: b };
      await setDoc(ctx, ctx.names.roles, b.id, doc);
    },
    async revoke(id, by, at) {
      // A nested object in update() sets only the fields it names.
      const res = await request(() => roles().where({ _id: id, revokedAt: null }).update(ctx.arg({ revokedAt: at, binding: { revokedAt: at, revokedBy: by } })));
      return ctx.updated(res) > 0;
    },
    async claim(id, pending, openid) {
      const res = await request(() => roles().where({ _id: id, openid: pending, revokedAt: null }).update(ctx.arg({ openid, binding: { openid, invite: null } })));
      return ctx.updated(res) > 0;
    },
  };
}

export function createCloudbaseAuditRepository(db: CbDb, options: StoreOptions = {}): AuditRepository {
  const ctx = context(db, ADMIN_COLLECTIONS, options);
  return {
    async append(e) {
      const { id, ...rest } = e;
      const doc: AuditDoc = rest;
      await setDoc(ctx, ctx.names.audit, id, doc);
    },
    async list(q) {
      const where: Record<string, unknown> = {};
      if (q.resource) where.resource = q.resource;
      if (q.action) where.action = q.action;
      const docs = await fetchRange<AuditDoc>(() => filtered(ctx, ctx.names.audit, where).orderBy('at', 'desc').orderBy('_id', 'asc'), q.offset, q.limit + 1);
      return pageOf(docs.map(toAudit), q.limit);
    },
  };
}

export function createCloudbaseCalendarRepository(db: CbDb, options: StoreOptions = {}): CalendarRepository {
  const ctx = context(db, ADMIN_COLLECTIONS, options);
  const years = () => ctx.coll(ctx.names.calendars);
  return {
    async adminYears() {
      const docs = await fetchRange<CalendarDoc>(() => years().orderBy('year', 'asc'), 0, EVERYTHING);
      return docs.map((d) => ({ year: d.year, holidays: d.holidays, workdays: d.workdays, source: d.source }));
    },
    async saveYear(y, by, at) {
      const doc: CalendarDoc = { year: y.year, holidays: [...y.holidays], workdays: [...y.workdays], source: y.source, enteredBy: by, enteredAt: at };
      await setDoc(ctx, ctx.names.calendars, String(y.year), doc);
    },
  };
}

type ApiKeyDoc = Omit<ApiKey, 'id'>;

export function createCloudbaseApiKeyRepository(db: CbDb, options: StoreOptions = {}): ApiKeyRepository {
  const ctx = context(db, ADMIN_COLLECTIONS, options);
  const keys = () => ctx.coll(ctx.names.apiKeys);
  const toKey = (d: WithId<ApiKeyDoc>): ApiKey => ({ id: d._id, name: d.name, keyHash: d.keyHash, createdAt: d.createdAt, createdBy: d.createdBy, revokedAt: d.revokedAt ?? null, revokedBy: d.revokedBy ?? null });
  return {
    async insert(k) {
      const { id, ...doc } = k;
      await setDoc(ctx, ctx.names.apiKeys, id, doc);
    },
    async findActive(keyHash) {
      const [d] = await fetchRange<ApiKeyDoc>(() => keys().where({ keyHash, revokedAt: null }).orderBy('_id', 'asc'), 0, 1);
      return d ? toKey(d) : null;
    },
    async list() {
      const docs = await fetchRange<ApiKeyDoc>(() => keys().orderBy('createdAt', 'desc').orderBy('_id', 'asc'), 0, EVERYTHING);
      return docs.map(toKey);
    },
    async revoke(id, by, at) {
      const res = await request(() => keys().where({ _id: id, revokedAt: null }).update(ctx.arg({ revokedAt: at, revokedBy: by })));
      return ctx.updated(res) > 0;
    },
  };
}
