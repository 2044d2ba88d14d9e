/**
 * 并单 and 我也遇到了 keep the loop (issue 9 item 9, the read part): a complainant whose complaint
 * was merged, and a supporter, can open the main case read-only and see its reply; a stranger
 * still gets NOT_FOUND; the main complainant's own text, photos and phone are not shown to them.
 */
import type { ComplaintCaseView, ComplaintView } from '../../core/complaint/api';
import { DEMO, HEAD_STATION, rid, startApp, type TestApp } from '../support/local-app';

jest.setTimeout(60_000);

describe('followers of a case', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  test('merged complainant and supporter read the main case and its reply; a stranger cannot', async () => {
    const data = { stationId: HEAD_STATION, category: 'overcharge' };
    const main = await t.ok<ComplaintView>('complaints', 'submit', { ...data, description: '快递代收每件多收两元，没有明码标价。', phone: '13912345678' }, DEMO.resident1, rid('main'));
    const dup = await t.ok<ComplaintView>('complaints', 'submit', { ...data, description: '取快递也要多收两元钱。' }, DEMO.resident2, rid('dup'));
    await t.ok('complaints', 'join', { id: main.id }, 'supporter-1');
    await t.ok<ComplaintCaseView>('complaints', 'merge', { id: dup.id, version: dup.version, intoId: main.id }, DEMO.county);

    // The merged complainant's own complaint points at the main case.
    const own = await t.ok<ComplaintView>('complaints', 'get', { id: dup.id }, DEMO.resident2);
    expect(own).toMatchObject({ status: 'merged', mergedInto: main.id });

    const accepted = await t.ok<ComplaintCaseView>('complaints', 'accept', { id: main.id, version: main.version }, DEMO.county);
    await t.ok('complaints', 'reply', { id: main.id, version: accepted.version, text: '已核实，已退还多收的费用。' }, DEMO.county);

    for (const follower of [DEMO.resident2, 'supporter-1']) {
      const seen = await t.ok<ComplaintView>('complaints', 'get', { id: main.id }, follower);
      expect(seen).toMatchObject({ id: main.id, status: 'replied', reply: { text: '已核实，已退还多收的费用。' }, supporting: true, canWithdraw: false, canEvaluate: false, description: '', photos: [], phoneMasked: null });
      expect(JSON.stringify(seen)).not.toContain('13912345678');
      // Read-only: no withdraw on someone else's case.
      expect((await t.call('complaints', 'withdraw', { id: main.id, version: seen.version }, follower)).status).toBe(404);
    }
    expect((await t.call('complaints', 'get', { id: main.id }, 'stranger-1')).status).toBe(404);
  });
});
