import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/harness.js';
import { sessionCookie } from '../../test/pipeline-factories.js';
import { planDemoCampaigns } from './demo-campaigns.js';
import { anchorDateOf, generateDemoWorld, seedDemoData, WINDOW_FROM, WINDOW_TO } from './index.js';

const NOW = new Date();
const SEED = 20260101;

describe('demo campaigns', () => {
  let harness: Awaited<ReturnType<typeof createTestApp>>;
  let bureauCookie: Record<string, string>;

  beforeAll(async () => {
    harness = await createTestApp();
    await seedDemoData(harness.context, { seed: SEED, scale: 1, now: NOW });
    const [bureau] = await harness.context.db.query<{ id: string }>("select id from users where email = 'bureau@jobcast.demo'");
    bureauCookie = await sessionCookie(harness.context, bureau.id);
  }, 240_000);
  afterAll(async () => harness.close());

  it('are synthetic, deterministic, and hold only sessions of their period and province', async () => {
    const rows = await harness.context.db.query<{ id: string; name: string; organiser: string; province_code: string; is_synthetic: boolean; sessions: number; misplaced: number }>(
      `select c.id, c.name, u.email as organiser, c.province_code, c.is_synthetic,
              (select count(*) from live_sessions s where s.campaign_id = c.id) as sessions,
              (select count(*) from live_sessions s where s.campaign_id = c.id
                 and ((s.starts_at at time zone 'Asia/Shanghai')::date not between c.starts_on and c.ends_on
                      or not (s.province_code = c.province_code or exists (
                        select 1 from live_session_jobs sj join jobs j on j.id = sj.job_id join cities ci on ci.code = j.city_code
                        where sj.session_id = s.id and ci.province_code = c.province_code)))) as misplaced
       from campaigns c join users u on u.id = c.organiser_user_id order by c.starts_on, c.name`,
    );
    expect(rows.map((row) => [row.name, row.organiser, row.province_code])).toEqual([
      ['2022年金秋招聘月·广东专场（演示）', 'admin@jobcast.demo', '44'],
      ['2022年金秋招聘月·江苏专场（演示）', 'bureau@jobcast.demo', '32'],
      ['2023年春风行动·江苏专场（演示）', 'bureau@jobcast.demo', '32'],
      ['江苏人社直播带岗·就业服务月（演示）', 'bureau@jobcast.demo', '32'],
    ]);
    for (const row of rows) {
      expect(row.is_synthetic).toBe(true);
      expect(row.sessions).toBeGreaterThanOrEqual(2);
      expect(row.misplaced).toBe(0);
    }
    // The same seed and anchor date plan the same campaigns, ids included.
    const world = generateDemoWorld(harness.context.geo.reference, { seed: SEED, scale: 1, today: anchorDateOf(NOW) });
    const planned = planDemoCampaigns(world);
    expect(planned.map((campaign) => campaign.id).sort()).toEqual(rows.map((row) => row.id).sort());
    // (The seed may add sessions beyond this world's — later stages — so: every planned session is in its campaign.)
    const links = await harness.context.db.query<{ id: string; campaign_id: string }>('select id, campaign_id from live_sessions where campaign_id is not null');
    const campaignOf = new Map(links.map((link) => [link.id, link.campaign_id]));
    for (const campaign of planned) {
      expect(campaign.sessionIds.length).toBeGreaterThanOrEqual(2);
      expect(campaign.sessionIds.every((sessionId) => campaignOf.get(sessionId) === campaign.id)).toBe(true);
    }
  });

  it("give the bureau's campaign page figures that agree with the raw tables", async () => {
    const list = (await harness.app.inject({ method: 'GET', url: '/api/campaigns?mine=true', cookies: bureauCookie })).json().campaigns;
    expect(list.map((campaign: { name: string }) => campaign.name)).toHaveLength(3);
    const spring = list.find((campaign: { name: string }) => campaign.name.startsWith('2023年春风行动'));
    expect(spring).toMatchObject({ isSynthetic: true, canManage: true, phase: 'ended', liveCount: 0, upcomingCount: 0 });
    const detail = (await harness.app.inject({ method: 'GET', url: `/api/campaigns/${spring.id}`, cookies: bureauCookie })).json();
    const [expected] = await harness.context.db.query<{ applications: number; hires: number }>(
      `select count(*) as applications, count(a.hired_at) as hires from applications a join live_sessions s on s.id = a.session_id
       join cities ci on ci.code = a.job_city_code where s.campaign_id = $1 and ci.province_code = '32'`,
      [spring.id],
    );
    expect(expected.applications).toBeGreaterThan(100);
    expect(detail.figures.totals).toMatchObject({ sessions: spring.sessionCount, applications: expected.applications, hires: expected.hires });
    expect(detail.sessions.every((session: { status: string; isSynthetic: boolean }) => session.status === 'ended' && session.isSynthetic)).toBe(true);
    // The current campaign has the upcoming sessions seekers can book.
    const current = list.find((campaign: { phase: string }) => campaign.phase === 'running');
    expect(current.upcomingCount).toBeGreaterThanOrEqual(1);
    // Outcomes per campaign over the report window: the bureau's two campaigns in it.
    const outcomes = (await harness.app.inject({ method: 'GET', url: `/api/pipeline/outcomes?groupBy=campaign&from=${WINDOW_FROM}&to=${WINDOW_TO}`, cookies: bureauCookie })).json();
    expect(outcomes.rows.map((row: { label: string }) => row.label).sort()).toEqual(['2022年金秋招聘月·江苏专场（演示）', '2023年春风行动·江苏专场（演示）']);
  });
});
