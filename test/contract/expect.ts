/** Assertions the store contract suites share. */
import { AppError } from '../../core/shared/errors';

/** The rejection of `p`, or null when it resolves. */
export async function errorOf(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => null,
    (e: unknown) => e,
  );
}

/** `p` rejects with AppError(code). */
export async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  const err = await errorOf(p);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
}

/** A store whose save takes the version it expects the stored record at (null: a new record). */
interface VersionedSave<T> {
  save(record: T, expectedVersion: number | null): Promise<unknown>;
  get(id: string): Promise<T | null>;
}

/** `first` is saved, then `moved` (version 2) over it: `stale`, also written against version 1, is CONFLICT and leaves `moved` stored. */
export async function expectStaleSaveRefused<T extends { id: string }>(s: VersionedSave<T>, first: T, moved: T, stale: T): Promise<void> {
  await s.save(first, null);
  await s.save(moved, 1);
  await expectCode(s.save(stale, 1), 'CONFLICT');
  expect(await s.get(first.id)).toEqual(moved);
}

/** `[id, state]` of each record, to compare a list and its states in one expect. */
export const idStates = (records: { id: string; state: string }[]) => records.map((r) => [r.id, r.state]);

/** The ids on the page `store.list(q)` answers. */
export const listIds =
  <Q>(store: { list(q: Q): Promise<{ items: { id: string }[] }> }) =>
  async (q: Q) =>
    (await store.list(q)).items.map((r) => r.id);
