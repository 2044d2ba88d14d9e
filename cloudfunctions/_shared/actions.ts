/**
 * Actions that call a service method otherwise than `serviceActions`' `method(openid, input)`, each
 * written as one entry of a function's action table. Methods are passed as they are (`s.submit`):
 * services are closures, never `this`-bound.
 */
import type { ActionDef } from '../../core/shared/router';
import type { z } from '../../core/shared/zod';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySchema = z.ZodMiniType<any, any>;

/** Any caller, identity unused: `nearby: anyone(nearbyInput, directory.nearby)` runs `directory.nearby(input)`. */
export function anyone<S extends AnySchema, O>(input: S, method: (input: z.output<S>) => O): ActionDef<S, O> {
  return { input, run: (i) => method(i) };
}

/** A write a retried request must not repeat: `submit: withRequestId(api.submitInput, s.submit)` runs `s.submit(openid, input, requestId)`. */
export function withRequestId<S extends AnySchema, O>(input: S, method: (openid: string | null, input: z.output<S>, requestId: string | undefined) => O): ActionDef<S, O> {
  return { input, run: (i, c, meta) => method(c.openid, i, meta.requestId) };
}

/**
 * One action per value of a method's last argument, all on the same input:
 * `...variants(api.decideInput, s.decide, { publish: 'published', reject: 'rejected' })` has `publish`
 * run `s.decide(openid, input, 'published')` and `reject` run `s.decide(openid, input, 'rejected')`.
 */
export function variants<S extends AnySchema, V, O, const T extends Record<string, V>>(input: S, method: (openid: string | null, input: z.output<S>, value: V) => O, table: T): { [K in keyof T]: ActionDef<S, O> } {
  const out = {} as { [K in keyof T]: ActionDef<S, O> };
  for (const name of Object.keys(table) as (keyof T)[]) out[name] = { input, run: (i, c) => method(c.openid, i, table[name]) };
  return out;
}
