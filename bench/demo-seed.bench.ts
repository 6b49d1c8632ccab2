// Demo seed timings: a fresh database (PGlite in a temp folder, and PostgreSQL when TEST_DATABASE_URL is
// set), opened and migrated, then `seedDemoData` at each scale. Prints figures; asserts nothing.
//   npx tsx bench/demo-seed.bench.ts [scale …]        (default: 1 10)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createContext } from '../server/src/app.js';
import { loadConfig } from '../server/src/platform/config.js';
import { openPostgres } from '../server/src/platform/db.js';
import { seedDemoData } from '../server/src/modules/demo/index.js';

const scales = process.argv.slice(2).map(Number).filter((value) => Number.isInteger(value) && value > 0);
const NOW = new Date();

async function measure(label: string, open: () => Promise<{ context: Awaited<ReturnType<typeof createContext>>; cleanup: () => Promise<void> }>, scale: number) {
  const openedAt = performance.now();
  const { context, cleanup } = await open();
  const openMs = performance.now() - openedAt;
  const cpuBefore = process.cpuUsage();
  const seedAt = performance.now();
  const summary = await seedDemoData(context, { seed: context.config.demoSeed, scale, now: NOW });
  const seedMs = performance.now() - seedAt;
  const cpu = process.cpuUsage(cpuBefore);
  await context.close();
  await cleanup();
  console.log(
    `${label.padEnd(10)} scale ${String(scale).padStart(3)}: open+migrate ${(openMs / 1000).toFixed(1)} s, seed ${(seedMs / 1000).toFixed(1)} s ` +
      `(this process's CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s), ${summary.counts.applications.toLocaleString('en')} applications, ` +
      `${summary.counts.users.seeker.toLocaleString('en')} seekers, ${summary.counts.jobs.total} jobs`,
  );
}

for (const scale of scales.length > 0 ? scales : [1, 10]) {
  await measure('pglite', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'jobcast-bench-'));
    const config = loadConfig({ JOBCAST_DATA_DIR: folder, JOBCAST_DEMO_DATA: 'off', LOG_LEVEL: 'silent' });
    return { context: await createContext(config, { purpose: 'bench' }), cleanup: async () => rmSync(folder, { recursive: true, force: true }) };
  }, scale);
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (baseUrl) {
    await measure('postgresql', async () => {
      const name = `jobcast_bench_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: baseUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(baseUrl);
      url.pathname = `/${name}`;
      const config = loadConfig({ DATABASE_URL: url.toString(), JOBCAST_DEMO_DATA: 'off', LOG_LEVEL: 'silent' });
      const context = await createContext(config, { db: openPostgres(url.toString()) });
      return {
        context,
        async cleanup() {
          await context.db.close();
          const cleanup = new pg.Client({ connectionString: baseUrl });
          await cleanup.connect();
          await cleanup.query(`drop database if exists ${name} with (force)`);
          await cleanup.end();
        },
      };
    }, scale);
  }
}
