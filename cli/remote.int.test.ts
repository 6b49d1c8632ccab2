// `jobcast …` while the server holds the embedded database: the server streams the command's output,
// progress and a heartbeat as it runs, so an import through the server shows its progress bar and a long
// one is not cut off by the client's 300-second wait for data.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../server/src/app.js';
import type { App } from '../server/src/platform/http.js';
import { createTestContext, type TestContext } from '../server/src/test/harness.js';
import { progressLine } from './program.js';
import { registerOperatorCliRoute, relayRemoteRun, type RemoteLine } from './remote.js';

const TOKEN = 'operator-token-for-tests';

describe('the CLI through the running server', () => {
  let context: TestContext;
  let app: App;
  let folder: string;
  beforeAll(async () => {
    context = await createTestContext();
    app = await createApp(context);
    registerOperatorCliRoute(app, context, TOKEN, { heartbeatMs: 5 });
    await app.ready();
    folder = await mkdtemp(path.join(tmpdir(), 'jobcast-remote-'));
  });
  afterAll(async () => {
    await app.close();
    await context.drop();
    await rm(folder, { recursive: true, force: true });
  });

  const post = (argv: string[], token = TOKEN) => app.inject({
    method: 'POST',
    url: '/api/internal/cli',
    headers: { 'x-jobcast-operator-token': token },
    payload: { argv, cwd: folder },
  });
  const lines = (body: string) => body.trim().split('\n').map((line) => JSON.parse(line) as RemoteLine);

  it('streams an import’s progress, its output and then the exit code', async () => {
    const rows = Array.from({ length: 45_000 }, (_value, index) => `2022-10-0${1 + (index % 9)}T09:00:00,合肥,苏州,普工,C`);
    await writeFile(path.join(folder, 'fair.csv'), ['applied_at,seeker_city,job_city,job_category,industry', ...rows].join('\n'));
    const response = await post(['import', 'applications', 'fair.csv']);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const received = lines(response.body);
    const progress = received.filter((line) => line.type === 'progress');
    expect(progress.map((line) => line.label)).toEqual([
      '导入 Importing: 20,000 rows checked',
      '导入 Importing: 40,000 rows checked',
      '写入 Writing 45,000 rows (one transaction)…',
    ]);
    expect(progress.every((line) => line.total !== null && line.total > 1_000_000)).toBe(true);
    expect(received.some((line) => line.type === 'alive')).toBe(true);
    expect(received.flatMap((line) => (line.type === 'out' ? [line.text] : [])).join('')).toMatch(/^Imported 45,000 applications/);
    expect(received.at(-1)).toEqual({ type: 'exit', code: 0 });
  });

  it('streams errors with a non-zero exit code, and refuses a wrong token', async () => {
    const received = lines((await post(['analytics', '--from', '2022-08-01', '--to', '2022-08-31', '--city', '火星'])).body);
    expect(received.flatMap((line) => (line.type === 'err' ? [line.text] : [])).join('')).toContain('unknown city "火星"');
    expect(received.at(-1)).toEqual({ type: 'exit', code: 1 });
    expect((await post(['analytics-rebuild'], 'wrong-token-of-same-size')).statusCode).toBe(403);
  });

  it('relays the lines to the terminal as they come, split anywhere', async () => {
    const text = [
      { type: 'alive' },
      { type: 'progress', label: '导入 Importing: 20,000 rows checked', done: 50, total: 100 },
      { type: 'out', text: 'Imported 中文\n' },
      { type: 'err', text: 'warning\n' },
      { type: 'exit', code: 3 },
    ].map((line) => `${JSON.stringify(line)}\n`).join('');
    const bytes = Buffer.from(text);
    // Chunks of 7 bytes cut through lines and through multi-byte characters.
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_value, index) => bytes.subarray(index * 7, index * 7 + 7));
    const seen: string[] = [];
    const code = await relayRemoteRun(Readable.from(chunks), {
      out: (value) => seen.push(`out:${value}`),
      err: (value) => seen.push(`err:${value}`),
      progress: (label, done, total) => seen.push(`progress:${label}:${done}/${total}`),
    });
    expect(code).toBe(3);
    expect(seen).toEqual(['progress:导入 Importing: 20,000 rows checked:50/100', 'out:Imported 中文\n', 'err:warning\n']);

    const cut: string[] = [];
    expect(await relayRemoteRun(Readable.from([Buffer.from('{"type":"out","text":"half"}\n')]), { out: (value) => cut.push(value), err: (value) => cut.push(value), progress: () => undefined })).toBe(1);
    expect(cut[1]).toMatch(/stopped answering before the command finished/);
  });

  it('draws a progress bar', () => {
    expect(progressLine('导入', 50, 100, 10)).toBe('[█████░░░░░]  50%  导入');
    expect(progressLine('导入', 100, 100, 10)).toBe('[██████████] 100%  导入');
    expect(progressLine('导入', 5, null)).toBe('导入');
  });
});
