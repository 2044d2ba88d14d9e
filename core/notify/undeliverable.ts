/**
 * Messages that will not reach their person (issue 11 §3): the outbox gave up on them after
 * MAX_ATTEMPTS failures. The province administrator sees how many and why, in plain Chinese — most
 * often the person never allowed that message (WeChat 43101), which only they can change.
 */
import { createAccess } from '../authz/access';
import { authorize } from '../authz/policy';
import { MAX_ATTEMPTS } from '../complaint/scheduler';
import type { AuditRepository, Clock, IdSource, OutboxRepository, RoleRepository } from '../ports';
import { AppError } from '../shared/errors';
import { z } from '../shared/zod';

/** Last failure (the error name the notifier throws, adapters/platform/wechat.ts) → why, for people. */
export const UNDELIVERABLE_REASONS: Record<string, string> = {
  SubscribeNotConsented: '对方没有订阅或已拒收这类消息',
  SubscribeValueRefused: '消息内容不符合模板要求',
  SubscribePageRefused: '消息要打开的页面不对',
  SubscribeTemplateRefused: '消息模板编号不对',
  SubscribeMessageError: '消息内容缺项，无法发送',
  SubscribeSendFailed: '微信没有接收，原因不明',
};
const OTHER = '其他原因（如网络超时）';

export const undeliveredInput = z.strictObject({});

export interface UndeliveredView {
  /** Messages given up on. */
  total: number;
  /** Per reason, most first; only reasons with messages. */
  reasons: { reason: string; count: number }[];
}

export interface UndeliverableDeps {
  outbox: Pick<OutboxRepository, 'undeliverable'>;
  roles: RoleRepository;
  audit: AuditRepository;
  ids: IdSource;
  clock: Clock;
}

/** The count and its reasons (pure over the store's counts). */
export async function undeliveredSummary(outbox: UndeliverableDeps['outbox']): Promise<UndeliveredView> {
  const total = await outbox.undeliverable(MAX_ATTEMPTS);
  if (!total) return { total, reasons: [] };
  const reasons: UndeliveredView['reasons'] = [];
  let named = 0;
  for (const [error, reason] of Object.entries(UNDELIVERABLE_REASONS)) {
    const count = await outbox.undeliverable(MAX_ATTEMPTS, error);
    if (count) reasons.push({ reason, count });
    named += count;
  }
  if (total > named) reasons.push({ reason: OTHER, count: total - named });
  return { total, reasons: reasons.sort((a, b) => b.count - a.count) };
}

export function createUndeliverableService(deps: UndeliverableDeps) {
  const access = createAccess(deps);
  return {
    async summary(openid: string | null): Promise<UndeliveredView> {
      const actor = await access.actorOf(openid);
      if (!authorize(actor, 'outbox.health', { regionCodes: ['36'] }).allowed) {
        await access.record({ actorOpenid: actor.openid, action: 'outbox.health', outcome: 'denied', resource: 'outbox', detail: 'role' });
        throw new AppError('FORBIDDEN', '只有省级管理员可以查看发送失败的消息');
      }
      return undeliveredSummary(deps.outbox);
    },
  };
}
