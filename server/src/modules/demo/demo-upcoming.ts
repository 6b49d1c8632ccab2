import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../platform/db.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { chinaMs, toChinaIso, type DemoJob, type DemoSession, type DemoUser, type DemoWorld } from './demo-generator.js';
import { createRandom, type Random } from './random.js';

// Upcoming live sessions for the demo, anchored to the seed's "today", so a person who runs `npm start`
// finds sessions to book (预约) with a countdown, and the demo host has one ready to go live from OBS.
// The 2022 sessions of the report's window are all ended (replays); these are the product's present.

/** A scheduled session: the ended sessions' shape without the times it has not had yet, plus its bookings. */
export type DemoUpcomingSession = Omit<DemoSession, 'wentLiveAt' | 'endedAt'> & {
  /** Seekers who booked it (the demo seeker books the first two). */
  bookedBy: string[];
};

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const JIANGSU = '32';

const COVERS = [
  '主播实地探访车间、宿舍和食堂，HR在线答疑；直播间一键报名，全程免费',
  '工价、班次、食宿一次讲清楚，开播前预约，开播时提醒你',
  '现场连线企业HR，工资怎么算、住哪里、吃什么，直播间直接问',
];

function loginUser(world: DemoWorld, key: (typeof DEMO_ACCOUNTS)[number]['key']): DemoUser {
  const login = DEMO_ACCOUNTS.find((account) => account.key === key)!.login;
  const user = world.users.find((candidate) => candidate.email === login || candidate.phone === login);
  if (!user) throw new Error(`demo account ${login} is missing from the demo world`);
  return user;
}

function pickJobs(random: Random, jobs: readonly DemoJob[], count: number): DemoJob[] {
  return random.shuffle(jobs).slice(0, count);
}

/**
 * Six scheduled sessions between the anchor date and ten days after it: the demo host's own session tonight
 * (the demo employer's jobs) and tomorrow (the agency's), a Jiangsu bureau session, and three more across the
 * country. Deterministic for a seed and anchor date; its own random stream, so the other stages' rows are
 * unchanged.
 */
export function planUpcomingSessions(world: DemoWorld): DemoUpcomingSession[] {
  const random = createRandom(world.options.seed, 'upcoming-sessions');
  const today = world.options.today;
  const openJobs = world.jobs.filter((job) => job.status === 'open');
  const host = loginUser(world, 'host');
  const bureau = loginUser(world, 'bureau');
  const seeker = loginUser(world, 'seeker');
  const employerCompany = loginUser(world, 'employer').companyId;
  const agencyCompany = loginUser(world, 'agency').companyId;
  const otherHosts = world.users.filter((user) => user.role === 'host' && user.id !== host.id);
  const seekers = world.users.filter((user) => user.role === 'seeker' && user.id !== seeker.id);

  const byCity = new Map<string, DemoJob[]>();
  for (const job of openJobs) byCity.set(job.input.cityCode, [...(byCity.get(job.input.cityCode) ?? []), job]);
  const busyCities = [...byCity.entries()]
    .filter(([code, jobs]) => code.slice(0, 2) !== JIANGSU && jobs.length >= 4)
    .sort((left, right) => right[1].length - left[1].length || (left[0] < right[0] ? -1 : 1))
    .slice(0, 8);
  const cities = random.shuffle(busyCities).slice(0, 3);

  const plans: Array<{ title: string; hostUserId: string; dayOffset: number; minutes: number; jobs: DemoJob[] }> = [
    {
      title: '苏州电子厂直播专场：车间、宿舍、食堂实拍',
      hostUserId: host.id, dayOffset: 0, minutes: 19 * 60 + 30,
      jobs: pickJobs(random, openJobs.filter((job) => job.companyId === employerCompany), 5),
    },
    {
      title: '多家工厂好岗一次看｜包吃住、可夫妻房',
      hostUserId: host.id, dayOffset: 1, minutes: 19 * 60,
      jobs: pickJobs(random, openJobs.filter((job) => job.companyId === agencyCompany), 5),
    },
    {
      title: '江苏人社直播带岗 · 冬季就业服务专场',
      hostUserId: bureau.id, dayOffset: 2, minutes: 10 * 60,
      jobs: pickJobs(random, openJobs.filter((job) => job.input.cityCode.startsWith(JIANGSU)), 6),
    },
    ...cities.map(([, jobs], index) => ({
      title: `好岗直播｜${jobs[0].input.title.replace(/（.*?）/g, '')}等${Math.min(jobs.length, 5)}个岗位`,
      hostUserId: random.pick(otherHosts).id,
      dayOffset: 3 + index * 2 + random.int(0, 1),
      minutes: random.pick([10 * 60, 14 * 60 + 30, 19 * 60, 20 * 60]),
      jobs: pickJobs(random, jobs, 5),
    })),
  ];

  return plans.filter((plan) => plan.jobs.length > 0).map((plan, index) => {
    const startsMs = chinaMs(today, plan.minutes) + plan.dayOffset * DAY_MS;
    const city = plan.jobs[0].input.cityCode;
    const bookings = random.shuffle(seekers).slice(0, random.int(12, 60)).map((user) => user.id);
    return {
      id: random.uuid(),
      title: plan.title,
      hostUserId: plan.hostUserId,
      startsAt: toChinaIso(startsMs),
      coverText: random.pick(COVERS),
      provinceCode: city.slice(0, 2),
      cityCode: city,
      createdAt: toChinaIso(chinaMs(today) - random.int(1, 3) * DAY_MS - random.int(0, 600) * MINUTE_MS),
      jobIds: plan.jobs.map((job) => job.id),
      bookedBy: index < 2 ? [seeker.id, ...bookings] : bookings,
    };
  });
}

/**
 * Writes the upcoming sessions, their jobs, bookings and stream keys. The stream keys are the one random,
 * non-reproducible part of the demo: they are secrets (whoever knows one can publish to that session).
 */
export async function insertUpcomingSessions(tx: Queryable, sessions: readonly DemoUpcomingSession[]) {
  if (sessions.length === 0) return;
  await tx.query(
    `insert into live_sessions (id, title, host_user_id, created_by, starts_at, status, cover_text, province_code, city_code, created_at, is_synthetic)
     select id, title, host_user_id, host_user_id, starts_at, 'scheduled', cover_text, province_code, city_code, created_at, true
     from unnest($1::uuid[], $2::text[], $3::uuid[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::timestamptz[])
       as t (id, title, host_user_id, starts_at, cover_text, province_code, city_code, created_at)`,
    [
      sessions.map((session) => session.id), sessions.map((session) => session.title), sessions.map((session) => session.hostUserId),
      sessions.map((session) => session.startsAt), sessions.map((session) => session.coverText), sessions.map((session) => session.provinceCode),
      sessions.map((session) => session.cityCode), sessions.map((session) => session.createdAt),
    ],
  );
  const sessionJobs = sessions.flatMap((session) => session.jobIds.map((jobId, position) => ({ sessionId: session.id, jobId, position })));
  await tx.query(
    'insert into live_session_jobs (session_id, job_id, position) select * from unnest($1::uuid[], $2::uuid[], $3::int[])',
    [sessionJobs.map((row) => row.sessionId), sessionJobs.map((row) => row.jobId), sessionJobs.map((row) => row.position)],
  );
  await tx.query(
    'insert into live_session_stream_keys (session_id, secret) select * from unnest($1::uuid[], $2::text[])',
    [sessions.map((session) => session.id), sessions.map(() => randomBytes(24).toString('base64url'))],
  );
  const bookings = sessions.flatMap((session) => session.bookedBy.map((userId, index) => ({ sessionId: session.id, userId, createdAt: toChinaIso(Date.parse(session.createdAt) + (index + 1) * 7 * MINUTE_MS) })));
  await tx.query(
    'insert into live_session_bookings (session_id, user_id, created_at) select * from unnest($1::uuid[], $2::uuid[], $3::timestamptz[])',
    [bookings.map((row) => row.sessionId), bookings.map((row) => row.userId), bookings.map((row) => row.createdAt)],
  );
}
