/**
 * A clock that can be set (local mode only: GET/POST /dev/clock). Setting it moves "now" to the
 * given instant and lets it run on from there, so a demo or an acceptance test can show a deadline
 * passing or a notice period ending without waiting. Everything local (handlers, the scheduler,
 * signed file URLs) reads this one clock.
 */
import { systemClock, type Clock } from '../../core/ports';

export interface SettableClock extends Clock {
  /** Run from `at` onwards; null returns to the underlying clock. */
  set(at: Date | null): void;
  /** Whether the clock was set (and not reset since). */
  isSet(): boolean;
}

export function settableClock(base: Clock = systemClock): SettableClock {
  let offsetMs: number | null = null;
  return {
    now: () => new Date(base.now().getTime() + (offsetMs ?? 0)),
    set(at) {
      offsetMs = at === null ? null : at.getTime() - base.now().getTime();
    },
    isSet: () => offsetMs !== null,
  };
}
