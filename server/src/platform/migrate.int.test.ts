import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../test/harness.js';
import { openPostgres, type Db } from './db.js';
import { migrate } from './migrate.js';

describe('migrations (forward-only, the same files on both engines)', () => {
  const folders: string[] = [];
  afterAll(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  function migrationsFolder(files: Record<string, string>) {
    const folder = mkdtempSync(path.join(tmpdir(), 'jobcast-migrations-'));
    folders.push(folder);
    for (const [name, sql] of Object.entries(files)) writeFileSync(path.join(folder, name), sql);
    return folder;
  }

  it('applies each file once, in order, in its own transaction; a failing file leaves nothing of itself', async () => {
    const { db, drop } = await openTestDb();
    try {
      const folder = migrationsFolder({
        '0001_create_things.sql': 'create table things (id int primary key);',
        '0002_fill_things.sql': 'insert into things values (1), (2);',
      });
      expect(await migrate(db, folder)).toEqual(['0001_create_things.sql', '0002_fill_things.sql']);
      expect(await migrate(db, folder)).toEqual([]);
      writeFileSync(path.join(folder, '0003_break_things.sql'), 'insert into things values (3); insert into things values (1);');
      await expect(migrate(db, folder)).rejects.toThrow(/Migration 0003_break_things\.sql failed/);
      const rows = await db.query<{ id: number }>('select id from things order by id');
      expect(rows.map((row) => row.id)).toEqual([1, 2]);
      const applied = await db.query<{ name: string }>('select name from schema_migrations order by name');
      expect(applied.map((row) => row.name)).toEqual(['0001_create_things.sql', '0002_fill_things.sql']);
    } finally {
      await drop();
    }
  });

  // Several app nodes on one PostgreSQL start at once: each migration must still run exactly once.
  it.runIf(Boolean(process.env.TEST_DATABASE_URL))('two nodes migrating one PostgreSQL database at the same time both start, each file applied once', async () => {
    const { db, drop } = await openTestDb();
    const others: Db[] = [];
    try {
      const name = (await db.query<{ name: string }>('select current_database() as name'))[0].name;
      const target = new URL(process.env.TEST_DATABASE_URL!);
      target.pathname = `/${name}`;
      for (let index = 0; index < 3; index += 1) others.push(openPostgres(target.toString(), { maxConnections: 2 }));
      const results = await Promise.all([migrate(db), ...others.map((other) => migrate(other))]);
      const names = results.flat();
      expect(new Set(names).size).toBe(names.length);
      const applied = await db.query<{ count: number }>('select count(*) as count from schema_migrations');
      expect(names.length).toBe(applied[0].count);
    } finally {
      for (const other of others) await other.close();
      await drop();
    }
  });
});
