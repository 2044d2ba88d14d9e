/**
 * Who is calling and what they did: the two steps every use case starts or ends with. Identity
 * comes only from the context openid; its role bindings are read fresh on each call. Every denial
 * and every sensitive act goes to the audit log through `record` (never personal data in `detail`).
 */
import type { AuditEntry, AuditRepository, Clock, IdSource, RoleRepository } from '../ports';
import { AppError } from '../shared/errors';
import { authorize, type Decision, type Permission, type Target } from './policy';
import type { Actor } from './roles';

export interface AccessDeps {
  roles: RoleRepository;
  audit: AuditRepository;
  ids: IdSource;
  clock: Clock;
}

export type AuditRecord = Pick<AuditEntry, 'action' | 'outcome' | 'resource' | 'detail'> & {
  actorOpenid: string | null;
  /** Defaults to the clock's now. */
  at?: string;
};

/** Append audit entries (id and time filled in): for work with no caller to authorise, like the scheduler's. */
export function auditRecorder(deps: Pick<AccessDeps, 'audit' | 'clock'> & { ids: Pick<IdSource, 'id'> }): (e: AuditRecord) => Promise<void> {
  const { audit, ids, clock } = deps;
  return async (e) => {
    await audit.append({ id: ids.id(), at: e.at ?? clock.now().toISOString(), actorOpenid: e.actorOpenid, action: e.action, outcome: e.outcome, resource: e.resource, detail: e.detail });
  };
}

export function createAccess(deps: AccessDeps) {
  const { roles } = deps;
  const record = auditRecorder(deps);
  return {
    /** The caller with their active bindings; UNAUTHENTICATED without an openid. */
    async actorOf(openid: string | null, message = '请先登录微信后再试'): Promise<Actor> {
      if (!openid) throw new AppError('UNAUTHENTICATED', message);
      return { openid, bindings: await roles.activeFor(openid) };
    },

    /**
     * The decision when `actor` may; otherwise the denial is audited and FORBIDDEN answers `refusal`.
     * A function as `refusal` makes the error instead: for a record that is not public (an
     * application, a draft post, an objection) a refusal answers exactly as if it did not exist.
     */
    async permit(actor: Actor, permission: Permission, target: Target, resource: string, refusal: string | (() => AppError) = '这不在您的管辖范围内'): Promise<Decision & { allowed: true }> {
      const d = authorize(actor, permission, target);
      if (d.allowed) return d;
      await record({ actorOpenid: actor.openid, action: permission, outcome: 'denied', resource, detail: d.reason });
      throw typeof refusal === 'function' ? refusal() : new AppError('FORBIDDEN', refusal);
    },

    /** Append one audit entry. */
    record,
  };
}

export type Access = ReturnType<typeof createAccess>;
