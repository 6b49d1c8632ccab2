import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.js';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

// Held (per transaction) while the bookkeeping table is made and while each file is applied, so that several
// app nodes starting at once on one PostgreSQL apply every file exactly once. Any constant key will do.
const MIGRATION_LOCK = 'select pg_advisory_xact_lock(7205618343)';

/** Applies the forward-only SQL files in order, each in its own transaction, the same way on both drivers. */
export async function migrate(db: Db, directory = MIGRATIONS_DIR): Promise<string[]> {
  await db.transaction(async (tx) => {
    await tx.query(MIGRATION_LOCK);
    await tx.exec(`create table if not exists schema_migrations (
      name text primary key,
      applied_at timestamptz not null default now()
    )`);
  });
  const applied = new Set((await db.query<{ name: string }>('select name from schema_migrations')).map((row) => row.name));
  const files = (await readdir(directory)).filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name)).sort();
  const newlyApplied: string[] = [];
  for (const name of files) {
    if (applied.has(name)) continue;
    const sql = await readFile(path.join(directory, name), 'utf8');
    try {
      const isApplied = await db.transaction(async (tx) => {
        await tx.query(MIGRATION_LOCK);
        // Another node may have applied it while this one waited for the lock.
        if ((await tx.query('select 1 from schema_migrations where name = $1', [name])).length > 0) return false;
        await tx.exec(sql);
        await tx.query('insert into schema_migrations (name) values ($1)', [name]);
        return true;
      });
      if (isApplied) newlyApplied.push(name);
    } catch (error) {
      throw new Error(`Migration ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return newlyApplied;
}
