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

describe('config: proxies, origins and abuse limits', () => {
  it('trusts no proxy by default and refuses TRUST_PROXY=true (the proxies must be named)', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16,loopback' }).trustProxy).toEqual(['10.0.0.1', '10.1.0.0/16', 'loopback']);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: "true" is not a proxy address/);
  });

  it('allows PUBLIC_URL and ALLOWED_ORIGINS as origins', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://jobs.example.cn/app', ALLOWED_ORIGINS: 'https://m.example.cn' }).allowedOrigins).toEqual(['https://jobs.example.cn', 'https://m.example.cn']);
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'not a url' })).toThrow(/ALLOWED_ORIGINS/);
  });

  it('scales the limits and takes overrides by name, refusing unknown names', () => {
    const config = loadConfig({ RATE_LIMIT_SCALE: '10', RATE_LIMITS: 'sign-up=2/30' });
    expect(config.rateLimits['sign-in'].max).toBe(300);
    expect(config.rateLimits['sign-up']).toMatchObject({ max: 2, windowMs: 30_000 });
    expect(() => loadConfig({ RATE_LIMITS: 'sign-out=1/1' })).toThrow(/RATE_LIMITS: "sign-out" is not a limit/);
  });
});
