/**
 * GET /dev/outbox shows, for every message, exactly the body subscribeMessage.send would receive
 * (issue 9.1), and the local notifier delivers that same body. Every event kind the loop produces
 * over HTTP is checked against the keyword rules and the registered pages.
 */
import type { ComplaintCaseView } from '../../core/complaint/api';
import { keywordProblem, keywordType } from '../../core/notify/subscribe';
import { appPagesFromConfig, pagePath } from '../../scripts/app-pages';
import { accepted, fileComplaint, replied } from '../support/complaints';
import { devOutbox, runScheduler } from '../support/dev-outbox';
import { DEMO, appForTests } from '../support/local-app';

jest.setTimeout(30_000);

const NOW = '2026-09-30T02:00:00.000Z';

const t = appForTests({ now: NOW });
const outbox = (openid: string) => devOutbox(t, openid);

test('every event kind: the recorded request is what WeChat accepts, and the notifier sends exactly it', async () => {
  const a = await accepted(t);
  await replied(t);
  const f = await fileComplaint(t);
  await t.ok<ComplaintCaseView>('complaints', 'refuse', { id: f.id, version: 1, reason: 'no_facts', text: '未说明具体时间和经过' }, DEMO.county);
  const dup = await fileComplaint(t);
  await t.ok<ComplaintCaseView>('complaints', 'merge', { id: dup.id, version: 1, intoId: a.id }, DEMO.county);
  // Seven days after the reply without an evaluation: closed as 未评价 by the scheduler.
  t.clock.set(new Date(Date.parse(NOW) + 8 * 86_400_000).toISOString());
  expect((await runScheduler(t)).autoClosed).toBeGreaterThanOrEqual(1);

  const entries = await outbox(DEMO.resident1);
  const statuses = new Set(entries.map((e) => `${e.event}:${e.payload.status}`));
  for (const s of ['complaint_accepted:已受理', 'complaint_replied:已答复，请评价', 'complaint_refused:不予受理', `complaint_closed:已并入${a.trackingNo}`, 'complaint_closed:已办结（未评价）']) {
    expect(statuses).toContain(s);
  }
  const pages = appPagesFromConfig();
  for (const e of entries) {
    expect(e.requestError).toBeUndefined();
    const p = e.request!;
    expect(Object.keys(p).sort()).toEqual(['data', 'miniprogram_state', 'page', 'template_id', 'touser']);
    expect(p).toMatchObject({ touser: DEMO.resident1, template_id: `local-${e.event}`, page: `pages/complaint/detail/index?id=${e.complaintId}`, miniprogram_state: 'formal' });
    expect(pages).toContain(pagePath(p.page));
    for (const [key, { value }] of Object.entries(p.data)) expect([key, keywordProblem(keywordType(key)!, value)]).toEqual([key, null]);
  }

  // Demo identities have consented to every template: the run delivered each message, as recorded.
  await runScheduler(t);
  const after = await outbox(DEMO.resident1);
  expect(after.every((e) => e.sentAt !== null)).toBe(true);
  for (const e of after) expect(t.notifier.sent).toContainEqual(e.request);
});
