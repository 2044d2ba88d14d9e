/**
 * Issue 9 items 11 and 21 over HTTP: invisible text and hotline call-back numbers are refused,
 * and validation messages name the field in Chinese (never a path or an identifier), while
 * `fields` stays keyed by path for the forms.
 */
import type { ComplaintView } from '../../core/complaint/api';
import { accepted } from '../support/complaints';
import { DEMO, HEAD_STATION, rid, type CallResult, appForTests } from '../support/local-app';

jest.setTimeout(60_000);

const t = appForTests({ now: '2026-09-30T02:00:00.000Z' });

const submit = (data: Record<string, unknown>) =>
  t.call<ComplaintView>('complaints', 'submit', { stationId: HEAD_STATION, category: 'overcharge', description: '快递代收每件多收两元。', ...data }, DEMO.resident1, rid('submit'));

function refused(r: CallResult, field: string): string {
  expect(r.status).toBe(400);
  if (r.body.ok) throw new Error('expected an error');
  expect(r.body.error.code).toBe('VALIDATION_ERROR');
  expect(Object.keys(r.body.error.fields ?? {})).toEqual([field]);
  // A short Chinese message: no path, no identifier, no field name in English.
  expect(r.body.error.message).not.toMatch(/data|[A-Za-z]{3,}|[A-Za-z_]：/);
  return r.body.error.message;
}

test('a description of six zero-width characters is refused; visible text passes', async () => {
  expect(refused(await submit({ description: '\u200b'.repeat(6) }), 'data.description')).toBe('请至少写 5 个字，说清楚发生了什么');
  expect(refused(await submit({ description: `多收${'\u200d'.repeat(8)}钱` }), 'data.description')).toBe('请至少写 5 个字，说清楚发生了什么');
  expect((await submit({ description: '多收了两块钱' })).status).toBe(200);
});

test('a refusal explanation of one zero-width character is refused', async () => {
  const c = await accepted(t);
  // Accepted cases cannot be refused; a fresh one can. Either way the text is checked first.
  const fresh = (await submit({})).body;
  if (!fresh.ok) throw new Error('submit failed');
  for (const target of [fresh.data, c]) {
    const r = await t.call('complaints', 'refuse', { id: target.id, version: target.version, reason: 'duplicate', text: '\u200b' }, DEMO.county);
    expect(refused(r, 'data.text')).toBe('请填写说明');
  }
  const ok = await t.call('complaints', 'refuse', { id: fresh.data.id, version: fresh.data.version, reason: 'duplicate', text: '与另一件投诉重复' }, DEMO.county);
  expect(ok.status).toBe(200);
});

test('call-back numbers: mobile and landline accepted, 12345, 12315 and 400 numbers refused', async () => {
  for (const phone of ['12345', '12315', '400-123-4567', '4001234567']) {
    expect(refused(await submit({ phone }), 'data.phone')).toBe('电话号码不对：手机 11 位，座机请带区号');
  }
  for (const phone of ['13812341234', '0797-6221234']) expect((await submit({ phone })).status).toBe(200);
});

test('generic problems are named with the field’s Chinese name', async () => {
  expect(refused(await t.call('complaints', 'get', {}, DEMO.resident1), 'data')).toBe('提交的内容格式不对');
  expect(refused(await t.call('complaints', 'detail', { id: 42 }, DEMO.county), 'data.id')).toBe('编号格式不对');
  expect(refused(await t.call('complaints', 'detail', {}, DEMO.county), 'data.id')).toBe('请填写编号');
  expect(refused(await t.call('complaints', 'detail', { id: 'cmp-000001', extra: 1 }, DEMO.county), 'data.extra')).toBe('提交的内容里有不支持的字段');
  expect(refused(await t.call('complaints', 'detail', { id: 'x' }, DEMO.county), 'data.id')).toBe('编号不对');
  const unknown = await t.call('complaints', 'nope', {}, DEMO.county);
  expect(unknown.body).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '没有这个操作', fields: { action: '没有这个操作' } } });
});
