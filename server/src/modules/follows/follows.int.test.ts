import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompany, buildJob, buildUser, TEST_PASSWORD } from '../../test/factories.js';
import { createTestApp } from '../../test/harness.js';
import { signIn } from '../../test/http-helpers.js';

describe('follows (关注) and their notifications', () => {
  let harness: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    harness = await createTestApp();
  });
  afterAll(async () => harness.close());

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, cookies: Record<string, string>, payload?: Record<string, unknown>) =>
    harness.app.inject({ method, url, cookies, payload });
  const notificationsOf = async (userId: string, kind: string) =>
    harness.context.db.query<{ title: string; link: string }>('select title, link from notifications where user_id = $1 and kind = $2 order by id', [userId, kind]);
  // Followers are told by an event listener after the change: wait for what a user would see.
  async function waitForCount(userId: string, kind: string, count: number) {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const rows = await notificationsOf(userId, kind);
      if (rows.length >= count) return rows;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return notificationsOf(userId, kind);
  }

  it('follows a host and a company, tells followers once when a session is scheduled and when it goes live, and lists them', async () => {
    const host = await buildUser(harness.context, { role: 'host', displayName: '主播阿强' });
    const { company, employer } = await buildCompany(harness.context, { name: '苏州精密电子有限公司' });
    const job = await buildJob(harness.context, employer, { title: '电子厂普工' });
    const fan = await buildUser(harness.context, { role: 'seeker' });
    const companyFan = await buildUser(harness.context, { role: 'seeker' });
    const bystander = await buildUser(harness.context, { role: 'seeker' });
    const fanCookies = await signIn(harness.app, fan.email!, TEST_PASSWORD);
    const companyFanCookies = await signIn(harness.app, companyFan.email!, TEST_PASSWORD);

    expect((await call('POST', '/api/follows', fanCookies, { hostUserId: host.id })).statusCode).toBe(200);
    expect((await call('POST', '/api/follows', fanCookies, { companyId: company.id })).statusCode).toBe(200);
    // Following twice is one follow.
    expect((await call('POST', '/api/follows', fanCookies, { companyId: company.id })).statusCode).toBe(200);
    expect((await call('POST', '/api/follows', companyFanCookies, { companyId: company.id })).statusCode).toBe(200);

    const session = await harness.context.live.scheduleSession(host, {
      title: '电子厂专场', startsAt: new Date(Date.now() + 3600_000).toISOString(), jobIds: [job.id], coverText: '',
    });
    // The fan follows both the host and the company: one notification, not two.
    const scheduled = await waitForCount(fan.id, 'followed_scheduled', 1);
    expect(scheduled).toEqual([{ title: '你关注的主播阿强预告了直播：电子厂专场', link: `/live/${session.id}` }]);
    expect(await waitForCount(companyFan.id, 'followed_scheduled', 1)).toHaveLength(1);
    expect(await notificationsOf(bystander.id, 'followed_scheduled')).toEqual([]);

    const list = await call('GET', '/api/follows', fanCookies);
    expect(list.statusCode).toBe(200);
    expect(list.json().hosts).toEqual([expect.objectContaining({ hostUserId: host.id, displayName: '主播阿强' })]);
    expect(list.json().companies).toEqual([expect.objectContaining({ companyId: company.id, name: '苏州精密电子有限公司' })]);
    expect(list.json().sessions).toEqual([expect.objectContaining({ id: session.id, status: 'scheduled', hostName: '主播阿强' })]);

    await harness.context.live.handlePublishStarted(session.id);
    const live = await waitForCount(fan.id, 'followed_live', 1);
    expect(live).toEqual([{ title: '你关注的主播阿强开播了：电子厂专场', link: `/live/${session.id}` }]);
    expect(await waitForCount(companyFan.id, 'followed_live', 1)).toHaveLength(1);
    expect((await call('GET', '/api/follows', fanCookies)).json().sessions[0]).toMatchObject({ id: session.id, status: 'live' });

    // Unfollowed: the next session tells nobody who left.
    expect((await call('DELETE', '/api/follows', companyFanCookies, { companyId: company.id })).statusCode).toBe(200);
    expect((await call('GET', '/api/follows', companyFanCookies)).json()).toEqual({ companies: [], hosts: [], sessions: [] });
    await harness.context.live.scheduleSession(host, { title: '第二场', startsAt: new Date(Date.now() + 7200_000).toISOString(), jobIds: [job.id], coverText: '' });
    expect(await waitForCount(fan.id, 'followed_scheduled', 2)).toHaveLength(2);
    expect(await notificationsOf(companyFan.id, 'followed_scheduled')).toHaveLength(1);
  });

  it('names a bad target and refuses what cannot be followed', async () => {
    const seeker = await buildUser(harness.context, { role: 'seeker' });
    const cookies = await signIn(harness.app, seeker.email!, TEST_PASSWORD);
    const both = await call('POST', '/api/follows', cookies, { companyId: seeker.id, hostUserId: seeker.id });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.fields[0].path).toBe('body.companyId');
    expect((await call('POST', '/api/follows', cookies, {})).statusCode).toBe(400);
    expect((await call('POST', '/api/follows', cookies, { hostUserId: 'not-a-uuid' })).json().error.fields[0].path).toBe('body.hostUserId');
    // A seeker is not a host; a pending company is not followable.
    expect((await call('POST', '/api/follows', cookies, { hostUserId: seeker.id })).statusCode).toBe(404);
    const { company: pending } = await buildCompany(harness.context, { status: 'pending' });
    expect((await call('POST', '/api/follows', cookies, { companyId: pending.id })).statusCode).toBe(404);
    expect((await harness.app.inject({ method: 'GET', url: '/api/follows' })).statusCode).toBe(401);
  });

  it("puts follows in the seeker's data download and deletes them with the account", async () => {
    const host = await buildUser(harness.context, { role: 'host' });
    const seeker = await buildUser(harness.context, { role: 'seeker' });
    const cookies = await signIn(harness.app, seeker.email!, TEST_PASSWORD);
    await call('POST', '/api/follows', cookies, { hostUserId: host.id });
    const download = await call('GET', '/api/me/personal-data', cookies);
    expect(JSON.parse(download.body).follows).toEqual([expect.objectContaining({ hostUserId: host.id, companyId: null })]);
    const deleted = await call('POST', '/api/me/delete-account', cookies, { password: TEST_PASSWORD, confirm: 'DELETE' });
    expect(deleted.statusCode).toBe(200);
    expect(await harness.context.db.query('select id from follows where follower_user_id = $1', [seeker.id])).toEqual([]);
  });
});
