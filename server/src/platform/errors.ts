export type ErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'posting_rejected'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  posting_rejected: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export type FieldProblem = { path: string; message: string };

/** The one error type: a code the client can branch on and a message a person can read. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: FieldProblem[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  get statusCode(): number {
    return STATUS_BY_CODE[this.code];
  }
}

export type ErrorBody = { ok: false; error: { code: ErrorCode; message: string; fields?: FieldProblem[]; [key: string]: unknown } };

export function toErrorBody(error: AppError): ErrorBody {
  return { ok: false, error: { code: error.code, message: error.message, ...error.details } };
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this') => new AppError('forbidden', message);
export const invalid = (path: string, message: string) => new AppError('validation_failed', `${path}: ${message}`, { fields: [{ path, message }] });
