import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompany, buildJob, buildUser } from '../../test/factories.js';
import { createTestApp } from '../../test/harness.js';
import { signIn } from '../../test/http-helpers.js';

// Hand-made cases on a fresh database (no demo data): the order of 推荐 and 附近, and the reasons given.
describe('near me and for me', () => {
  let testApp: Awaited<ReturnType<typeof createTestApp>>;
  const ids: Record<string, string> = {};
  let seekerCookie = '';
  let seekerId = '';

  beforeAll(async () => {
    testApp = await createTestApp();
    const { employer } = await buildCompany(testApp.context);
    // 苏州 (the seeker's current city), 无锡 (~40 km), 周口 (home city), 郑州 (home province), 广州 (far).
    const made = {
      suzhouWorker: { title: '苏州普工', cityCode: '320500', categoryCode: 'general_worker' },
      wuxiWorker: { title: '无锡普工', cityCode: '320200', categoryCode: 'general_worker' },
      suzhouGuard: { title: '苏州保安', cityCode: '320500', categoryCode: 'security_guard' },
      zhoukouCook: { title: '周口厨师', cityCode: '411600', categoryCode: 'cook' },
      zhengzhouDriver: { title: '郑州司机', cityCode: '410100', categoryCode: 'driver' },
      guangzhouSales: { title: '广州销售', cityCode: '440100', categoryCode: 'sales' },
    };
    for (const [key, input] of Object.entries(made)) ids[key] = (await buildJob(testApp.context, employer, input)).id;
    const seeker = await buildUser(testApp.context, { role: 'seeker' });
    seekerId = seeker.id;
    seekerCookie = `jobcast_session=${(await signIn(testApp.app, seeker.email!)).jobcast_session}`;
  });
  afterAll(async () => {
    await testApp?.close();
  });

  const get = (url: string, cookie?: string) => testApp.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const titlesOf = (items: Array<{ job: { id: string } }>) => items.map((item) => Object.keys(ids).find((key) => ids[key] === item.job.id));

  it('sorts the job list by distance from a city, giving the kilometres', async () => {
    const response = await get('/api/jobs?sort=distance&nearCityCode=320500&pageSize=10');
    expect(response.statusCode).toBe(200);
    const jobs = response.json().jobs as Array<{ id: string; distanceKm: number }>;
    expect(jobs.map((job) => job.distanceKm)).toEqual([...jobs.map((job) => job.distanceKm)].sort((a, b) => a - b));
    const order = titlesOf(jobs.map((job) => ({ job })));
    expect(order.slice(0, 2).sort()).toEqual(['suzhouGuard', 'suzhouWorker']);
    expect(order.slice(2)).toEqual(['wuxiWorker', 'zhoukouCook', 'zhengzhouDriver', 'guangzhouSales']);
    expect(jobs[0].distanceKm).toBe(0);
    const wuxi = jobs.find((job) => job.id === ids.wuxiWorker)!;
    expect(wuxi.distanceKm).toBeGreaterThan(25);
    expect(wuxi.distanceKm).toBeLessThan(45);
    // The usual order has no distance; a distance sort needs a city.
    expect((await get('/api/jobs')).json().jobs[0].distanceKm).toBeUndefined();
    const missing = await get('/api/jobs?sort=distance');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields[0].path).toBe('querystring.nearCityCode');
    expect((await get('/api/jobs?sort=distance&nearCityCode=999999')).statusCode).toBe(400);
  });

  it('keeps first-use choices in the quick profile (after it exists) and refuses unknown codes', async () => {
    const early = await testApp.app.inject({ method: 'PUT', url: '/api/seeker/preferences', headers: { cookie: seekerCookie }, payload: { currentCityCode: '320500', desiredCategories: ['general_worker'] } });
    expect(early.statusCode).toBe(409);
    await testApp.context.seekers.saveProfile({ id: seekerId } as never, { name: '李四', phone: '13912340002', homeCityCode: '411600', desiredCategories: [] });
    const unknown = await testApp.app.inject({ method: 'PUT', url: '/api/seeker/preferences', headers: { cookie: seekerCookie }, payload: { currentCityCode: '320500', desiredCategories: ['astronaut'] } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].path).toBe('body.desiredCategories.0');
    const saved = await testApp.app.inject({ method: 'PUT', url: '/api/seeker/preferences', headers: { cookie: seekerCookie }, payload: { currentCityCode: '320500', desiredCategories: ['general_worker', 'general_worker'] } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ currentCityCode: '320500', desiredCategories: ['general_worker'], homeCityCode: '411600', name: '李四' });
  });

  it('ranks a seeker\'s jobs by wanted category, distance, home city and home province, with the reasons', async () => {
    const response = await get('/api/recommendations', seekerCookie);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.basis).toEqual({ cityCode: '320500', homeCityCode: '411600', categories: ['general_worker'], applicationCount: 0, followCount: 0 });
    expect(titlesOf(body.jobs)).toEqual(['suzhouWorker', 'wuxiWorker', 'suzhouGuard', 'zhoukouCook', 'zhengzhouDriver', 'guangzhouSales']);
    expect(body.jobs[0].reasons).toEqual([{ kind: 'desired_category', categoryCode: 'general_worker' }, { kind: 'same_city', cityCode: '320500' }]);
    expect(body.jobs[1].reasons[0]).toEqual({ kind: 'desired_category', categoryCode: 'general_worker' });
    expect(body.jobs[1].reasons[1]).toMatchObject({ kind: 'nearby', cityCode: '320200' });
    expect(body.jobs[3].reasons).toEqual([{ kind: 'home_city', cityCode: '411600' }]);
    expect(body.jobs[4].reasons).toEqual([{ kind: 'home_province', provinceCode: '41' }]);
    expect(body.jobs[5].reasons).toEqual([]);
    expect(body.jobs[0].job).toMatchObject({ id: ids.suzhouWorker, title: '苏州普工', companyName: expect.any(String) });
  });

  it('learns from applications: an applied job leaves the list and its category ranks up', async () => {
    const applied = await testApp.app.inject({ method: 'POST', url: '/api/applications', headers: { cookie: seekerCookie }, payload: { jobId: ids.guangzhouSales } });
    expect(applied.statusCode).toBe(201);
    const { employer } = await buildCompany(testApp.context);
    const shenzhenSales = await buildJob(testApp.context, employer, { title: '深圳销售', cityCode: '440300', categoryCode: 'sales' });
    const body = (await get('/api/recommendations', seekerCookie)).json();
    expect(body.basis.applicationCount).toBe(1);
    const jobIds = body.jobs.map((item: { job: { id: string } }) => item.job.id);
    expect(jobIds).not.toContain(ids.guangzhouSales);
    const sales = body.jobs.find((item: { job: { id: string } }) => item.job.id === shenzhenSales.id);
    expect(sales.reasons).toEqual([{ kind: 'applied_category', categoryCode: 'sales' }]);
    // 20 points for the applied category: above the home province (8), below the home city (20 + freshness ties).
    expect(jobIds.indexOf(shenzhenSales.id)).toBeLessThan(jobIds.indexOf(ids.zhengzhouDriver));
  });

  it('ranks live and upcoming sessions too, and lets a visitor say what and where in the query', async () => {
    const host = await buildUser(testApp.context, { role: 'host' });
    const cooking = await testApp.context.live.scheduleSession(host, { title: '周口厨师专场', startsAt: new Date(Date.now() + 3600_000).toISOString(), jobIds: [ids.zhoukouCook], coverText: '', cityCode: '411600' });
    const factory = await testApp.context.live.scheduleSession(host, { title: '苏州工厂专场', startsAt: new Date(Date.now() + 7200_000).toISOString(), jobIds: [ids.suzhouWorker, ids.suzhouGuard], coverText: '', cityCode: '320500' });
    const forSeeker = (await get('/api/recommendations', seekerCookie)).json();
    expect(forSeeker.sessions.map((item: { session: { id: string } }) => item.session.id)).toEqual([factory.id, cooking.id]);
    expect(forSeeker.sessions[0].reasons[0]).toEqual({ kind: 'desired_category', categoryCode: 'general_worker' });

    const visitor = (await get('/api/recommendations?cityCode=411600&categories=cook')).json();
    expect(visitor.basis).toEqual({ cityCode: '411600', homeCityCode: null, categories: ['cook'], applicationCount: 0, followCount: 0 });
    expect(visitor.jobs[0].job.id).toBe(ids.zhoukouCook);
    expect(visitor.jobs[0].reasons).toEqual([{ kind: 'desired_category', categoryCode: 'cook' }, { kind: 'same_city', cityCode: '411600' }]);
    expect(visitor.sessions[0].session.id).toBe(cooking.id);
    const bad = await get('/api/recommendations?categories=cook,astronaut');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('querystring.categories.1');
  });

  it('ranks up what the seeker follows (关注): a followed company\'s job and a followed host\'s session, saying so', async () => {
    const { company, employer } = await buildCompany(testApp.context);
    const followedJob = await buildJob(testApp.context, employer, { title: '广州厨师', cityCode: '440100', categoryCode: 'cook' });
    const otherHost = await buildUser(testApp.context, { role: 'host' });
    const followedHost = await buildUser(testApp.context, { role: 'host' });
    const schedule = (host: typeof otherHost, title: string) => testApp.context.live.scheduleSession(host, {
      title, startsAt: new Date(Date.now() + 5 * 86_400_000).toISOString(), jobIds: [ids.zhengzhouDriver], coverText: '', cityCode: '410100',
    });
    const plain = await schedule(otherHost, '郑州司机专场A');
    const byFollowedHost = await schedule(followedHost, '郑州司机专场B');
    const before = (await get('/api/recommendations', seekerCookie)).json();
    const rankOf = (body: { jobs: Array<{ job: { id: string } }> }, id: string) => body.jobs.findIndex((item) => item.job.id === id);
    const sessionOrder = (body: { sessions: Array<{ session: { id: string } }> }) => body.sessions.map((item) => item.session.id).filter((id) => id === plain.id || id === byFollowedHost.id);
    expect(before.jobs.find((item: { job: { id: string } }) => item.job.id === followedJob.id).reasons).toEqual([]);
    expect(sessionOrder(before)).toEqual([plain.id, byFollowedHost.id].sort());

    for (const payload of [{ companyId: company.id }, { hostUserId: followedHost.id }]) {
      expect((await testApp.app.inject({ method: 'POST', url: '/api/follows', headers: { cookie: seekerCookie }, payload })).statusCode).toBeLessThan(300);
    }
    const after = (await get('/api/recommendations', seekerCookie)).json();
    expect(after.basis.followCount).toBe(2);
    const followed = after.jobs.find((item: { job: { id: string } }) => item.job.id === followedJob.id);
    expect(followed.reasons).toEqual([{ kind: 'followed_company', companyId: company.id }]);
    expect(rankOf(after, followedJob.id)).toBeLessThan(rankOf(before, followedJob.id));
    // Above the home province's job (郑州司机), below the home city's (周口厨师) only by the weights: 30 vs 8 and 20.
    expect(rankOf(after, followedJob.id)).toBeLessThan(rankOf(after, ids.zhengzhouDriver));
    expect(sessionOrder(after)).toEqual([byFollowedHost.id, plain.id]);
    const hostReason = after.sessions.find((item: { session: { id: string } }) => item.session.id === byFollowedHost.id).reasons;
    expect(hostReason).toContainEqual({ kind: 'followed_host', hostUserId: followedHost.id });
  });
});
