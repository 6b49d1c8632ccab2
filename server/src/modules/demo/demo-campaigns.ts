import type { Queryable } from '../../platform/db.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { chinaMs, toChinaDate, toChinaIso, type DemoUser, type DemoWorld } from './demo-generator.js';
import { planUpcomingSessions, type DemoUpcomingSession } from './demo-upcoming.js';
import { createRandom } from './random.js';

// Campaigns (活动) for the demo: the Jiangsu bureau's 2023 春风行动 and 2022 金秋招聘月 over the report window's
// Jiangsu sessions, an admin-run 金秋招聘月 in Guangdong, and a current Jiangsu campaign holding the upcoming
// bureau session, so a seeker finds a campaign with a session to book. Its own random stream ('campaigns'):
// the rows of every other stage stay as they were; sessions only gain their campaign_id.

export type DemoCampaign = {
  id: string;
  name: string;
  description: string;
  organiserUserId: string;
  provinceCode: string | null;
  cityCode: string | null;
  startsOn: string;
  endsOn: string;
  createdAt: string;
  sessionIds: string[];
};

const DAY_MS = 86_400_000;
const JIANGSU = '32';
const GUANGDONG = '44';

function loginUser(world: DemoWorld, key: (typeof DEMO_ACCOUNTS)[number]['key']): DemoUser {
  const login = DEMO_ACCOUNTS.find((account) => account.key === key)!.login;
  const user = world.users.find((candidate) => candidate.email === login || candidate.phone === login);
  if (!user) throw new Error(`demo account ${login} is missing from the demo world`);
  return user;
}

const addDays = (date: string, days: number) => toChinaDate(chinaMs(date) + days * DAY_MS);

/**
 * The demo campaigns and their sessions: a province's campaign holds the sessions held in the province (and the
 * bureau's own) within its period; each session is in at most one campaign.
 */
export function planDemoCampaigns(world: DemoWorld, upcoming: readonly DemoUpcomingSession[] = planUpcomingSessions(world)): DemoCampaign[] {
  const random = createRandom(world.options.seed, 'campaigns');
  const bureau = loginUser(world, 'bureau');
  const admin = loginUser(world, 'admin');
  // The product lets a bureau add sessions with a job in its province too; the demo keeps to sessions held in it.
  const isHeldIn = (session: { provinceCode: string }, province: string) => session.provinceCode === province;
  const startsOn = (session: { startsAt: string }) => toChinaDate(Date.parse(session.startsAt));
  const between = (session: { startsAt: string }, from: string, to: string) => startsOn(session) >= from && startsOn(session) <= to;
  const createdAt = (date: string) => toChinaIso(chinaMs(date, random.int(9 * 60, 17 * 60)) - random.int(10, 30) * DAY_MS);

  const today = world.options.today;
  /** A province's campaign over the report window's sessions held in the province. */
  const provinceCampaign = (name: string, description: string, organiserUserId: string, provinceCode: string, from: string, to: string): DemoCampaign => ({
    id: random.uuid(), name, description, organiserUserId, provinceCode, cityCode: null, startsOn: from, endsOn: to, createdAt: '',
    sessionIds: world.sessions.filter((session) => between(session, from, to) && isHeldIn(session, provinceCode)).map((session) => session.id),
  });
  const campaigns: DemoCampaign[] = [
    provinceCampaign('2023年春风行动·江苏专场（演示）', '春节前后送岗位、送政策、送服务：全省人社部门联合企业直播带岗，岗位真实、全程免费（演示数据）。',
      bureau.id, JIANGSU, '2023-01-01', '2023-03-31'),
    provinceCampaign('2022年金秋招聘月·江苏专场（演示）', '秋季企业用工高峰，省内重点企业和人力资源机构集中直播带岗（演示数据）。',
      bureau.id, JIANGSU, '2022-09-01', '2022-10-31'),
    provinceCampaign('2022年金秋招聘月·广东专场（演示）', '面向返岗务工人员和高校毕业生的秋季招聘，珠三角制造业企业集中直播（演示数据）。',
      admin.id, GUANGDONG, '2022-09-01', '2022-10-31'),
    {
      id: random.uuid(),
      name: '江苏人社直播带岗·就业服务月（演示）',
      description: '本月全省人社部门直播带岗：开播前预约，开播时提醒你（演示数据）。',
      organiserUserId: bureau.id, provinceCode: JIANGSU, cityCode: null,
      startsOn: addDays(today, -14), endsOn: addDays(today, 16), createdAt: '',
      // The upcoming sessions, and any of the world's sessions that ran in the last two weeks.
      sessionIds: [...world.sessions, ...upcoming]
        .filter((session) => between(session, addDays(today, -14), addDays(today, 16)) && (session.hostUserId === bureau.id || isHeldIn(session, JIANGSU)))
        .map((session) => session.id),
    },
  ];
  // A session is in one campaign at most: the first that claims it keeps it.
  const claimed = new Set<string>();
  for (const campaign of campaigns) {
    campaign.sessionIds = campaign.sessionIds.filter((sessionId) => !claimed.has(sessionId));
    for (const sessionId of campaign.sessionIds) claimed.add(sessionId);
    campaign.createdAt = createdAt(campaign.startsOn);
  }
  return campaigns;
}

export async function insertDemoCampaigns(tx: Queryable, campaigns: readonly DemoCampaign[]) {
  if (campaigns.length === 0) return;
  await tx.query(
    `insert into campaigns (id, name, description, organiser_user_id, province_code, city_code, starts_on, ends_on, created_at, updated_at, is_synthetic)
     select id, name, description, organiser_user_id, province_code, city_code, starts_on, ends_on, created_at, created_at, true
     from unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::date[], $8::date[], $9::timestamptz[])
       as t (id, name, description, organiser_user_id, province_code, city_code, starts_on, ends_on, created_at)`,
    [
      campaigns.map((campaign) => campaign.id), campaigns.map((campaign) => campaign.name), campaigns.map((campaign) => campaign.description),
      campaigns.map((campaign) => campaign.organiserUserId), campaigns.map((campaign) => campaign.provinceCode), campaigns.map((campaign) => campaign.cityCode),
      campaigns.map((campaign) => campaign.startsOn), campaigns.map((campaign) => campaign.endsOn), campaigns.map((campaign) => campaign.createdAt),
    ],
  );
  const links = campaigns.flatMap((campaign) => campaign.sessionIds.map((sessionId) => ({ sessionId, campaignId: campaign.id })));
  await tx.query(
    `update live_sessions s set campaign_id = t.campaign_id
     from unnest($1::uuid[], $2::uuid[]) as t (session_id, campaign_id) where s.id = t.session_id`,
    [links.map((link) => link.sessionId), links.map((link) => link.campaignId)],
  );
}
