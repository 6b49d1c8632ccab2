import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../test/factories.js';
import { startLiveTestServer, type LiveClient } from '../test/live-helpers.js';
import { createTestApp } from '../test/harness.js';

describe('cross-site requests and security headers', () => {
  let server: Awaited<ReturnType<typeof startLiveTestServer>>;

  beforeAll(async () => {
    server = await startLiveTestServer({ env: { ALLOWED_ORIGINS: 'https://m.jobs.example.cn' } });
    await buildUser(server.context, { role: 'seeker', email: 'origin@example.cn' });
  }, 120_000);
  afterAll(async () => server?.close());

  const signIn = (origin?: string, host?: string) =>
    server.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { ...(origin ? { origin } : {}), ...(host ? { host } : {}) },
      payload: { login: 'origin@example.cn', password: 'not the password' },
    });

  it('refuses a state-changing request from a foreign origin with 403, before anything else runs', async () => {
    for (const origin of ['http://evil.example', 'http://127.0.0.1:8000', 'null', 'http://127.0.0.1:3999.evil.example']) {
      const response = await signIn(origin);
      expect(response.statusCode, origin).toBe(403);
      expect(response.json()).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'foreign_origin' } });
    }
    const booking = await server.app.inject({ method: 'POST', url: '/api/sessions/00000000-0000-4000-8000-000000000000/booking', headers: { origin: 'https://evil.example' } });
    expect(booking.statusCode).toBe(403);
  });

  it('accepts PUBLIC_URL, ALLOWED_ORIGINS, the page’s own host, and clients that send no Origin (CLI, tests)', async () => {
    expect((await signIn('http://127.0.0.1:3999')).statusCode).toBe(401);
    expect((await signIn('https://m.jobs.example.cn')).statusCode).toBe(401);
    expect((await signIn('http://10.1.2.3:3120', '10.1.2.3:3120')).statusCode).toBe(401);
    expect((await signIn()).statusCode).toBe(401);
    // Reading is not state-changing: a foreign page may GET public data (it cannot read the answer without CORS).
    expect((await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: { origin: 'http://evil.example' } })).statusCode).toBe(200);
  });

  it('refuses a Socket.IO handshake from a foreign origin and accepts the app’s own', async () => {
    const open = (origin: string) => {
      const socket: LiveClient = connect(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { origin } });
      return new Promise<'connected' | 'refused'>((resolve) => {
        socket.once('connect', () => { socket.disconnect(); resolve('connected'); });
        socket.once('connect_error', () => { socket.disconnect(); resolve('refused'); });
      });
    };
    expect(await open('http://evil.example')).toBe('refused');
    expect(await open('http://127.0.0.1:3999')).toBe('connected');
    expect(await open(server.url)).toBe('connected');
  });

  it('sends a CSP the players can work under, no framing, nosniff and no Referer; no HSTS over plain HTTP', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/auth/me' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/worker-src 'self' blob:/);
    expect(csp).toMatch(/media-src 'self' blob:/);
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('HSTS over HTTPS', () => {
  let harness: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    harness = await createTestApp({ COOKIE_SECURE: 'true', PUBLIC_URL: 'https://jobs.example.cn' });
  }, 120_000);
  afterAll(async () => harness?.close());

  it('sends Strict-Transport-Security and upgrade-insecure-requests when COOKIE_SECURE=true', async () => {
    const response = await harness.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(String(response.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
  });
});
