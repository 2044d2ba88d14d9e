/** The set-up a store contract suite repeats in each describe: open a store handle, hand it over, dispose it after. */

/** What a store contract's handle has besides its repositories. */
export interface StoreLifecycle {
  /** Make the backing store unreachable (close the database, take the service down…). */
  breakStore(): void | Promise<void>;
  /** Release resources / delete test data. */
  dispose?(): void | Promise<void>;
}

export interface StoreHookOptions<H> {
  /** Open once for the whole describe (beforeAll/afterAll) instead of once per test. */
  once?: boolean;
  /** Run on the fresh handle in the same hook: seed data, break the store… */
  prepare?: (h: H) => unknown;
  /** Timeout of the opening hook (with `prepare`). */
  openTimeout?: number;
  /** Timeout of the disposing hook. */
  disposeTimeout?: number;
}

/**
 * Opens a handle with `open` before each test (or once: `once`) of the describe it is called in,
 * gives it to `use` (which keeps it where the tests read it), runs `prepare` on it, and disposes
 * it after.
 */
export function useStore<H extends { dispose?(): unknown }>(open: () => Promise<H>, use: (h: H) => void, options: StoreHookOptions<H> = {}): void {
  const [before, after] = options.once ? [beforeAll, afterAll] : [beforeEach, afterEach];
  let h: H | undefined;
  before(async () => {
    h = await open();
    use(h);
    await options.prepare?.(h);
  }, options.openTimeout);
  after(async () => {
    await h?.dispose?.();
  }, options.disposeTimeout);
}

/**
 * `test` with a suite's per-test timeout (a real cloud environment is slow): `timed(name, fn)`, or
 * `timed(name, fn, 3)` for a test that does about three times the usual work.
 */
export const timedTest =
  (timeout: number) =>
  (name: string, fn: () => Promise<void>, factor = 1): void =>
    test(name, fn, timeout * factor);
