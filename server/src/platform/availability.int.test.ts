import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createContext } from '../app.js';
import { loadConfig } from './config.js';

const PG_BIN = '/usr/lib/postgresql/15/bin';
const hasPostgres = existsSync(path.join(PG_BIN, 'initdb'));
if (!hasPostgres && process.env.CI === 'true') throw new Error(`PostgreSQL 15 binaries are required in CI at ${PG_BIN}`);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A PostgreSQL cluster of this test's own (temporary folder, loopback, random port), so that stopping it
 * disturbs nobody. initdb refuses to run as root: then the cluster belongs to the postgres user.
 */
async function startOwnCluster() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jobcast-pg-'));
  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) => {
    const full = path.join(PG_BIN, command);
    const result = asRoot ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8' }) : spawnSync(full, args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  };
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=off`;
  const cluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () => run('pg_ctl', ['-D', dataDir, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']),
    stop: () => run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  cluster.start();
  return cluster;
}

describe.skipIf(!hasPostgres)('readiness and a database that goes away', () => {
  let cluster: Awaited<ReturnType<typeof startOwnCluster>>;
  let context: Awaited<ReturnType<typeof createContext>>;
  let app: Awaited<ReturnType<typeof createApp>>;

  beforeAll(async () => {
    cluster = await startOwnCluster();
    context = await createContext(loadConfig({ LOG_LEVEL: 'silent', JOBCAST_DEMO_DATA: 'off', DATABASE_URL: cluster.url }));
    app = await createApp(context);
    await app.ready();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await context?.close().catch(() => undefined);
    try {
      cluster?.stop();
    } catch {
      // already stopped
    }
    cluster?.remove();
  });

  it('answers 503 with Retry-After while PostgreSQL is down, and serves again once it is back, without a restart', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/ready' })).json()).toEqual({ ok: true, database: 'up', redis: 'not configured', realtime: 'single node' });
    expect((await app.inject({ method: 'GET', url: '/api/jobs' })).statusCode).toBe(200);

    cluster.stop();
    const ready = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ ok: false, database: 'down' });
    const jobs = await app.inject({ method: 'GET', url: '/api/jobs' });
    expect(jobs.statusCode).toBe(503);
    expect(jobs.headers['retry-after']).toBe('5');
    expect(jobs.json()).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    // Liveness stays ok: the process is fine, only not ready.
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);

    cluster.start();
    expect((await app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/jobs' })).statusCode).toBe(200);
  }, 120_000);
});
