/**
 * Photo checks over HTTP (issue 9.3): a complaint photo is shown only to its owner until the
 * asynchronous check passes it; a failing one is removed (storage too) and the owner told. Locally
 * the scheduler run delivers the `wxa_media_check` pushes to the same handler the cloud uses.
 */
import type { ComplaintCaseView, ComplaintView } from '../../core/complaint/api';
import { caseOf, fileComplaint, uploadPhoto } from '../support/complaints';
import { DEMO, appForTests } from '../support/local-app';
import { createMediaCheckHandler } from '../../cloudfunctions/mediacheck/handler';

jest.setTimeout(30_000);

const t = appForTests({ now: '2026-09-30T02:00:00.000Z' });

const mine = (id: string) => t.ok<ComplaintView>('complaints', 'get', { id }, DEMO.resident1);
const run = async () => (await (await t.raw('/dev/scheduler/run', { method: 'POST' })).json()).data as { photosChecked: number };

test('until the check passes, only the owner sees the photo; then officials do', async () => {
  const photo = await uploadPhoto(t, DEMO.resident1);
  const c = await fileComplaint(t, { photos: [photo] });
  expect(c.photos).toHaveLength(1);
  expect((await mine(c.id)).photos).toHaveLength(1);
  expect((await caseOf(t, c.id, DEMO.county)).photos).toEqual([]);
  expect(t.app.platform.mediaChecker.queued).toBe(1);

  expect((await run()).photosChecked).toBe(1);
  const d = await caseOf(t, c.id, DEMO.county);
  expect(d.photos).toHaveLength(1);
  expect(d.photos[0]).toContain(photo);
  expect((await t.raw(d.photos[0])).status).toBe(200);
  // No note in the owner's timeline for a photo that passed.
  expect((await mine(c.id)).timeline.map((s) => s.note)).not.toContain('您上传的一张照片未通过内容安全检查，已删除');
});

test('a failing photo is removed from the complaint and from storage, and the owner is told', async () => {
  const good = await uploadPhoto(t, DEMO.resident1);
  const bad = await uploadPhoto(t, DEMO.resident1);
  t.app.platform.mediaChecker.risky.add(bad);
  const c = await fileComplaint(t, { photos: [good, bad] });
  const link = (await mine(c.id)).photos[1];
  expect((await t.raw(link)).status).toBe(200);

  expect((await run()).photosChecked).toBe(2);
  const v = await mine(c.id);
  expect(v.photos).toHaveLength(1);
  expect(v.photos[0]).toContain(good);
  expect(v.timeline[v.timeline.length - 1].note).toBe('您上传的一张照片未通过内容安全检查，已删除');
  expect((await t.raw(link)).status).not.toBe(200);
  const d = await caseOf(t, c.id, DEMO.county);
  expect(d.photos).toHaveLength(1);
  expect(d.photos[0]).toContain(good);
  // The complaint moved on a version: an official acting with the old one refreshes.
  const accepted = await t.ok<ComplaintCaseView>('complaints', 'accept', { id: c.id, version: d.version }, DEMO.county);
  expect(accepted.status).toBe('accepted');
});

test('the push handler ignores what it did not ask for, and refuses what is not a push', async () => {
  const handle = createMediaCheckHandler({ ...t.app.stores, mediaChecker: t.app.platform.mediaChecker, clock: t.clock });
  const push = (trace_id: string, suggest: string) => ({ MsgType: 'event', Event: 'wxa_media_check', trace_id, version: 2, result: { suggest, label: 100 } });
  expect(await handle(push('unknown-trace', 'risky'))).toEqual({ ok: true, data: { outcome: 'unknown' } });
  expect(await handle({ action: 'apply', data: {} })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await handle({ ...push('x', 'maybe') })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

  // A repeated push of a decided check changes nothing.
  const photo = await uploadPhoto(t, DEMO.resident1);
  const c = await fileComplaint(t, { photos: [photo] });
  const [event] = t.app.platform.mediaChecker.deliver() as ReturnType<typeof push>[];
  expect(await handle(event)).toEqual({ ok: true, data: { outcome: 'published' } });
  expect(await handle({ ...event, result: { suggest: 'risky', label: 20002 } })).toEqual({ ok: true, data: { outcome: 'repeated' } });
  expect((await caseOf(t, c.id, DEMO.county)).photos).toHaveLength(1);
});
