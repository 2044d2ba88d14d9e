/** The local server's dev routes the notification tests read: the outbox as recorded, and a scheduler run. */
import type { OutboxMessage } from '../../core/complaint/model';
import type { SubscribePayload } from '../../core/notify/subscribe';
import type { TestApp } from './local-app';

/** A queued message with the body subscribeMessage.send gets for it (null, and why, when it cannot be sent). */
export type OutboxEntry = OutboxMessage & { request: SubscribePayload | null; requestError?: string };

/** The messages for `openid`, as GET /dev/outbox shows them. */
export async function devOutbox(t: TestApp, openid: string): Promise<OutboxEntry[]> {
  return ((await (await t.raw(`/dev/outbox?openid=${openid}`)).json()) as { data: OutboxEntry[] }).data;
}

/** One scheduler run (POST /dev/scheduler/run): what it did, counted by kind. */
export async function runScheduler(t: TestApp): Promise<Record<string, number>> {
  return ((await (await t.raw('/dev/scheduler/run', { method: 'POST' })).json()) as { data: Record<string, number> }).data;
}
