/**
 * The action router every cloud function uses: parse the event, validate `data` with zod
 * (unknown fields rejected), run the action, answer the docs/product.md §9 envelope.
 * It logs the function, action, outcome code and duration — never the input.
 *
 * Typed end to end: a router keeps its action map in its type, `ApiOf` turns it into each action's
 * input and answer, and the app's client (src/services/transport.ts `client<Api>`) takes that type,
 * so renaming an action or changing an answer fails `tsc`.
 */
import type { Caller } from './caller';
import { AppError, type Envelope, type ErrorBody } from './errors';
import { fieldLabel } from './field-labels';
import { z } from './zod';

type Schema<T> = z.ZodMiniType<T, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySchema = z.ZodMiniType<any, any>;

/** An action: its input schema and what runs with the validated input and the caller (identity from the platform, never the client). */
export interface ActionDef<S extends AnySchema, O> {
  input: S;
  run: (input: z.output<S>, caller: Caller, meta: { requestId?: string }) => Promise<O> | O;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ActionMap = Record<string, ActionDef<any, any>>;

export function action<S extends AnySchema, O>(def: ActionDef<S, O>): ActionDef<S, O> {
  return def;
}

/** The input schemas a service method can be run with: the caller's openid first, then the validated input (a method may ignore it). */
type SchemaFor<F> = F extends (openid: string | null) => unknown
  ? AnySchema
  : F extends (openid: string | null, input: infer I) => unknown
    ? z.ZodMiniType<I, any> // eslint-disable-line @typescript-eslint/no-explicit-any
    : never;
/** One entry of `serviceActions`: the input schema (the method has the action's name), `[method, schema]`, or an action written out. */
export type ServiceEntry<Svc, K> =
  | (K extends keyof Svc ? SchemaFor<Svc[K]> : never)
  | { [N in keyof Svc & string]: readonly [N, SchemaFor<Svc[N]>] }[keyof Svc & string]
  | ActionDef<AnySchema, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Answer<Svc, N> = N extends keyof Svc ? (Svc[N] extends (...args: any[]) => infer R ? R : never) : never;
type ActionOf<Svc, K, E> =
  E extends ActionDef<AnySchema, unknown> ? E
  : E extends readonly [infer N, infer S extends AnySchema] ? ActionDef<S, Answer<Svc, N>>
  : E extends AnySchema ? ActionDef<E, Answer<Svc, K>>
  : never;
/** What `serviceActions` makes of its entries. */
export type ServiceActions<Svc, M> = { [K in keyof M]: ActionOf<Svc, K, M[K]> };

/**
 * A function's actions, most of which call one method of `service` with the caller's openid and the
 * validated input. Each entry is the input schema (the method has the action's name), or
 * `[method, schema]`, or an action that does anything else, written out with `action`:
 * `serviceActions(s, { month: api.monthInput, station: ['stationList', api.stationListInput], … })`
 * has `month` run `s.month(c.openid, input)` and `station` run `s.stationList(c.openid, input)`.
 * tsc checks that each method takes what its schema gives.
 */
export function serviceActions<Svc, const M extends { [K in keyof M]: ServiceEntry<Svc, K> }>(service: Svc, entries: M): ServiceActions<Svc, M> {
  const svc = service as Record<string, (openid: string | null, input: unknown) => unknown>;
  const out: Record<string, ActionDef<AnySchema, unknown>> = {};
  for (const [name, entry] of Object.entries(entries as Record<string, AnySchema | readonly [string, AnySchema] | ActionDef<AnySchema, unknown>>)) {
    if ('run' in entry) {
      out[name] = entry;
    } else {
      const [method, input] = Array.isArray(entry) ? entry : [name, entry as AnySchema];
      out[name] = { input, run: (i, c) => svc[method](c.openid, i) };
    }
  }
  return out as ServiceActions<Svc, M>;
}

/** A function handler made by `createRouter`: callable, and carrying its name and actions (for the API reference). */
export interface Router<A extends ActionMap = ActionMap> {
  (event: unknown, caller: Caller): Promise<Envelope<unknown>>;
  readonly fn: string;
  readonly actions: A;
}

/** Per action: what the client sends as `data` and what `data` of a successful answer is. */
export type ApiOf<R> =
  R extends Router<infer A> ? { [K in keyof A & string]: { input: z.input<A[K]['input']>; output: Awaited<ReturnType<A[K]['run']>> } } : never;

/** The shape every `ApiOf` has (what the client accepts). */
export type ApiShape = Record<string, { input: unknown; output: unknown }>;

export interface Logger {
  info(entry: Record<string, unknown>): void;
  error(entry: Record<string, unknown>): void;
}

export const silentLogger: Logger = { info() {}, error() {} };

/** What every function receives: `{ action, data, requestId? }` (the API reference builds on it). */
export const eventSchema = z.strictObject({
  action: z.string().check(z.minLength(1), z.maxLength(40)),
  data: z.optional(z.unknown()),
  requestId: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不对'))),
});

/** The default Chinese message of an issue zod raised without one of ours ("Invalid input"). */
function genericMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '必填' : '格式不对';
    case 'too_big':
      return issue.origin === 'string' ? `最多 ${issue.maximum} 个字` : issue.origin === 'array' ? `最多 ${issue.maximum} 项` : `不能大于 ${issue.maximum}`;
    case 'too_small':
      return issue.origin === 'string' ? (issue.minimum === 1 ? '不能为空' : `至少 ${issue.minimum} 个字`) : issue.origin === 'array' ? `至少 ${issue.minimum} 项` : `不能小于 ${issue.minimum}`;
    case 'invalid_value':
      return '不是可选的值';
    case 'invalid_format':
      return '格式不对';
    case 'unrecognized_keys':
      return '不支持的字段';
    default:
      return '格式不对';
  }
}

const isOurs = (issue: z.core.$ZodIssue) => !!issue.message && issue.message !== 'Invalid input';

/**
 * A field's problem: `field` for the form (shown under the field, so no name), `summary` for the
 * message line (named with the field's Chinese label; never a path or an identifier).
 */
function describe(issue: z.core.$ZodIssue, path: PropertyKey[]): { field: string; summary: string } {
  if (isOurs(issue)) return { field: issue.message, summary: issue.message };
  const field = genericMessage(issue);
  const label = fieldLabel(path);
  if (field === '必填') return { field, summary: `请填写${label}` };
  return { field, summary: `${label}${field}` };
}

export function validationError(error: z.core.$ZodError, prefix = ''): AppError {
  // A Map, not an object literal: field names come from the input and may be "__proto__".
  const found = new Map<string, { field: string; summary: string }>();
  const key = (path: PropertyKey[]) => [prefix, ...path.map(String)].filter((p) => p !== '').join('.');
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) found.set(key([...issue.path, k]), { field: '不支持的字段', summary: '提交的内容里有不支持的字段' });
      continue;
    }
    const path = key(issue.path) || prefix || 'data';
    if (!found.has(path)) found.set(path, describe(issue, issue.path));
  }
  const fields = Object.fromEntries([...found].map(([path, d]) => [path, d.field])) as Record<string, string>;
  const only = found.size === 1 ? [...found.values()][0] : null;
  const message = only ? only.summary : `有 ${found.size} 处填写有误，请检查`;
  return new AppError('VALIDATION_ERROR', message, fields);
}

export function parseInput<T>(schema: Schema<T>, data: unknown, prefix = 'data'): T {
  // reportInput: issueMessage tells a missing value (必填) from a wrong one (格式不对) by issue.input.
  const result = schema.safeParse(data, { reportInput: true });
  if (!result.success) throw validationError(result.error, prefix);
  return result.data;
}

export function toErrorBody(err: unknown): ErrorBody {
  if (err instanceof AppError) return err.toBody();
  return new AppError('INTERNAL').toBody();
}

/** Build a function handler from its actions. `ctx` is made by the caller (cloud entry or local server). */
export function createRouter<const A extends ActionMap>(fn: string, actions: A, logger: Logger = silentLogger): Router<A> {
  const handle = async function handle(event: unknown, ctx: Caller): Promise<Envelope<unknown>> {
    const started = Date.now();
    let actionName = '?';
    try {
      const parsed = eventSchema.safeParse(event, { reportInput: true });
      if (!parsed.success) throw validationError(parsed.error, '');
      actionName = parsed.data.action;
      const def = Object.prototype.hasOwnProperty.call(actions, actionName) ? actions[actionName] : undefined;
      // The name is not echoed: messages carry no identifiers.
      if (!def) throw new AppError('NOT_FOUND', '没有这个操作', { action: '没有这个操作' });
      const input = parseInput(def.input, parsed.data.data ?? {});
      const data = await def.run(input, ctx, { requestId: parsed.data.requestId });
      logger.info({ fn, action: actionName, code: 'OK', ms: Date.now() - started });
      return { ok: true, data };
    } catch (err) {
      const body = toErrorBody(err);
      if (body.code === 'INTERNAL') {
        // Name and stack frames only: messages of foreign errors may echo input values (and may span lines).
        const e = err as Error;
        const frames = typeof e?.stack === 'string' ? e.stack.split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 5).join(' | ') : undefined;
        logger.error({ fn, action: actionName, code: body.code, error: e?.name ?? typeof err, stack: frames });
      } else {
        logger.info({ fn, action: actionName, code: body.code, ms: Date.now() - started });
      }
      return { ok: false, error: body };
    }
  };
  return Object.assign(handle, { fn, actions });
}
