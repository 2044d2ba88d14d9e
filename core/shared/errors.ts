/**
 * The error vocabulary every function answers with (PRODUCT §9).
 * Messages are short Chinese a resident can act on; `fields` names the offending input.
 */
export const ERROR_CODES = [
  'VALIDATION_ERROR',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'CONTENT_REJECTED',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** field path → Chinese message, for VALIDATION_ERROR */
  fields?: Record<string, string>;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION_ERROR: '填写的内容有误，请检查后再试',
  UNAUTHENTICATED: '请先登录微信后再试',
  FORBIDDEN: '您没有权限进行这个操作',
  NOT_FOUND: '没有找到相关内容',
  CONFLICT: '内容已被他人更新，请刷新后再试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  CONTENT_REJECTED: '内容含有不当信息，请修改后再提交',
  UNAVAILABLE: '服务暂时不可用，请稍后再试',
  INTERNAL: '系统出了点问题，请稍后再试',
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  constructor(code: ErrorCode, message?: string, fields?: Record<string, string>) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }
  toBody(): ErrorBody {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

/**
 * The one CONFLICT answer for a record that changed since the caller read it (a version check
 * failed, or another writer won): `what` names the record the way the villager sees it
 * ("这件投诉", "岗位"). Every store and service answers a stale write with this.
 */
export function staleConflict(what: string): AppError {
  return new AppError('CONFLICT', `${what}刚被其他人修改，请刷新后再试`);
}

export function defaultMessage(code: ErrorCode): string {
  return DEFAULT_MESSAGES[code];
}

/** HTTP status the local server answers for each code. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION_ERROR: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  CONTENT_REJECTED: 422,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};
