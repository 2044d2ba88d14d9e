/**
 * The timed jobs besides the complaint scheduler (core/complaint/scheduler.ts runScheduler), in the
 * order they run, defined once for the local server and the cloud `scheduler` function. Each is
 * safe to run twice; configuration comes in as values (ZDT_RETENTION_DAYS,
 * ZDT_COMPLAINT_RETENTION_DAYS), never read from the environment here.
 */
import type { SettingsRepository } from './settings/model';
import { complaintRetentionDays, purgeExpiredComplaints, type SchedulerDeps } from './complaint/scheduler';
import { createNoticeService, type NoticeDeps } from './notice/service';
import type { RateLimitStore, StationRepository } from './ports';
import type { StationEditRepository } from './station/edits';
import { remindStaleStations } from './station/edits-service';
import { purgeExpiredApplications, retentionDaysFrom } from './recruitment/service';
import type { SignInRepository } from './auth/signin';
import { queueNewCaseDigests, type DigestDeps } from './notify/digest';

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

export type JobDeps = NoticeDeps &
  Pick<SchedulerDeps, 'complaints'> & {
    rateLimits: RateLimitStore;
    /** The register read for stale information (the 待核实 reminders) and where they go. */
    registerStations: Pick<StationRepository, 'list'>;
    stationEdits: StationEditRepository;
    /** Scan-to-sign-in codes and PC sessions, removed once expired (core/auth/signin.ts). */
    signins?: Pick<SignInRepository, 'purge'>;
    /** The county's daily digest of new cases (core/notify/digest.ts). */
    roles: DigestDeps['roles'];
    outbox: DigestDeps['outbox'];
    calendars: DigestDeps['calendars'];
    /** Region settings (第十二条1): each region's freshness days for the reminders. */
    settings?: Pick<SettingsRepository, 'all'>;
  };

/**
 * Notices whose period ended (appointing, stopping or suspending), then the personal-data purges
 * of applications and of complaints, then rate-limit counters whose window ended and expired
 * sign-in codes and PC sessions (bounded per run; the next run takes the rest), then 待核实 reminders for stations whose information is stale.
 */
export function scheduledJobs(deps: JobDeps, settings: JobSettings): (() => Promise<Record<string, number>>)[] {
  const notices = createNoticeService(deps);
  return [
    () => notices.closeEndedNotices(),
    () => purgeExpiredApplications(deps, settings.applicationRetentionDays),
    () => purgeExpiredComplaints(deps, settings.complaintRetentionDays),
    async () => ({ rateLimitsPurged: await deps.rateLimits.purge(deps.clock.now().toISOString(), 1000) }),
    // Expired sign-in codes and PC sessions (an expired session stands for nobody already).
    async (): Promise<Record<string, number>> => (deps.signins ? { signInsPurged: await deps.signins.purge(deps.clock.now().toISOString(), 1000) } : {}),
    // Stations past their region's freshness days (default 180) get a 待核实 item in their county's review queue (idempotent).
    () => remindStaleStations({ stations: deps.registerStations, edits: deps.stationEdits, clock: deps.clock, ids: deps.ids, settings: deps.settings }),
    // At most one digest of new cases per county official per working day.
    () => queueNewCaseDigests(deps),
  ];
}
