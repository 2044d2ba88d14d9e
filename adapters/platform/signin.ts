/**
 * Scan-to-sign-in platform pieces (core/auth/signin.ts): random secrets kept only as SHA-256, and
 * CloudBase custom-login tickets. The node-sdk is required lazily, only in the `auth` function.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { CustomLoginTickets, SignInSecrets } from '../../core/auth/signin';

/** 24 random bytes as 32 base64url characters (fits a mini-program code's 32-character scene). */
export const randomSignInSecrets: SignInSecrets = {
  newSecret: () => randomBytes(24).toString('base64url'),
  hash: (secret) => createHash('sha256').update(`zdt-signin:${secret}`).digest('base64url'),
};

/** Locally there is no CloudBase: the PC signs in with the session token alone. */
export const noCustomLogin: CustomLoginTickets = { issue: async () => null };

/** node-sdk's customUserId rule (src/auth/index.ts validateUid); openids fit it. */
export const CUSTOM_USER_ID = /^[a-zA-Z0-9_\-#@~=*(){}[\]:.,<>+]{4,32}$/;

/** The custom-login private key file's JSON (控制台 › 身份认证 › 自定义登录 › 下载私钥). */
export interface CustomLoginKey {
  private_key_id: string;
  private_key: string;
  env_id: string;
}

export function parseCustomLoginKey(json: string): CustomLoginKey {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    throw new Error('ZDT_CUSTOM_LOGIN_KEY is not JSON');
  }
  const k = v as Partial<CustomLoginKey> | null;
  if (!k || typeof k.private_key_id !== 'string' || typeof k.private_key !== 'string' || typeof k.env_id !== 'string') {
    throw new Error('ZDT_CUSTOM_LOGIN_KEY lacks private_key_id, private_key or env_id');
  }
  return k as CustomLoginKey;
}

interface NodeSdkApp {
  auth(): { createTicket(uid: string, options?: { refresh?: number; expire?: number }): string };
}
type NodeSdk = { init(config: { env: string; credentials: CustomLoginKey }): NodeSdkApp };

/**
 * Tickets signed with the environment's custom-login key. The CloudBase login the ticket starts
 * expires with our session (`expire`); each function call still checks the session itself
 * (cloudfunctions/_shared/cloud.ts), so 退出登录 ends it at once.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadNodeSdk = () => require('@cloudbase/node-sdk') as NodeSdk;

export function cloudbaseCustomLogin(keyJson: string, load: () => NodeSdk = loadNodeSdk): CustomLoginTickets {
  const key = parseCustomLoginKey(keyJson);
  let app: NodeSdkApp | null = null;
  return {
    async issue(openid, expiresAt) {
      if (!CUSTOM_USER_ID.test(openid)) throw new Error('openid does not fit a custom login user id');
      app ??= load().init({ env: key.env_id, credentials: key });
      return app.auth().createTicket(openid, { expire: expiresAt.getTime() });
    },
  };
}
