/**
 * Load and fault, bounded and on loopback only (issue 10): 300 seekers apply while the app — a child process
 * running the real server (server/src/server.ts) on a database this test creates — is killed with SIGKILL and
 * started again. Clients retry with their idempotency keys until they get an answer. Afterwards every acknowledged
 * application is in the database exactly once, with the id the client was given, and nothing is stored twice.
 * On PostgreSQL (TEST_DATABASE_URL, a fresh database), or on the embedded PGlite (a fresh data folder) without it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../app.js';
import { loadConfig } from '../../platform/config.js';
import { buildCompany, buildJob } from '../../test/factories.js';
import { createPostgresDatabase } from '../../test/harness.js';

const SERVER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../server.ts');
const SEEKERS = 300;
/** The app is killed once this many applications have been acknowledged. */
const KILL_AFTER_ACKS = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const freePort = () => new Promise<number>((resolve, reject) => {
  const probe = net.createServer();
  probe.once('error', reject);
  probe.listen(0, '127.0.0.1', () => {
    const address = probe.address();
    probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
  });
});

type Backend = { name: string; env: Record<string, string>; drop(): Promise<void> };

async function createBackend(kind: 'postgres' | 'pglite'): Promise<Backend> {
  if (kind === 'pglite') return { name: 'PGlite', env: {}, drop: async () => undefined };
  const database = await createPostgresDatabase(process.env.TEST_DATABASE_URL!, 'jobcast_kill');
  return { name: 'PostgreSQL', env: { DATABASE_URL: database.url }, drop: database.drop };
}

/** The app's own environment: quiet, no media child process, limits scaled for 300 clients on one address. */
function appEnv(backend: Backend, dataDir: string, port: number): Record<string, string> {
  return {
    ...backend.env,
    JOBCAST_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'error',
    JOBCAST_DEMO_DATA: 'off',
    MEDIA_MODE: 'external',
    THUMBNAILS: 'off',
    RATE_LIMIT_SCALE: '1000',
  };
}

/** The app's last words, shown when it does not come up. */
let appOutput = '';

function startApp(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunk: Buffer) => { appOutput = (appOutput + chunk.toString()).slice(-4000); };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // A test that times out never reaches its finally: never leave the app running after vitest exits.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  return child;
}

const phase = (startedAt: number, what: string) => console.log(`apply-kill: ${((Date.now() - startedAt) / 1000).toFixed(1)} s ${what}`);

async function waitReady(url: string, child: ChildProcess, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) }).then((response) => response.ok, () => false);
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`the app did not become ready within ${timeoutMs / 1000} s: ${appOutput}`);
}

// PostgreSQL when CI gives one (TEST_DATABASE_URL), else the embedded PGlite in a data folder of the test's own.
// Not both in one run: on a loaded two-core machine a PGlite server (≈1 GB, one query at a time) took longer to
// start than the whole PostgreSQL run; `APPLY_KILL_PGLITE=1` adds it.
const kinds = process.env.TEST_DATABASE_URL
  ? ['postgres' as const, ...(process.env.APPLY_KILL_PGLITE === '1' ? ['pglite' as const] : [])]
  : ['pglite' as const];

describe.each(kinds)('load and fault: %s — 300 seekers apply while the app is killed with SIGKILL and restarted', (kind) => {
  it('stores every acknowledged application exactly once, nothing twice', { timeout: 300_000 }, async () => {
    const startedAt = Date.now();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jobcast-kill-'));
    const backend = await createBackend(kind);
    const port = await freePort();
    const env = appEnv(backend, dataDir, port);
    const url = `http://127.0.0.1:${port}`;
    let child: ChildProcess | null = null;
    try {
      // Seed in this process, then close (PGlite: one process per data folder).
      const seeding = await createContext(loadConfig({ ...env, LOG_LEVEL: 'silent' }), { purpose: 'test-seed' });
      const { employer } = await buildCompany(seeding);
      const job = await buildJob(seeding, employer);
      // One password hash for all (argon2 is slow by design); sessions straight from the auth service.
      const [{ hash }] = await seeding.db.query<{ hash: string }>('select password_hash as hash from users where id = $1', [employer.id]);
      const seekerRows = await seeding.db.query<{ id: string }>(
        `insert into users (role, email, password_hash, display_name)
         select 'seeker', 'kill-' || i || '-' || $2 || '@example.test', $1, '求职者' || i from generate_series(1, ${SEEKERS}) as i
         returning id`,
        [hash, randomBytes(4).toString('hex')],
      );
      const seekers: Array<{ index: number; userId: string; cookie: string; key: string }> = [];
      for (const [index, row] of seekerRows.entries()) {
        const { token } = await seeding.auth.startSession(row.id);
        seekers.push({ index, userId: row.id, cookie: `jobcast_session=${token}`, key: randomUUID() });
      }
      await seeding.close();
      const seededMs = Date.now() - startedAt;

      phase(startedAt, 'seeded');
      child = startApp(env);
      await waitReady(url, child);
      phase(startedAt, 'app ready');

      // Every seeker taps 报名 once (with the quick profile, 留资) and retries with the same key until answered.
      const acks = new Map<string, { id: number; created: boolean }>();
      const figures = { requests: 0, networkErrors: 0, status5xx: 0, status4xx: 0, kills: 0, restartMs: 0 };
      let killing: Promise<void> | null = null;
      const killAndRestart = async () => {
        const killedAt = Date.now();
        const dying = child!;
        const exited = new Promise((resolve) => dying.once('exit', resolve));
        dying.kill('SIGKILL');
        await exited;
        phase(startedAt, `killed with SIGKILL after ${acks.size} acknowledgements`);
        figures.kills += 1;
        child = startApp(env);
        await waitReady(url, child);
        figures.restartMs = Date.now() - killedAt;
        phase(startedAt, 'app ready again');
      };
      const apply = async (seeker: (typeof seekers)[number]) => {
        await sleep(seeker.index * 10); // a burst spread over ~3 s, so that the kill lands in the middle of it
        const body = JSON.stringify({
          jobId: job.id,
          idempotencyKey: seeker.key,
          profile: { name: `求职者${seeker.index}`, phone: `139${String(10_000_000 + seeker.index).slice(-8)}`, homeCityCode: '411600' },
        });
        for (let attempt = 0; attempt < 400; attempt += 1) {
          figures.requests += 1;
          try {
            const response = await fetch(`${url}/api/applications`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', cookie: seeker.cookie, origin: url },
              body,
              signal: AbortSignal.timeout(15_000),
            });
            if (response.status === 200 || response.status === 201) {
              const receipt = (await response.json()) as { id: number; created: boolean };
              acks.set(seeker.userId, receipt);
              if (acks.size >= KILL_AFTER_ACKS && !killing) killing = killAndRestart();
              return;
            }
            if (response.status >= 500) figures.status5xx += 1;
            else {
              figures.status4xx += 1;
              if (response.status !== 429) throw new Error(`refused: ${response.status} ${await response.text()}`);
            }
          } catch (error) {
            if (error instanceof Error && error.message.startsWith('refused')) throw error;
            figures.networkErrors += 1;
          }
          await sleep(100 + Math.random() * 150);
        }
        throw new Error(`seeker ${seeker.index} never got an answer`);
      };
      await Promise.all(seekers.map(apply));
      if (killing) await killing;
      phase(startedAt, 'every seeker answered');
      expect(figures.kills).toBe(1);
      expect(acks.size).toBe(SEEKERS);

      // A retry after the restart (the client never saw its answer, say) returns the very same application.
      const repeats = await Promise.all(seekers.slice(0, 50).map(async (seeker) => {
        const response = await fetch(`${url}/api/applications`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: seeker.cookie, origin: url },
          body: JSON.stringify({ jobId: job.id, idempotencyKey: seeker.key }),
        });
        return { status: response.status, receipt: (await response.json()) as { id: number; created: boolean }, seeker };
      }));
      for (const { status, receipt, seeker } of repeats) {
        expect(status).toBe(200);
        expect(receipt.id).toBe(acks.get(seeker.userId)!.id);
      }

      // Stop the app cleanly and read the database.
      const stopping = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await stopping;
      child = null;
      const check = await createContext(loadConfig({ ...env, LOG_LEVEL: 'silent' }), { purpose: 'test-check' });
      try {
        const rows = await check.db.query<{ id: number; seekerUserId: string }>(
          'select id, seeker_user_id as "seekerUserId" from applications where job_id = $1',
          [job.id],
        );
        const requests = await check.db.query<{ n: number; distinctKeys: number }>(
          'select count(*)::int as n, count(distinct (seeker_user_id, idempotency_key))::int as "distinctKeys" from application_requests where job_id = $1',
          [job.id],
        );
        const stored = new Map(rows.map((row) => [row.seekerUserId, row.id]));
        const lost = seekers.filter((seeker) => stored.get(seeker.userId) !== acks.get(seeker.userId)!.id);
        const duplicates = rows.length - stored.size;
        const figuresLine = {
          backend: backend.name,
          seekers: SEEKERS,
          ...figures,
          acknowledged: acks.size,
          acknowledgedAsRepeat: [...acks.values()].filter((ack) => !ack.created).length,
          stored: rows.length,
          lost: lost.length,
          duplicates,
          seedMs: seededMs,
          totalMs: Date.now() - startedAt,
        };
        console.log(`apply-kill: ${JSON.stringify(figuresLine)}`);
        expect(lost).toEqual([]);
        expect(duplicates).toBe(0);
        expect(rows).toHaveLength(SEEKERS);
        expect(requests[0]).toEqual({ n: SEEKERS, distinctKeys: SEEKERS });
      } finally {
        await check.close();
      }
    } finally {
      if (child && (child as ChildProcess).exitCode === null) {
        const dying = child as ChildProcess;
        const exited = new Promise((resolve) => dying.once('exit', resolve));
        dying.kill('SIGKILL');
        await exited;
      }
      await backend.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
