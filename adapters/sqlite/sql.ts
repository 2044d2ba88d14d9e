/** What the SQLite stores share to build statements and read JSON documents back. */
export { pageOf } from '../../core/ports';

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
