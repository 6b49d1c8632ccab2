import fastifyRateLimit from '@fastify/rate-limit';
import LocalStore from '@fastify/rate-limit/store/LocalStore.js';
import RedisStore from '@fastify/rate-limit/store/RedisStore.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import { AppError } from './errors.js';

/**
 * Abuse limits, one table for the whole app. Counters live in Redis when REDIS_URL is set (shared by every
 * node, through @fastify/rate-limit's store) and in memory otherwise. An answer over the limit is a 429
 * `rate_limited` with `Retry-After` (seconds) and a message in Chinese and English.
 *
 * HTTP routes declare their limit by name in the route config (copy this):
 *
 *   app.post('/api/things', {
 *     config: { access: ['seeker'], limit: 'applications' },              // per signed-in user, else per address
 *     // config: { access: 'public', limit: { name: 'sign-up', by: 'address' } },   // always per client address
 *     schema: { … },
 *   }, handler);
 *
 * Socket handlers and services count with the limiter from the context (same store, same 429 shape):
 *
 *   await context.limiter.check('chat', user.id);          // throws AppError('rate_limited', …)
 *   const { allowed, retryAfterSeconds } = await context.limiter.consume('reports', user.id);
 *
 * A new limit: add its name and default to RATE_LIMIT_DEFAULTS below. Operators (and tests that
 * legitimately hammer a route) change them without code: RATE_LIMITS="sign-up=50/3600,chat=100/10"
 * (max per window in seconds) and RATE_LIMIT_SCALE=10 (multiplies every max). The client address is
 * X-Forwarded-For only when TRUST_PROXY names the proxies (config.ts); otherwise the socket's address.
 */
export const RATE_LIMIT_DEFAULTS = {
  /** Sign-in attempts from one client address. */
  'sign-in': { max: 30, windowSeconds: 60 },
  /** Failed sign-ins for one account: then a lock that doubles with every further failure. Counted in the
   *  database, not here (modules/auth/sign-in-lockout.ts reads this rule). */
  'sign-in-account': { max: 5, windowSeconds: 60, growing: true },
  /** New accounts from one client address (argon2 makes each one expensive). */
  'sign-up': { max: 10, windowSeconds: 3600 },
  /** Phone codes sent: per address and per phone number. */
  'phone-code': { max: 5, windowSeconds: 600 },
  /** Applications submitted by one seeker. */
  applications: { max: 30, windowSeconds: 60 },
  /** Live-room chat messages by one user. */
  chat: { max: 5, windowSeconds: 10 },
  /** Reports filed by one user. */
  reports: { max: 10, windowSeconds: 3600 },
  /** Conversation messages by one user. */
  conversations: { max: 30, windowSeconds: 60 },
  /** 推荐 and the first-use choices: each ranking reads a few hundred candidates. */
  recommendations: { max: 60, windowSeconds: 60 },
  /** Printed PDF reports by one user: each starts a headless Chromium on the server. */
  'report-pdf': { max: 10, windowSeconds: 60 },
} as const satisfies Record<string, { max: number; windowSeconds: number; growing?: boolean }>;

export type LimitName = keyof typeof RATE_LIMIT_DEFAULTS;
export const LIMIT_NAMES = Object.keys(RATE_LIMIT_DEFAULTS) as LimitName[];
export type LimitRule = { max: number; windowMs: number; growing: boolean };
export type LimitRules = Record<LimitName, LimitRule>;

/** How a route's requests are counted: per signed-in user (else per address) by default. */
export type RouteLimit = LimitName | { name: LimitName; by?: 'user' | 'address' };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The abuse limit of this route (see server/src/platform/rate-limit.ts). */
    limit?: RouteLimit;
  }
}

/** Builds the table from RATE_LIMIT_SCALE and RATE_LIMITS ("name=max/seconds,…"); a list of problems if any. */
export function parseLimitRules(scale: number, overrides: string | undefined): { rules: LimitRules; problems: string[] } {
  const problems: string[] = [];
  const rules = Object.fromEntries(
    LIMIT_NAMES.map((name) => {
      const rule: { max: number; windowSeconds: number; growing?: boolean } = RATE_LIMIT_DEFAULTS[name];
      return [name, { max: Math.max(1, Math.round(rule.max * scale)), windowMs: rule.windowSeconds * 1000, growing: rule.growing ?? false }];
    }),
  ) as LimitRules;
  for (const entry of (overrides ?? '').split(',').map((item) => item.trim()).filter(Boolean)) {
    const match = /^([a-z-]+)=(\d+)\/(\d+(?:\.\d+)?)$/.exec(entry);
    if (!match) {
      problems.push(`"${entry}" must look like name=max/seconds`);
    } else if (!(LIMIT_NAMES as string[]).includes(match[1])) {
      problems.push(`"${match[1]}" is not a limit (one of ${LIMIT_NAMES.join(', ')})`);
    } else {
      const rule = rules[match[1] as LimitName];
      rules[match[1] as LimitName] = { ...rule, max: Math.max(1, Number(match[2])), windowMs: Math.max(1, Math.round(Number(match[3]) * 1000)) };
    }
  }
  return { rules, problems };
}

export function rateLimitedError(retryAfterSeconds: number) {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new AppError('rate_limited', `Too many requests, please try again in ${seconds} s / 操作太频繁，请${seconds}秒后再试`, { retryAfterSeconds: seconds });
}

type Store = { incr: LocalStore['incr'] };

/** Counters for socket events and services, on the same store as the HTTP limits. */
export function createRateLimiter(options: { rules: LimitRules; redisUrl: string | null }) {
  // No offline queue: while Redis is away a count fails at once and the limit fails open, instead of every chat
  // message and sign-in waiting seconds for ioredis's reconnect attempts.
  const redis = options.redisUrl ? new Redis(options.redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true, enableOfflineQueue: false }) : null;
  redis?.on('error', () => undefined); // ioredis reconnects by itself; readiness says when Redis is down
  redis?.connect().catch(() => undefined); // readiness reports a Redis that is down; limits fail open meanwhile
  const stores = new Map<LimitName, Store>();
  const storeFor = (name: LimitName): Store => {
    let store = stores.get(name);
    if (!store) {
      const { growing } = options.rules[name];
      store = redis ? new RedisStore(false, growing, redis, `jobcast-limit:${name}:`) : new LocalStore(false, growing, 10_000);
      stores.set(name, store);
    }
    return store;
  };

  async function consume(name: LimitName, key: string): Promise<{ allowed: boolean; retryAfterSeconds: number; current: number }> {
    const rule = options.rules[name];
    try {
      const result = await new Promise<{ current: number; ttl: number }>((resolve, reject) =>
        storeFor(name).incr(key, (error, value) => (error ? reject(error) : resolve(value)), rule.windowMs, rule.max),
      );
      return { allowed: result.current <= rule.max, retryAfterSeconds: Math.max(1, Math.ceil(result.ttl / 1000)), current: result.current };
    } catch {
      // Redis unreachable: serve rather than refuse everyone (readiness says Redis is down).
      return { allowed: true, retryAfterSeconds: 0, current: 0 };
    }
  }

  return {
    rules: options.rules,
    redis,
    consume,
    /** Counts one event; throws the 429 error when over the limit. */
    async check(name: LimitName, key: string): Promise<void> {
      const result = await consume(name, key);
      if (!result.allowed) throw rateLimitedError(result.retryAfterSeconds);
    },
    async close() {
      redis?.disconnect();
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;

function routeLimitKey(request: FastifyRequest, by: 'user' | 'address'): string {
  if (by === 'user' && request.user) return `user:${request.user.id}`;
  return `address:${request.ip}`;
}

/**
 * HTTP limits through @fastify/rate-limit: a route's `config.limit` becomes the plugin's per-route
 * `config.rateLimit` (this hook runs before the plugin's own). Counted after the access check, so a caller
 * who may not use the route is refused with 401/403 and does not use up anyone's allowance.
 */
export async function registerRateLimits(app: FastifyInstance, limiter: RateLimiter) {
  app.addHook('onRoute', (route) => {
    const limit = route.config?.limit;
    if (!limit) return;
    const { name, by = 'user' } = typeof limit === 'string' ? { name: limit } : limit;
    const rule = limiter.rules[name];
    if (!rule) throw new Error(`Route ${route.method} ${route.url} names an unknown limit "${name}"`);
    Object.assign(route.config as object, {
      rateLimit: {
        max: rule.max,
        timeWindow: rule.windowMs,
        exponentialBackoff: rule.growing,
        hook: 'preHandler',
        keyGenerator: (request: FastifyRequest) => routeLimitKey(request, by),
      },
    });
  });
  await app.register(fastifyRateLimit, {
    global: false,
    ...(limiter.redis ? { redis: limiter.redis, nameSpace: 'jobcast-route-limit:' } : {}),
    skipOnError: true,
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    errorResponseBuilder: (_request, context) => rateLimitedError(context.ttl / 1000),
  });
}
