/**
 * Tracking numbers are unique (issue 9 item 14): a submit whose drawn number another complaint
 * already holds draws again, over HTTP with a forced collision; when every draw collides the
 * villager is told to try later and nothing is stored.
 */
import { randomIds } from '../../adapters/platform/crypto';
import type { IdSource } from '../../core/ports';
import { countRows, DEMO, HEAD_STATION, rid, appForTests } from '../support/local-app';

/** Random ids; tracking-number characters from `queue` while it lasts. */
function scriptedCodes(): IdSource & { queue: string[]; drawn: string[] } {
  const s = {
    queue: [] as string[],
    drawn: [] as string[],
    id: () => randomIds.id(),
    code: (n: number) => {
      const c = s.queue.shift() ?? randomIds.code(n);
      s.drawn.push(c);
      return c;
    },
  };
  return s;
}

const data = { stationId: HEAD_STATION, category: 'parcel', description: '快递寄出三天还没有揽收记录。' };

describe('tracking numbers', () => {
  const ids = scriptedCodes();
  const t = appForTests({ now: '2026-10-09T02:00:00.000Z', platform: { ids } });

  test('a drawn number another complaint holds is drawn again', async () => {
    ids.queue.push('AAAAAA');
    const first = await t.ok<{ trackingNo: string }>('complaints', 'submit', data, DEMO.resident1, rid());
    expect(first.trackingNo).toBe('TS261009AAAAAA');

    ids.queue.push('AAAAAA', 'BBBBBB');
    ids.drawn.length = 0;
    const second = await t.call<{ trackingNo: string; id: string }>('complaints', 'submit', data, DEMO.resident2, rid());
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ ok: true, data: { trackingNo: 'TS261009BBBBBB' } });
    expect(ids.drawn).toEqual(['AAAAAA', 'BBBBBB']);
    // Both findable by their own number.
    expect(await t.ok('complaints', 'get', { trackingNo: 'TS261009AAAAAA' }, DEMO.resident1)).toMatchObject({ trackingNo: 'TS261009AAAAAA' });
    expect(await t.ok('complaints', 'get', { trackingNo: 'TS261009BBBBBB' }, DEMO.resident2)).toMatchObject({ trackingNo: 'TS261009BBBBBB' });
  });

  test('when every draw collides: UNAVAILABLE with a message to try later, nothing stored', async () => {
    const before = countRows(t.app, 'complaints');
    ids.queue.push(...Array.from({ length: 5 }, () => 'AAAAAA'));
    const r = await t.call('complaints', 'submit', data, DEMO.resident2, rid());
    expect(r.status).toBe(503);
    expect(r.body).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: '提交的人较多，请稍后再试' } });
    expect(ids.queue).toEqual([]);
    expect(countRows(t.app, 'complaints')).toBe(before);
  });
});
