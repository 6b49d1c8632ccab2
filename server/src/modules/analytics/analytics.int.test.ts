import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsResponse } from '../../../../contracts/analytics.js';
import { createTestApp } from '../../test/harness.js';
import { TEST_PASSWORD } from '../../test/factories.js';
import { planWindowReads } from './analytics-window.js';
import { augustApplications, buildAugustPostings, insertApplications } from './analytics.fixtures.js';
import type { FigureSource } from './analytics.repository.js';

const AUGUST = { from: '2022-08-01', to: '2022-08-31' };
const SOURCES: FigureSource[] = ['rollup', 'raw'];

describe('analytics figures (hand-computed fixtures, August 2022)', () => {
  let harness: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    harness = await createTestApp();
    await insertApplications(harness.context.db, augustApplications());
    await buildAugustPostings(harness.context);
  });
  afterAll(async () => harness.close());

  const figures = (source: FigureSource, request: { from?: string; to?: string; province?: string; city?: string; minSent?: number } = {}) =>
    harness.context.analytics.getFigures({ ...AUGUST, ...request, source });

  describe.each(SOURCES)('from the %s path', (source) => {
    it('computes every figure for the whole country, with ties broken by code', async () => {
      const result = await figures(source, { minSent: 2 });
      expect(result.window).toEqual(AUGUST);
      expect(result.totals).toEqual({ applications: 19, sessions: 3, companies: 2, jobs: 3, hires: 2 });
      // 交通运输 (G) and 租赁 (L) tie at 3: the lower section letter first.
      expect(result.industries).toEqual([
        { industry: '制造业', applications: 13, share: 0.6842 },
        { industry: '交通运输、仓储和邮政业', applications: 3, share: 0.1579 },
        { industry: '租赁和商务服务业', applications: 3, share: 0.1579 },
      ]);
      // 司机 and 保安 tie at 3: catalogue order (司机 before 保安).
      expect(result.topCategories).toEqual([
        { category: '普工', applications: 11 },
        { category: '司机', applications: 3 },
        { category: '保安', applications: 3 },
        { category: '技工', applications: 2 },
      ]);
      // 普工's third place: 北京 (110000) and 上海 (310000) tie at 1; the lower code wins.
      expect(result.topCitiesByCategory).toEqual([
        { category: '普工', cities: [
          { city: '苏州', cityCode: '320500', applications: 6 },
          { city: '无锡', cityCode: '320200', applications: 3 },
          { city: '北京', cityCode: '110000', applications: 1 },
        ] },
        { category: '司机', cities: [{ city: '上海', cityCode: '310000', applications: 3 }] },
        { category: '保安', cities: [{ city: '北京', cityCode: '110000', applications: 3 }] },
        { category: '技工', cities: [{ city: '南京', cityCode: '320100', applications: 2 }] },
      ]);
      // 北京 and 上海 tie at 4: code 11 before 31.
      expect(result.topProvinces).toEqual([
        { province: '江苏', provinceCode: '32', applications: 11 },
        { province: '北京', provinceCode: '11', applications: 4 },
        { province: '上海', provinceCode: '31', applications: 4 },
      ]);
      // 北京 sent only 1 (< minSent 2): not ranked. 合肥 and 阜阳 tie at index 0: lower code first.
      expect(result.attractiveness).toEqual([
        { city: '苏州', cityCode: '320500', received: 6, sent: 3, index: 2 },
        { city: '上海', cityCode: '310000', received: 4, sent: 3, index: 1.3333 },
        { city: '南京', cityCode: '320100', received: 2, sent: 2, index: 1 },
        { city: '合肥', cityCode: '340100', received: 0, sent: 8, index: 0 },
        { city: '阜阳', cityCode: '341200', received: 0, sent: 2, index: 0 },
      ]);
      expect(result.tierFlows).toEqual([
        { from: '1', to: '1', applications: 4 },
        { from: 'new1', to: '1', applications: 4 },
        { from: 'new1', to: 'new1', applications: 6 },
        { from: 'new1', to: '2', applications: 3 },
        { from: '3', to: 'new1', applications: 2 },
      ]);
    });

    it('ranks no city by attractiveness below the default minSent of 30, and respects a higher one', async () => {
      expect((await figures(source)).attractiveness).toEqual([]);
      expect((await figures(source)).minSent).toBe(30);
      expect((await figures(source, { minSent: 3 })).attractiveness.map((item) => item.city)).toEqual(['苏州', '上海', '合肥']);
    });

    it('filters a province (given by full name) on the received city; attractiveness lists its cities', async () => {
      const result: AnalyticsResponse = await figures(source, { province: '江苏省', minSent: 1 });
      expect(result.region).toEqual({ kind: 'province', code: '32', name: '江苏' });
      expect(result.totals).toEqual({ applications: 11, sessions: 2, companies: 1, jobs: 2, hires: 1 });
      expect(result.industries).toEqual([{ industry: '制造业', applications: 11, share: 1 }]);
      expect(result.topCategories).toEqual([{ category: '普工', applications: 9 }, { category: '技工', applications: 2 }]);
      expect(result.topCitiesByCategory).toEqual([
        { category: '普工', cities: [{ city: '苏州', cityCode: '320500', applications: 6 }, { city: '无锡', cityCode: '320200', applications: 3 }] },
        { category: '技工', cities: [{ city: '南京', cityCode: '320100', applications: 2 }] },
      ]);
      expect(result.topProvinces).toEqual([{ province: '江苏', provinceCode: '32', applications: 11 }]);
      // 无锡 received 3 but sent none: it cannot be ranked.
      expect(result.attractiveness).toEqual([
        { city: '苏州', cityCode: '320500', received: 6, sent: 3, index: 2 },
        { city: '南京', cityCode: '320100', received: 2, sent: 2, index: 1 },
      ]);
      expect(result.tierFlows).toEqual([
        { from: 'new1', to: 'new1', applications: 6 },
        { from: 'new1', to: '2', applications: 3 },
        { from: '3', to: 'new1', applications: 2 },
      ]);
    });

    it('filters a city given by code, short or full name alike', async () => {
      const byCode = await figures(source, { city: '320500', minSent: 1 });
      expect(byCode.region).toEqual({ kind: 'city', code: '320500', name: '苏州', provinceCode: '32' });
      expect(byCode.totals).toEqual({ applications: 6, sessions: 1, companies: 1, jobs: 1, hires: 0 });
      expect(byCode.topProvinces).toEqual([{ province: '江苏', provinceCode: '32', applications: 6 }]);
      expect(byCode.attractiveness).toEqual([{ city: '苏州', cityCode: '320500', received: 6, sent: 3, index: 2 }]);
      expect(byCode.tierFlows).toEqual([{ from: 'new1', to: 'new1', applications: 4 }, { from: '3', to: 'new1', applications: 2 }]);
      expect(await figures(source, { city: '苏州', minSent: 1 })).toEqual(byCode);
      expect(await figures(source, { city: '苏州市', minSent: 1 })).toEqual(byCode);
    });

    it('counts whole days in China time: 2022-07-31T16:00:00Z is August 1st', async () => {
      const day = async (date: string) => (await figures(source, { from: date, to: date })).totals.applications;
      expect(await day('2022-07-31')).toBe(1); // 2022-07-31T15:59:59Z
      expect(await day('2022-08-01')).toBe(1); // 2022-07-31T16:00:00Z
      expect(await day('2022-08-31')).toBe(1); // 2022-08-31T15:59:59Z
      expect(await day('2022-09-01')).toBe(1); // 2022-08-31T16:00:00Z
      // Windows not aligned to months read daily rows at both edges.
      expect((await figures(source, { from: '2022-07-31', to: '2022-09-01' })).totals.applications).toBe(21);
      expect((await figures(source, { from: '2022-08-02', to: '2022-08-30' })).totals.applications).toBe(17);
      expect((await figures(source, { from: '2022-07-01', to: '2022-08-31' })).totals.applications).toBe(20);
    });

    it('reads weeks (Monday to Sunday) at ragged edges and gives the hand-counted figures', async () => {
      // Aug 8–21 is two whole weeks (C ×3 Aug 12, D ×3 Aug 15, E Aug 16, F ×3 Aug 20; G's hire on Aug 20).
      expect(planWindowReads({ from: '2022-08-08', to: '2022-08-21' }).map((read) => read.grain)).toEqual(['week', 'week']);
      const twoWeeks = await figures(source, { from: '2022-08-08', to: '2022-08-21', minSent: 1 });
      expect(twoWeeks.totals).toEqual({ applications: 10, sessions: 2, companies: 1, jobs: 1, hires: 1 });
      expect(twoWeeks.topCategories).toEqual([
        { category: '普工', applications: 4 },
        { category: '司机', applications: 3 },
        { category: '保安', applications: 3 },
      ]);
      // 北京 and 江苏 tie at 3: code 11 before 32.
      expect(twoWeeks.topProvinces).toEqual([
        { province: '上海', provinceCode: '31', applications: 4 },
        { province: '北京', provinceCode: '11', applications: 3 },
        { province: '江苏', provinceCode: '32', applications: 3 },
      ]);
      // Aug 8–31 is August minus its first week (Aug 1–7: 7 applications); hires Aug 20 and Aug 31.
      expect(planWindowReads({ from: '2022-08-08', to: '2022-08-31' })).toEqual([{ grain: 'month', period: '2022-08-01', sign: 1 }, { grain: 'week', period: '2022-08-01', sign: -1 }]);
      expect((await figures(source, { from: '2022-08-08', to: '2022-08-31' })).totals).toMatchObject({ applications: 12, hires: 2 });
      // Jul 25 – Sep 4: the week of Jul 31, August and the days of the week that straddles September.
      expect((await figures(source, { from: '2022-07-25', to: '2022-09-04' })).totals).toMatchObject({ applications: 21, hires: 3 });
      expect((await figures(source, { from: '2022-08-08', to: '2022-08-21', province: '江苏', minSent: 1 })).totals.applications).toBe(3);
    });

    it('counts hires on the day of the hire', async () => {
      expect((await figures(source, { from: '2022-09-01', to: '2022-09-01' })).totals.hires).toBe(1);
      expect((await figures(source, { from: '2022-08-31', to: '2022-08-31' })).totals.hires).toBe(1);
    });
  });

  it('names the bad input', async () => {
    await expect(harness.context.analytics.getFigures({ from: '2022-02-30', to: '2022-03-01' })).rejects.toThrow(/from: "2022-02-30" is not a date/);
    await expect(harness.context.analytics.getFigures({ from: '2022-03-02', to: '2022-03-01' })).rejects.toThrow(/to: must not be before/);
    await expect(harness.context.analytics.getFigures({ ...AUGUST, province: '火星' })).rejects.toThrow(/province: unknown province "火星"/);
    await expect(harness.context.analytics.getFigures({ ...AUGUST, city: '苏州', province: '江苏' })).rejects.toThrow(/not both/);
  });

  describe('HTTP', () => {
    const signIn = async (role: 'admin' | 'bureau' | 'seeker', provinceCode: string | null = null) => {
      const email = `${role}-${Math.random().toString(36).slice(2)}@example.test`;
      await harness.context.auth.createUser({ role, email, phone: null, password: TEST_PASSWORD, displayName: role, provinceCode });
      const response = await harness.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { login: email, password: TEST_PASSWORD } });
      expect(response.statusCode).toBe(200);
      return { jobcast_session: response.cookies.find((cookie) => cookie.name === 'jobcast_session')!.value };
    };
    const get = (url: string, cookies?: Record<string, string>) => harness.app.inject({ method: 'GET', url, cookies });

    it('serves admins the whole country and bureaus their own province (by default, and nothing else)', async () => {
      const admin = await get('/api/analytics?from=2022-08-01&to=2022-08-31', await signIn('admin'));
      expect(admin.statusCode).toBe(200);
      expect(admin.json().totals.applications).toBe(19);
      expect(admin.json().region).toBeNull();

      const bureau = await signIn('bureau', '32');
      const own = await get('/api/analytics?from=2022-08-01&to=2022-08-31', bureau);
      expect(own.json().region).toEqual({ kind: 'province', code: '32', name: '江苏' });
      expect(own.json().totals.applications).toBe(11);
      // Its own province's cities too; another region or the whole country is 403 (the public figures have them).
      expect((await get('/api/analytics?from=2022-08-01&to=2022-08-31&province=江苏', bureau)).json().totals.applications).toBe(11);
      expect((await get('/api/analytics?from=2022-08-01&to=2022-08-31&city=苏州', bureau)).statusCode).toBe(200);
      for (const region of ['national=true', 'city=上海', 'province=44', 'province=广东省']) {
        const refused = await get(`/api/analytics?from=2022-08-01&to=2022-08-31&${region}`, bureau);
        expect(refused.statusCode, region).toBe(403);
        expect((await get(`/api/analytics/report.html?from=2022-08-01&to=2022-08-31&${region}`, bureau)).statusCode, region).toBe(403);
        expect((await get(`/api/analytics/totals.csv?from=2022-08-01&to=2022-08-31&${region}`, bureau)).statusCode, region).toBe(403);
      }
      // A bureau of the whole country (no province) asks for any region.
      expect((await get('/api/analytics?from=2022-08-01&to=2022-08-31&city=上海', await signIn('bureau', null))).json().totals.applications).toBe(4);
    });

    it('refuses anonymous users and seekers, and names bad query fields', async () => {
      expect((await get('/api/analytics?from=2022-08-01&to=2022-08-31')).statusCode).toBe(401);
      expect((await get('/api/analytics?from=2022-08-01&to=2022-08-31', await signIn('seeker'))).statusCode).toBe(403);
      const bad = await get('/api/analytics?from=2022-08-01&to=2022-08-31&province=Atlantis', await signIn('admin'));
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields[0].path).toBe('query.province');
    });

    it('publishes figures with every count below 10 suppressed', async () => {
      const response = await get('/api/public/analytics?from=2022-08-01&to=2022-08-31&minSent=2');
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.totals).toEqual({ applications: 19, sessions: null, companies: null, jobs: null, hires: null, suppressed: ['sessions', 'companies', 'jobs', 'hires'] });
      expect(body.industries).toEqual([
        { industry: '制造业', applications: 13, share: 0.6842, suppressed: false },
        { industry: '交通运输、仓储和邮政业', applications: null, share: null, suppressed: true },
        { industry: '租赁和商务服务业', applications: null, share: null, suppressed: true },
      ]);
      expect(body.topProvinces.map((item: { applications: number | null }) => item.applications)).toEqual([11, null, null]);
      expect(body.tierFlows.every((item: { applications: number | null; suppressed: boolean }) => item.applications === null && item.suppressed)).toBe(true);
      expect(body.attractiveness.every((item: { index: number | null }) => item.index === null)).toBe(true);
      expect(body.suppression).toEqual({ threshold: 10, cells: expect.any(Number) });
    });

    it('renders the printable report for a bureau, for its province by default', async () => {
      const report = await get('/api/analytics/report.html?from=2022-08-01&to=2022-08-31&minSent=1', await signIn('bureau', '32'));
      expect(report.statusCode).toBe(200);
      expect(report.headers['content-type']).toMatch(/^text\/html/);
      expect(report.body).toContain('江苏（32）');
      expect(report.body).toContain('<b>11</b><span>投递简历');
      expect((await get('/api/analytics/report.html?from=2022-08-01&to=2022-08-31')).statusCode).toBe(401);
    });

    it('serves the configured China map to everyone', async () => {
      const map = await get('/api/public/analytics/map.geojson');
      expect(map.statusCode).toBe(200);
      expect(map.headers['content-type']).toMatch(/^application\/geo\+json/);
      expect(map.json().type).toBe('FeatureCollection');
    });

    it('downloads each figure as CSV', async () => {
      const admin = await signIn('admin');
      const categories = await get('/api/analytics/top-categories.csv?from=2022-08-01&to=2022-08-31', admin);
      expect(categories.statusCode).toBe(200);
      expect(categories.headers['content-type']).toMatch(/^text\/csv/);
      expect(categories.headers['content-disposition']).toContain('jobcast-top-categories-2022-08-01-2022-08-31.csv');
      expect(categories.body).toBe('\uFEFFrank,category,applications\r\n1,普工,11\r\n2,司机,3\r\n3,保安,3\r\n4,技工,2\r\n');
      const cities = await get('/api/analytics/top-cities-by-category.csv?from=2022-08-01&to=2022-08-31', admin);
      expect(cities.body.split('\r\n')[1]).toBe('普工,1,苏州,320500,6');
      const industries = await get('/api/public/analytics/industries.csv?from=2022-08-01&to=2022-08-31');
      expect(industries.body.split('\r\n')).toEqual(['\uFEFFindustry,applications,share,suppressed', '制造业,13,0.6842,false', '交通运输、仓储和邮政业,,,true', '租赁和商务服务业,,,true', '']);
      expect((await get('/api/analytics/nonsense.csv?from=2022-08-01&to=2022-08-31', admin)).statusCode).toBe(400);
      // A bureau's download (its province by default) and a city's are named after their region.
      const bureau = await get('/api/analytics/totals.csv?from=2022-08-01&to=2022-08-31', await signIn('bureau', '32'));
      expect(bureau.headers['content-disposition']).toBe('attachment; filename="jobcast-totals-32-2022-08-01-2022-08-31.csv"');
      expect(bureau.body).toBe('\uFEFFfrom,to,applications,sessions,companies,jobs,hires\r\n2022-08-01,2022-08-31,11,2,1,2,1\r\n');
      const city = await get('/api/public/analytics/top-provinces.csv?from=2022-08-01&to=2022-08-31&city=苏州市');
      expect(city.headers['content-disposition']).toContain('jobcast-top-provinces-320500-2022-08-01-2022-08-31.csv');
    });
  });
});
