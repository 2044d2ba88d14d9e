/**
 * The province administrator sees how many messages will not be delivered and why, in Chinese
 * (issue 11 §3): account.undelivered over real HTTP. A message counts once the outbox gave up on it
 * (MAX_ATTEMPTS failed runs); anyone else is refused.
 */
import { MAX_ATTEMPTS } from '../../core/complaint/scheduler';
import type { UndeliveredView } from '../../core/notify/undeliverable';
import { accepted } from '../support/complaints';
import { DEMO, appForTests } from '../support/local-app';

jest.setTimeout(30_000);

const NOW = '2026-09-30T02:00:00.000Z';

const t = appForTests({ now: NOW });

const run = () => t.raw('/dev/scheduler/run', { method: 'POST' });

test('counts messages given up on, by reason in Chinese; only for the province administrator', async () => {
  // Deliver whatever the demo data queued, so only the messages below are counted.
  await run();
  expect(await t.ok<UndeliveredView>('account', 'undelivered', {}, DEMO.province)).toEqual({ total: 0, reasons: [] });

  // The complainant never allowed the message (WeChat 43101): every run fails the same way.
  await accepted(t);
  t.notifier.failAs = 'SubscribeNotConsented';
  for (let i = 0; i < MAX_ATTEMPTS - 1; i++) {
    t.notifier.failNext = 1;
    await run();
  }
  // Not yet given up: one attempt left.
  expect((await t.ok<UndeliveredView>('account', 'undelivered', {}, DEMO.province)).total).toBe(0);
  t.notifier.failNext = 1;
  await run();
  expect(await t.ok<UndeliveredView>('account', 'undelivered', {}, DEMO.province)).toEqual({ total: 1, reasons: [{ reason: '对方没有订阅或已拒收这类消息', count: 1 }] });

  // Two more, failing for a reason without a name (a timeout).
  await accepted(t);
  await accepted(t);
  t.notifier.failAs = 'TimeoutError';
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    t.notifier.failNext = 2;
    await run();
  }
  expect(await t.ok<UndeliveredView>('account', 'undelivered', {}, DEMO.province)).toEqual({
    total: 3,
    reasons: [
      { reason: '其他原因（如网络超时）', count: 2 },
      { reason: '对方没有订阅或已拒收这类消息', count: 1 },
    ],
  });

  for (const who of [DEMO.county, DEMO.city, DEMO.resident1]) {
    const denied = await t.call('account', 'undelivered', {}, who);
    expect(denied.body).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN', message: '只有省级管理员可以查看发送失败的消息' }) });
  }
});
