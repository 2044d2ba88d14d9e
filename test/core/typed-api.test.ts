/**
 * The typed API from handler to page. The type checks run in `tsc` (npm test): each
 * `@ts-expect-error` line must stay an error, so a client calling an action that does not exist,
 * sending the wrong data or expecting another answer fails the build, not a villager's phone.
 */
import type { ComplaintsApi } from '../../cloudfunctions/complaints/handler';
import type { ComplaintCaseView, ComplaintView } from '../../core/complaint/api';
import { action, createRouter, type ApiOf } from '../../core/shared/router';
import { text, z } from '../../core/shared/zod';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <A, B>(ok: Same<A, B>) => ok;

const router = createRouter('demo', {
  greet: action({ input: z.strictObject({ name: text(10, '姓名') }), run: (i, c) => ({ hello: i.name, by: c.openid }) }),
  count: action({ input: z.strictObject({ n: z.optional(z.int()) }), run: async (i) => i.n ?? 0 }),
});
type DemoApi = ApiOf<typeof router>;

test('a router carries its name and actions (the API reference reads them)', () => {
  expect(router.fn).toBe('demo');
  expect(Object.keys(router.actions)).toEqual(['greet', 'count']);
});

test('ApiOf: per action, the input of its schema and the awaited answer', async () => {
  expect(same<DemoApi['greet']['input'], { name: string }>(true)).toBe(true);
  expect(same<DemoApi['greet']['output'], { hello: string; by: string | null }>(true)).toBe(true);
  expect(same<DemoApi['count']['output'], number>(true)).toBe(true);
  // Officials' complaint actions answer the case view; the complainant's the own view.
  expect(same<ComplaintsApi['accept']['output'], ComplaintCaseView>(true)).toBe(true);
  expect(same<ComplaintsApi['withdraw']['output'], ComplaintView>(true)).toBe(true);
  expect(await router({ action: 'greet', data: { name: '水头' } }, { openid: 'o-1' })).toEqual({ ok: true, data: { hello: '水头', by: 'o-1' } });
});

test('what tsc refuses', () => {
  // @ts-expect-error an action the function does not have
  type _Missing = ComplaintsApi['fileComplaint'];
  // @ts-expect-error data the action does not take
  const _bad: ComplaintsApi['submit']['input'] = { stationId: 'st-1', category: 'attitude', description: '多收了钱', extra: 1 };
  // @ts-expect-error an answer of another shape
  const _wrong: ComplaintsApi['mine']['output'] = [];
  expect(_bad).toBeDefined();
  expect(_wrong).toBeDefined();
});
