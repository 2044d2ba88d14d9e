/**
 * Switch the machine time zone from inside a jest test.
 *
 * Jest gives each test file a *copy* of `process.env`, so `process.env.TZ = …` alone changes
 * nothing. The host process is reachable through `vm.runInThisContext`; Node watches writes to
 * its `env.TZ` and resets V8's time-zone cache. Callers should assert the switch with
 * `new Date(0).getTimezoneOffset()` (see EPOCH_OFFSETS).
 */
import { runInThisContext } from 'node:vm';

const hostProcess = runInThisContext('process') as NodeJS.Process;

/** Zones the core must be indifferent to, with `new Date(0).getTimezoneOffset()` in each (Jan 1970). */
export const EPOCH_OFFSETS: Record<string, number> = {
  UTC: 0,
  'America/New_York': 300, // EST, UTC−5
  'Asia/Shanghai': -480, // UTC+8
  'Pacific/Kiritimati': 640, // UTC−10:40 in 1970 (UTC+14 since 1995)
};
export const ZONES = Object.keys(EPOCH_OFFSETS);

export function machineTimeZone(): string | undefined {
  return hostProcess.env.TZ;
}

export function setMachineTimeZone(tz: string | undefined): void {
  if (tz === undefined) {
    delete hostProcess.env.TZ;
    delete process.env.TZ;
  } else {
    hostProcess.env.TZ = tz;
    process.env.TZ = tz;
  }
}
