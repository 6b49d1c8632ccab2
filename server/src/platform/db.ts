import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** Anything that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs multi-statement SQL without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** One interface, two drivers: PostgreSQL (pg.Pool) or PGlite in-process. */
export interface Db extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

// Counts and sums come back as numbers, dates as 'YYYY-MM-DD' strings, on both drivers.
const toNumber = (value: string) => Number(value);
const keepText = (value: string) => value;

export async function openPglite(dataDir: string | undefined): Promise<Db> {
  const database = await PGlite.create({
    dataDir,
    parsers: { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: keepText },
    serializers: {},
  });
  return {
    kind: 'pglite',
    async query(sql, params) {
      const result = await database.query(sql, params);
      return result.rows as never[];
    },
    async exec(sql) {
      await database.exec(sql);
    },
    transaction(work) {
      return database.transaction((tx) =>
        work({
          async query(sql, params) {
            const result = await tx.query(sql, params);
            return result.rows as never[];
          },
          async exec(sql) {
            await tx.exec(sql);
          },
        }),
      );
    },
    async close() {
      await database.close();
    },
  };
}

/**
 * The pool keeps its connections once opened (min = max): a pool that shrank to nothing while the site was quiet
 * would have to open a dozen backends at once when a host says "现在报名!" — each new backend also plans and
 * compiles the apply path afresh — and those first taps waited 300–600 ms on an otherwise idle machine
 * (bench/apply-burst.bench.ts). Size the pools of all nodes within PostgreSQL's max_connections.
 */
export function openPostgres(url: string, options: { maxConnections?: number; onIdleClientError?: (error: Error) => void } = {}): Db {
  const typeParsers = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === INT8 || oid === NUMERIC) return toNumber;
      if (oid === DATE) return keepText;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const max = options.maxConnections ?? 10;
  const pool = new pg.Pool({ connectionString: url, max, min: max, connectionTimeoutMillis: 5000, types: typeParsers as pg.CustomTypesConfig });
  // An idle connection can die (the server restarts, an administrator ends it); pg then emits 'error' on the
  // pool, which would end the process if nobody listened. The pool drops that client and opens a new one.
  pool.on('error', options.onIdleClientError ?? ((error) => {
    process.stderr.write(`jobcast: an idle PostgreSQL connection failed (${error.message}); the pool opens a new one when needed\n`);
  }));
  return {
    kind: 'postgres',
    async query(sql, params) {
      const result = await pool.query(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(work) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('begin');
        const result = await work({
          async query(sql, params) {
            const queryResult = await client.query(sql, params as unknown[]);
            return queryResult.rows;
          },
          async exec(sql) {
            await client.query(sql);
          },
        });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {
          broken = true;
        });
        throw error;
      } finally {
        // A connection that cannot even roll back is discarded rather than returned to the pool.
        client.release(broken);
      }
    },
    async close() {
      await pool.end();
    },
  };
}
