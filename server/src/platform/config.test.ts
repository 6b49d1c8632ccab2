import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('config (the environment, parsed once)', () => {
  it('defaults to port 3000 and an embedded database in ./data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toMatchObject({ kind: 'pglite' });
    expect(config.dataDir).toMatch(/\/data$/);
  });

  it('takes PostgreSQL from DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://jobcast@db.internal:5432/jobcast' }).database).toEqual({ kind: 'postgres', url: 'postgresql://jobcast@db.internal:5432/jobcast' });
  });

  it('lists every problem at once, naming each variable', () => {
    const load = () => loadConfig({ PORT: 'abc', RTMP_PORT: '-1', DATABASE_URL: 'mysql://root@localhost/jobcast' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/^ {2}PORT: /m);
    expect(load).toThrow(/^ {2}RTMP_PORT: /m);
    expect(load).toThrow(/^ {2}DATABASE_URL: must be a PostgreSQL URL/m);
  });

  it('reads a variable set to nothing as not set', () => {
    const config = loadConfig({ PORT: '', DATABASE_URL: '', JOBCAST_DEMO_DATA: '' });
    expect(config.port).toBe(3000);
    expect(config.database.kind).toBe('pglite');
    expect(config.demoData).toBe('auto');
  });
});
