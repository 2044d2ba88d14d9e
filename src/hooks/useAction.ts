/**
 * One write from a page: asks first when it cannot be undone, refuses a second tap while busy,
 * keeps the error to show, and hands a CONFLICT (someone else changed it) to the page, which
 * reloads and says so.
 */
import { useCallback, useRef, useState } from 'react';
import { ApiError, toApiError } from '../services/transport';
import { confirm as ask, type Confirmation } from '../ui/dialogs';

export interface ActionOptions<A extends unknown[], R> {
  /** Ask before running; a function can word the question for the item (or return null: no question). */
  confirm?: Confirmation | ((...args: A) => Confirmation | null);
  onDone?: (result: R, ...args: A) => void;
  /** Someone else changed it first. Without this, a CONFLICT is kept in `error` like any other. */
  onConflict?: (error: ApiError, ...args: A) => void;
  /** Any other failure (also kept in `error`). */
  onError?: (error: ApiError, ...args: A) => void;
}

export interface Action<A extends unknown[]> {
  /** Resolves true when the write succeeded. */
  run: (...args: A) => Promise<boolean>;
  busy: boolean;
  /** The arguments of the running write: which row's button says "正在处理…". */
  pending: A | null;
  error: ApiError | null;
  clearError: () => void;
  /** A check in the form failed before sending: show `message` as the error (not while a write runs). */
  fail: (message: string) => void;
}

/** An onError that also tells the page of a CONFLICT while the error stays shown in the form. */
export function reloadOnConflict(onStale?: () => void): (error: ApiError) => void {
  return (error) => {
    if (error.code === 'CONFLICT') onStale?.();
  };
}

export function useAction<A extends unknown[], R>(fn: (...args: A) => Promise<R>, opts: ActionOptions<A, R> = {}): Action<A> {
  const [pending, setPending] = useState<A | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // A ref, not state: a second tap can arrive before React re-renders.
  const running = useRef(false);
  const latest = useRef({ fn, opts });
  latest.current = { fn, opts };

  const run = useCallback(async (...args: A): Promise<boolean> => {
    if (running.current) return false;
    const { fn: call, opts: o } = latest.current;
    const question = typeof o.confirm === 'function' ? o.confirm(...args) : o.confirm;
    running.current = true;
    try {
      if (question && !(await ask(question))) return false;
      setPending(args);
      setError(null);
      const result = await call(...args);
      latest.current.opts.onDone?.(result, ...args);
      return true;
    } catch (e) {
      const err = toApiError(e);
      const { onConflict, onError } = latest.current.opts;
      if (err.code === 'CONFLICT' && onConflict) {
        onConflict(err, ...args);
      } else {
        setError(err);
        onError?.(err, ...args);
      }
      return false;
    } finally {
      running.current = false;
      setPending(null);
    }
  }, []);

  const clearError = useCallback(() => setError(null), []);
  const fail = useCallback((message: string) => {
    if (!running.current) setError(new ApiError('VALIDATION_ERROR', message));
  }, []);
  return { run, busy: pending !== null, pending, error, clearError, fail };
}
