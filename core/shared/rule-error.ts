import { AppError } from './errors';

/**
 * A broken rule of a pure model (a visit, a ledger entry, a station edit): the model throws it, its
 * service turns it into the error callers see with `ruleError`.
 */
export class RuleError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Rethrows a RuleError as VALIDATION_ERROR on its field, or CONFLICT when it names none; anything else as it is. */
export function ruleError(e: unknown): never {
  if (e instanceof RuleError) throw e.field ? new AppError('VALIDATION_ERROR', e.message, { [e.field]: e.message }) : new AppError('CONFLICT', e.message);
  throw e;
}
