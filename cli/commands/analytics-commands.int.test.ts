import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { augustApplications, insertApplications } from '../../server/src/modules/analytics/analytics.fixtures.js';
import { createTestContext, type TestContext } from '../../server/src/test/harness.js';
import { runProgram, type CliIo } from '../program.js';

describe('jobcast analytics / import applications', () => {
  let context: TestContext;
  let folder: string;
  beforeAll(async () => {
    context = await createTestContext();
    await insertApplications(context.db, augustApplications());
    folder = await mkdtemp(path.join(tmpdir(), 'jobcast-cli-'));
  });
  afterAll(async () => {
    await context.drop();
    await rm(folder, { recursive: true, force: true });
  });

  async function run(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const progress: number[] = [];
    const io: CliIo = {
      out: (text) => { stdout += text; },
      err: (text) => { stderr += text; },
      cwd: folder,
      progress: (_label, done) => { progress.push(done); },
    };
    const exitCode = await runProgram(argv, io, (work) => work(context));
    return { exitCode, stdout, stderr, progress };
  }

  it('prints exactly the keys of the issue with --json', async () => {
    const result = await run('analytics', '--from', '2022-08-01', '--to', '2022-08-31', '--province', '江苏', '--min-sent', '1', '--json');
    expect(result.exitCode).toBe(0);
    const body = JSON.parse(result.stdout);
    expect(Object.keys(body)).toEqual(['window', 'totals', 'industries', 'topCategories', 'topCitiesByCategory', 'topProvinces', 'attractiveness', 'tierFlows']);
    expect(Object.keys(body.totals)).toEqual(['applications', 'sessions', 'companies', 'jobs', 'hires']);
    expect(body.window).toEqual({ from: '2022-08-01', to: '2022-08-31' });
    expect(body.totals.applications).toBe(11);
    expect(Object.keys(body.industries[0])).toEqual(['industry', 'applications', 'share']);
    expect(Object.keys(body.topCategories[0])).toEqual(['category', 'applications']);
    expect(Object.keys(body.topCitiesByCategory[0])).toEqual(['category', 'cities']);
    expect(Object.keys(body.topCitiesByCategory[0].cities[0])).toEqual(['city', 'cityCode', 'applications']);
    expect(Object.keys(body.topProvinces[0])).toEqual(['province', 'provinceCode', 'applications']);
    expect(body.attractiveness[0]).toEqual({ city: '苏州', cityCode: '320500', received: 6, sent: 3, index: 2 });
    expect(Object.keys(body.tierFlows[0])).toEqual(['from', 'to', 'applications']);
  });

  it('gives the same JSON from the raw table', async () => {
    const viaRollup = await run('analytics', '--from', '2022-07-31', '--to', '2022-09-01', '--min-sent', '1', '--json');
    const viaRaw = await run('analytics', '--from', '2022-07-31', '--to', '2022-09-01', '--min-sent', '1', '--json', '--source', 'raw');
    expect(viaRaw.stdout).toBe(viaRollup.stdout);
    expect(JSON.parse(viaRaw.stdout).totals.applications).toBe(21);
  });

  it('prints readable tables without --json', async () => {
    const result = await run('analytics', '--from', '2022-08-01', '--to', '2022-08-31', '--city', '苏州市', '--min-sent', '1');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('苏州 (320500)');
    expect(result.stdout).toMatch(/\n1 +苏州 +320500 +6 +3 +2\.0000\n/);
    expect(result.stdout).toContain('城市就业吸引力指数 Attractiveness (received ÷ sent, sent ≥ 1)');
  });

  it('names the bad option', async () => {
    const badDate = await run('analytics', '--from', '2022-08-01', '--to', '2022-02-30');
    expect(badDate.exitCode).toBe(1);
    expect(badDate.stderr).toContain('--to: "2022-02-30" is not a date');
    const badCity = await run('analytics', '--from', '2022-08-01', '--to', '2022-08-31', '--city', 'Gotham');
    expect(badCity.stderr).toContain('--city: unknown city "Gotham"');
    const both = await run('analytics', '--from', '2022-08-01', '--to', '2022-08-31', '--city', '苏州', '--province', '江苏');
    expect(both.exitCode).not.toBe(0);
  });

  it('imports a CSV relative to the working directory, and rejects a bad one writing nothing', async () => {
    const rows = Array.from({ length: 25_000 }, (_, index) => `2022-08-${String(1 + (index % 28)).padStart(2, '0')}T12:00:00,合肥,苏州,普工,C`);
    await writeFile(path.join(folder, 'good.csv'), ['applied_at,seeker_city,job_city,job_category,industry', ...rows].join('\n'));
    const good = await run('import', 'applications', 'good.csv');
    expect(good.stderr).toBe('');
    expect(good.exitCode).toBe(0);
    expect(good.stdout).toMatch(/^Imported 25,000 applications \(import #\d+/);
    expect(good.progress.length).toBeGreaterThan(1);
    const after = JSON.parse((await run('analytics', '--from', '2022-08-01', '--to', '2022-08-31', '--json')).stdout);
    expect(after.totals.applications).toBe(19 + 25_000);

    await writeFile(path.join(folder, 'bad.csv'), ['applied_at,seeker_city,job_city,job_category,industry', ...rows.slice(0, 10), 'yesterday,合肥,苏州,普工,C'].join('\n'));
    const bad = await run('import', 'applications', 'bad.csv');
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain('row 11 (line 12), column applied_at: "yesterday" is not an ISO 8601 date or time');
    const unchanged = JSON.parse((await run('analytics', '--from', '2022-08-01', '--to', '2022-08-31', '--json')).stdout);
    expect(unchanged.totals.applications).toBe(19 + 25_000);
  });
});
