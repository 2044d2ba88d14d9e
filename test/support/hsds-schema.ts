/**
 * Validators for HSDS 3.0 answers from the schema files in test/data/hsds (copied from the Open
 * Referral specification, tag v3.0). The files carry Frictionless keywords (`constraints`,
 * `core`, `datapackage_metadata`, …) that JSON Schema ignores, hence `strict: false`.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, '..', 'data', 'hsds');
const BASE = 'https://hsds.test/schema/';

export type HsdsEntity = 'service' | 'organization' | 'location' | 'service_at_location' | 'taxonomy' | 'taxonomy_term';

function build() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const file of readdirSync(join(DIR, 'schema')).filter((f) => f.endsWith('.json'))) {
    const schema = JSON.parse(readFileSync(join(DIR, 'schema', file), 'utf8')) as Record<string, unknown>;
    delete schema.$schema; // draft 2020-12 throughout; the validator is told so
    ajv.addSchema({ ...schema, $id: BASE + file });
  }
  const openapi = JSON.parse(readFileSync(join(DIR, 'openapi.json'), 'utf8')) as { components: { schemas: { Page: Record<string, unknown> } } };
  const page = openapi.components.schemas.Page;
  return { ajv, page };
}

let cached: ReturnType<typeof build> | undefined;

/** The validation errors of `value` as an `entity`, or [] when it is valid. */
export function hsdsErrors(entity: HsdsEntity, value: unknown): string[] {
  cached ??= build();
  const validate = cached.ajv.getSchema(`${BASE}${entity}.json`);
  if (!validate) throw new Error(`no schema for ${entity}`);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** Errors of a list answer: the API's Page header (all its fields required here) and each item. */
export function hsdsPageErrors(entity: HsdsEntity, value: unknown): string[] {
  cached ??= build();
  const { ajv, page } = cached;
  const schema = { ...page, required: Object.keys(page.properties as object), properties: { ...(page.properties as object), contents: { type: 'array' } } };
  const validate = ajv.compile(schema);
  const errors = validate(value) ? [] : (validate.errors ?? []).map((e) => `page${e.instancePath} ${e.message ?? ''}`);
  const contents = (value as { contents?: unknown[] }).contents ?? [];
  return [...errors, ...contents.flatMap((item, i) => hsdsErrors(entity, item).map((e) => `contents/${i}${e}`))];
}
