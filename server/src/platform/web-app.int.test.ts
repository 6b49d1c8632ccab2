import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../test/harness.js';
import { buildUser } from '../test/factories.js';
import { signIn } from '../test/http-helpers.js';
import { loadConfig } from './config.js';
import { createHttpServer, type App } from './http.js';

// A built web app of our own: index.html and one hashed script with its .br and .gz copies, as `npm run build` writes.
const dist = mkdtempSync(path.join(os.tmpdir(), 'jobcast-web-app-'));
const script = `export const jobs = ${JSON.stringify(Array.from({ length: 200 }, (_, index) => `job ${index}`))};\n`;
const indexHtml = `<!doctype html><html><head><script type="module" src="/assets/index-AbC123.js"></script></head><body><div id="root"></div>${'<!-- shell -->'.repeat(100)}</body></html>`;
mkdirSync(path.join(dist, 'assets'));
writeFileSync(path.join(dist, 'index.html'), indexHtml);
writeFileSync(path.join(dist, 'index.html.br'), brotliCompressSync(indexHtml));
writeFileSync(path.join(dist, 'assets/index-AbC123.js'), script);
writeFileSync(path.join(dist, 'assets/index-AbC123.js.br'), brotliCompressSync(script));
writeFileSync(path.join(dist, 'assets/index-AbC123.js.gz'), gzipSync(script));

describe('serving the web app to a phone on mobile data', () => {
  let app: App;
  beforeAll(async () => {
    app = await createHttpServer(loadConfig({ LOG_LEVEL: 'silent' }), async () => null, { webDistDir: dist });
    app.get('/api/big', { config: { access: 'public' } }, async () => ({ items: Array.from({ length: 300 }, (_, index) => ({ index, title: `岗位 ${index}` })) }));
    app.get('/api/small', { config: { access: 'public' } }, async () => ({ ok: true }));
    app.get('/api/shared', { config: { access: 'public' } }, async (_request, reply) => reply.header('cache-control', 'public, max-age=60').send({ figures: [1, 2, 3] }));
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('sends hashed scripts pre-compressed (Brotli, else gzip) and cached for a year as immutable', async () => {
    const brotli = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(brotli.statusCode).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['content-type']).toMatch(/javascript/);
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotli.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(script);

    const gzip = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(script);

    const plain = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('revalidates index.html, also when a page URL falls back to it', async () => {
    for (const url of ['/', '/jobs/42', '/live?from=chat']) {
      const response = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/text\/html/);
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(response.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(response.rawPayload).toString(), url).toBe(indexHtml);
    }
  });

  it('answers a missing hashed file (an old build) with 404, not with index.html', async () => {
    const response = await app.inject({ url: '/assets/index-Old999.js' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/json/);
  });

  it('compresses API JSON above 1 KiB and never lets a shared cache keep it unless the route says so', async () => {
    const big = await app.inject({ url: '/api/big', headers: { 'accept-encoding': 'br, gzip' } });
    expect(big.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(big.rawPayload).toString()).items).toHaveLength(300);
    expect(big.headers['cache-control']).toBe('private, no-store');

    const gzip = await app.inject({ url: '/api/big', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');

    const small = await app.inject({ url: '/api/small', headers: { 'accept-encoding': 'br, gzip' } });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers['cache-control']).toBe('private, no-store');

    const notFound = await app.inject({ url: '/api/nothing-here' });
    expect(notFound.statusCode).toBe(404);
    expect(notFound.headers['cache-control']).toBe('private, no-store');

    const shared = await app.inject({ url: '/api/shared' });
    expect(shared.headers['cache-control']).toBe('public, max-age=60');
  });
});

describe('the real app\'s API answers', () => {
  let harness: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    harness = await createTestApp();
  });
  afterAll(async () => harness.close());

  it('keeps personal answers out of shared caches and compresses the map GeoJSON', async () => {
    const seeker = await buildUser(harness.context, { role: 'seeker' });
    const cookies = await signIn(harness.app, seeker.email!);
    const me = await harness.app.inject({ url: '/api/auth/me', cookies });
    expect(me.json().user.id).toBe(seeker.id);
    expect(me.statusCode).toBe(200);
    expect(me.headers['cache-control']).toBe('private, no-store');

    const map = await harness.app.inject({ url: '/api/public/analytics/map.geojson', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(map.statusCode).toBe(200);
    expect(map.headers['content-encoding']).toBe('br');
    expect(map.headers['cache-control']).toBe('public, max-age=86400');
    const geojson = JSON.parse(brotliDecompressSync(map.rawPayload).toString()) as { type: string; features: unknown[] };
    expect(geojson.type).toBe('FeatureCollection');
    expect(map.rawPayload.length).toBeLessThan(Buffer.byteLength(JSON.stringify(geojson)) / 2);
  });
});
