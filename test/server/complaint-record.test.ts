/**
 * 代录 (issue 11 §2): an official enters a complaint received by phone or in person; it is filed
 * like any other (deadlines, content check), with its source shown; only officials whose region
 * covers the station may; nobody is messaged until the villager claims it with the tracking number
 * and the call-back phone; after the claim it is theirs in 我的投诉 and they are told of progress.
 */
import { DEMO, HEAD_STATION, rid, appForTests } from '../support/local-app';

jest.setTimeout(60_000);

const t = appForTests({ now: '2026-12-04T02:00:00.000Z' }, { each: true });

const CALL = { stationId: HEAD_STATION, category: 'overcharge', description: '老人打电话说寄快递被多收了10元，没有收据。', phone: '13912345678', channel: 'phone' };

test('recorded by phone → filed with its source → claimed by the villager → theirs, and they are told', async () => {
  const made = await t.ok('complaints', 'record', CALL, DEMO.county, rid());
  expect(made).toMatchObject({ status: 'submitted', intakeLabel: '电话代录：于都县县级主管部门', phoneMasked: '139****5678', stationId: HEAD_STATION });
  expect(made.trackingNo).toMatch(/^TS\d{6}[0-9A-Z]{6}$/);
  const audit = await t.app.stores.audit.list({ resource: `complaint:${made.id}`, offset: 0, limit: 10 });
  expect(audit.items.map((e) => `${e.action}:${e.outcome}:${e.detail}`)).toEqual(['complaint.record:done:phone']);

  // Handled before anyone claims it: nobody to message.
  await t.ok('complaints', 'accept', { id: made.id, version: made.version }, DEMO.county);
  const before = await t.app.stores.complaints.get(made.id);
  expect(await t.app.stores.outbox.forRecipient(before!.complainantOpenid, 10)).toEqual([]);

  // Wrong phone, unknown number: the same answer, nothing changes.
  for (const wrong of [{ trackingNo: made.trackingNo, phone: '13900000000' }, { trackingNo: 'TS261204ZZZZZZ', phone: CALL.phone }]) {
    const r = await t.call('complaints', 'claim', wrong, DEMO.resident1);
    expect(r.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '投诉编号或电话不对，请核对工作人员告诉您的编号' } });
  }
  const claimed = await t.ok('complaints', 'claim', { trackingNo: made.trackingNo.toLowerCase(), phone: CALL.phone }, DEMO.resident1);
  expect(claimed).toMatchObject({ id: made.id, status: 'accepted', canWithdraw: expect.any(Boolean) });
  expect(claimed.timeline.map((x: { label: string }) => x.label)).toContain('认领投诉');
  const mine = await t.ok('complaints', 'mine', {}, DEMO.resident1);
  expect(mine.items.map((x: { id: string }) => x.id)).toContain(made.id);
  // Claimed once: a second person with the same details gets the same refusal.
  expect((await t.call('complaints', 'claim', { trackingNo: made.trackingNo, phone: CALL.phone }, DEMO.resident2)).body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

  // From now on the villager is told: the reply queues a message to them.
  const current = await t.app.stores.complaints.get(made.id);
  await t.ok('complaints', 'reply', { id: made.id, version: current!.version, text: '经核实，站点多收了 10 元，已退还，并公示了收费标准。' }, DEMO.county);
  expect((await t.app.stores.outbox.forRecipient(DEMO.resident1, 10)).map((m) => m.complaintId)).toContain(made.id);
});

test('only officials whose region covers the station record; the phone and the source are required', async () => {
  for (const who of [DEMO.resident1, DEMO.stationHead, DEMO.operatorStaff]) {
    const r = await t.call('complaints', 'record', CALL, who, rid());
    expect(r.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  }
  const elsewhere = (await t.app.stores.stations.list({ statuses: ['certified'], limit: 200 })).items.find((s) => !s.regionPath.some((r) => r.code === '360731'));
  expect(elsewhere).toBeDefined();
  const out = await t.call('complaints', 'record', { ...CALL, stationId: elsewhere!.id }, DEMO.county, rid());
  expect(out.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  // The city above covers it and may record.
  expect((await t.call('complaints', 'record', { ...CALL, channel: 'visit' }, DEMO.city, rid())).body).toMatchObject({ ok: true, data: { intakeLabel: expect.stringMatching(/^来访代录：/) } });

  const { phone: _phone, ...noPhone } = CALL;
  expect((await t.call('complaints', 'record', noPhone, DEMO.county, rid())).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', fields: { 'data.phone': expect.any(String) } } });
  expect((await t.call('complaints', 'record', { ...CALL, channel: 'wechat' }, DEMO.county, rid())).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
});
