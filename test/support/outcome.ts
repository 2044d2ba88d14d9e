/** How a call ended, as text a test can compare in one expect. */
import { AppError } from '../../core/shared/errors';

/** 'ok' when `fn` returns; `CODE: message` when it throws an AppError; anything else thrown, as a string. */
export function outcomeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? `${e.code}: ${e.message}` : String(e);
  }
  return 'ok';
}
