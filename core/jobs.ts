/**
 * The timed jobs besides the complaint scheduler (core/complaint/scheduler.ts runScheduler), in the
 * order they run, defined once for the local server and the cloud `scheduler` function. Each is
 * safe to run twice; configuration comes in as values (ZDT_RETENTION_DAYS,
 * ZDT_COMPLAINT_RETENTION_DAYS), never read from the environment here.
 */
import { complaintRetentionDays, purgeExpiredComplaints, type SchedulerDeps } from './complaint/scheduler';
import { createNoticeService, type NoticeDeps } from './notice/service';
import type { RateLimitStore } from './ports';
import { purgeExpiredApplications, retentionDaysFrom } from './recruitment/service';

export interface JobSettings {
  /** Days before personal data of unsuccessful applications goes. */
  applicationRetentionDays: number;
  /** Days before personal data of finished complaints goes. */
  complaintRetentionDays: number;
}

/** Settings from configuration values; anything but a positive whole number means the default. */
export function jobSettings(env: Record<string, string | undefined>): JobSettings {
  return { applicationRetentionDays: retentionDaysFrom(env.ZDT_RETENTION_DAYS), complaintRetentionDays: complaintRetentionDays(env.ZDT_COMPLAINT_RETENTION_DAYS) };
}

export type JobDeps = NoticeDeps & Pick<SchedulerDeps, 'complaints'> & { rateLimits: RateLimitStore };

/**
 * Notices whose period ended (appointing, stopping or suspending), then the personal-data purges
 * of applications and of complaints, then rate-limit counters whose window ended (bounded per run;
 * the next run takes the rest).
 */
export function scheduledJobs(deps: JobDeps, settings: JobSettings): (() => Promise<Record<string, number>>)[] {
  const notices = createNoticeService(deps);
  return [
    () => notices.closeEndedNotices(),
    () => purgeExpiredApplications(deps, settings.applicationRetentionDays),
    () => purgeExpiredComplaints(deps, settings.complaintRetentionDays),
    async () => ({ rateLimitsPurged: await deps.rateLimits.purge(deps.clock.now().toISOString(), 1000) }),
  ];
}
