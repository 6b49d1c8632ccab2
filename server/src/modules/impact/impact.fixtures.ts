import type { Context } from '../../app.js';
import type { AuthUser } from '../../platform/http.js';
import { buildBureau } from '../../test/campaign-factories.js';
import { buildCompany, buildJob, buildUser } from '../../test/factories.js';
import { buildApplication, buildSeeker, buildSession } from '../../test/pipeline-factories.js';
import { createPipelineService, type PipelineAction } from '../pipeline/index.js';

/**
 * Hand-scripted data for the impact figures (times China time, UTC+8); the figures the tests expect are worked
 * out in impact.int.test.ts from this table, not by the code under test.
 *
 * Companies: A 甲厂 (direct, 苏州, employer eA), B 乙人力 (agency, 苏州, eB), G 深圳厂 (direct, 深圳, eG).
 * Jobs (valid 2025-12-01 … 2026-03-31): jA1 苏州 tagged 互联网招聘师, jA2 南京, jB1 苏州, jG 深圳 tagged 互联网招聘师.
 * Sessions: S1 host1 苏州 01-05 ended, in campaign C1 (jA1, jB1) · S2 bureau 江苏 hosts, 南京 01-06 ended (jA2)
 *           S3 host2 深圳 01-07 ended (jG) · S4 host1 苏州 01-20 scheduled · S5 host2 苏州 2025-12-20 ended.
 * Stated occupations: host1 带岗主播, eA 互联网招聘师, eG 互联网招聘师.
 * Unique viewers: S1 v1 v2 v3 v4 · S2 v3 v4 v5 · S3 v9 · S5 v7.
 *
 *  app  job  session  applied       history
 *  a1   jA1  S1       01-05 10:00   eA contact 01-05, hire 01-07, onboard 01-08 (start 01-08), confirm_stay 01-15
 *  a2   jA1  S1       01-05 12:00   eA contact 01-05, hire 01-06, onboard 01-07, record_left 01-10
 *  a3   jB1  S1       01-06 09:00   eB contact 01-06, hire 01-08, UNDO the hire 01-08
 *  a4   jA2  S2       01-06 10:00   eA contact 01-06, hire 01-09, onboard 01-12, UNDO the onboarding 01-12
 *  a5   jG   S3       01-07 08:00   eG contact 01-07, hire 01-08, onboard 01-09, confirm_stay 01-16
 *  a6   jA1  —        2025-12-28    eA contact 2025-12-29, hire 01-03
 *  a7   jA1  S1       01-30 10:00   eA contact 01-31, hire 02-02
 */
export type ImpactFixture = {
  users: Record<'host1' | 'host2' | 'bureauJiangsu' | 'bureauGuangdong' | 'employerA' | 'employerB' | 'employerG' | 'admin' | 'seeker', AuthUser>;
  campaignId: string;
  occupationIds: Record<'带岗主播' | '互联网招聘师', number>;
};

const cst = (text: string) => new Date(`${text.length === 11 ? `2026-${text}` : text}:00+08:00`);

export async function buildImpactFixture(context: Context): Promise<ImpactFixture> {
  let clock = new Date();
  const pipeline = createPipelineService({ db: context.db, events: context.events, notifications: context.notifications, now: () => clock });
  const occupationRows = await context.db.query<{ id: number; name: string }>(`select id, name from occupations where name in ('带岗主播', '互联网招聘师')`);
  const occupationIds = Object.fromEntries(occupationRows.map((row) => [row.name, row.id])) as ImpactFixture['occupationIds'];

  const a = await buildCompany(context, { cityCode: '320500', name: '甲厂' });
  const b = await buildCompany(context, { cityCode: '320500', name: '乙人力' });
  await context.db.query(`update companies set account_type = 'agency', hr_licence_number = '(苏)人服证字[2026]第0001号' where id = $1`, [b.company.id]);
  const g = await buildCompany(context, { cityCode: '440300', name: '深圳厂' });
  const validity = { validFrom: '2025-12-01', validUntil: '2026-03-31' };
  const jA1 = await buildJob(context, a.employer, { ...validity, cityCode: '320500', occupationId: occupationIds['互联网招聘师'] });
  const jA2 = await buildJob(context, a.employer, { ...validity, cityCode: '320100', title: '南京仓管' });
  const jB1 = await buildJob(context, b.employer, { ...validity, cityCode: '320500', title: '派驻普工' });
  const jG = await buildJob(context, g.employer, { ...validity, cityCode: '440300', title: '深圳普工', occupationId: occupationIds['互联网招聘师'] });

  const users: ImpactFixture['users'] = {
    host1: await buildUser(context, { role: 'host', displayName: '主播一' }),
    host2: await buildUser(context, { role: 'host', displayName: '主播二' }),
    bureauJiangsu: await buildBureau(context, '32', '江苏人社'),
    bureauGuangdong: await buildBureau(context, '44', '广东人社'),
    employerA: a.employer,
    employerB: b.employer,
    employerG: g.employer,
    admin: await buildUser(context, { role: 'admin' }),
    seeker: await buildSeeker(context),
  };
  await context.impact.stateOccupation(users.host1, occupationIds['带岗主播']);
  await context.impact.stateOccupation(users.employerA, occupationIds['互联网招聘师']);
  await context.impact.stateOccupation(users.employerG, occupationIds['互联网招聘师']);

  const session = async (host: AuthUser, title: string, startsAt: string, provinceCode: string, cityCode: string, jobIds: string[], status: 'ended' | 'scheduled' = 'ended') => {
    const { id } = await buildSession(context, host, { title, startsAt: cst(startsAt), provinceCode, jobIds, status });
    await context.db.query('update live_sessions set city_code = $2 where id = $1', [id, cityCode]);
    return id;
  };
  const s1 = await session(users.host1, 'S1', '01-05T09:00', '32', '320500', [jA1.id, jB1.id]);
  const s2 = await session(users.bureauJiangsu, 'S2', '01-06T09:00', '32', '320100', [jA2.id]);
  const s3 = await session(users.host2, 'S3', '01-07T09:00', '44', '440300', [jG.id]);
  await session(users.host1, 'S4', '01-20T09:00', '32', '320500', [jA1.id], 'scheduled');
  const s5 = await session(users.host2, 'S5', '2025-12-20T09:00', '32', '320500', [jA1.id]);
  const [campaign] = await context.db.query<{ id: string }>(
    `insert into campaigns (name, organiser_user_id, province_code, starts_on, ends_on) values ('2026 春风行动', $1, '32', '2026-01-01', '2026-03-31') returning id`,
    [users.bureauJiangsu.id],
  );
  await context.db.query('update live_sessions set campaign_id = $2 where id = $1', [s1, campaign.id]);
  for (const [sessionId, viewers] of [[s1, [1, 2, 3, 4]], [s2, [3, 4, 5]], [s3, [9]], [s5, [7]]] as const) {
    for (const viewer of viewers) await context.db.query('insert into live_session_viewers (session_id, viewer_key) values ($1, $2)', [sessionId, `v${viewer}`]);
  }

  const plan: Array<[string, string, string | null, string, AuthUser]> = [
    ['a1', jA1.id, s1, '01-05T10:00', users.employerA],
    ['a2', jA1.id, s1, '01-05T12:00', users.employerA],
    ['a3', jB1.id, s1, '01-06T09:00', users.employerB],
    ['a4', jA2.id, s2, '01-06T10:00', users.employerA],
    ['a5', jG.id, s3, '01-07T08:00', users.employerG],
    ['a6', jA1.id, null, '2025-12-28T10:00', users.employerA],
    ['a7', jA1.id, s1, '01-30T10:00', users.employerA],
  ];
  const ids: Record<string, number> = {};
  const employers: Record<string, AuthUser> = {};
  for (const [key, jobId, sessionId, when, employer] of plan) {
    const seeker = await buildSeeker(context);
    ids[key] = await buildApplication(context, { jobId, seekerUserId: seeker.id, sessionId, appliedAt: cst(when) });
    employers[key] = employer;
  }
  const act = async (key: string, when: string, action: PipelineAction | 'undo') => {
    clock = cst(when);
    if (action === 'undo') await pipeline.undo(employers[key], ids[key]);
    else await pipeline.transition(employers[key], ids[key], action);
  };
  await act('a6', '2025-12-29T10:00', { type: 'contact' });
  await act('a6', '01-03T10:00', { type: 'hire' });
  await act('a1', '01-05T11:00', { type: 'contact' });
  await act('a2', '01-05T13:00', { type: 'contact' });
  await act('a2', '01-06T10:00', { type: 'hire' });
  await act('a3', '01-06T10:00', { type: 'contact' });
  await act('a4', '01-06T11:00', { type: 'contact' });
  await act('a1', '01-07T10:00', { type: 'hire' });
  await act('a2', '01-07T12:00', { type: 'onboard', startDate: '2026-01-07' });
  await act('a5', '01-07T09:00', { type: 'contact' });
  await act('a3', '01-08T10:00', { type: 'hire' });
  await act('a3', '01-08T11:00', 'undo');
  await act('a5', '01-08T10:00', { type: 'hire' });
  await act('a1', '01-08T12:00', { type: 'onboard', startDate: '2026-01-08' });
  await act('a4', '01-09T10:00', { type: 'hire' });
  await act('a5', '01-09T12:00', { type: 'onboard', startDate: '2026-01-09' });
  await act('a2', '01-10T12:00', { type: 'record_left', reason: '嫌夜班多' });
  await act('a4', '01-12T12:00', { type: 'onboard', startDate: '2026-01-12' });
  await act('a4', '01-12T13:00', 'undo');
  await act('a1', '01-15T10:00', { type: 'confirm_stay' });
  await act('a5', '01-16T10:00', { type: 'confirm_stay' });
  await act('a7', '01-31T10:00', { type: 'contact' });
  await act('a7', '02-02T10:00', { type: 'hire' });
  return { users, campaignId: campaign.id, occupationIds };
}
