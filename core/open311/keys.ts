/**
 * API keys of the Open311 GeoReport v2 endpoint (issue 11 §5): the province administrator issues
 * one per hotline platform or app, sees them listed, and revokes them. The key is shown once; only
 * its hash is stored, so whoever reads the database cannot post as a platform. Every issue and
 * revocation is audited.
 */
import { createAccess } from '../authz/access';
import { authorize } from '../authz/policy';
import type { AuditRepository, Clock, IdSource, RoleRepository } from '../ports';
import { AppError } from '../shared/errors';
import { text, z } from '../shared/zod';
import { toShanghai } from '../shared/time';

export interface ApiKey {
  id: string;
  /** Who uses it, e.g. "赣州市 12345 热线平台". */
  name: string;
  /** Hash of the key (ApiKeySource.hash); the key itself is never stored. */
  keyHash: string;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  revokedBy: string | null;
}

/** Storage of API keys (adapters/*\/admin.ts; test/contract/admin.contract.ts). */
export interface ApiKeyRepository {
  insert(key: ApiKey): Promise<void>;
  /** The active (not revoked) key with this hash. */
  findActive(keyHash: string): Promise<ApiKey | null>;
  /** Every key, newest first. */
  list(): Promise<ApiKey[]>;
  /** Revoke once: false when unknown or already revoked. */
  revoke(id: string, by: string, at: string): Promise<boolean>;
}

/** Makes and hashes keys (adapters/platform/api-keys.ts). */
export interface ApiKeySource {
  newKey(): string;
  hash(key: string): string;
}

/**
 * A key as typed into a platform's configuration: a prefix and 32 characters of the key alphabet
 * (adapters/platform/api-keys.ts). Spelled without an `a-z` range: the function bundler's zod scan
 * would read that bare `z` as the namespace and bundle zod whole.
 */
export const API_KEY_PATTERN = /^zdt_[0-9a-hjkmnp-tv-xyz]{32}$/;
export const MAX_ACTIVE_KEYS = 50;

export const apiKeysInput = z.strictObject({});
export const issueApiKeyInput = z.strictObject({ name: text(30, '使用单位', { min: 2, tooShort: '请写明谁使用这个密钥，例如：赣州市 12345 热线平台' }) });
export const revokeApiKeyInput = z.strictObject({ id: z.string().check(z.regex(/^[A-Za-z0-9_-]{6,64}$/, '密钥编号不对')) });

export interface ApiKeyView {
  id: string;
  name: string;
  createdOn: string;
  revokedOn: string | null;
  active: boolean;
}

export interface ApiKeyDeps {
  apiKeys: ApiKeyRepository;
  apiKeySource: ApiKeySource;
  roles: RoleRepository;
  audit: AuditRepository;
  ids: IdSource;
  clock: Clock;
}

function view(k: ApiKey): ApiKeyView {
  return { id: k.id, name: k.name, createdOn: toShanghai(new Date(k.createdAt)).date, revokedOn: k.revokedAt ? toShanghai(new Date(k.revokedAt)).date : null, active: !k.revokedAt };
}

export function createApiKeyService(deps: ApiKeyDeps) {
  const access = createAccess(deps);
  const PROVINCE = { regionCodes: ['36'] };

  /** Only the province administrator manages keys; anyone else is refused and audited. */
  async function admin(openid: string | null, resource: string) {
    const actor = await access.actorOf(openid);
    if (!authorize(actor, 'apikey.manage', PROVINCE).allowed) {
      await access.record({ actorOpenid: actor.openid, action: 'apikey.manage', outcome: 'denied', resource, detail: 'role' });
      throw new AppError('FORBIDDEN', '只有省级管理员可以管理接口密钥');
    }
    return actor;
  }

  return {
    async list(openid: string | null): Promise<{ items: ApiKeyView[] }> {
      await admin(openid, 'apikeys');
      return { items: (await deps.apiKeys.list()).map(view) };
    },

    /** A new key, answered once in clear: the platform's technician copies it now or asks again. */
    async issue(openid: string | null, input: z.infer<typeof issueApiKeyInput>): Promise<ApiKeyView & { key: string }> {
      const actor = await admin(openid, 'apikey:new');
      const active = (await deps.apiKeys.list()).filter((k) => !k.revokedAt);
      if (active.length >= MAX_ACTIVE_KEYS) throw new AppError('CONFLICT', `有效密钥已有 ${MAX_ACTIVE_KEYS} 个，请先停用不用的密钥`);
      if (active.some((k) => k.name === input.name)) throw new AppError('CONFLICT', '这个单位已有有效密钥；如需更换，请先停用旧的', { name: '已有有效密钥' });
      const key = deps.apiKeySource.newKey();
      const at = deps.clock.now().toISOString();
      const record: ApiKey = { id: deps.ids.id(), name: input.name, keyHash: deps.apiKeySource.hash(key), createdAt: at, createdBy: actor.openid, revokedAt: null, revokedBy: null };
      await deps.apiKeys.insert(record);
      await access.record({ actorOpenid: actor.openid, action: 'apikey.issue', outcome: 'done', resource: `apikey:${record.id}`, detail: input.name, at });
      return { ...view(record), key };
    },

    async revoke(openid: string | null, input: z.infer<typeof revokeApiKeyInput>): Promise<ApiKeyView> {
      const actor = await admin(openid, `apikey:${input.id}`);
      const at = deps.clock.now().toISOString();
      if (!(await deps.apiKeys.revoke(input.id, actor.openid, at))) throw new AppError('NOT_FOUND', '没有这个有效密钥，可能已经停用');
      await access.record({ actorOpenid: actor.openid, action: 'apikey.revoke', outcome: 'done', resource: `apikey:${input.id}`, detail: '', at });
      const k = (await deps.apiKeys.list()).find((x) => x.id === input.id);
      if (!k) throw new AppError('NOT_FOUND', '没有这个密钥');
      return view(k);
    },

    /** The active key a request carries, or null (wrong, revoked or malformed). */
    async authenticate(key: string | undefined): Promise<ApiKey | null> {
      if (!key || !API_KEY_PATTERN.test(key)) return null;
      return deps.apiKeys.findActive(deps.apiKeySource.hash(key));
    },
  };
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;
