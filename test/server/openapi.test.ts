/**
 * The API reference: GET /api/openapi.json lists every action of every function the server runs
 * as `<function>.<action>`, with the zod schema of its data, and docs/api/openapi.json is that
 * document (regenerate with `npm run gen:openapi` when this fails).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIELD_LABELS } from '../../core/shared/field-labels';
import { appForTests } from '../support/local-app';

const t = appForTests();

type Doc = { openapi: string; paths: Record<string, { post: Operation }>; components: { responses: Record<string, unknown>; schemas: Record<string, unknown> } };
type Operation = { operationId: string; requestBody: { content: { 'application/json': { schema: Json } } }; responses: Record<string, unknown> };
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function served(): Promise<Doc> {
  const res = await t.raw('/api/openapi.json');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return (await res.json()) as Doc;
}

const operations = (doc: Doc) => Object.values(doc.paths).map((p) => p.post);
const byId = (doc: Doc, id: string) => operations(doc).find((op) => op.operationId === id) as Operation;
const dataSchema = (op: Operation) => op.requestBody.content['application/json'].schema.properties.data as Json;

test('docs/api/openapi.json is what the server serves (else run npm run gen:openapi)', async () => {
  const committed = JSON.parse(readFileSync(join(__dirname, '..', '..', 'docs', 'api', 'openapi.json'), 'utf8'));
  expect(await served()).toEqual(committed);
});

test('every action every router accepts is an operation <function>.<action>, and nothing else', async () => {
  const doc = await served();
  expect(doc.openapi).toBe('3.1.0');
  const expected = Object.entries(t.app.functions).flatMap(([fn, handler]) => Object.keys(handler.actions).map((a) => `${fn}.${a}`));
  expect(expected.length).toBeGreaterThan(60);
  expect(expected).toContain('complaints.submit');
  expect(operations(doc).map((op) => op.operationId).sort()).toEqual(expected.sort());
});

test('a request is the envelope with the action’s data schema; answers are the two envelopes', async () => {
  const doc = await served();
  const submit = byId(doc, 'complaints.submit');
  const body = submit.requestBody.content['application/json'].schema;
  expect(body.properties.action).toEqual({ const: 'submit' });
  expect(body.additionalProperties).toBe(false);
  expect(body.required).toEqual(['action', 'data']);
  const data = dataSchema(submit);
  expect(data.additionalProperties).toBe(false);
  expect(data.required).toEqual(expect.arrayContaining(['stationId', 'category', 'description']));
  // At least 5 visible characters unless a voice note (说一说) says it: a rule on the whole body,
  // so the field itself has no minimum (core/complaint/api.ts `described`).
  expect(data.properties.description).toMatchObject({ title: '描述', type: 'string', maxLength: 2000 });
  expect(data.properties.voice.properties.seconds).toMatchObject({ minimum: 1, maximum: 60 });
  // The call-back phone: mobile or landline only.
  const phone = new RegExp(data.properties.phone.pattern);
  expect(['13812341234', '0797-6221234'].every((p) => phone.test(p))).toBe(true);
  expect(['12345', '12315', '400-123-4567'].some((p) => phone.test(p))).toBe(false);
  // An action whose data may be left out does not require it.
  expect(byId(doc, 'complaints.mine').requestBody.content['application/json'].schema.required).toEqual(['action']);
  expect(dataSchema(byId(doc, 'complaints.get')).anyOf).toHaveLength(2);

  expect(Object.keys(submit.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409', '422', '429', '500', '503']);
  expect(doc.components.schemas.OkEnvelope).toMatchObject({ properties: { ok: { const: true } }, required: ['ok', 'data'] });
  expect(doc.components.schemas.ErrorEnvelope).toMatchObject({
    properties: { ok: { const: false }, error: { properties: { code: { enum: expect.arrayContaining(['VALIDATION_ERROR', 'CONFLICT']) } }, required: ['code', 'message'] } },
  });
});

test('every field of every action has a Chinese name (messages never show an identifier)', async () => {
  const doc = await served();
  const missing = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && value && typeof value === 'object') {
        for (const [name, prop] of Object.entries(value)) {
          if (!Object.prototype.hasOwnProperty.call(FIELD_LABELS, name)) missing.add(name);
          walk(prop);
        }
      } else walk(value);
    }
  };
  operations(doc).forEach((op) => walk(dataSchema(op)));
  expect([...missing]).toEqual([]);
});
