/**
 * The county's digest of new cases runs with the scheduler (core/jobs.ts → core/notify/digest.ts,
 * issue 11 §3): after complaints are filed, one run queues one digest for the county official,
 * counting them and opening the officials' queue; a second run the same day queues nothing more,
 * and the message is delivered like any other.
 */
import { keywordProblem, keywordType, OFFICIAL_QUEUE_PAGE } from '../../core/notify/subscribe';
import { fileComplaint } from '../support/complaints';
import { devOutbox, runScheduler } from '../support/dev-outbox';
import { DEMO, appForTests } from '../support/local-app';

jest.setTimeout(30_000);

// A Wednesday, 10:00 in Shanghai.
const NOW = '2026-09-30T02:00:00.000Z';

const t = appForTests({ now: NOW });

const digests = async (openid: string) => (await devOutbox(t, openid)).filter((e) => e.event === 'new_cases_digest');
const run = () => runScheduler(t);

test('the scheduler queues one digest a day for the county official, delivered like any message', async () => {
  await fileComplaint(t);
  await fileComplaint(t, {}, DEMO.resident2);
  t.clock.set('2026-09-30T02:01:00.000Z');
  expect((await run()).digestsQueued).toBe(1);
  const [d] = await digests(DEMO.county);
  expect(d.payload.count).toBe('2');
  expect(d.requestError).toBeUndefined();
  expect(d.request).toMatchObject({ touser: DEMO.county, page: OFFICIAL_QUEUE_PAGE, template_id: 'local-new_cases_digest' });
  for (const [key, { value }] of Object.entries(d.request!.data)) expect([key, keywordProblem(keywordType(key)!, value)]).toEqual([key, null]);
  // The city and province are not flooded with the county's new cases.
  expect(await digests(DEMO.city)).toEqual([]);
  expect(await digests(DEMO.province)).toEqual([]);

  // Later the same day: more cases, no second digest.
  t.clock.set('2026-09-30T06:00:00.000Z');
  await fileComplaint(t);
  expect((await run()).digestsQueued).toBe(0);
  const after = await digests(DEMO.county);
  expect(after).toHaveLength(1);
  expect(after[0].sentAt).not.toBeNull();
  expect(t.notifier.sent).toContainEqual(after[0].request);

  // The next working day: only the case filed since.
  t.clock.set('2026-10-09T01:00:00.000Z');
  await run();
  const next = await digests(DEMO.county);
  expect(next.map((e) => e.payload.count)).toEqual(['1', '2']);
});
