/** Assertions the store contract suites share. */
import { AppError } from '../../core/shared/errors';

/** The rejection of `p`, or null when it resolves. */
export async function errorOf(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => null,
    (e: unknown) => e,
  );
}

/** `p` rejects with AppError(code). */
export async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  const err = await errorOf(p);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
}
