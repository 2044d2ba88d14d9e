/**
 * What the SQLite stores share to build statements and read JSON documents back, and `docTable`:
 * one table of versioned JSON records (insert with side rows, get, version-checked update, pages).
 */
import type { Statement } from 'better-sqlite3';
import { pageOf, type Page } from '../../core/ports';
import { AppError, staleConflict } from '../../core/shared/errors';
import { guarded, type Db } from './db';

export { pageOf };

/** `?,?,?` for an IN list of n values ('' for none: callers write `IN (${marks(n) || 'NULL'})`). */
export const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');

/** ` WHERE a AND b`, or nothing without clauses. */
export const whereSql = (clauses: string[]) => (clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '');

/** The record stored as JSON in a `doc` column, or null when no row was found. */
export function docOf<T>(doc: unknown): T | null {
  return typeof doc === 'string' ? (JSON.parse(doc) as T) : null;
}

/** The records of a `doc` column read with `.pluck().all()`. */
export function docsOf<T>(docs: unknown[]): T[] {
  return docs.map((d) => JSON.parse(d as string) as T);
}

/** WHERE clauses and their parameters, from filters that may be absent. */
export class Filter {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];

  /** `clause` with one `?` bound to `value`, when a value is given. */
  eq(clause: string, value: unknown): this {
    if (value) {
      this.clauses.push(clause);
      this.params.push(value);
    }
    return this;
  }

  /** `clause` with its `?`s bound to `values`, always. */
  and(clause: string, ...values: unknown[]): this {
    this.clauses.push(clause);
    this.params.push(...values);
    return this;
  }

  /** `column IN (…)` for each column given a list (an empty one matches nothing). */
  anyIn(lists: Record<string, readonly unknown[] | undefined>): this {
    for (const [column, values] of Object.entries(lists)) this.in((l) => `${column} IN (${l})`, values);
    return this;
  }

  /** `clause(list)` with `list` = `?,?,…` for `values`, when a list is given (an empty one matches nothing). */
  in(clause: (list: string) => string, values: readonly unknown[] | undefined): this {
    if (values) {
      this.clauses.push(clause(marks(values.length) || 'NULL'));
      this.params.push(...values);
    }
    return this;
  }

  /** ` WHERE …`, or nothing. */
  get sql(): string {
    return whereSql(this.clauses);
  }
}

/** A page of `doc`s: `sql` is `SELECT doc FROM … ORDER BY …`, one more row than the page tells whether more exist. */
export function pageDocs<T>(db: Db, sql: string, params: unknown[], q: { offset: number; limit: number }): Page<T> {
  return pageOf(docsOf<T>(db.prepare(`${sql} LIMIT ? OFFSET ?`).pluck().all(...params, q.limit + 1, q.offset)), q.limit);
}

/** For `Filter.in`: the records a side table (`key` naming their id there) lists under any of the codes. */
export const listedUnder = (side: string, key = 'id') => (list: string) => `id IN (SELECT ${key} FROM ${side} WHERE code IN (${list}))`;

/**
 * A table of records stored as JSON in `doc` beside `id` and the columns queries use (`columns`,
 * each taken from the record), optionally listed in a side table under codes (`side`: its INSERT
 * and the rows of one record). An update rewrites `updates` (some of `columns`, `version` among
 * them) and `doc` while the stored version is still the expected one; `what` names a record in
 * staleConflict. `unique`: an insert that breaks the UNIQUE index on that column is a CONFLICT
 * with that message.
 */
export function docTable<T extends { id: string }>(
  db: Db,
  spec: { table: string; columns: Record<string, (r: T) => unknown>; updates?: string[]; side?: { sql: string; rows: (r: T) => unknown[][] }; what?: string; unique?: { column: string; message: string } },
) {
  const { table, columns } = spec;
  const names = Object.keys(columns);
  const insert = db.prepare(`INSERT INTO ${table} (id, ${names.join(', ')}, doc) VALUES (${marks(names.length + 2)})`);
  const one = db.prepare(`SELECT doc FROM ${table} WHERE id = ?`).pluck();
  const sideInsert = spec.side && db.prepare(spec.side.sql);
  const updates = spec.updates ?? [];
  const update = updates.length ? db.prepare(`UPDATE ${table} SET ${[...updates, 'doc'].map((c) => `${c} = ?`).join(', ')} WHERE id = ? AND version = ?`) : null;
  /** Insert a record and its side rows (one transaction; nested in a caller's, a savepoint). */
  const add = db.transaction((r: T) => {
    try {
      insert.run(r.id, ...names.map((c) => columns[c](r)), JSON.stringify(r));
    } catch (err) {
      if (spec.unique && ((err as Error)?.message ?? '').includes(`UNIQUE constraint failed: ${table}.${spec.unique.column}`)) throw new AppError('CONFLICT', spec.unique.message);
      throw err;
    }
    for (const row of spec.side?.rows(r) ?? []) sideInsert?.run(...row);
  });
  /** Rewrite a record while its version is `expected`; false when it moved on (or is gone). */
  const replace = (next: T, expected: number) => (update as Statement).run(...updates.map((c) => columns[c](next)), JSON.stringify(next), next.id, expected).changes > 0;
  /** A page of the rows `where` matches, in `order` (an ORDER BY list). */
  const page = (where: Filter, order: string, q: { offset: number; limit: number }) => guarded(() => pageDocs<T>(db, `SELECT doc FROM ${table}${where.sql} ORDER BY ${order}`, where.params, q));
  /** What a repository port of versioned records offers: insert, get and version-checked update. */
  const store = {
    insert: (r: T) => guarded(() => add(r)),
    get: (id: string) => guarded(() => docOf<T>(one.get(id))),
    update: (next: T, expected: number) =>
      guarded(() => {
        if (!replace(next, expected)) throw staleConflict(spec.what ?? '这条记录');
      }),
  };
  return {
    add,
    replace,
    ...store,
    store,
    page,
    /** A page by `column` then id, oldest first when `q.order` says so, else newest first. */
    ordered: (where: Filter, column: string, q: { order?: 'newest' | 'oldest'; offset: number; limit: number }) => {
      const dir = q.order === 'oldest' ? 'ASC' : 'DESC';
      return page(where, `${column} ${dir}, id ${dir}`, q);
    },
  };
}
