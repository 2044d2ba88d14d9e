/**
 * A retried submit (same requestId) answers with the first complaint before any work is done
 * again — in the cloud the photo claim consumes the upload, so claiming twice would fail.
 */
import { AppError } from '../../core/shared/errors';
import type { FileStore } from '../../core/ports';
import { DEMO, HEAD_STATION, rid, appForTests } from '../support/local-app';

/** Like the cloud store: an upload can be claimed once, then it is gone. */
function consumingFiles(): FileStore & { claims: number } {
  const taken = new Set<string>();
  const store = {
    claims: 0,
    async claim(id: string) {
      store.claims++;
      if (taken.has(id)) throw new AppError('VALIDATION_ERROR', '图片无效，请重新上传', { photos: '图片无效' });
      taken.add(id);
      return `clean-${id}`;
    },
    async viewUrls(ids: string[]) {
      return ids.map((id) => `/view/${id}`);
    },
  };
  return store;
}

describe('retried submit', () => {
  const files = consumingFiles();
  const t = appForTests({ platform: { files } });

  test('the same requestId answers the first complaint without claiming the photos again', async () => {
    const requestId = rid('retry');
    const data = { stationId: HEAD_STATION, category: 'parcel', description: '快递寄出三天还没有揽收记录。', photos: ['upl-aaaaaaaaaaaa1'] };
    const first = await t.call<{ id: string; photos: string[] }>('complaints', 'submit', data, DEMO.resident1, requestId);
    expect(first.status).toBe(200);
    const again = await t.call<{ id: string; photos: string[] }>('complaints', 'submit', data, DEMO.resident1, requestId);
    expect(again.status).toBe(200);
    expect(again.body.ok && first.body.ok && again.body.data.id === first.body.data.id).toBe(true);
    expect(files.claims).toBe(1);
    const mine = await t.ok<{ items: unknown[] }>('complaints', 'mine', {}, DEMO.resident1);
    expect(mine.items).toHaveLength(1);
  });

  test('the same requestId with an edited body is CONFLICT with a message the form shows; the first complaint stands', async () => {
    const requestId = rid('edited');
    const data = { stationId: HEAD_STATION, category: 'overcharge', description: '寄快递多收了五元钱。' };
    const first = await t.ok<{ id: string; description: string }>('complaints', 'submit', data, DEMO.resident1, requestId);
    // Same body again (extra spaces are trimmed by validation: still the same complaint) → the first answer.
    const retry = await t.ok<{ id: string }>('complaints', 'submit', { ...data, description: ` ${data.description} ` }, DEMO.resident1, requestId);
    expect(retry.id).toBe(first.id);
    const before = (await t.ok<{ items: unknown[] }>('complaints', 'mine', { limit: 50 }, DEMO.resident1)).items.length;
    for (const edit of [{ description: '寄快递多收了五元钱，还不给收据。' }, { phone: '13912345678' }, { shareIdentity: true }, { category: 'attitude' }]) {
      const r = await t.call('complaints', 'submit', { ...data, ...edit }, DEMO.resident1, requestId);
      expect(r.status).toBe(409);
      expect(r.body).toEqual({
        ok: false,
        error: {
          code: 'CONFLICT',
          message: '这份投诉已经提交过，内容有改动。已提交的投诉可在“我的投诉”查看；改动后的内容可以作为新投诉提交。',
          fields: { requestId: '已提交过，内容有改动' },
        },
      });
    }
    expect((await t.ok<{ items: unknown[] }>('complaints', 'mine', { limit: 50 }, DEMO.resident1)).items).toHaveLength(before);
    expect((await t.ok<{ description: string }>('complaints', 'get', { id: first.id }, DEMO.resident1)).description).toBe(data.description);
  });

  test('another person reusing the same requestId files their own complaint', async () => {
    const requestId = rid('shared');
    const data = { stationId: HEAD_STATION, category: 'attitude', description: '工作人员说话很不客气。' };
    const a = await t.ok<{ id: string }>('complaints', 'submit', data, DEMO.resident1, requestId);
    const b = await t.ok<{ id: string }>('complaints', 'submit', data, DEMO.resident2, requestId);
    expect(a.id).not.toBe(b.id);
  });
});
