/**
 * `scheduler`: the timed job (escalation, auto-close as 未评价, outbox delivery).
 * Only the timer trigger may run it: in the cloud the entry checks the trigger event; locally
 * the server runs it on an interval and on demand from the developer route.
 */
import { runScheduler, type SchedulerDeps, type SchedulerReport } from '../../core/complaint/scheduler';
import type { Envelope } from '../../core/shared/errors';
import { AppError } from '../../core/shared/errors';
import { toErrorBody, type Logger } from '../../core/shared/router';

export const TRIGGER_NAME = 'scheduler-every-10-min';

/** A WeChat timer trigger event: { Type: 'Timer', TriggerName, Time }. */
export function isTimerEvent(event: unknown, openid: string | null): boolean {
  const e = event as { Type?: unknown; TriggerName?: unknown } | null;
  return !openid && !!e && e.Type === 'Timer' && e.TriggerName === TRIGGER_NAME;
}

/** Further timed jobs (notices that ended, personal-data purge…); each safe to run twice. */
export type ExtraJob = () => Promise<Record<string, number>>;
export type FullReport = SchedulerReport & Record<string, number>;

export function createSchedulerHandler(deps: SchedulerDeps, logger?: Logger, extraJobs: ExtraJob[] = []) {
  let running: Promise<FullReport> | null = null;
  const runAll = async (): Promise<FullReport> => {
    const report: FullReport = { ...(await runScheduler(deps)) };
    for (const job of extraJobs) Object.assign(report, await job());
    return report;
  };
  return async function handle(event: unknown, caller: { openid: string | null; trusted?: boolean }): Promise<Envelope<FullReport>> {
    try {
      if (!caller.trusted && !isTimerEvent(event, caller.openid)) throw new AppError('FORBIDDEN', '只有定时任务可以运行');
      // One run at a time in this process; a second caller waits for the same run.
      running ??= runAll().finally(() => (running = null));
      const report = await running;
      logger?.info({ fn: 'scheduler', code: 'OK', ...report });
      return { ok: true, data: report };
    } catch (err) {
      const body = toErrorBody(err);
      logger?.error({ fn: 'scheduler', code: body.code, error: (err as Error)?.name });
      return { ok: false, error: body };
    }
  };
}
