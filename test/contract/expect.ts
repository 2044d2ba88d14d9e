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

/** A store of records that belong to a station, at most one of them open at a time. */
interface PerStationSave<T> extends VersionedSave<T> {
  forStation(stationId: string): Promise<T[]>;
}

/**
 * One open record per station. `first` is stored and read back exactly (a missing id reads null);
 * `rival`, for the same station, is CONFLICT while `first` is open, and `other`, for another station, is not.
 * `first` moved on but still open (`stillOpen`, version 2) still blocks the rival; once `ended` (version 3)
 * makes room, `next` for the same station is stored, and the station lists `next` then `first`, with their states.
 */
export async function expectOneOpenPerStation<T extends { id: string; state: string; stationId: string }>(
  s: PerStationSave<T>,
  r: { first: T; rival: T; other: T; stillOpen: T; ended: T; next: T },
): Promise<void> {
  await s.save(r.first, null);
  expect(await s.get(r.first.id)).toEqual(r.first);
  expect(await s.get('missing')).toBeNull();
  await expectCode(s.save(r.rival, null), 'CONFLICT');
  await s.save(r.other, null);
  await s.save(r.stillOpen, 1);
  expect(await s.get(r.first.id)).toEqual(r.stillOpen);
  await expectCode(s.save(r.rival, null), 'CONFLICT');
  await s.save(r.ended, 2);
  await s.save(r.next, null);
  expect(idStates(await s.forStation(r.first.stationId))).toEqual([
    [r.next.id, r.next.state],
    [r.first.id, r.ended.state],
  ]);
}

/** `[id, state]` of each record, to compare a list and its states in one expect. */
export const idStates = (records: { id: string; state: string }[]) => records.map((r) => [r.id, r.state]);

/** The ids on the page `store.list(q)` answers. */
export const listIds =
  <Q>(store: { list(q: Q): Promise<{ items: { id: string }[] }> }) =>
  async (q: Q) =>
    (await store.list(q)).items.map((r) => r.id);
