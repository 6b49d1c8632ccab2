import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

// The real `jobcast` binary in child processes, each with its own data folder: what an operator types.

// Each child process compiles the TypeScript and opens its own database: generous limits for a busy
// two-core machine (no test here asserts on time).
const TIMEOUT = 420_000;
const SLOW_TIMEOUT = 900_000;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = new Set<ChildProcess>();
const folders: string[] = [];

function newDataDir() {
  const folder = mkdtempSync(path.join(tmpdir(), 'jobcast-cli-'));
  folders.push(folder);
  return folder;
}

function childEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // Random loopback ports for everything a server would open (never 3000 / 1935 / 8000).
  const env: NodeJS.ProcessEnv = {
    ...process.env, JOBCAST_DATA_DIR: dataDir, LOG_LEVEL: 'warn', JOBCAST_DEMO_DATA: 'off',
    HOST: '127.0.0.1', PORT: '0', MEDIA_BIND: '127.0.0.1', RTMP_PORT: '0', MEDIA_HTTP_PORT: '0', ...extra,
  };
  if (!extra.DATABASE_URL) delete env.DATABASE_URL;
  return env;
}

type Result = { code: number | null; stdout: string; stderr: string };

function start(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const done = new Promise<Result>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      started.delete(child);
      resolve({ code, stdout, stderr });
    });
  });
  return { child, done, output: () => stdout + stderr };
}

const cli = (args: string[], env: NodeJS.ProcessEnv) => start(['cli/bin.mjs', ...args], env).done;

type LockFile = { pid: number; purpose: string; port: number | null };

/** Polls the data folder's lock file until it says what we wait for (or the process we wait on dies). */
async function waitForLock(dataDir: string, until: (lock: LockFile) => boolean, process: { child: ChildProcess; output: () => string }) {
  for (;;) {
    if (process.child.exitCode !== null) throw new Error(`process exited early (${process.child.exitCode}): ${process.output()}`);
    try {
      const lock = JSON.parse(readFileSync(path.join(dataDir, 'jobcast.lock'), 'utf8')) as LockFile;
      if (until(lock)) return lock;
    } catch {
      // Not written yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

afterAll(async () => {
  // Only processes this file started, by their own handle.
  for (const child of started) child.kill('SIGKILL');
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('jobcast CLI (child processes)', () => {
  it('lists its commands with --help', async () => {
    const result = await cli(['--help'], childEnv(newDataDir()));
    expect(result.code).toBe(0);
    for (const command of ['migrate', 'seed', 'user']) expect(result.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    const seedHelp = await cli(['seed', '--help'], childEnv(newDataDir()));
    expect(seedHelp.code).toBe(0);
    expect(seedHelp.stdout).toContain('--scale');
    expect(seedHelp.stdout).toContain('--seed');
  }, TIMEOUT);

  it('migrates a fresh folder, naming what it applied, then says it is up to date', async () => {
    const dataDir = newDataDir();
    const first = await cli(['migrate'], childEnv(dataDir));
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Applied \d+ migrations: 0001_create_reference_data\.sql, 0002_create_accounts\.sql, /);
    const again = await cli(['migrate'], childEnv(dataDir));
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Database is up to date \(\d+ migrations, latest \d{4}_\w+\.sql\)\.\n$/);
  }, TIMEOUT);

  it('creates a user of any role, and names the allowed roles for a bad one', async () => {
    const dataDir = newDataDir();
    const created = await cli(['user', 'create', '--role', 'admin', '--email', 'ops@example.test', '--password', 'secret-pass-1'], childEnv(dataDir));
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/Created admin ops@example\.test/);
    const bad = await cli(['user', 'create', '--role', 'wizard', '--email', 'x@example.test'], childEnv(dataDir));
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('wizard');
    expect(bad.stderr).toContain('seeker, employer, host, bureau, admin');
  }, TIMEOUT);

  it('rejects a bad --scale or --seed with a clear message, before opening anything', async () => {
    const dataDir = newDataDir();
    for (const [args, message] of [
      [['seed', '--scale', '0'], '--scale must be a positive integer, got "0"'],
      [['seed', '--scale', '2.5'], '--scale must be a positive integer, got "2.5"'],
      [['seed', '--seed', '1.5'], '--seed must be an integer, got "1.5"'],
      [['seed', '--anchor-date', '2026-02-30'], '--anchor-date must be a date YYYY-MM-DD'],
    ] as const) {
      const result = await cli([...args], childEnv(dataDir));
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toContain(message);
    }
  }, TIMEOUT);

  it('seeds a fresh folder, prints what it made and the demo accounts, and refuses a second time', async () => {
    const dataDir = newDataDir();
    const first = await cli(['seed', '--seed', '11'], childEnv(dataDir));
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Demo data created .*seed 11, scale 1/);
    expect(first.stdout).toMatch(/applications\s+\d{4,}/);
    for (const login of ['admin@jobcast.demo', 'bureau@jobcast.demo', 'host@jobcast.demo', 'employer@jobcast.demo', 'agency@jobcast.demo', '13800000001']) {
      expect(first.stdout).toContain(login);
    }
    expect(first.stdout).toContain('jobcast-demo');
    const second = await cli(['seed'], childEnv(dataDir));
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('already has demo data');
    expect(second.stderr).toContain('remove the data folder');
  }, TIMEOUT);

  it('goes through the running server that holds the folder, without corrupting it', async () => {
    const dataDir = newDataDir();
    const server = start(['--import', 'tsx', 'server/src/server.ts'], childEnv(dataDir));
    const lock = await waitForLock(dataDir, (info) => info.purpose === 'server' && info.port !== null, server);
    expect(lock.pid).toBe(server.child.pid);

    const created = await cli(['user', 'create', '--role', 'employer', '--email', 'through-server@example.test', '--password', 'secret-pass-1'], childEnv(dataDir));
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Created employer through-server@example.test');
    const signIn = await fetch(`http://127.0.0.1:${lock.port}/api/auth/sign-in`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'through-server@example.test', password: 'secret-pass-1' }),
    });
    expect(signIn.status).toBe(200);

    const migrated = await cli(['migrate'], childEnv(dataDir));
    expect(migrated.stdout).toMatch(/^Database is up to date/);

    const seeded = await cli(['seed'], childEnv(dataDir));
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toContain('Demo data created');
    const jobs = await fetch(`http://127.0.0.1:${lock.port}/api/jobs`);
    expect(((await jobs.json()) as { total: number }).total).toBeGreaterThan(100);

    server.child.kill('SIGTERM');
    expect((await server.done).code).toBe(0);
    // Reopened by the CLI itself: the account is there (a duplicate is refused) and the demo data too.
    const again = await cli(['user', 'create', '--role', 'employer', '--email', 'through-server@example.test', '--password', 'secret-pass-1'], childEnv(dataDir));
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    const reseed = await cli(['seed'], childEnv(dataDir));
    expect(reseed.code).toBe(1);
    expect(reseed.stderr).toContain('already has demo data');
  }, SLOW_TIMEOUT);

  it('refuses, saying what to do, while another CLI process holds the folder', async () => {
    const dataDir = newDataDir();
    const holder = start(['cli/bin.mjs', 'seed', '--scale', '3'], childEnv(dataDir));
    await waitForLock(dataDir, (info) => info.purpose === 'cli' && info.pid === holder.child.pid, holder);
    const refused = await cli(['user', 'create', '--role', 'admin', '--email', 'second@example.test', '--password', 'secret-pass-1'], childEnv(dataDir));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is in use by another Jobcast process');
    expect(refused.stderr).toContain(`pid ${holder.child.pid}, cli`);
    expect(refused.stderr).toContain('Stop that process first');
    const holderResult = await holder.done;
    expect(holderResult.code, holderResult.stderr).toBe(0);
    expect(holderResult.stdout).toContain('scale 3');
  }, SLOW_TIMEOUT);

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))('seeds PostgreSQL through DATABASE_URL, once', async () => {
    const baseUrl = process.env.TEST_DATABASE_URL!;
    const name = `jobcast_cli_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    try {
      const env = childEnv(newDataDir(), { DATABASE_URL: url.toString() });
      const first = await cli(['seed'], env);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(first.stdout).toContain('Demo data created');
      const second = await cli(['seed'], env);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain('already has demo data');
    } finally {
      const cleanup = new pg.Client({ connectionString: baseUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    }
  }, TIMEOUT);
});
