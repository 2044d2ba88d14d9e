/**
 * Who a web caller is. A browser signed in to CloudBase by custom login (the officials' PC after
 * scan-to-sign-in) has no OPENID in the WeChat context; its user id is TCB_CUSTOM_USER_ID in the
 * function's context, read the way node-sdk's `CloudBase.getCloudbaseContext(context)` reads it:
 * `context.environment` (a JSON string, newer runtime) or `context.environ` ("K=V;K=V", older),
 * else the process environment. Pure: tests pass both shapes.
 */

/** The function context's variables, from whichever shape it has; {} when it has none. */
export function contextVariables(context: unknown): Record<string, string> {
  const c = context && typeof context === 'object' ? (context as { environment?: unknown; environ?: unknown }) : {};
  if (typeof c.environment === 'string' && c.environment) {
    try {
      const parsed = JSON.parse(c.environment) as unknown;
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
      return Object.fromEntries(Object.entries(parsed as Record<string, unknown>).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    } catch {
      return {};
    }
  }
  if (typeof c.environ === 'string') {
    const out: Record<string, string> = {};
    // As node-sdk: split on ';', the first '=' separates key and value, parts without '=' are ignored.
    for (const part of c.environ.split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0) out[part.slice(0, eq)] = part.slice(eq + 1);
    }
    return out;
  }
  return {};
}

/** One variable: the context first, then the process environment (node-sdk's order). Empty reads as absent. */
export function contextVariable(context: unknown, name: string, env: Record<string, string | undefined> = process.env): string | null {
  const v = contextVariables(context)[name] ?? env[name];
  return typeof v === 'string' && v !== '' ? v : null;
}

/** The custom-login user id (our official's openid), or null. */
export function customUserId(context: unknown, env?: Record<string, string | undefined>): string | null {
  return contextVariable(context, 'TCB_CUSTOM_USER_ID', env);
}
