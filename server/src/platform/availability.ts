import type { Redis } from 'ioredis';
import type { Db } from './db.js';
import { AppError } from './errors.js';

/** Seconds a client should wait before retrying while the database is unreachable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

// Node's socket errors and PostgreSQL's "connection exception" (08…) and "operator intervention" (57P0…)
// classes: the database is down or restarting, not a bug in the request.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN']);
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down|in recovery mode)|Connection ended unexpectedly/i;

/** True when an error means "the database cannot be reached right now" (answered 503, not 500). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, message, errors } = error as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || code.startsWith('08') || /^57P0[1-4]$/.test(code))) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  // An AggregateError (every address of "localhost" refused) carries the socket errors inside.
  return Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner));
}

export const unavailableError = () =>
  new AppError('unavailable', 'The service is briefly unavailable, please try again shortly / 服务暂时不可用，请稍后再试', {
    retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
  });

type Check = 'up' | 'down' | 'not configured';

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Readiness (not liveness): can this node serve requests now? The database must answer. Redis going away
 * does not take the node out of the balancer (every node would go at once): the node keeps serving its own
 * sockets and says so (`redis: 'down'`, `realtime: 'node-local'`: rooms, chat and counts are not shared with
 * other nodes until Redis returns; abuse limits fail open meanwhile).
 */
export async function checkReadiness(deps: { db: Db; redis: Redis | null; timeoutMs?: number }): Promise<{ ok: boolean; database: Check; redis: Check; realtime: 'shared' | 'node-local' | 'single node' }> {
  const timeoutMs = deps.timeoutMs ?? 2000;
  const [database, redis] = await Promise.all([
    withTimeout(deps.db.query('select 1 as ok'), timeoutMs).then((): Check => 'up', (): Check => 'down'),
    deps.redis ? withTimeout(deps.redis.ping(), timeoutMs).then((): Check => 'up', (): Check => 'down') : Promise.resolve<Check>('not configured'),
  ]);
  const realtime = redis === 'not configured' ? 'single node' : redis === 'up' ? 'shared' : 'node-local';
  return { ok: database === 'up', database, redis, realtime };
}
