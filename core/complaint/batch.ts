/**
 * The desk's batch accept and batch assign (issue 11 §1): the existing per-case command applied to
 * each selected case in turn, so each is authorised against its own scope, checked against the
 * version the official saw, and recorded in its history exactly as a single action would be. A
 * case that fails is left as it was and reported; the others go on. Each done case is audited.
 */
import { createAccess, type AccessDeps } from '../authz/access';
import { AppError } from '../shared/errors';
import type { z } from '../shared/zod';
import type * as api from './api';
import type { ComplaintService } from './service';

type In<S extends z.ZodMiniType> = z.infer<S>;

/** Ids repeated in one batch run once (the first version wins). */
function distinct<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.id) && !!seen.add(i.id));
}

export function createComplaintBatch(deps: AccessDeps, service: Pick<ComplaintService, 'accept' | 'assign'>) {
  const access = createAccess(deps);

  async function run(
    openid: string | null,
    permission: 'complaint.accept' | 'complaint.assign',
    items: { id: string; version: number }[],
    one: (item: { id: string; version: number }) => Promise<api.ComplaintCaseView>,
  ): Promise<{ results: api.BatchResult[]; done: number; failed: number }> {
    // Who is calling is checked once up front (an unauthenticated batch does nothing).
    await access.actorOf(openid);
    const results: api.BatchResult[] = [];
    for (const item of distinct(items)) {
      try {
        const view = await one(item);
        await access.record({ actorOpenid: openid, action: permission, outcome: 'done', resource: `complaint:${item.id}`, detail: 'batch' });
        results.push({ id: item.id, trackingNo: view.trackingNo, ok: true, version: view.version, statusLabel: view.statusLabel });
      } catch (err) {
        // Only the app's own refusals are per-case answers; a store outage stops the batch.
        if (!(err instanceof AppError) || err.code === 'UNAVAILABLE' || err.code === 'UNAUTHENTICATED') throw err;
        results.push({ id: item.id, trackingNo: null, ok: false, code: err.code, message: err.message });
      }
    }
    const done = results.filter((r) => r.ok).length;
    return { results, done, failed: results.length - done };
  }

  return {
    accept: (openid: string | null, input: In<typeof api.batchAcceptInput>) =>
      run(openid, 'complaint.accept', input.items, (i) => service.accept(openid, { id: i.id, version: i.version })),
    assign: (openid: string | null, input: In<typeof api.batchAssignInput>) =>
      run(openid, 'complaint.assign', input.items, (i) => service.assign(openid, { id: i.id, version: i.version, to: input.to })),
  };
}
