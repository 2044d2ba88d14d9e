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
