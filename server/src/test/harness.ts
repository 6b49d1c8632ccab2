import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createApp, createContext, type Context } from '../app.js';
import { loadConfig } from '../platform/config.js';
import { openPglite, openPostgres, type Db } from '../platform/db.js';

/** A new, empty PostgreSQL database under `baseUrl` (TEST_DATABASE_URL): its URL, and `drop` to remove it. */
export async function createPostgresDatabase(baseUrl: string, prefix = 'jobcast_test'): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: baseUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/**
 * A fresh database for one test file: in-memory PGlite by default, or a new PostgreSQL database
 * (created here, dropped in close) when TEST_DATABASE_URL is set, as CI does.
 */
export async function openTestDb(): Promise<{ db: Db; drop: () => Promise<void> }> {
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) {
    const db = await openPglite(undefined);
    return { db, drop: () => db.close() };
  }
  const database = await createPostgresDatabase(baseUrl);
  const db = openPostgres(database.url, { maxConnections: 20 });
  return {
    db,
    async drop() {
      await db.close();
      await database.drop();
    },
  };
}

export type TestContext = Context & { drop: () => Promise<void> };

/** The settings every test starts from. Webhooks may target loopback: the tests' receivers listen on 127.0.0.1. */
export const TEST_ENV: Record<string, string> = { LOG_LEVEL: 'silent', JOBCAST_DEMO_DATA: 'off', PORT: '0', RATE_LIMIT_SCALE: '1000', WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' };

/** The real composition root over a fresh database. */
export async function createTestContext(env: Record<string, string> = {}, options: { clock?: () => Date } = {}): Promise<TestContext> {
  const { db, drop } = await openTestDb();
  // Abuse limits ×1000: every request of a test comes from 127.0.0.1, and suites sign up and apply far more
  // than one person would. A test of a limit itself passes RATE_LIMIT_SCALE: '1' (or RATE_LIMITS).
  const config = loadConfig({ ...TEST_ENV, ...env });
  const context = await createContext(config, { db, clock: options.clock });
  return Object.assign(context, {
    async drop() {
      await context.close();
      await drop();
    },
  });
}

export async function createTestApp(env: Record<string, string> = {}, options: { clock?: () => Date } = {}) {
  const context = await createTestContext(env, options);
  const app = await createApp(context);
  await app.ready();
  return {
    context,
    app,
    async close() {
      await app.close();
      await context.drop();
    },
  };
}
