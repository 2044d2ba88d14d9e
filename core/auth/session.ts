/**
 * A PC session of scan-to-sign-in (core/auth/signin.ts), and whom it stands for. Kept apart from
 * the service so the shared cloud entry (cloudfunctions/_shared/cloud.ts), which checks sessions in
 * every function, bundles no schemas.
 */
export interface SignInSession {
  /** Hash of the token. */
  id: string;
  /** A random reference for the audit log (never the token or its hash). */
  ref: string;
  openid: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

/** The openid a session stands for now, or null (expired or signed out). */
export function sessionOpenid(s: SignInSession | null, now: Date): string | null {
  if (!s || s.revokedAt || now.getTime() >= Date.parse(s.expiresAt)) return null;
  return s.openid;
}
