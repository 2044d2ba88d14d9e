/**
 * `scheduler`: the timed job (escalation, auto-close as 未评价, outbox delivery).
 * Only the timer trigger may run it: in the cloud the entry checks the trigger event; locally
 * the server runs it on an interval and on demand from the developer route.
 */
import { runScheduler, startBudget, type Budget, type SchedulerDeps, type SchedulerOptions, type SchedulerReport } from '../../core/complaint/scheduler';
import type { Envelope } from '../../core/shared/errors';
import { AppError } from '../../core/shared/errors';
import { toErrorBody, type Logger } from '../../core/shared/router';

export const TRIGGER_NAME = 'scheduler-every-10-min';

/**
 * Time budget of one cloud run: config.json gives the function 60 s; new work stops at 45 s so the
 * step in flight finishes before the platform kills the run. Unfinished work: `remaining: true`,
 * and the next trigger (10 minutes later) continues.
 */
export const CLOUD_RUN_BUDGET_MS = 45_000;

/** A WeChat timer trigger event: { Type: 'Timer', TriggerName, Time }. */
export function isTimerEvent(event: unknown, openid: string | null): boolean {
  const e = event as { Type?: unknown; TriggerName?: unknown } | null;
  return !openid && !!e && e.Type === 'Timer' && e.TriggerName === TRIGGER_NAME;
}

/**
 * Further timed jobs (notices that ended, personal-data purge…); each safe to run twice. A job
 * starts only while the run has time left; a long one may check `budget.spent()` itself.
 */
export type ExtraJob = (budget: Budget) => Promise<Record<string, number>>;
export type FullReport = SchedulerReport & Record<string, number | boolean>;

export function createSchedulerHandler(deps: SchedulerDeps, logger?: Logger, extraJobs: ExtraJob[] = [], options: SchedulerOptions = {}) {
  let running: Promise<FullReport> | null = null;
  const runAll = async (): Promise<FullReport> => {
    const budget = startBudget(options);
    const report: FullReport = { ...(await runScheduler(deps, budget)) };
    for (const job of extraJobs) {
      if (budget.spent()) {
        report.remaining = true;
        break;
      }
      Object.assign(report, await job(budget));
    }
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
