import path from 'node:path';
import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  JOBCAST_DATA_DIR: z.string().min(1).default('./data'),
  JOBCAST_DEMO_DATA: z.enum(['auto', 'off']).default('auto'),
  JOBCAST_DEMO_SEED: z.coerce.number().int().default(20260101),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  COOKIE_SECURE: booleanFromEnv.default(false),
  PUBLIC_URL: z.string().url().optional(),
});

export type Config = {
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  dataDir: string;
  demoData: 'auto' | 'off';
  demoSeed: number;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  cookieSecure: boolean;
  publicUrl: string;
};

export class ConfigError extends Error {}

/** Parses the environment once; every problem is listed, and nothing else reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const values = parsed.data;
  const dataDir = path.resolve(values.JOBCAST_DATA_DIR);
  return {
    port: values.PORT,
    host: values.HOST,
    database: values.DATABASE_URL
      ? { kind: 'postgres', url: values.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'pg') },
    dataDir,
    demoData: values.JOBCAST_DEMO_DATA,
    demoSeed: values.JOBCAST_DEMO_SEED,
    logLevel: values.LOG_LEVEL,
    cookieSecure: values.COOKIE_SECURE,
    publicUrl: values.PUBLIC_URL ?? `http://localhost:${values.PORT}`,
  };
}
