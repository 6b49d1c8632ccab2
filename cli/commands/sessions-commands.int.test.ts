import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../server/src/test/factories.js';
import { createTestContext, type TestContext } from '../../server/src/test/harness.js';
import { runProgram, type CliIo } from '../program.js';

describe('jobcast sessions create', () => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestContext({ PUBLIC_URL: 'https://jobs.example.cn', RTMP_PORT: '1935', MEDIA_HTTP_PORT: '8000' });
  });
  afterAll(async () => {
    await context?.drop();
  });

  const run = async (argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const io: CliIo = { out: (text) => { stdout += text; }, err: (text) => { stderr += text; }, cwd: process.cwd(), progress: () => undefined };
    const exitCode = await runProgram(argv, io, (work) => work(context));
    return { exitCode, stdout, stderr };
  };

  it('prints id, rtmpUrl, streamKey, flvUrl and watchUrl; rtmpUrl/streamKey is the publish address', async () => {
    const host = await buildUser(context, { role: 'host', email: 'anchor@example.test' });
    const startsAt = new Date(Date.now() + 30 * 86_400_000);
    startsAt.setUTCHours(11, 30, 0, 0);
    const local = startsAt.toISOString().replace('T11:30:00.000Z', 'T19:30:00+08:00');
    const result = await run(['sessions', 'create', '--title', '周口返乡就业专场', '--host', 'Anchor@example.test', '--starts-at', local, '--json']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(Object.keys(printed).sort()).toEqual(['flvUrl', 'id', 'rtmpUrl', 'streamKey', 'watchUrl']);
    expect(printed.rtmpUrl).toBe('rtmp://jobs.example.cn/live');
    expect(printed.streamKey).toMatch(new RegExp(`^${printed.id}\\?key=[A-Za-z0-9_-]{24,}$`));
    // With a playback token (the host's own, MEDIA_PLAY_TOKEN_TTL_SECONDS): the media server refuses playback without one.
    expect(printed.flvUrl).toMatch(new RegExp(`^http://jobs\\.example\\.cn:8000/live/${printed.id}\\.flv\\?token=[\\w-]+\\.\\d+\\.[\\w-]+$`));
    expect(printed.watchUrl).toBe(`https://jobs.example.cn/live/${printed.id}`);
    const secret = printed.streamKey.split('key=')[1];
    expect(await context.live.authorizePublish(printed.id, secret)).toBe(true);
    const detail = await context.live.getSessionDetail(null, printed.id);
    expect(detail).toMatchObject({ status: 'scheduled', hostUserId: host.id, startsAt: startsAt.toISOString() });
  });

  it('names the problem for an unknown host or a bad date', async () => {
    const unknown = await run(['sessions', 'create', '--title', 'T', '--host', 'nobody@example.test', '--json']);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain('--host');
    const seeker = await buildUser(context, { role: 'seeker' });
    const wrongRole = await run(['sessions', 'create', '--title', 'T', '--host', seeker.email!]);
    expect(wrongRole.stderr).toContain('is a seeker');
    const badDate = await run(['sessions', 'create', '--title', 'T', '--host', 'anchor@example.test', '--starts-at', 'soon']);
    expect(badDate.stderr).toContain('--starts-at');
  });
});
