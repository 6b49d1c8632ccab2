import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../test/harness.js';
import { buildUser } from '../test/factories.js';

describe('abuse limits and hostile input on HTTP routes', () => {
  let harness: Awaited<ReturnType<typeof createTestApp>>;
  let proxied: Awaited<ReturnType<typeof createTestApp>>;

  beforeAll(async () => {
    harness = await createTestApp({ RATE_LIMIT_SCALE: '1', RATE_LIMITS: 'sign-in=3/60' });
    proxied = await createTestApp({ RATE_LIMIT_SCALE: '1', RATE_LIMITS: 'sign-in=3/60', TRUST_PROXY: '127.0.0.1' });
    await buildUser(harness.context, { role: 'seeker', email: 'limit@example.cn' });
  }, 60_000);
  afterAll(async () => {
    await harness?.close();
    await proxied?.close();
  });

  const signIn = (app: typeof harness.app, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/auth/sign-in', headers, payload: { login: 'nobody@example.cn', password: 'wrong-password' } });

  it('answers 429 with Retry-After and a message in Chinese and English past the limit; a forged X-Forwarded-For does not dodge it', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await signIn(harness.app, { 'x-forwarded-for': `10.0.0.${attempt}` })).statusCode).toBe(401);
    }
    const refused = await signIn(harness.app, { 'x-forwarded-for': '10.9.9.9' });
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    const body = refused.json();
    expect(body).toMatchObject({ ok: false, error: { code: 'rate_limited', retryAfterSeconds: expect.any(Number) } });
    expect(body.error.message).toMatch(/Too many requests.*操作太频繁/);
  });

  it('counts each client behind a proxy that TRUST_PROXY names on its own', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await signIn(proxied.app, { 'x-forwarded-for': '203.0.113.7' })).statusCode).toBe(401);
    }
    expect((await signIn(proxied.app, { 'x-forwarded-for': '203.0.113.7' })).statusCode).toBe(429);
    expect((await signIn(proxied.app, { 'x-forwarded-for': '203.0.113.8' })).statusCode).toBe(401);
  });

  it('refuses a NUL in sign-in and sign-up with a 400 naming the field, not a 500', async () => {
    const signUp = await harness.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { role: 'seeker', phone: '13800000000', code: '123456', email: 'nul@example.cn', password: 'long enough', displayName: '小\u0000王' },
    });
    expect(signUp.statusCode).toBe(400);
    expect(signUp.json()).toMatchObject({ ok: false, error: { code: 'validation_failed', field: 'body.displayName', fields: [{ path: 'body.displayName' }] } });
    const signIn = await proxied.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { login: 'a\u0000', password: 'x' } });
    expect(signIn.statusCode).toBe(400);
    expect(signIn.json().error.fields[0].path).toBe('body.login');
  });
});
