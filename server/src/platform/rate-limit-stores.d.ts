// The counters @fastify/rate-limit keeps (in memory, or in Redis with a Lua script); it ships no types for them.
declare module '@fastify/rate-limit/store/LocalStore.js' {
  type Result = { current: number; ttl: number };
  export default class LocalStore {
    constructor(continueExceeding: boolean, exponentialBackoff: boolean, cache?: number);
    incr(key: string, callback: (error: Error | null, result: Result) => void, timeWindowMs: number, max: number): void;
  }
}

declare module '@fastify/rate-limit/store/RedisStore.js' {
  import type { Redis } from 'ioredis';
  type Result = { current: number; ttl: number };
  export default class RedisStore {
    constructor(continueExceeding: boolean, exponentialBackoff: boolean, redis: Redis, keyPrefix?: string);
    incr(key: string, callback: (error: Error | null, result: Result) => void, timeWindowMs: number, max: number): void;
  }
}
