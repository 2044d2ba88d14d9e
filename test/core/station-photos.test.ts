/** core/media: station photos' content checks — asked for, recorded, and only passed ones published. */
import { applyMediaCheck, type MediaCheckRecord, type MediaCheckRepository } from '../../core/media/check';
import { checkStationPhotos, passedPhotos, photoStates } from '../../core/media/photos';

function memoryChecks(): MediaCheckRepository & { all: Map<string, MediaCheckRecord> } {
  const all = new Map<string, MediaCheckRecord>();
  return {
    all,
    insert: async (r) => void all.set(r.traceId, r),
    get: async (id) => all.get(id) ?? null,
    decide: async (id, result, at) => {
      const r = all.get(id);
      if (!r || r.result) return false;
      all.set(id, { ...r, result, decidedAt: at });
      return true;
    },
  };
}

const clock = { now: () => new Date('2026-12-05T02:00:00.000Z') };

test('checks are asked for each photo; a failed request leaves that photo unchecked (never published)', async () => {
  const mediaChecks = memoryChecks();
  let n = 0;
  const mediaChecker = { check: jest.fn(async (f: string) => (f === 'upl-broken-00001' ? Promise.reject(new Error('down')) : `trace-${++n}`)), discard: jest.fn(async () => undefined) };
  const checks = await checkStationPhotos({ mediaChecker, mediaChecks, clock }, ['upl-good-000001', 'upl-broken-00001', 'upl-bad-0000001'], 'o-head');
  expect(checks).toEqual([
    { fileId: 'upl-good-000001', traceId: 'trace-1' },
    { fileId: 'upl-bad-0000001', traceId: 'trace-2' },
  ]);
  expect(mediaChecks.all.get('trace-1')).toMatchObject({ subject: 'station-photo', complaintId: '', result: null });

  // Verdicts arrive through the same push as complaint photos: recorded; a failed photo deleted.
  const deps = { complaints: { get: jest.fn() } as never, mediaChecks, mediaChecker, clock };
  expect(await applyMediaCheck(deps, { traceId: 'trace-1', verdict: 'pass' })).toBe('published');
  expect(await applyMediaCheck(deps, { traceId: 'trace-2', verdict: 'risky' })).toBe('removed');
  expect(await applyMediaCheck(deps, { traceId: 'trace-2', verdict: 'risky' })).toBe('repeated');
  expect(mediaChecker.discard).toHaveBeenCalledWith('upl-bad-0000001');

  const all = ['upl-good-000001', 'upl-broken-00001', 'upl-bad-0000001'];
  expect(await passedPhotos(mediaChecks, checks, all)).toEqual(['upl-good-000001']);
  // No check store: nothing is taken as passed.
  expect(await passedPhotos(undefined, checks, all)).toEqual([]);
});

test('without the checker nothing is asked for', async () => {
  expect(await checkStationPhotos({ clock }, ['upl-good-000001'], 'o-head')).toEqual([]);
});

test('inspection photos: their own check subject; pending until a verdict, unchecked ones never pass, failed ones are deleted', async () => {
  const mediaChecks = memoryChecks();
  let n = 0;
  const mediaChecker = { check: jest.fn(async (f: string) => (f === 'upl-broken-00001' ? Promise.reject(new Error('down')) : `trace-${++n}`)), discard: jest.fn(async () => undefined) };
  const photos = ['upl-good-000001', 'upl-bad-0000001', 'upl-broken-00001'];
  const checks = await checkStationPhotos({ mediaChecker, mediaChecks, clock }, photos, 'o-operator', 'inspection-photo');
  expect(mediaChecks.all.get('trace-1')).toMatchObject({ subject: 'inspection-photo', openid: 'o-operator', result: null });
  expect([...(await photoStates(mediaChecks, checks, photos)).values()]).toEqual(['pending', 'pending', 'pending']);

  const deps = { complaints: { get: jest.fn() } as never, mediaChecks, mediaChecker, clock };
  expect(await applyMediaCheck(deps, { traceId: 'trace-1', verdict: 'pass' })).toBe('published');
  expect(await applyMediaCheck(deps, { traceId: 'trace-2', verdict: 'review' })).toBe('removed');
  expect(mediaChecker.discard).toHaveBeenCalledWith('upl-bad-0000001');
  // The complaint store is never touched for a visit's photo.
  expect((deps.complaints as unknown as { get: jest.Mock }).get).not.toHaveBeenCalled();
  expect(Object.fromEntries(await photoStates(mediaChecks, checks, photos))).toEqual({ 'upl-good-000001': 'passed', 'upl-bad-0000001': 'failed', 'upl-broken-00001': 'pending' });
  // Without the check store nothing has passed (failing closed).
  expect([...(await photoStates(undefined, checks, photos)).values()]).toEqual(['pending', 'pending', 'pending']);
});

test('rectification answer photos: their own check subject; a failed one is deleted, the complaint store untouched', async () => {
  const mediaChecks = memoryChecks();
  let n = 0;
  const mediaChecker = { check: jest.fn(async () => `trace-${++n}`), discard: jest.fn(async () => undefined) };
  const photos = ['upl-good-000001', 'upl-bad-0000001'];
  const checks = await checkStationPhotos({ mediaChecker, mediaChecks, clock }, photos, 'o-head', 'rectification-photo');
  expect(mediaChecks.all.get('trace-1')).toMatchObject({ subject: 'rectification-photo', openid: 'o-head', result: null });
  const deps = { complaints: { get: jest.fn() } as never, mediaChecks, mediaChecker, clock };
  expect(await applyMediaCheck(deps, { traceId: 'trace-1', verdict: 'pass' })).toBe('published');
  expect(await applyMediaCheck(deps, { traceId: 'trace-2', verdict: 'risky' })).toBe('removed');
  expect(mediaChecker.discard).toHaveBeenCalledWith('upl-bad-0000001');
  expect((deps.complaints as unknown as { get: jest.Mock }).get).not.toHaveBeenCalled();
  expect(Object.fromEntries(await photoStates(mediaChecks, checks, photos))).toEqual({ 'upl-good-000001': 'passed', 'upl-bad-0000001': 'failed' });
});
