import type { ZodType } from 'zod';
import type { Ack, ErrorPayload } from '../../../contracts/live.js';
import { isDatabaseUnavailable, unavailableError, UNAVAILABLE_RETRY_AFTER_SECONDS } from './availability.js';
import { AppError } from './errors.js';
import { parsePayload } from './input.js';

export type SocketLog = { error(details: object, message: string): void };

/** The socket form of the HTTP error body: a refused payload names its fields; 5xx messages are never shown. */
export function toErrorPayload(error: unknown, log: SocketLog): ErrorPayload {
  if (error instanceof AppError) {
    const { fields, field, retryAfterSeconds } = error.details as Pick<ErrorPayload, 'fields' | 'field' | 'retryAfterSeconds'>;
    return { code: error.code, message: error.message, ...(fields ? { fields, field } : {}), ...(retryAfterSeconds ? { retryAfterSeconds } : {}) };
  }
  if (isDatabaseUnavailable(error)) {
    const unavailable = unavailableError();
    return { code: unavailable.code, message: unavailable.message, retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS };
  }
  log.error({ err: error }, 'socket handler failed');
  return { code: 'internal', message: 'Something went wrong on our side / 服务器内部错误' };
}

/**
 * Wraps an event handler: validates the payload (the same 400 shape as HTTP) and answers the acknowledgement
 * with the data or the error. Whatever a client sends cannot throw out of it. Socket.IO puts the ack last, so
 * it is taken from the last argument: an emit with no payload (`emit(event, ack)`) gets a validation error
 * rather than silence, extra arguments are ignored, and a non-function where the ack goes is no ack.
 */
export function acknowledged<Payload, Result>(
  log: SocketLog,
  schema: ZodType<Payload>,
  work: (payload: Payload) => Promise<Result> | Result,
  /** Told of each handling in flight (settled, never rejected), so that a flush or a shutdown can wait for it. */
  track: (handling: Promise<void>) => void = () => undefined,
) {
  return (...args: unknown[]): void => {
    const ack = typeof args.at(-1) === 'function' ? (args.pop() as (result: Ack<Result>) => void) : null;
    const respond = (result: Ack<Result>) => {
      try {
        ack?.(result);
      } catch (error) {
        log.error({ err: error }, 'socket acknowledgement failed');
      }
    };
    track(
      Promise.resolve()
        .then(() => work(parsePayload(schema, args[0])))
        .then((data) => respond({ ok: true, data }), (error: unknown) => respond({ ok: false, error: toErrorPayload(error, log) })),
    );
  };
}
