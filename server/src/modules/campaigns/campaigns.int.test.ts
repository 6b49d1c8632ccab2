import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthUser } from '../../platform/http.js';
import { buildBureau } from '../../test/campaign-factories.js';
import { buildCompany, buildJob, buildUser } from '../../test/factories.js';
import { createTestApp } from '../../test/harness.js';
import { buildApplication, buildSeeker, buildSession, sessionCookie } from '../../test/pipeline-factories.js';
import { createOutcomesService, createPipelineService, type PipelineAction } from '../pipeline/index.js';

type Harness = Awaited<ReturnType<typeof createTestApp>>;
type Cookies = Record<string, string> | undefined;

const cst = (text: string) => new Date(`2026-${text}:00+08:00`);
const HOUR = 3_600_000;
const chinaToday = (offsetDays = 0) => new Date(Date.now() + 8 * HOUR + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('campaigns', () => {
  let harness: Harness;
  const users: Record<string, AuthUser> = {};
  const cookies: Record<string, Cookies> = { guest: undefined };
  const sessions: Record<string, string> = {};
  const jobs: Record<string, string> = {};

  const request = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', actor: string, url: string, payload?: unknown) =>
    harness.app.inject({ method, url, cookies: cookies[actor], ...(payload === undefined ? {} : { payload: payload as never }) });
  const countCampaigns = async () => (await harness.context.db.query<{ count: number }>('select count(*) as count from campaigns'))[0].count;
  const campaignOf = async (sessionId: string) =>
    (await harness.context.db.query<{ campaign_id: string | null }>('select campaign_id from live_sessions where id = $1', [sessionId]))[0].campaign_id;

  beforeAll(async () => {
    harness = await createTestApp();
    const { context } = harness;
    const a = await buildCompany(context, { name: '苏州甲电子厂' });
    const b = await buildCompany(context, { name: '合肥乙物流', cityCode: '340100' });
    users.employerA = a.employer as AuthUser;
    users.employerB = b.employer as AuthUser;
    jobs.suzhou = (await buildJob(context, a.employer, { cityCode: '320500', title: '电子厂普工' })).id;
    jobs.hefei = (await buildJob(context, b.employer, { cityCode: '340100', title: '仓库分拣员', categoryCode: 'express_warehouse', industryCode: 'G' })).id;
    users.jiangsu = await buildBureau(context, '32', '江苏省人社厅');
    users.anhui = await buildBureau(context, '34', '安徽省人社厅');
    users.admin = await buildUser(context, { role: 'admin', displayName: '管理员' });
    users.host1 = await buildUser(context, { role: 'host', displayName: '主播一' });
    users.host2 = await buildUser(context, { role: 'host', displayName: '主播二' });
    users.seeker = await buildSeeker(context);
    for (const [key, user] of Object.entries(users)) cookies[key] = await sessionCookie(context, user.id);

    // For the permission tests (April): Jiangsu's sessions, an Anhui one, one the Jiangsu bureau hosts in Anhui.
    const make = async (key: string, host: AuthUser, startsAt: string, provinceCode: string | undefined, jobIds: string[]) => {
      sessions[key] = (await buildSession(context, host, { title: key, startsAt: cst(startsAt), provinceCode, jobIds })).id;
    };
    await make('p1', users.host1, '04-05T19:00', '32', [jobs.suzhou]);
    await make('p2', users.host1, '04-08T19:00', undefined, [jobs.suzhou]);
    await make('p3', users.host2, '04-06T19:00', '34', [jobs.hefei]);
    await make('p5', users.jiangsu, '04-07T19:00', '34', [jobs.hefei]);
    await make('p6', users.host1, '05-02T19:00', '32', [jobs.suzhou]);
    await make('p7', users.host1, '04-09T19:00', '32', [jobs.suzhou]);
  });
  afterAll(async () => harness.close());

  describe('creating and editing', () => {
    const valid = { name: '2026年春风行动·江苏专场', description: '送岗位、送政策', startsOn: '2026-04-01', endsOn: '2026-04-30' };

    it('is for bureaus and admins only', async () => {
      expect((await request('POST', 'guest', '/api/campaigns', valid)).statusCode).toBe(401);
      expect((await request('POST', 'seeker', '/api/campaigns', valid)).statusCode).toBe(403);
      expect((await request('POST', 'employerA', '/api/campaigns', valid)).statusCode).toBe(403);
      expect((await request('POST', 'host1', '/api/campaigns', valid)).statusCode).toBe(403);
      expect(await countCampaigns()).toBe(0);
    });

    it.each([
      ['no name', { ...valid, name: ' ' }, 'body.name'],
      ['an end before the start', { ...valid, startsOn: '2026-04-10', endsOn: '2026-04-09' }, 'body.endsOn'],
      ['a date that does not exist', { ...valid, startsOn: '2026-02-30' }, 'body.startsOn'],
      ['more than a year', { ...valid, startsOn: '2026-01-01', endsOn: '2027-01-02' }, 'body.endsOn'],
      ['an unknown province', { ...valid, provinceCode: '99' }, 'body.provinceCode'],
      ['an unknown city', { ...valid, cityCode: '329999' }, 'body.cityCode'],
      ['a city outside the province', { ...valid, provinceCode: '32', cityCode: '340100' }, 'body.cityCode'],
    ])('refuses %s, naming the field, and writes nothing', async (_case, body, field) => {
      const response = await request('POST', 'jiangsu', '/api/campaigns', body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields.map((item: { path: string }) => item.path)).toContain(field);
      expect(await countCampaigns()).toBe(0);
    });

    it("keeps a bureau's campaign in its own province", async () => {
      for (const body of [{ ...valid, provinceCode: '34' }, { ...valid, cityCode: '合肥' }]) {
        const response = await request('POST', 'jiangsu', '/api/campaigns', body);
        expect(response.statusCode).toBe(403);
        expect(response.json().error.fields[0].path).toMatch(/^body\.(provinceCode|cityCode)$/);
      }
      expect(await countCampaigns()).toBe(0);
    });

    it("creates one (region defaulting to the bureau's province); the same submission twice is one campaign", async () => {
      const first = await request('POST', 'jiangsu', '/api/campaigns', valid);
      expect(first.statusCode).toBe(201);
      const detail = first.json();
      expect(detail.campaign).toMatchObject({
        name: valid.name, description: valid.description, startsOn: '2026-04-01', endsOn: '2026-04-30', provinceCode: '32', provinceName: '江苏',
        cityCode: null, organiserName: '江苏省人社厅', sessionCount: 0, canManage: true, isSynthetic: false,
      });
      expect(detail.sessions).toEqual([]);
      expect(detail.figures.totals).toMatchObject({ sessions: 0, viewers: 0, applications: 0, sevenDayAttrition: null });
      const again = await request('POST', 'jiangsu', '/api/campaigns', valid);
      expect(again.statusCode).toBe(200);
      expect(again.json().campaign.id).toBe(detail.campaign.id);
      const clash = await request('POST', 'jiangsu', '/api/campaigns', { ...valid, description: '另一个' });
      expect(clash.statusCode).toBe(409);
      expect(clash.json().error.fields[0].path).toBe('body.name');
      expect(await countCampaigns()).toBe(1);
      sessions.campaignP = detail.campaign.id;
      // A city resolves by name and brings its province.
      const city = await request('POST', 'jiangsu', '/api/campaigns', { ...valid, name: '苏州专场', cityCode: '苏州' });
      expect(city.json().campaign).toMatchObject({ provinceCode: '32', cityCode: '320500', cityName: '苏州' });
    });

    it('lets its organiser edit it, not a bureau of another province', async () => {
      const id = sessions.campaignP;
      expect((await request('PUT', 'anhui', `/api/campaigns/${id}`, { ...valid, name: '改名' })).statusCode).toBe(403);
      const edited = await request('PUT', 'jiangsu', `/api/campaigns/${id}`, { ...valid, name: '2026年春风行动·江苏省专场' });
      expect(edited.statusCode).toBe(200);
      expect(edited.json().campaign.name).toBe('2026年春风行动·江苏省专场');
      const bad = await request('PUT', 'jiangsu', `/api/campaigns/${id}`, { ...valid, endsOn: '2026-03-01' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields[0].path).toBe('body.endsOn');
    });
  });

  describe('sessions in a campaign', () => {
    const attach = (actor: string, sessionKey: string, campaignId = sessions.campaignP) => request('PUT', actor, `/api/campaigns/${campaignId}/sessions/${sessions[sessionKey]}`);

    it("lets a bureau add its province's sessions (by region or jobs) and its own, and no others", async () => {
      const added = await attach('jiangsu', 'p1');
      expect(added.statusCode).toBe(200);
      expect(added.json().sessions.map((session: { title: string }) => session.title)).toEqual(['p1']);
      expect((await attach('jiangsu', 'p1')).statusCode).toBe(200);
      expect((await attach('jiangsu', 'p2')).statusCode).toBe(200);
      // An Anhui session with an Anhui job: refused, nothing written.
      const foreign = await attach('jiangsu', 'p3');
      expect(foreign.statusCode).toBe(403);
      expect(foreign.json().error.fields[0].path).toBe('params.sessionId');
      expect(await campaignOf(sessions.p3)).toBeNull();
      // A session the bureau hosts, even in Anhui.
      expect((await attach('jiangsu', 'p5')).statusCode).toBe(200);
      // Outside the campaign's period.
      const late = await attach('jiangsu', 'p6');
      expect(late.statusCode).toBe(400);
      expect(late.json().error.message).toContain('2026-05-02');
      // Other roles and other bureaus.
      expect((await attach('anhui', 'p7')).statusCode).toBe(403);
      expect((await attach('seeker', 'p7')).statusCode).toBe(403);
      expect((await attach('host1', 'p7')).statusCode).toBe(403);
      expect(await campaignOf(sessions.p7)).toBeNull();
      const detail = (await request('GET', 'jiangsu', `/api/campaigns/${sessions.campaignP}`)).json();
      expect(detail.sessions.map((session: { title: string }) => session.title)).toEqual(['p1', 'p5', 'p2']);
      expect(detail.campaign.sessionCount).toBe(3);
    });

    it('keeps a session in one campaign; admins manage any', async () => {
      const other = (await request('POST', 'admin', '/api/campaigns', { name: '皖苏协作专场', startsOn: '2026-04-01', endsOn: '2026-04-30', provinceCode: '安徽' })).json();
      expect(other.campaign.provinceCode).toBe('34');
      const taken = await attach('admin', 'p1', other.campaign.id);
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error.message).toContain('2026年春风行动·江苏省专场');
      expect((await attach('admin', 'p3', other.campaign.id)).statusCode).toBe(200);
      // The Anhui bureau manages a campaign in its province, though an admin organised it.
      expect((await request('GET', 'anhui', `/api/campaigns/${other.campaign.id}`)).json().campaign.canManage).toBe(true);
      expect((await request('GET', 'jiangsu', `/api/campaigns/${other.campaign.id}`)).json().campaign.canManage).toBe(false);
    });

    it('lists what a bureau may add, and removes a session', async () => {
      const listed = (await request('GET', 'jiangsu', `/api/campaigns/${sessions.campaignP}/attachable-sessions`)).json().sessions;
      // April only; Jiangsu's (p1 p2 p7) and its own (p5); never the Anhui p3 or May's p6. Free ones first.
      expect(listed.map((session: { title: string }) => session.title)).toEqual(['p7', 'p2', 'p5', 'p1']);
      expect(listed.find((session: { title: string }) => session.title === 'p1').campaignId).toBe(sessions.campaignP);
      const removed = await request('DELETE', 'jiangsu', `/api/campaigns/${sessions.campaignP}/sessions/${sessions.p5}`);
      expect(removed.statusCode).toBe(200);
      expect(removed.json().sessions.map((session: { title: string }) => session.title)).toEqual(['p1', 'p2']);
      expect(await campaignOf(sessions.p5)).toBeNull();
      expect((await request('DELETE', 'jiangsu', `/api/campaigns/${sessions.campaignP}/sessions/${sessions.p5}`)).statusCode).toBe(404);
      // Its period cannot shrink past a session in it (p1 starts 04-05).
      const shrink = await request('PUT', 'jiangsu', `/api/campaigns/${sessions.campaignP}`, { name: '2026年春风行动·江苏省专场', startsOn: '2026-04-06', endsOn: '2026-04-30' });
      expect(shrink.statusCode).toBe(400);
      expect(shrink.json().error.fields[0].path).toBe('body.startsOn');
    });

    it('is public: seekers see the campaign and its sessions, not the figures', async () => {
      const list = (await request('GET', 'guest', '/api/campaigns')).json().campaigns;
      const mine = list.find((campaign: { id: string }) => campaign.id === sessions.campaignP);
      expect(mine).toMatchObject({ sessionCount: 2, replayCount: 2, liveCount: 0, upcomingCount: 0, canManage: false, phase: 'ended' });
      const detail = (await request('GET', 'seeker', `/api/campaigns/${sessions.campaignP}`)).json();
      expect(detail.figures).toBeNull();
      expect(detail.sessions[0]).toMatchObject({ title: 'p1', status: 'ended', hostName: '主播一', jobCount: 1, figures: null });
      // The live list carries the campaign (the tag on session cards) and filters by it.
      const inCampaign = (await request('GET', 'guest', `/api/sessions?status=ended&campaignId=${sessions.campaignP}`)).json().sessions;
      expect(inCampaign.map((session: { title: string }) => session.title).sort()).toEqual(['p1', 'p2']);
      expect(inCampaign[0].campaign).toEqual({ id: sessions.campaignP, name: '2026年春风行动·江苏省专场' });
      const managed = (await request('GET', 'jiangsu', '/api/campaigns?mine=true')).json().campaigns.map((campaign: { name: string }) => campaign.name);
      expect(managed).toEqual(expect.arrayContaining(['2026年春风行动·江苏省专场', '苏州专场']));
      expect(managed).not.toContain('皖苏协作专场');
      expect((await request('GET', 'seeker', '/api/campaigns?mine=true')).statusCode).toBe(403);
    });

    it('takes a campaign when a session is scheduled, by its organiser only and within its period', async () => {
      const current = (await request('POST', 'jiangsu', '/api/campaigns', { name: '本月招聘月', startsOn: chinaToday(-1), endsOn: chinaToday(20) })).json().campaign.id;
      const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toISOString();
      const body = { title: '人社局长直播带岗', startsAt: inTwoDays, campaignId: current };
      const byHost = await request('POST', 'host1', '/api/sessions', body);
      expect(byHost.statusCode).toBe(403);
      expect(byHost.json().error.fields[0].path).toBe('body.campaignId');
      const tooLate = await request('POST', 'jiangsu', '/api/sessions', { ...body, startsAt: new Date(Date.now() + 40 * 86_400_000).toISOString() });
      expect(tooLate.statusCode).toBe(400);
      expect(tooLate.json().error.fields[0].path).toBe('body.startsAt');
      const unknown = await request('POST', 'jiangsu', '/api/sessions', { ...body, campaignId: '00000000-0000-4000-8000-000000000000' });
      expect(unknown.json().error.fields[0].path).toBe('body.campaignId');
      const scheduled = await request('POST', 'jiangsu', '/api/sessions', body);
      expect(scheduled.statusCode).toBe(201);
      expect(scheduled.json().campaign).toEqual({ id: current, name: '本月招聘月' });
      const summary = (await request('GET', 'guest', '/api/campaigns')).json().campaigns.find((campaign: { id: string }) => campaign.id === current);
      expect(summary).toMatchObject({ phase: 'running', sessionCount: 1, upcomingCount: 1 });
      expect(summary.nextSessions).toEqual([{ id: scheduled.json().id, title: '人社局长直播带岗', status: 'scheduled', startsAt: scheduled.json().startsAt }]);
    });
  });

  /**
   * Hand-computed figures (China time). Campaign F (admin, March) has S1 and S2; campaign G has S3; S4 has none.
   * Jobs: SZ in 苏州 (company A, Jiangsu), HF in 合肥 (company B, Anhui). S1, S3 by host 1; S2, S4 by host 2.
   *
   *  id  job  session  applied (CST)   history (hours after applying unless a date)
   *  b1  SZ   S1       03-05 20:00     contact +2, hire +26, onboard 03-08, stayed (03-16)
   *  b2  SZ   S1       03-05 20:30     contact +5, hire +50, onboard 03-09, left (03-11)
   *  b3  SZ   S2       03-10 19:30     interview +3 (first contact)
   *  b4  HF   S2       03-10 20:00     contact +1, hire +10, onboard 03-12 (check pending)
   *  b5  HF   S3       03-12 20:00     contact +4
   *  b6  SZ   S4       03-15 20:00     contact +1, hire +5          (no campaign)
   *  b7  SZ   S1       03-06 09:00     —
   * Viewers: S1 guests 1–6, S2 guests 4–8 (three in both rooms).
   */
  describe('figures', () => {
    const ids: Record<string, number> = {};
    let campaignF = '';
    let campaignG = '';
    const march = { from: '2026-03-01', to: '2026-03-31' };

    beforeAll(async () => {
      const { context } = harness;
      let clock = cst('03-01T00:00');
      const pipeline = createPipelineService({ db: context.db, events: context.events, notifications: context.notifications, now: () => clock });
      const make = async (key: string, host: AuthUser, startsAt: string, provinceCode: string, jobIds: string[]) => {
        sessions[key] = (await buildSession(context, host, { title: key, startsAt: cst(startsAt), provinceCode, jobIds })).id;
      };
      await make('S1', users.host1, '03-05T19:00', '32', [jobs.suzhou]);
      await make('S2', users.host2, '03-10T19:00', '32', [jobs.suzhou, jobs.hefei]);
      await make('S3', users.host1, '03-12T19:00', '34', [jobs.hefei]);
      await make('S4', users.host2, '03-15T19:00', '32', [jobs.suzhou]);
      campaignF = (await request('POST', 'admin', '/api/campaigns', { name: '春风行动F', startsOn: '2026-03-01', endsOn: '2026-03-31' })).json().campaign.id;
      campaignG = (await request('POST', 'admin', '/api/campaigns', { name: '春风行动G', startsOn: '2026-03-01', endsOn: '2026-03-31' })).json().campaign.id;
      for (const [campaign, key] of [[campaignF, 'S1'], [campaignF, 'S2'], [campaignG, 'S3']]) {
        expect((await request('PUT', 'admin', `/api/campaigns/${campaign}/sessions/${sessions[key]}`)).statusCode).toBe(200);
      }

      const plan: Array<[string, string, string, string]> = [
        ['b1', 'suzhou', 'S1', '03-05T20:00'], ['b2', 'suzhou', 'S1', '03-05T20:30'], ['b3', 'suzhou', 'S2', '03-10T19:30'],
        ['b4', 'hefei', 'S2', '03-10T20:00'], ['b5', 'hefei', 'S3', '03-12T20:00'], ['b6', 'suzhou', 'S4', '03-15T20:00'], ['b7', 'suzhou', 'S1', '03-06T09:00'],
      ];
      const applied: Record<string, Date> = {};
      for (const [key, job, session, when] of plan) {
        const seeker = await buildSeeker(context);
        applied[key] = cst(when);
        ids[key] = await buildApplication(context, { jobId: jobs[job], seekerUserId: seeker.id, sessionId: sessions[session], appliedAt: applied[key] });
      }
      const employerOf = (key: string) => (['b4', 'b5'].includes(key) ? users.employerB : users.employerA);
      const act = async (key: string, at: Date, action: PipelineAction) => {
        clock = at;
        await pipeline.transition(employerOf(key), ids[key], action);
      };
      const plus = (key: string, hours: number) => new Date(applied[key].getTime() + hours * HOUR);
      await act('b1', plus('b1', 2), { type: 'contact' });
      await act('b1', plus('b1', 26), { type: 'hire' });
      await act('b1', cst('03-08T09:00'), { type: 'onboard', startDate: '2026-03-08' });
      await act('b1', cst('03-16T09:00'), { type: 'confirm_stay' });
      await act('b2', plus('b2', 5), { type: 'contact' });
      await act('b2', plus('b2', 50), { type: 'hire' });
      await act('b2', cst('03-09T09:00'), { type: 'onboard', startDate: '2026-03-09' });
      await act('b2', cst('03-11T09:00'), { type: 'record_left', reason: '离家太远' });
      await act('b3', plus('b3', 3), { type: 'schedule_interview', interviewAt: plus('b3', 40).toISOString(), place: '人事部' });
      await act('b4', plus('b4', 1), { type: 'contact' });
      await act('b4', plus('b4', 10), { type: 'hire' });
      await act('b4', cst('03-12T09:00'), { type: 'onboard', startDate: '2026-03-12' });
      await act('b5', plus('b5', 4), { type: 'contact' });
      await act('b6', plus('b6', 1), { type: 'contact' });
      await act('b6', plus('b6', 5), { type: 'hire' });
      for (let guest = 1; guest <= 6; guest += 1) await context.live.recordViewers(sessions.S1, [{ viewerKey: `guest-${guest}`, userId: null }]);
      for (let guest = 4; guest <= 8; guest += 1) await context.live.recordViewers(sessions.S2, [{ viewerKey: `guest-${guest}`, userId: null }]);
    });

    it("computes the campaign page's totals and sessions for an admin", async () => {
      const detail = (await request('GET', 'admin', `/api/campaigns/${campaignF}`)).json();
      // F: b1 b2 b3 b4 b7. Interview b3. Hires b1 b2 b4 (26, 50, 10 h → median 26, mean 86/3). Onboarded b1 b2 b4:
      // stayed b1, left b2, pending b4 → attrition 1/3. First contact 2, 5, 3, 1 h → median 2.5, mean 2.75.
      // Viewers: guests 1–8 → 8 unique (6 + 5 summed over rooms).
      expect(detail.figures.scope).toBe('all');
      expect(detail.figures.totals).toMatchObject({
        sessions: 2, viewers: 8, applications: 5, interviews: 1, hires: 3, onboarded: 3, stayed7Days: 1, leftWithin7Days: 1, pendingChecks: 1,
        contacted: 4, medianHoursToHire: 26, medianHoursToFirstContact: 2.5, meanHoursToFirstContact: 2.75,
      });
      expect(detail.figures.totals.sevenDayAttrition).toBeCloseTo(1 / 3, 10);
      expect(detail.figures.totals.meanHoursToHire).toBeCloseTo(86 / 3, 10);
      const [s1, s2] = detail.sessions;
      // S1: b1 b2 b7; S2: b3 b4.
      expect(s1).toMatchObject({ title: 'S1', hostName: '主播一', figures: { viewers: 6, applications: 3, interviews: 0, hires: 2, onboarded: 2, stayed7Days: 1, leftWithin7Days: 1, sevenDayAttrition: 0.5 } });
      expect(s2).toMatchObject({ title: 'S2', hostName: '主播二', figures: { viewers: 5, applications: 2, interviews: 1, hires: 1, onboarded: 1, stayed7Days: 0, leftWithin7Days: 0, sevenDayAttrition: 0 } });
    });

    it("scopes a bureau's view to jobs in its province, like the outcomes", async () => {
      // Jiangsu sees F's Suzhou applications only: b1 b2 b3 b7. Hires 26, 50 → 38. Contact 2, 5, 3 → median 3.
      const detail = (await request('GET', 'jiangsu', `/api/campaigns/${campaignF}`)).json();
      expect(detail.figures.scope).toBe('province');
      expect(detail.figures.totals).toMatchObject({
        sessions: 2, viewers: 8, applications: 4, interviews: 1, hires: 2, onboarded: 2, stayed7Days: 1, leftWithin7Days: 1, pendingChecks: 0,
        sevenDayAttrition: 0.5, medianHoursToHire: 38, medianHoursToFirstContact: 3,
      });
      expect(detail.sessions[1].figures).toMatchObject({ applications: 1, hires: 0, sevenDayAttrition: null });
    });

    it('groups the outcome figures by campaign, scoped per role', async () => {
      const outcomes = createOutcomesService({ db: harness.context.db, trustSignalMinSample: 5 });
      const byCampaign = async (user: AuthUser) => (await outcomes.listOutcomes(user, 'campaign', march.from, march.to)).rows;
      const admin = await byCampaign(users.admin);
      // b6 (S4, no campaign) is in no row.
      expect(admin.map((row) => [row.label, row.applications])).toEqual([['春风行动F', 5], ['春风行动G', 1]]);
      expect(admin[0]).toMatchObject({ key: campaignF, interviews: 1, hires: 3, onboarded: 3, stayed7Days: 1, leftWithin7Days: 1, pendingChecks: 1, contacted: 4, medianHoursToHire: 26, medianHoursToFirstContact: 2.5 });
      expect(admin[0].sevenDayAttrition).toBeCloseTo(1 / 3, 10);
      expect(admin[1]).toMatchObject({ key: campaignG, hires: 0, contacted: 1, medianHoursToFirstContact: 4, sevenDayAttrition: null });
      // Bureaus: jobs in their province. Jiangsu: F's b1 b2 b3 b7. Anhui: F's b4 and G's b5.
      expect((await byCampaign(users.jiangsu)).map((row) => [row.label, row.applications, row.hires])).toEqual([['春风行动F', 4, 2]]);
      expect((await byCampaign(users.anhui)).map((row) => [row.label, row.applications, row.hires, row.pendingChecks])).toEqual([['春风行动F', 1, 1, 1], ['春风行动G', 1, 0, 0]]);
      // Hosts: their own sessions. Host 1: S1 (b1 b2 b7) in F, S3 (b5) in G. Host 2: S2 (b3 b4) in F; S4 has none.
      expect((await byCampaign(users.host1)).map((row) => [row.label, row.applications])).toEqual([['春风行动F', 3], ['春风行动G', 1]]);
      expect((await byCampaign(users.host2)).map((row) => [row.label, row.applications, row.hires])).toEqual([['春风行动F', 2, 1]]);
      // Employers: their own applications. A: b1 b2 b3 b7 (b6 has no campaign). B: b4 in F, b5 in G.
      expect((await byCampaign(users.employerA)).map((row) => [row.label, row.applications, row.hires])).toEqual([['春风行动F', 4, 2]]);
      expect((await byCampaign(users.employerB)).map((row) => [row.label, row.applications])).toEqual([['春风行动F', 1], ['春风行动G', 1]]);
      // Through HTTP, too.
      const response = await request('GET', 'admin', `/api/pipeline/outcomes?groupBy=campaign&from=${march.from}&to=${march.to}`);
      expect(response.statusCode).toBe(200);
      expect(response.json().rows.map((row: { key: string }) => row.key)).toEqual([campaignF, campaignG]);
    });
  });
});
