import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthUser } from '../../platform/http.js';
import { buildBureau } from '../../test/campaign-factories.js';
import { buildCompany, buildJob, buildUser } from '../../test/factories.js';
import { createTestApp } from '../../test/harness.js';
import { buildApplication, buildSeeker, buildSession, signIn } from '../../test/pipeline-factories.js';

/**
 * Every route that returns outcome figures, walked by every role against its own scope and a foreign one:
 * two provinces (江苏 32 with a 苏州 company, 广东 44 with a 深圳 company), a session in each with its own
 * host, and one application through each. A caller sees exactly the sessions of its scope; one outside it
 * is 404 (its existence not told), a seeker 403, nobody signed in 401.
 */
describe('figure routes × role × scope', () => {
  let harness: Awaited<ReturnType<typeof createTestApp>>;
  const sessions: Record<'jiangsu' | 'guangdong', string> = { jiangsu: '', guangdong: '' };
  const cookies: Record<string, Record<string, string> | undefined> = {};
  // Who may see which session's figures.
  const visible: Record<string, Array<keyof typeof sessions>> = {
    admin: ['jiangsu', 'guangdong'],
    'bureau 江苏': ['jiangsu'],
    'bureau 广东': ['guangdong'],
    'employer 苏州': ['jiangsu'],
    'employer 深圳': ['guangdong'],
    'host 江苏': ['jiangsu'],
    'host 广东': ['guangdong'],
  };

  beforeAll(async () => {
    harness = await createTestApp();
    const { context, app } = harness;
    const suzhou = await buildCompany(context, { cityCode: '320500', name: '苏州电子厂' });
    const shenzhen = await buildCompany(context, { cityCode: '440300', name: '深圳物流' });
    const jobJ = await buildJob(context, suzhou.employer, { cityCode: '320500' });
    const jobG = await buildJob(context, shenzhen.employer, { cityCode: '440300' });
    const hostJ = await buildUser(context, { role: 'host' });
    const hostG = await buildUser(context, { role: 'host' });
    sessions.jiangsu = (await buildSession(context, hostJ, { title: '江苏专场', provinceCode: '32', jobIds: [jobJ.id] })).id;
    sessions.guangdong = (await buildSession(context, hostG, { title: '广东专场', provinceCode: '44', jobIds: [jobG.id] })).id;
    const seeker = await buildSeeker(context);
    await buildApplication(context, { jobId: jobJ.id, seekerUserId: seeker.id, sessionId: sessions.jiangsu });
    await buildApplication(context, { jobId: jobG.id, seekerUserId: seeker.id, sessionId: sessions.guangdong });
    const users: Record<string, AuthUser> = {
      admin: await buildUser(context, { role: 'admin' }),
      'bureau 江苏': await buildBureau(context, '32'),
      'bureau 广东': await buildBureau(context, '44'),
      'employer 苏州': suzhou.employer,
      'employer 深圳': shenzhen.employer,
      'host 江苏': hostJ,
      'host 广东': hostG,
      seeker,
    };
    for (const [name, user] of Object.entries(users)) cookies[name] = await signIn(app, user.email ?? user.phone!);
    cookies.anonymous = undefined;
  });
  afterAll(async () => harness.close());

  const get = (who: string, url: string) => harness.app.inject({ method: 'GET', url, cookies: cookies[who] });
  const scoped = Object.keys(visible);

  it.each(scoped.flatMap((who) => (['jiangsu', 'guangdong'] as const).map((region) => [who, region] as const)))(
    '%s asks for the %s session funnel',
    async (who, region) => {
      const response = await get(who, `/api/pipeline/sessions/${sessions[region]}/funnel`);
      if (visible[who].includes(region)) {
        expect(response.statusCode).toBe(200);
        expect(response.json().funnel.applications).toBe(1);
      } else {
        expect(response.statusCode).toBe(404);
      }
    },
  );

  it.each(scoped)('%s compares only the session funnels of its scope', async (who) => {
    const response = await get(who, '/api/pipeline/session-funnels');
    expect(response.statusCode).toBe(200);
    const ids = response.json().sessions.map((session: { sessionId: string }) => session.sessionId).sort();
    expect(ids).toEqual(visible[who].map((region) => sessions[region]).sort());
  });

  it.each(scoped)('%s gets outcome figures by session only for its scope', async (who) => {
    const response = await get(who, '/api/pipeline/outcomes?groupBy=session');
    expect(response.statusCode).toBe(200);
    const keys = response.json().rows.map((row: { key: string }) => row.key).sort();
    expect(keys).toEqual(visible[who].map((region) => sessions[region]).sort());
  });

  // The impact report (issue 12): admins and bureaus only; a bureau its own province, another one 403.
  const chinaDay = (offsetDays: number) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
  const impactUrl = (provinceCode: string) => `/api/impact?from=${chinaDay(-1)}&to=${chinaDay(1)}&provinceCode=${provinceCode}`;
  it.each(scoped.flatMap((who) => (['jiangsu', 'guangdong'] as const).map((region) => [who, region] as const)))(
    '%s asks for the %s impact report',
    async (who, region) => {
      const response = await get(who, impactUrl(region === 'jiangsu' ? '32' : '44'));
      const mayAsk = who === 'admin' || who === `bureau ${region === 'jiangsu' ? '江苏' : '广东'}`;
      expect(response.statusCode).toBe(mayAsk ? 200 : 403);
      if (mayAsk) expect(response.json().open).toMatchObject({ sessions: 1, applications: 1 });
    },
  );

  it.each([['seeker', 403], ['anonymous', 401]] as const)('%s gets no figures at all (%i)', async (who, status) => {
    for (const url of [`/api/pipeline/sessions/${sessions.jiangsu}/funnel`, '/api/pipeline/session-funnels', '/api/pipeline/outcomes?groupBy=session', impactUrl('32')]) {
      expect((await get(who, url)).statusCode).toBe(status);
    }
  });
});
