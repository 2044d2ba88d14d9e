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
import { by, context, recordCollection, setDoc, updateWhere, type CbDb, type StoreOptions, type WithId } from './sdk';

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

type ApiKeyDoc = Omit<ApiKey, 'id'>;

function toAudit(d: WithId<AuditDoc>): AuditEntry {
  return { id: d._id, at: d.at, actorOpenid: d.actorOpenid ?? null, action: d.action, outcome: d.outcome, resource: d.resource, detail: d.detail };
}

const toKey = (d: WithId<ApiKeyDoc>): ApiKey => ({ id: d._id, name: d.name, keyHash: d.keyHash, createdAt: d.createdAt, createdBy: d.createdBy, revokedAt: d.revokedAt ?? null, revokedBy: d.revokedBy ?? null });

export function createCloudbaseRoleRepository(db: CbDb, options: StoreOptions = {}): RoleRepository {
  const ctx = context(db, ADMIN_COLLECTIONS, options);
  const roles = recordCollection(ctx, ctx.names.roles, { fromDoc: (d: RoleDoc) => d.binding });
  const oldestFirst = by('grantedAt', 'asc');
  /** Update the binding `id` while it is not revoked (and matches `where`): whether it changed. A nested object sets only the fields it names. */
  const ifActive = async (id: string, where: object, data: object) => (await updateWhere(ctx, roles.coll().where({ _id: id, ...where, revokedAt: null }), data)) > 0;
  return {
    activeFor: (openid) => roles.findAll({ where: { openid, revokedAt: null }, order: oldestFirst }),
    list: (q) => roles.find({ where: { revokedAt: null }, order: oldestFirst }, q),
    get: roles.get,
    insert: (b) => setDoc(ctx, ctx.names.roles, b.id, { openid: b.openid, role: b.role, grantedAt: b.grantedAt, revokedAt: b.revokedAt ?? null, binding: b } satisfies RoleDoc),
    revoke: (id, revokedBy, at) => ifActive(id, {}, { revokedAt: at, binding: { revokedAt: at, revokedBy } }),
    claim: (id, pending, openid) => ifActive(id, { openid: pending }, { openid, binding: { openid, invite: null } }),
  };
}

export function createCloudbaseAuditRepository(db: CbDb, options: StoreOptions = {}): AuditRepository {
  const ctx = context(db, ADMIN_COLLECTIONS, options);
  const audit = recordCollection(ctx, ctx.names.audit, { fromDoc: toAudit });
  return {
    append: ({ id, ...doc }) => setDoc(ctx, ctx.names.audit, id, doc satisfies AuditDoc),
    list: (q) => audit.find({ where: { resource: q.resource || undefined, action: q.action || undefined }, order: by('at', 'desc', 'asc') }, q),
  };
}

export function createCloudbaseCalendarRepository(db: CbDb, options: StoreOptions = {}): CalendarRepository {
  const ctx = context(db, ADMIN_COLLECTIONS, options);
  const years = recordCollection(ctx, ctx.names.calendars, { fromDoc: (d: CalendarDoc): YearDays => ({ year: d.year, holidays: d.holidays, workdays: d.workdays, source: d.source }) });
  return {
    adminYears: () => years.findAll({ order: [['year', 'asc']] }),
    async saveYear(y, enteredBy, at) {
      const doc: CalendarDoc = { year: y.year, holidays: [...y.holidays], workdays: [...y.workdays], source: y.source, enteredBy, enteredAt: at };
      await setDoc(ctx, ctx.names.calendars, String(y.year), doc);
    },
  };
}

export function createCloudbaseApiKeyRepository(db: CbDb, options: StoreOptions = {}): ApiKeyRepository {
  const ctx = context(db, ADMIN_COLLECTIONS, options);
  const keys = recordCollection(ctx, ctx.names.apiKeys, { fromDoc: toKey });
  return {
    insert: ({ id, ...doc }) => setDoc(ctx, ctx.names.apiKeys, id, doc),
    findActive: (keyHash) => keys.findOne({ where: { keyHash, revokedAt: null }, order: [['_id', 'asc']] }),
    list: () => keys.findAll({ order: by('createdAt', 'desc', 'asc') }),
    revoke: async (id, revokedBy, at) => (await updateWhere(ctx, keys.coll().where({ _id: id, revokedAt: null }), { revokedAt: at, revokedBy })) > 0,
  };
}
