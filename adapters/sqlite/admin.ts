/**
 * SQLite stores of the administration every function shares: role bindings (who may act where),
 * the audit log (what they did) and administrator-entered calendar years (which days are working
 * days). test/contract/admin.contract.ts runs against these and the CloudBase ones.
 */
import type { RoleBinding } from '../../core/authz/roles';
import type { YearDays } from '../../core/calendar/workdays';
import type { ApiKey, ApiKeyRepository } from '../../core/open311/keys';
import type { AuditEntry, AuditRepository, CalendarRepository, RoleRepository } from '../../core/ports';
import { guarded, type Db } from './db';
import { docOf, docsOf, Filter, pageOf } from './sql';

export function createSqliteRoleRepository(db: Db): RoleRepository {
  const active = db.prepare('SELECT doc FROM role_bindings WHERE openid = ? AND revoked_at IS NULL ORDER BY granted_at').pluck();
  const list = db.prepare('SELECT doc FROM role_bindings WHERE revoked_at IS NULL ORDER BY granted_at, id LIMIT ? OFFSET ?').pluck();
  const one = db.prepare('SELECT doc FROM role_bindings WHERE id = ?').pluck();
  const insert = db.prepare('INSERT INTO role_bindings (id, openid, role, revoked_at, granted_at, doc) VALUES (?, ?, ?, NULL, ?, ?)');
  const revoke = db.prepare(
    "UPDATE role_bindings SET revoked_at = ?, doc = json_set(doc, '$.revokedAt', ?, '$.revokedBy', ?) WHERE id = ? AND revoked_at IS NULL",
  );
  const claim = db.prepare(
    "UPDATE role_bindings SET openid = ?, doc = json_set(doc, '$.openid', ?, '$.invite', json('null')) WHERE id = ? AND openid = ? AND revoked_at IS NULL",
  );
  return {
    activeFor: (openid) => guarded(() => docsOf<RoleBinding>(active.all(openid))),
    list: (q) => guarded(() => {
      const docs = list.all(q.limit + 1, q.offset) as string[];
      return pageOf(docsOf<RoleBinding>(docs), q.limit);
    }),
    get: (id) => guarded(() => docOf<RoleBinding>(one.get(id))),
    insert: (b) => guarded(() => void insert.run(b.id, b.openid, b.role, b.grantedAt, JSON.stringify(b))),
    revoke: (id, by, at) => guarded(() => revoke.run(at, at, by, id).changes > 0),
    claim: (id, pending, openid) => guarded(() => claim.run(openid, openid, id, pending).changes > 0),
  };
}

export function createSqliteAuditRepository(db: Db): AuditRepository {
  const insert = db.prepare('INSERT INTO audit_log (id, at, actor, action, outcome, resource, detail) VALUES (@id, @at, @actorOpenid, @action, @outcome, @resource, @detail)');
  return {
    append: (e) => guarded(() => void insert.run(e)),
    list: (q) =>
      guarded(() => {
        const f = new Filter().eq('resource = ?', q.resource).eq('action = ?', q.action);
        const sql = `SELECT id, at, actor AS actorOpenid, action, outcome, resource, detail FROM audit_log${f.sql} ORDER BY at DESC, id LIMIT ? OFFSET ?`;
        const rows = db.prepare(sql).all(...f.params, q.limit + 1, q.offset) as AuditEntry[];
        return pageOf(rows, q.limit);
      }),
  };
}

export function createSqliteCalendarRepository(db: Db): CalendarRepository {
  const all = db.prepare('SELECT doc FROM calendar_years ORDER BY year').pluck();
  const upsert = db.prepare(
    'INSERT INTO calendar_years (year, doc, entered_by, entered_at) VALUES (?, ?, ?, ?) ON CONFLICT(year) DO UPDATE SET doc = excluded.doc, entered_by = excluded.entered_by, entered_at = excluded.entered_at',
  );
  return {
    adminYears: () => guarded(() => docsOf<YearDays>(all.all())),
    saveYear: (y, by, at) => guarded(() => void upsert.run(y.year, JSON.stringify(y), by, at)),
  };
}

export function createSqliteApiKeyRepository(db: Db): ApiKeyRepository {
  const insert = db.prepare('INSERT INTO api_keys (id, key_hash, created_at, revoked_at, doc) VALUES (?, ?, ?, NULL, ?)');
  const active = db.prepare('SELECT doc FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL').pluck();
  const all = db.prepare('SELECT doc FROM api_keys ORDER BY created_at DESC, id').pluck();
  const revoke = db.prepare("UPDATE api_keys SET revoked_at = ?, doc = json_set(doc, '$.revokedAt', ?, '$.revokedBy', ?) WHERE id = ? AND revoked_at IS NULL");
  return {
    insert: (k) => guarded(() => void insert.run(k.id, k.keyHash, k.createdAt, JSON.stringify(k))),
    findActive: (hash) => guarded(() => docOf<ApiKey>(active.get(hash))),
    list: () => guarded(() => docsOf<ApiKey>(all.all())),
    revoke: (id, by, at) => guarded(() => revoke.run(at, at, by, id).changes > 0),
  };
}

/** Roles, audit, calendar and API keys over one connection. */
export function sqliteAdminStores(db: Db) {
  return { roles: createSqliteRoleRepository(db), audit: createSqliteAuditRepository(db), calendars: createSqliteCalendarRepository(db), apiKeys: createSqliteApiKeyRepository(db) };
}
