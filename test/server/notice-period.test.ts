/**
 * Publishing a notice over HTTP (issue 9 item 8): a period over a year without holiday data is
 * refused and names the year to enter; a notice published late on its start date does not count
 * that day; the age shown comes from the birth date in the ID number.
 */
import { DEMO, appForTests } from '../support/local-app';
import { selectedPost } from '../support/recruitment';

jest.setTimeout(60_000);

const STATION = 'st-360731100-006';

describe('notice period and age', () => {
  const t = appForTests({ now: '2026-11-23T02:00:00.000Z' });
  let postId = '';
  beforeAll(async () => {
    postId = (await selectedPost(t, { stationId: STATION, title: '金竹社区服务点负责人', opensOn: '2026-11-23', closesOn: '2026-11-27', applicant: 'applicant-age', idFirst17: '36073119901231131' })).post.id;
  });

  const publish = (startsOn: string, endsOn: string) =>
    t.call<{ id: string; facts: { label: string; value: string }[] }>('notices', 'publish', { postId, version: 4, startsOn, endsOn, objectionChannel: '于都县商务局 0797-6220000' }, DEMO.county);

  test('a period reaching into 2027 (no holiday data yet) is refused, saying which year to enter', async () => {
    t.clock.set('2026-12-04T02:00:00.000Z');
    const r = await publish('2026-12-28', '2027-01-01');
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', fields: { endsOn: '请先录入 2027 年节假日' } } });
    expect(!r.body.ok && r.body.error.message).toContain('2027 年的节假日安排还没有录入');
  });

  test('published at 22:30 on its start date, that day does not count; the age is 35 (born 1990-12-31), not 36', async () => {
    t.clock.set('2026-12-04T14:30:00.000Z'); // Friday 22:30 in Shanghai
    // Counting Friday 12-04 this would be 12-10; from Monday 12-07 it is 12-11.
    const short = await publish('2026-12-04', '2026-12-10');
    expect(short.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', message: '公示期不少于 5 个工作日（当天发布，当天不计入），最早 2026-12-11 结束', fields: { endsOn: '最早 2026-12-11' } } });
    const r = await publish('2026-12-04', '2026-12-11');
    expect(r.status).toBe(200);
    const notice = await t.ok<{ facts: { label: string; value: string }[] }>('notices', 'get', { id: r.body.ok ? r.body.data.id : '' });
    expect(notice.facts).toContainEqual({ label: '年龄', value: '35 岁' });
  });
});
