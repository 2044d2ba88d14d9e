/**
 * The store shape of a versioned record (a visit, a station edit): added once, read by id, replaced
 * only while the caller's version still matches, listed a page at a time by a query.
 */
export interface VersionedStore<T, Q> {
  insert(record: T): Promise<void>;
  get(id: string): Promise<T | null>;
  /** Replace when the version still matches; CONFLICT when it moved on. */
  update(next: T, expectedVersion: number): Promise<void>;
  list(q: Q): Promise<{ items: T[]; hasMore: boolean }>;
}
