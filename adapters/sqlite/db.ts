/**
 * The embedded database: one better-sqlite3 connection, WAL mode, forward-only migrations.
 * Storage failures surface as AppError('UNAVAILABLE'); nothing else leaks SQLite details.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../core/shared/errors';

export type Db = Database.Database;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'directory',
    sql: `
      CREATE TABLE stations (
        rid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        code TEXT NOT NULL,
        level TEXT NOT NULL,
        level_rank INTEGER NOT NULL,
        status TEXT NOT NULL,
        lat REAL NOT NULL,
        lng REAL NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX stations_status_rank ON stations(status, level_rank, code);
      CREATE VIRTUAL TABLE stations_geo USING rtree(rid, min_lat, max_lat, min_lng, max_lng);
      CREATE VIRTUAL TABLE stations_fts USING fts5(chars, latin, tokenize = 'unicode61');
      CREATE TABLE station_services (service TEXT NOT NULL, rid INTEGER NOT NULL, PRIMARY KEY (service, rid)) WITHOUT ROWID;
      CREATE TABLE station_regions (code TEXT NOT NULL, rid INTEGER NOT NULL, PRIMARY KEY (code, rid)) WITHOUT ROWID;
      CREATE TABLE regions (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        level TEXT NOT NULL,
        parent_code TEXT,
        lat REAL,
        lng REAL
      );
      CREATE INDEX regions_parent ON regions(parent_code, code);
    `,
  },
  {
    version: 2,
    name: 'complaints-roles-audit-outbox-calendar',
    sql: `
      CREATE TABLE complaints (
        id TEXT PRIMARY KEY,
        tracking_no TEXT NOT NULL UNIQUE,
        station_id TEXT NOT NULL,
        owner TEXT NOT NULL,
        status TEXT NOT NULL,
        category TEXT NOT NULL,
        version INTEGER NOT NULL,
        due_at TEXT,
        submitted_at TEXT NOT NULL,
        escalation_level INTEGER NOT NULL,
        assigned_operator TEXT,
        doc TEXT NOT NULL
      );
      CREATE INDEX complaints_owner ON complaints(owner, submitted_at);
      CREATE INDEX complaints_station ON complaints(station_id, submitted_at);
      CREATE INDEX complaints_due ON complaints(due_at) WHERE due_at IS NOT NULL;
      CREATE INDEX complaints_operator ON complaints(assigned_operator, due_at) WHERE assigned_operator IS NOT NULL;
      CREATE TABLE complaint_regions (code TEXT NOT NULL, due_at TEXT, complaint_id TEXT NOT NULL, PRIMARY KEY (code, complaint_id)) WITHOUT ROWID;
      CREATE INDEX complaint_regions_due ON complaint_regions(code, due_at);
      CREATE TABLE complaint_history (complaint_id TEXT NOT NULL, seq INTEGER NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (complaint_id, seq)) WITHOUT ROWID;
      CREATE TABLE complaint_requests (request_key TEXT PRIMARY KEY, complaint_id TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE complaint_supporters (complaint_id TEXT NOT NULL, openid TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (complaint_id, openid)) WITHOUT ROWID;
      CREATE TABLE outbox (id TEXT PRIMARY KEY, openid TEXT NOT NULL, created_at TEXT NOT NULL, sent_at TEXT, attempts INTEGER NOT NULL DEFAULT 0, doc TEXT NOT NULL);
      CREATE INDEX outbox_pending ON outbox(created_at) WHERE sent_at IS NULL;
      CREATE INDEX outbox_recipient ON outbox(openid, created_at);
      CREATE TABLE role_bindings (id TEXT PRIMARY KEY, openid TEXT NOT NULL, role TEXT NOT NULL, revoked_at TEXT, granted_at TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX role_bindings_openid ON role_bindings(openid) WHERE revoked_at IS NULL;
      CREATE TABLE audit_log (id TEXT PRIMARY KEY, at TEXT NOT NULL, actor TEXT, action TEXT NOT NULL, outcome TEXT NOT NULL, resource TEXT NOT NULL, detail TEXT NOT NULL);
      CREATE INDEX audit_resource ON audit_log(resource, at);
      CREATE INDEX audit_at ON audit_log(at);
      CREATE TABLE calendar_years (year INTEGER PRIMARY KEY, doc TEXT NOT NULL, entered_by TEXT NOT NULL, entered_at TEXT NOT NULL);
    `,
  },
  {
    version: 3,
    name: 'ratings',
    sql: `
      CREATE TABLE ratings (
        id TEXT PRIMARY KEY,
        station_id TEXT NOT NULL,
        rater TEXT NOT NULL,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        version INTEGER NOT NULL,
        rater_first_seen TEXT NOT NULL,
        doc TEXT NOT NULL
      );
      CREATE INDEX ratings_station_status ON ratings(station_id, status, created_at DESC, id DESC);
      CREATE INDEX ratings_station_created ON ratings(station_id, created_at, status, rater_first_seen);
      CREATE INDEX ratings_rater ON ratings(rater, created_at DESC, id DESC);
      CREATE INDEX ratings_rater_station ON ratings(rater, station_id, created_at DESC);
      CREATE INDEX ratings_held ON ratings(created_at, id) WHERE status = 'held';
      CREATE INDEX ratings_created ON ratings(created_at);
      CREATE TABLE rating_aggregates (
        station_id TEXT PRIMARY KEY,
        count INTEGER NOT NULL,
        attitude INTEGER NOT NULL,
        pricing INTEGER NOT NULL,
        cleanliness INTEGER NOT NULL,
        efficiency INTEGER NOT NULL,
        visit_verified INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE rating_requests (request_key TEXT PRIMARY KEY, rating_id TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE rating_accounts (openid TEXT PRIMARY KEY, first_seen TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE rating_reports (id TEXT PRIMARY KEY, station_id TEXT NOT NULL, created_at TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX rating_reports_created ON rating_reports(created_at DESC, id DESC);
    `,
  },
  {
    version: 4,
    name: 'recruitment-notices',
    sql: `
    CREATE TABLE posts (id TEXT PRIMARY KEY, status TEXT NOT NULL, created_at TEXT NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL);
    CREATE INDEX posts_status ON posts(status, created_at);
    CREATE TABLE post_regions (code TEXT NOT NULL, post_id TEXT NOT NULL, PRIMARY KEY (code, post_id)) WITHOUT ROWID;
    CREATE TABLE applications (
      id TEXT PRIMARY KEY, post_id TEXT NOT NULL, applicant TEXT NOT NULL, id_hash TEXT NOT NULL, status TEXT NOT NULL,
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL
    );
    CREATE UNIQUE INDEX applications_post_id_hash ON applications(post_id, id_hash);
    CREATE UNIQUE INDEX applications_post_applicant ON applications(post_id, applicant);
    CREATE INDEX applications_applicant ON applications(applicant, created_at);
    CREATE INDEX applications_status ON applications(status, updated_at);
    CREATE TABLE application_requests (request_key TEXT PRIMARY KEY, application_id TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE training_records (id TEXT PRIMARY KEY, station_id TEXT NOT NULL, head TEXT NOT NULL, date TEXT NOT NULL, doc TEXT NOT NULL);
    CREATE INDEX training_station ON training_records(station_id, head, date);
    CREATE TABLE notices (id TEXT PRIMARY KEY, status TEXT NOT NULL, ends_on TEXT NOT NULL, published_at TEXT NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL);
    CREATE INDEX notices_status ON notices(status, ends_on);
    CREATE INDEX notices_published ON notices(published_at);
    CREATE TABLE notice_regions (code TEXT NOT NULL, notice_id TEXT NOT NULL, PRIMARY KEY (code, notice_id)) WITHOUT ROWID;
    CREATE TABLE objections (id TEXT PRIMARY KEY, notice_id TEXT NOT NULL, created_at TEXT NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL);
    CREATE INDEX objections_notice ON objections(notice_id, created_at);
  `,
  },
  {
    version: 5,
    name: 'complaint-next-action',
    // next_action_at = nextActionAt(complaint) (core/complaint/scheduler.ts), written with every
    // complaint; rows from before are filled here by the same rule: due_at unless the complaint
    // was already escalated for its current accept/reply deadline.
    sql: `
    ALTER TABLE complaints ADD COLUMN next_action_at TEXT;
    UPDATE complaints SET next_action_at = CASE
      WHEN due_at IS NULL THEN NULL
      WHEN status = 'submitted' AND EXISTS (SELECT 1 FROM json_each(doc, '$.escalations') e
        WHERE json_extract(e.value, '$.kind') = 'accept' AND json_extract(e.value, '$.dueOn') = json_extract(doc, '$.acceptDueOn')) THEN NULL
      WHEN status IN ('accepted', 'assigned') AND EXISTS (SELECT 1 FROM json_each(doc, '$.escalations') e
        WHERE json_extract(e.value, '$.kind') = 'reply' AND json_extract(e.value, '$.dueOn') = json_extract(doc, '$.replyDueOn')) THEN NULL
      ELSE due_at
    END;
    CREATE INDEX complaints_next_action ON complaints(next_action_at) WHERE next_action_at IS NOT NULL;
  `,
  },
  {
    version: 6,
    name: 'rate-limits',
    // One fixed-window counter per openid + action + window (core/shared/rate-limit.ts).
    sql: `
    CREATE TABLE rate_limits (key TEXT PRIMARY KEY, count INTEGER NOT NULL, expires_at TEXT NOT NULL) WITHOUT ROWID;
    CREATE INDEX rate_limits_expires ON rate_limits(expires_at);
  `,
  },
  {
    version: 7,
    name: 'complaint-request-body-hash',
    // Keyed hash of the normalised submit body stored with its request key: a resent requestId with
    // a different body is told apart from a retry. Keys from before have none (treated as a retry).
    sql: `ALTER TABLE complaint_requests ADD COLUMN body_hash TEXT;`,
  },
  {
    // 8: 6 (rate limits) and 7 (request body hashes) come with the issue-9 fixes.
    version: 8,
    name: 'station-hours',
    // Opening hours beside the document: nearby's "open now" tests them without parsing whole stations.
    sql: `
    ALTER TABLE stations ADD COLUMN hours TEXT;
    UPDATE stations SET hours = json_extract(doc, '$.hours');
  `,
  },
  {
    version: 9,
    name: 'complaint-followers',
    // Followers of a case (并单, 我也遇到了): merged complaints by the case they follow, supporters by
    // person (我的投诉 lists followed cases), and each follower's own evaluation of the result.
    sql: `
    ALTER TABLE complaints ADD COLUMN merged_into TEXT;
    UPDATE complaints SET merged_into = json_extract(doc, '$.mergedInto');
    CREATE INDEX complaints_merged_into ON complaints(merged_into) WHERE merged_into IS NOT NULL;
    CREATE INDEX complaint_supporters_openid ON complaint_supporters(openid, at);
    CREATE TABLE complaint_follower_evaluations (complaint_id TEXT NOT NULL, openid TEXT NOT NULL, at TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (complaint_id, openid)) WITHOUT ROWID;
  `,
  },
  {
    version: 10,
    name: 'station-edits',
    // Proposals, closures, 信息有误 reports and 待核实 reminders (core/station/edits.ts).
    sql: `
    CREATE TABLE station_edits (id TEXT PRIMARY KEY, station_id TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL);
    CREATE INDEX station_edits_station ON station_edits(station_id, status, created_at);
    CREATE INDEX station_edits_status ON station_edits(status, created_at);
    CREATE TABLE station_edit_regions (code TEXT NOT NULL, edit_id TEXT NOT NULL, PRIMARY KEY (code, edit_id)) WITHOUT ROWID;
  `,
  },
  {
    version: 11,
    name: 'station-uuid',
    // Open data (HSDS) ids: UUID v5 of the code, computed in JS, so rows from before are filled
    // in when the station repository opens (adapters/sqlite/stations.ts).
    sql: `
    ALTER TABLE stations ADD COLUMN uuid TEXT;
    CREATE INDEX stations_uuid ON stations(uuid);
  `,
  },
  {
    version: 12,
    name: 'complaint-regions-queue',
    // The officials' queue walks complaint_regions in (deadline, submission) order and stops at the
    // page: the status and escalation filters and the tie-break live in the index too, so a county
    // with 100k closed cases does not sort them to show 20 (adapters/sqlite/complaints.ts regionQueue).
    sql: `
    ALTER TABLE complaint_regions ADD COLUMN status TEXT;
    ALTER TABLE complaint_regions ADD COLUMN escalated INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE complaint_regions ADD COLUMN submitted_at TEXT;
    UPDATE complaint_regions SET
      status = (SELECT c.status FROM complaints c WHERE c.id = complaint_id),
      escalated = coalesce((SELECT c.escalation_level >= 1 FROM complaints c WHERE c.id = complaint_id), 0),
      submitted_at = (SELECT c.submitted_at FROM complaints c WHERE c.id = complaint_id);
    DROP INDEX complaint_regions_due;
    CREATE INDEX complaint_regions_due ON complaint_regions(code, due_at, submitted_at, complaint_id);
    CREATE INDEX complaint_regions_status ON complaint_regions(code, status, due_at, submitted_at, complaint_id);
    CREATE INDEX complaint_regions_escalated ON complaint_regions(code, due_at, submitted_at, complaint_id) WHERE escalated = 1;
  `,
  },
  {
    version: 13,
    name: 'rectifications',
    // Rectification orders (core/station/rectification.ts): one open order per station, enforced
    // by the partial unique index; listed per region by deadline through rectification_regions.
    sql: `
    CREATE TABLE rectifications (id TEXT PRIMARY KEY, station_id TEXT NOT NULL, state TEXT NOT NULL, due_on TEXT NOT NULL, issued_at TEXT NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL);
    CREATE UNIQUE INDEX rectifications_open ON rectifications(station_id) WHERE state IN ('open', 'answered');
    CREATE INDEX rectifications_station ON rectifications(station_id, issued_at);
    CREATE TABLE rectification_regions (code TEXT NOT NULL, due_on TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (code, id)) WITHOUT ROWID;
    CREATE INDEX rectification_regions_due ON rectification_regions(code, due_on, id);
  `,
  },
  {
    version: 14,
    name: 'certifications',
    // Certification applications (core/station/certification.ts): one open application per
    // station (partial unique index); listed per region through certification_regions.
    sql: `
    CREATE TABLE certifications (id TEXT PRIMARY KEY, station_id TEXT NOT NULL, operator_name TEXT NOT NULL, state TEXT NOT NULL, filed_at TEXT NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL);
    CREATE UNIQUE INDEX certifications_open ON certifications(station_id) WHERE state IN ('operator_review', 'county_review', 'approved', 'notice');
    CREATE INDEX certifications_station ON certifications(station_id, filed_at);
    CREATE TABLE certification_regions (code TEXT NOT NULL, filed_at TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (code, id)) WITHOUT ROWID;
    CREATE INDEX certification_regions_filed ON certification_regions(code, filed_at, id);
  `,
  },
  {
    version: 16,
    name: 'complaint-phone-last4',
    // The desk searches by the last 4 digits of the call-back phone (core/complaint/search.ts): a
    // search key of its own, taken from the masked form (the full number stays encrypted).
    sql: `
    ALTER TABLE complaints ADD COLUMN phone_last4 TEXT;
    UPDATE complaints SET phone_last4 = substr(json_extract(doc, '$.phoneMasked'), -4)
      WHERE json_extract(doc, '$.phoneMasked') GLOB '*[0-9][0-9][0-9][0-9]' AND json_extract(doc, '$.purgedAt') IS NULL;
    CREATE INDEX complaints_phone_last4 ON complaints(phone_last4) WHERE phone_last4 IS NOT NULL;
  `,
  },
  {
    version: 19,
    name: 'api_keys',
    // Open311 API keys (core/open311/keys.ts): only the hash of a key; one active key per hash.
    sql: `
    CREATE TABLE api_keys (id TEXT PRIMARY KEY, key_hash TEXT NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT, doc TEXT NOT NULL);
    CREATE UNIQUE INDEX api_keys_active ON api_keys(key_hash) WHERE revoked_at IS NULL;
  `,
  },
  {
    version: 21,
    name: 'unlisted_reports',
    // 冒名站点举报 (core/station/unlisted.ts): listed by status and region prefix, newest first.
    sql: `
    CREATE TABLE unlisted_reports (id TEXT PRIMARY KEY, region_key TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL);
    CREATE INDEX unlisted_reports_list ON unlisted_reports(status, region_key, created_at);
  `,
  },
  {
    version: 22,
    name: 'digests',
    // The county's digest of new cases (core/notify/digest.ts): the last one per official, and
    // undeliverable messages counted for administrators.
    sql: `
    CREATE TABLE digests (openid TEXT PRIMARY KEY, day TEXT NOT NULL, at TEXT NOT NULL);
    CREATE INDEX outbox_undeliverable ON outbox(attempts) WHERE sent_at IS NULL;
  `,
  },
  {
    version: 18,
    name: 'ledger-inspections',
    // Station ledgers (core/ledger): one row per entry with its document and the figures the
    // totals add up; region codes (with the month) in their own table for the roll-up by region.
    // Operators' visits (core/inspection): inspections, guidance visits and trainings, per region too.
    sql: `
    CREATE TABLE ledger_entries (id TEXT PRIMARY KEY, station_id TEXT NOT NULL, operator_name TEXT NOT NULL, month TEXT NOT NULL, status TEXT NOT NULL, kind TEXT NOT NULL, quantity INTEGER NOT NULL, amount_fen INTEGER NOT NULL, households INTEGER NOT NULL, created_at TEXT NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL);
    CREATE INDEX ledger_entries_station ON ledger_entries(station_id, month, created_at);
    CREATE INDEX ledger_entries_operator ON ledger_entries(operator_name, status, created_at);
    CREATE TABLE ledger_entry_regions (code TEXT NOT NULL, month TEXT NOT NULL, entry_id TEXT NOT NULL, PRIMARY KEY (code, month, entry_id)) WITHOUT ROWID;
    CREATE TABLE inspections (id TEXT PRIMARY KEY, station_id TEXT NOT NULL, operator_name TEXT NOT NULL, kind TEXT NOT NULL, visited_on TEXT NOT NULL, created_at TEXT NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL);
    CREATE INDEX inspections_station ON inspections(station_id, visited_on);
    CREATE INDEX inspections_operator ON inspections(operator_name, visited_on);
    CREATE TABLE inspection_regions (code TEXT NOT NULL, visited_on TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (code, visited_on, id)) WITHOUT ROWID;
  `,
  },
  {
    version: 20,
    name: 'signin',
    // Scan-to-sign-in (core/auth/signin.ts): tickets and PC sessions, keyed by the hash of their secret.
    sql: `
    CREATE TABLE signin_tickets (id TEXT PRIMARY KEY, status TEXT NOT NULL, expires_at TEXT NOT NULL, doc TEXT NOT NULL);
    CREATE INDEX signin_tickets_expires ON signin_tickets(expires_at);
    CREATE TABLE signin_sessions (id TEXT PRIMARY KEY, expires_at TEXT NOT NULL, revoked_at TEXT, doc TEXT NOT NULL);
    CREATE INDEX signin_sessions_expires ON signin_sessions(expires_at);
  `,
  },
  {
    version: 25,
    name: 'heads',
    // Heads (core/assessment): training sessions found by the hash of their sign-in code, the
    // county's assessment decisions per period, and the audited settings (assessment weights).
    sql: `
    CREATE TABLE training_sessions (id TEXT PRIMARY KEY, code_hash TEXT NOT NULL, operator_name TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL, doc TEXT NOT NULL);
    CREATE INDEX training_sessions_code ON training_sessions(code_hash, expires_at);
    CREATE INDEX training_sessions_operator ON training_sessions(operator_name, created_at);
    CREATE TABLE assessment_decisions (id TEXT PRIMARY KEY, period TEXT NOT NULL, station_id TEXT NOT NULL, kind TEXT NOT NULL, doc TEXT NOT NULL);
    CREATE INDEX assessment_decisions_period ON assessment_decisions(period, station_id);
    CREATE TABLE settings (key TEXT PRIMARY KEY, version INTEGER NOT NULL, doc TEXT NOT NULL);
  `,
  },
  {
    version: 29,
    name: 'stations_geo_dropped',
    // Nearby searches an in-memory grid (adapters/sqlite/station-grid.ts) built from the stations'
    // own lat/lng columns; the R*Tree is no longer read.
    sql: `DROP TABLE IF EXISTS stations_geo;`,
  },
  {
    version: 26,
    name: 'report_submissions',
    // 报送 (core/report/submission.ts): one frozen report per region and period, listed by period and region prefix.
    sql: `
    CREATE TABLE report_submissions (id TEXT PRIMARY KEY, period TEXT NOT NULL, region_code TEXT NOT NULL, version INTEGER NOT NULL, doc TEXT NOT NULL);
    CREATE INDEX report_submissions_period ON report_submissions(period, region_code);
  `,
  },
  {
    version: 28,
    name: 'settings-poverty',
    // Region settings (core/settings): one row per province, city or county that sets something,
    // and the audit trail of changes. Poverty villages (core/station/poverty.ts) per county.
    sql: `
    CREATE TABLE region_settings (region_code TEXT PRIMARY KEY, version INTEGER NOT NULL, doc TEXT NOT NULL);
    CREATE TABLE settings_changes (id TEXT PRIMARY KEY, region_code TEXT NOT NULL, at TEXT NOT NULL, doc TEXT NOT NULL);
    CREATE INDEX settings_changes_region ON settings_changes(region_code, at);
    CREATE TABLE poverty_villages (code TEXT PRIMARY KEY, county_code TEXT NOT NULL, doc TEXT NOT NULL);
    CREATE INDEX poverty_villages_county ON poverty_villages(county_code, code);
  `,
  },
  {
    version: 30,
    name: 'certifications_filed_by',
    // A market entity's own 申办 (core/station/entity-desk.ts), newest first.
    sql: `CREATE INDEX certifications_filed_by ON certifications(json_extract(doc, '$.filedBy'), filed_at);`,
  },
  {
    version: 31,
    name: 'assessment_weights_to_region_settings',
    // Assessment weights move to the region settings (core/assessment/weights.ts): a saved
    // `assessment.weights` row becomes the province's values, with an audit line by 数据迁移 for the
    // parts that change (as carryLegacyWeights does for CloudBase); the heads' own table goes.
    sql: `
    CREATE TEMP TABLE m31_weights AS
      SELECT 'assessment.' || p.key AS key, p.value AS value,
        (SELECT json_extract(r.doc, '$.values."assessment.' || p.key || '"') FROM region_settings r WHERE r.region_code = '36') AS old,
        COALESCE(json_extract(s.doc, '$.updatedAt'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) AS at
      FROM settings s, json_each(s.doc, '$.weights') p
      WHERE s.key = 'assessment.weights' AND json_extract(s.doc, '$.version') > 0
      ORDER BY p.id;
    DELETE FROM m31_weights WHERE old IS value;
    INSERT INTO settings_changes (id, region_code, at, doc)
      SELECT 'migration-31-assessment-weights', '36', MAX(at), json_object('id', 'migration-31-assessment-weights', 'regionCode', '36', 'at', MAX(at),
        'byOpenid', 'migration', 'byName', '数据迁移', 'reason', '考核权重并入参数设置（原由负责人考核单独保存，迁移为省定值）',
        'entries', json_group_array(json_object('key', key, 'from', old, 'to', value)))
      FROM (SELECT * FROM m31_weights ORDER BY rowid) HAVING COUNT(*) > 0;
    UPDATE region_settings SET version = version + 1,
      doc = json_set(json_patch(doc, json_object('values', json((SELECT json_group_object(key, value) FROM m31_weights)))),
        '$.version', version + 1, '$.updatedAt', (SELECT MAX(at) FROM m31_weights), '$.updatedBy', 'migration')
      WHERE region_code = '36' AND EXISTS (SELECT 1 FROM m31_weights);
    INSERT INTO region_settings (region_code, version, doc)
      SELECT '36', 1, json_object('regionCode', '36', 'values', json_group_object(key, value), 'updatedAt', MAX(at), 'updatedBy', 'migration', 'version', 1)
      FROM m31_weights WHERE NOT EXISTS (SELECT 1 FROM region_settings WHERE region_code = '36') HAVING COUNT(*) > 0;
    DROP TABLE m31_weights;
    DROP TABLE settings;
  `,
  },
];

/** Extra migrations registered by later aggregates (complaints, ratings, …) append here. */
export function migrate(db: Db, migrations: Migration[] = MIGRATIONS): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    })();
  }
}

export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 3000');
  migrate(db);
  return db;
}

const UNAVAILABLE_CODES = /^SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN|READONLY|FULL|CORRUPT|NOTADB|PROTOCOL)/;

/** Map storage failures to UNAVAILABLE; programming errors stay as they are (→ INTERNAL). */
export function storageError(err: unknown): unknown {
  if (err instanceof AppError) return err;
  const e = err as { code?: string; message?: string };
  if ((e?.code && UNAVAILABLE_CODES.test(e.code)) || /database connection is not open/i.test(e?.message ?? '')) {
    return new AppError('UNAVAILABLE', '数据暂时无法读取，请稍后再试');
  }
  return err;
}

/** Run a synchronous storage operation as the async port expects, mapping failures. */
export async function guarded<T>(fn: () => T): Promise<T> {
  try {
    return fn();
  } catch (err) {
    throw storageError(err);
  }
}
