import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createContext } from '../app.js';
import { createTestApp } from '../test/harness.js';
import { loadConfig } from './config.js';

// Two app nodes with REDIS_URL, as behind a load balancer: the per-address limits are counted in Redis, so
// what one node counts the other refuses. Redis is shared with other tests: this test's client address is
// its own (a random documentation IPv6 address behind a trusted loopback proxy) and only its keys are
// deleted afterwards. A third node points at a Redis that is not there: limits fail open, readiness says Redis is down (still 200).
const REDIS_URL = 'redis://127.0.0.1:6379';
const ENV = { REDIS_URL, TRUST_PROXY: 'loopback', RATE_LIMIT_SCALE: '1', RATE_LIMITS: 'sign-in=3/60' };

describe('rate limits in Redis', () => {
  const address = `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  let nodeA: Awaited<ReturnType<typeof createTestApp>>;
  let nodeB: Awaited<ReturnType<typeof createApp>>;
  let unreachable: Awaited<ReturnType<typeof createApp>>;
  const nodeOn = async (env: Record<string, string>) => {
    const config = loadConfig({ LOG_LEVEL: 'silent', JOBCAST_DEMO_DATA: 'off', PORT: '0', ...env });
    const app = await createApp(await createContext(config, { db: nodeA.context.db }));
    await app.ready();
    return app;
  };

  beforeAll(async () => {
    await redis.connect();
    nodeA = await createTestApp(ENV);
    nodeB = await nodeOn(ENV);
    // Port 1 on loopback: nothing listens there.
    unreachable = await nodeOn({ ...ENV, REDIS_URL: 'redis://127.0.0.1:1' });
  }, 300_000);
  afterAll(async () => {
    const keys: string[] = [];
    for (const pattern of [`jobcast-route-limit:*${address}*`, `jobcast-limit:*${address}*`]) {
      let cursor = '0';
      do {
        const [next, found] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        cursor = next;
        keys.push(...found);
      } while (cursor !== '0');
    }
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await unreachable?.close();
    await nodeB?.close();
    await nodeA?.close();
  });

  // A new login each time: the per-account lockout (in the database, 5 failures) must not be what refuses.
  let attempts = 0;
  const signIn = (app: { inject: typeof nodeA.app.inject }) =>
    app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { 'x-forwarded-for': address }, payload: { login: `nobody-${++attempts}-${randomBytes(4).toString('hex')}@example.cn`, password: 'wrong-password' } });

  it('shares the count between nodes: 3 sign-ins over A and B, the 4th refused on either', async () => {
    expect((await signIn(nodeA.app)).statusCode).toBe(401);
    expect((await signIn(nodeB)).statusCode).toBe(401);
    expect((await signIn(nodeA.app)).statusCode).toBe(401);
    for (const app of [nodeB, nodeA.app]) {
      const refused = await signIn(app);
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    }
    // The count is in Redis, under this test's address only.
    const [, keys] = await redis.scan('0', 'MATCH', `jobcast-route-limit:*${address}*`, 'COUNT', 100_000);
    expect(keys.length).toBeGreaterThan(0);
    expect((await nodeA.app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
  });

  it('fails open when Redis is unreachable: requests past the limit are served, readiness says Redis is down (503; 200 with ?redis=optional)', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await signIn(unreachable)).statusCode).toBe(401);
    const ready = await unreachable.inject({ method: 'GET', url: '/api/ready' });
    // Not ready by the contract (503), yet serving its own sockets; a balancer that must not drain every node at once asks ?redis=optional.
    expect(ready.statusCode).toBe(503);
    expect(ready.headers['retry-after']).toBe('5');
    expect(ready.json()).toEqual({ ok: false, database: 'up', redis: 'down', realtime: 'node-local' });
    const optional = await unreachable.inject({ method: 'GET', url: '/api/ready?redis=optional' });
    expect(optional.statusCode).toBe(200);
    expect(optional.json()).toEqual({ ok: true, database: 'up', redis: 'down', realtime: 'node-local' });
    expect((await unreachable.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
