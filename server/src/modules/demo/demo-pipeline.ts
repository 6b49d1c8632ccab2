import type { Queryable } from '../../platform/db.js';
import type { Reference } from '../geo/index.js';
import { applyTransition, initialState, sevenDayCheckDueOn, type PipelineAction, type PipelineActor, type PipelineState } from '../pipeline/index.js';
import { WINDOW_TO } from './demo-catalogue.js';
import { chinaMs, toChinaDate, toChinaIso, type DemoApplication, type DemoCompany, type DemoJob, type DemoSession, type DemoUser, type DemoWorld } from './demo-generator.js';
import * as repository from './demo-pipeline.repository.js';
import { createRandom, type Random } from './random.js';

// The demo's recruitment pipeline: what happened to each application after it was sent, as the pipeline
// service would have recorded it — every event decided by the state machine's own `applyTransition`, so the
// history is valid by construction — plus the session funnel's first steps (unique viewers, job-card opens)
// and a little recent activity around the anchor date for the demo accounts. See the module's README.
//
// Two parts, like the rest of the demo: `addDemoPipeline` is pure (seed, scale, anchor date → the same
// world), and decides each application's final status before the applications are written (so the rollup
// triggers see one insert, no update); `writeDemoPipeline` writes the rows in bulk, in the same transaction.
// The history is generated twice from the same named PRNG stream (once for the statuses, once while
// writing, in chunks) rather than held in memory: at scale 100 that is millions of events.

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Events are written per this many applications (and their funnel rows per this many rows). */
const WRITE_CHUNK_APPLICATIONS = 10_000;
const WRITE_CHUNK_ROWS = 20_000;
/** Notifications older than this (before the anchor date) were read by the time of seeding. */
const READ_AFTER_DAYS = 3;

/** Recent sessions relative to the anchor date, all ended, in the demo employer's city. */
const RECENT_SESSIONS = [
  { daysAgo: 84, host: 'host@jobcast.demo', startMinute: 19 * 60 + 30 },
  { daysAgo: 63, host: 'bureau@jobcast.demo', startMinute: 14 * 60 },
  { daysAgo: 47, host: 'host@jobcast.demo', startMinute: 20 * 60 },
  { daysAgo: 33, host: 'host3@jobcast.demo', startMinute: 19 * 60 },
  { daysAgo: 19, host: 'host@jobcast.demo', startMinute: 19 * 60 + 30 },
  { daysAgo: 6, host: 'host@jobcast.demo', startMinute: 20 * 60 },
] as const;
const COVER_TEXTS = [
  '主播实地探访车间、宿舍和食堂，HR在线答疑；直播间一键报名，全程免费',
  '岗位、工价、班次、食宿一次讲清楚，看中就点报名',
  '现场连线企业HR，工资怎么算、住哪里、吃什么，直播间直接问',
];
const INTERVIEW_MINUTES = [9 * 60 + 30, 10 * 60, 14 * 60, 15 * 60 + 30];

// Reasons a person would type. Never about age, gender or 户籍: the posting rules apply to decisions too.
const REJECT_AFTER_VIEW = ['岗位已招满，已为你推荐同类岗位', '本岗位需持电工证上岗，暂不匹配', '本批次名额已满，下批开放时会通知你'];
const REJECT_AFTER_CONTACT = ['电话沟通后，你希望做长白班，本岗位为两班倒', '多次电话未接通', '期望薪资与本岗位差距较大'];
const REJECT_AFTER_INTERVIEW = ['面试未通过：实操考核未达标', '未按约定时间参加面试', '面试未通过：岗位需要熟练使用电脑'];
const WITHDRAW_REASONS = ['已找到其他工作', '离家太远，不去了', '家里有事，暂时不出去了', null, null];
const DECLINE_REASONS = ['时间冲突，想换个时间', null];
const LEFT_REASONS_POOR = ['宿舍条件与直播里介绍的不一样', '工价计算方式与招聘时说的不一致', '加班太多，和说好的不一样', '工作强度比预期大'];
const LEFT_REASONS_OTHER = ['家里有事回老家', '找到离家更近的工作', '不适应两班倒'];

type Retention = 'good' | 'average' | 'poor';
type Responsiveness = 'fast' | 'normal' | 'slow';

/** How a company works its applications: the trust signals and the 7-day attrition come out of this. */
export type CompanyProfile = {
  retention: Retention;
  responsiveness: Responsiveness;
  /** Median hours from application to first contact. */
  medianContactHours: number;
  /** Share of applications the company opens at all, and of those it contacts. */
  viewShare: number;
  contactShare: number;
  /** Target 7-day attrition (left ÷ onboarded), applied as an exact count per company and cohort. */
  attrition: number;
  interviewPlace: string;
};

/** Where a non-hired application ends up (drawn from the company's profile, or scripted). */
type Outcome = {
  reach: 'submitted' | 'viewed' | 'contacted' | 'interview';
  /** The call and the interview invitation are one step (schedule_interview straight from viewed). */
  direct?: boolean;
  response?: 'accepted' | 'declined' | null;
  end?: 'reject' | 'withdraw' | null;
  /** Pinned times (epoch ms) for the scripted scenes around the anchor date. */
  viewAt?: number;
  contactAt?: number;
  scheduleAt?: number;
  interviewAt?: number;
};

type HirePlan = {
  at: number;
  leaves: boolean;
  reason?: string;
  startDate?: string;
  /** Nothing recorded after onboarding yet (the 7-day check is open). */
  isOpen?: boolean;
  /** Excluded from the attrition quota (its ending is scripted). */
  isScripted?: boolean;
};

type Meta = { hire?: HirePlan; outcome?: Outcome };

export type DemoPipelineCounts = {
  events: number;
  /** Applications whose history holds each final status. */
  statuses: Record<string, number>;
  recentSessions: number;
  recentApplications: number;
  recentHires: number;
  /** The first day of the recent activity (China date). */
  recentSince: string;
};

export type DemoPipelineStage = {
  seed: number;
  anchorDate: string;
  /** Nothing recent happens on or after the anchor date's midnight (China time): the seed may run at 00:01. */
  cutoffMs: number;
  /** Applications [0, windowCount) are the generator's; the rest are recent. */
  windowCount: number;
  meta: Array<Meta | undefined>;
  profiles: Map<string, CompanyProfile>;
  counts: DemoPipelineCounts;
};

export type DemoWorldWithPipeline = DemoWorld & { pipeline: DemoPipelineStage };

// ---------------------------------------------------------------------------------------------- time ----

const seconds = (ms: number) => Math.floor(ms / 1000) * 1000;
const between = (random: Random, low: number, high: number) => low + random.next() * (high - low);
const addDays = (date: string, days: number) => toChinaDate(chinaMs(date) + days * DAY_MS);
const minuteOfDay = (ms: number) => Math.floor((((ms + 8 * HOUR_MS) % DAY_MS) + DAY_MS) % DAY_MS / MINUTE_MS);

/** A time outside [opens, closes) (minutes of the China day) moves to the next opening, unless that is not before `before`. */
function withinHours(ms: number, random: Random, opens: number, closes: number, before: number): number {
  const minute = minuteOfDay(ms);
  if (minute >= opens && minute < closes) return ms;
  const date = toChinaDate(ms);
  const next = chinaMs(minute >= closes ? addDays(date, 1) : date, opens + random.int(0, 90));
  return next < before ? seconds(next) : ms;
}
/** Employers act in office hours (08:00–21:30 China time; the quick ones follow up a live session until 23:00). */
const officeHours = (profile: CompanyProfile, ms: number, random: Random, before = Number.POSITIVE_INFINITY) =>
  withinHours(ms, random, 8 * 60, profile.responsiveness === 'fast' ? 23 * 60 : 21 * 60 + 30, before);
/** Seekers answer when awake (07:00–23:30). */
const wakingHours = (ms: number, random: Random, before = Number.POSITIVE_INFINITY) => withinHours(ms, random, 7 * 60, 23 * 60 + 30, before);

/** Hours to first contact: the company's median times a skewed factor (median 1, 0.12 … 2.7). */
function contactDelayMs(profile: CompanyProfile, random: Random) {
  const factor = 0.35 + 1.3 * random.next();
  return profile.medianContactHours * factor * factor * HOUR_MS;
}

// ------------------------------------------------------------------------------------------- indexes ----

type WorldIndex = {
  companyById: Map<string, DemoCompany>;
  jobById: Map<string, DemoJob>;
  memberByCompany: Map<string, DemoUser>;
  seekerName: Map<string, string>;
  seekerHome: Map<string, string>;
  demoCompanyId: string;
  demoCompanyMembers: string[];
  demoSeekerId: string;
  userByEmail: Map<string, DemoUser>;
};

function indexWorld(world: DemoWorld): WorldIndex {
  const memberByCompany = new Map<string, DemoUser>();
  for (const user of world.users) if (user.role === 'employer' && user.companyId && !memberByCompany.has(user.companyId)) memberByCompany.set(user.companyId, user);
  const userByEmail = new Map(world.users.filter((user) => user.email).map((user) => [user.email!, user]));
  const employer = userByEmail.get(world.accounts.find((account) => account.key === 'employer')!.login)!;
  const seekerLogin = world.accounts.find((account) => account.key === 'seeker')!.login;
  return {
    companyById: new Map(world.companies.map((company) => [company.id, company])),
    jobById: new Map(world.jobs.map((job) => [job.id, job])),
    memberByCompany,
    seekerName: new Map(world.profiles.map((profile) => [profile.userId, profile.name])),
    seekerHome: new Map(world.profiles.map((profile) => [profile.userId, profile.homeCityCode])),
    demoCompanyId: employer.companyId!,
    demoCompanyMembers: world.users.filter((user) => user.role === 'employer' && user.companyId === employer.companyId).map((user) => user.id),
    demoSeekerId: world.users.find((user) => user.phone === seekerLogin)!.id,
    userByEmail,
  };
}

// ---------------------------------------------------------------------------------- company profiles ----

const RESPONSIVENESS_BY_RETENTION: Record<Retention, ReadonlyArray<readonly [Responsiveness, number]>> = {
  good: [['fast', 7], ['normal', 3]],
  average: [['fast', 3], ['normal', 5], ['slow', 2]],
  poor: [['normal', 4], ['slow', 6]],
};

/**
 * Retention by rank: companies ordered by their hires are dealt out in threes, one good (attrition 2–4.5 %),
 * one average (8–15 %) and one poor (20–30 %) per three, so the big employers differ for every seed. The
 * demo employer is a good one (the report's story: under 5 %), and answers fast.
 */
function drawCompanyProfiles(world: DemoWorld, index: WorldIndex, random: Random): Map<string, CompanyProfile> {
  const hires = new Map<string, number>();
  for (const application of world.applications) if (application.hiredAt) hires.set(application.companyId, (hires.get(application.companyId) ?? 0) + 1);
  const ranked = world.companies.filter((company) => company.status === 'verified')
    .sort((left, right) => (hires.get(right.id) ?? 0) - (hires.get(left.id) ?? 0) || (left.id < right.id ? -1 : left.id > right.id ? 1 : 0));
  const profiles = new Map<string, CompanyProfile>();
  for (let start = 0; start < ranked.length; start += 3) {
    const block = ranked.slice(start, start + 3);
    const tiers = random.shuffle<Retention>(['good', 'average', 'poor']);
    const demoAt = block.findIndex((company) => company.id === index.demoCompanyId);
    if (demoAt >= 0) {
      const goodAt = tiers.indexOf('good');
      [tiers[demoAt], tiers[goodAt]] = [tiers[goodAt], tiers[demoAt]];
    }
    block.forEach((company, position) => {
      const retention = tiers[position];
      const isDemo = company.id === index.demoCompanyId;
      const responsiveness = isDemo ? 'fast' : random.weighted(RESPONSIVENESS_BY_RETENTION[retention], ([, weight]) => weight)[0];
      const name = company.name.replace('（演示）', '');
      profiles.set(company.id, {
        retention,
        responsiveness,
        medianContactHours: { fast: between(random, 1, 4), normal: between(random, 6, 20), slow: between(random, 28, 60) }[responsiveness],
        viewShare: { fast: 0.97, normal: 0.9, slow: 0.72 }[responsiveness],
        contactShare: { fast: 0.85, normal: 0.66, slow: 0.45 }[responsiveness],
        attrition: { good: between(random, 0.02, 0.045), average: between(random, 0.08, 0.15), poor: between(random, 0.2, 0.3) }[retention],
        interviewPlace: `${name}${{ direct: '人事部面试室', agency: '服务门店', dispatch: '服务门店', public: '服务大厅招聘窗口' }[company.accountType]}（请带身份证原件）`,
      });
    });
  }
  return profiles;
}

function profileOf(stage: Pick<DemoPipelineStage, 'profiles'>, companyId: string): CompanyProfile {
  const profile = stage.profiles.get(companyId);
  if (!profile) throw new Error(`demo pipeline: company ${companyId} has applications but is not verified`);
  return profile;
}

// ---------------------------------------------------------------------------------- recent activity ----

type RecentPlan = { sessions: DemoSession[]; applications: DemoApplication[]; meta: Meta[] };

/**
 * A few ended sessions in the months before the anchor date, in the demo employer's city, with their
 * applications at every stage; and the scenes the demo accounts should find: hires whose 7-day check is
 * overdue, due today and coming due, a hire about to start, interviews in the next days (one of them the
 * demo seeker's, still to be answered), fresh applications from yesterday.
 */
function planRecent(world: DemoWorld, reference: Reference, index: WorldIndex, profiles: Map<string, CompanyProfile>, random: Random, cutoffMs: number): RecentPlan {
  const anchor = world.options.today;
  const demoCompany = index.companyById.get(index.demoCompanyId)!;
  const city = reference.cities.find((item) => item.code === demoCompany.cityCode)!;
  const province = reference.provinces.find((item) => item.code === city.provinceCode)!;
  const demoJobs = world.jobs.filter((job) => job.companyId === demoCompany.id && job.status === 'open');
  const isPostable = (job: DemoJob) => job.status === 'open' && index.companyById.get(job.companyId)?.status === 'verified';
  const provinceJobs = world.jobs.filter((job) => job.companyId !== demoCompany.id && isPostable(job) && job.input.cityCode.startsWith(city.provinceCode));
  // The rooms present the demo employer's jobs, one job of a local employer whose hires often leave in the
  // first week (the contrast a seeker sees on the job pages' trust signals), and a few other local jobs.
  const windowHires = new Map<string, number>();
  for (const application of world.applications) if (application.hiredAt) windowHires.set(application.companyId, (windowHires.get(application.companyId) ?? 0) + 1);
  const local = provinceJobs.filter((job) => job.input.cityCode === city.code)
    .sort((left, right) => (windowHires.get(right.companyId) ?? 0) - (windowHires.get(left.companyId) ?? 0) || (left.id < right.id ? -1 : 1));
  const contrastId = local.find((job) => profiles.get(job.companyId)?.retention === 'poor')?.companyId;
  const contrastJobs = local.filter((job) => job.companyId === contrastId);
  const partnerIds = [...new Set(local.map((job) => job.companyId))].filter((companyId) => companyId !== contrastId).slice(0, 4);
  const partnerJobs = local.filter((job) => partnerIds.includes(job.companyId));
  const otherPool = partnerJobs.length >= 3 ? partnerJobs : provinceJobs.filter((job) => job.companyId !== contrastId);
  const seekerPool = world.users.filter((user) => user.role === 'seeker' && user.id !== index.demoSeekerId).map((user) => user.id);
  const applied = new Set<string>();
  const recentJobIds = new Set([...demoJobs, ...provinceJobs].map((job) => job.id));
  for (const application of world.applications) if (recentJobIds.has(application.jobId)) applied.add(`${application.jobId}|${application.seekerUserId}`);

  const sessions: DemoSession[] = [];
  const applications: DemoApplication[] = [];
  const meta: Meta[] = [];
  const makeApplication = (session: DemoSession, jobId: string, seekerUserId: string, source: 'live' | 'replay', appliedMs: number, extra: Meta = {}) => {
    const job = index.jobById.get(jobId)!;
    applied.add(`${jobId}|${seekerUserId}`);
    const application: DemoApplication = {
      jobId, seekerUserId, sessionId: session.id, source, status: 'submitted', appliedAt: toChinaIso(appliedMs),
      seekerCityCode: index.seekerHome.get(seekerUserId)!, jobCityCode: job.input.cityCode, categoryCode: job.input.categoryCode,
      industryCode: job.input.industryCode, companyId: job.companyId, hiredAt: null,
    };
    applications.push(application);
    meta.push(extra);
    return application;
  };
  const pickSeeker = (jobId: string) => {
    for (;;) {
      const seeker = random.pick(seekerPool);
      if (!applied.has(`${jobId}|${seeker}`)) return seeker;
    }
  };

  RECENT_SESSIONS.forEach((plan, sessionIndex) => {
    const day = addDays(anchor, -plan.daysAgo);
    const startsMs = chinaMs(day, plan.startMinute);
    const wentLiveMs = startsMs + random.int(0, 5) * MINUTE_MS;
    const endedMs = wentLiveMs + random.int(70, 130) * MINUTE_MS;
    const host = index.userByEmail.get(plan.host)!;
    const ownJobs = random.shuffle(demoJobs).slice(0, sessionIndex % 2 === 0 ? 2 : 1);
    const contrast = random.shuffle(contrastJobs.filter((job) => job.input.validFrom < day)).slice(0, 1);
    const others = [...contrast, ...random.shuffle(otherPool.filter((job) => job.input.validFrom < day)).slice(0, random.int(1, 2))];
    const jobs = [...ownJobs, ...others];
    const brand = demoCompany.name.replace(/有限公司|（演示）/g, '');
    const title = host.role === 'bureau'
      ? `${province.shortName}人社直播带岗 · ${city.shortName}专场`
      : [`${city.shortName}普工专场｜包吃包住岗位一次看完`, '', `带你看${brand}：车间、宿舍、食堂实拍`, `${city.shortName}普工、质检岗位直播专场`,
        `${city.shortName}好岗直播｜${jobs.length}个岗位`, `${city.shortName}好岗直播｜当天报名当天回复`][sessionIndex] || `${city.shortName}好岗直播｜${jobs.length}个岗位`;
    const session: DemoSession = {
      id: random.uuid(), title, hostUserId: host.id, startsAt: toChinaIso(startsMs), coverText: random.pick(COVER_TEXTS),
      provinceCode: city.provinceCode, cityCode: city.code, wentLiveAt: toChinaIso(wentLiveMs), endedAt: toChinaIso(endedMs),
      createdAt: toChinaIso(startsMs - random.int(3, 7) * DAY_MS - random.int(0, 600) * MINUTE_MS), jobIds: jobs.map((job) => job.id),
    };
    sessions.push(session);
    if (jobs.length === 0) return;

    // The room's applications: live during the session, or from the replay in the days after it.
    const replayUntil = Math.min(endedMs + 10 * DAY_MS, cutoffMs - 2 * HOUR_MS);
    const count = random.int(26, 40);
    const ownInSession: number[] = [];
    const contrastInSession: number[] = [];
    for (let item = 0; item < count; item += 1) {
      const job = random.weighted(jobs, (candidate) => (candidate.companyId === demoCompany.id ? 1.6 : 1));
      const isLive = random.chance(0.55) || replayUntil <= endedMs + 10 * MINUTE_MS;
      const appliedMs = isLive ? wentLiveMs + random.next() * (endedMs - wentLiveMs) : endedMs + 10 * MINUTE_MS + random.next() * (replayUntil - endedMs - 10 * MINUTE_MS);
      const seeker = pickSeeker(job.id);
      const hire = random.chance(0.12) ? { at: seconds(appliedMs + random.int(24 * 60, 7 * 24 * 60) * MINUTE_MS), leaves: false } : undefined;
      makeApplication(session, job.id, seeker, isLive ? 'live' : 'replay', appliedMs, hire ? { hire } : {});
      if (job.companyId === demoCompany.id) ownInSession.push(meta.length - 1);
      if (job.companyId === contrastId) contrastInSession.push(meta.length - 1);
    }
    // The demo employer and the contrast hire two from each of the older rooms: enough 7-day outcomes in the
    // trust signals' 180 days to show a stay rate (their attrition profiles decide who leaves).
    if (sessionIndex <= 3) {
      for (const position of [...ownInSession.slice(0, 2), ...contrastInSession.slice(0, 2)]) {
        meta[position] = { hire: { at: seconds(Date.parse(applications[position].appliedAt) + random.int(24 * 60, 5 * 24 * 60) * MINUTE_MS), leaves: false } };
      }
    }

    // Scenes for the demo accounts.
    const ownJob = ownJobs[0]?.id;
    const otherJob = others.find((job) => !applied.has(`${job.id}|${index.demoSeekerId}`))?.id;
    const live = (minutes: number) => Math.min(endedMs - MINUTE_MS, wentLiveMs + minutes * MINUTE_MS);
    if (sessionIndex === 1 && otherJob) {
      // The demo seeker took a job elsewhere two months ago and left in the first week.
      const appliedMs = live(25);
      makeApplication(session, otherJob, index.demoSeekerId, 'live', appliedMs, {
        hire: { at: chinaMs(addDays(toChinaDate(appliedMs), 3), 10 * 60), startDate: addDays(toChinaDate(appliedMs), 4), leaves: true, reason: '宿舍条件与直播里介绍的不一样', isScripted: true },
      });
    }
    if (sessionIndex === 4) {
      if (ownJob) {
        const scene = (minutes: number, hireDay: number, hireMinute: number, startDay: number) => makeApplication(session, ownJob, pickSeeker(ownJob), 'live', live(minutes), {
          hire: { at: chinaMs(addDays(anchor, hireDay), hireMinute), startDate: addDays(anchor, startDay), leaves: false, isOpen: true, isScripted: true },
        });
        scene(8, -12, 11 * 60, -9); // 7-day check overdue (due two days ago, announced)
        scene(15, -10, 16 * 60, -7); // due today
        scene(31, -6, 10 * 60 + 30, -4); // coming due in three days
      }
      if (otherJob) makeApplication(session, otherJob, index.demoSeekerId, 'replay', chinaMs(addDays(anchor, -17), 12 * 60 + 10), { outcome: { reach: 'viewed' } });
    }
    if (sessionIndex === 5 && ownJob) {
      makeApplication(session, ownJob, pickSeeker(ownJob), 'live', live(12), {
        hire: { at: chinaMs(addDays(anchor, -2), 11 * 60), startDate: addDays(anchor, 1), leaves: false, isOpen: true, isScripted: true },
      }); // hired, starts tomorrow
      makeApplication(session, ownJob, pickSeeker(ownJob), 'live', live(20), {
        outcome: { reach: 'interview', response: 'accepted', viewAt: chinaMs(addDays(anchor, -5), 9 * 60 + 10), contactAt: chinaMs(addDays(anchor, -5), 9 * 60 + 40), scheduleAt: chinaMs(addDays(anchor, -3), 15 * 60), interviewAt: chinaMs(addDays(anchor, 1), 10 * 60) },
      });
      makeApplication(session, ownJob, index.demoSeekerId, 'live', live(34), {
        outcome: { reach: 'interview', response: null, viewAt: chinaMs(addDays(anchor, -2), 9 * 60 + 5), contactAt: chinaMs(addDays(anchor, -2), 10 * 60 + 15), scheduleAt: chinaMs(addDays(anchor, -1), 10 * 60 + 20), interviewAt: chinaMs(addDays(anchor, 2), 14 * 60 + 30) },
      });
      makeApplication(session, ownJob, pickSeeker(ownJob), 'replay', chinaMs(addDays(anchor, -2), 12 * 60 + 40), { outcome: { reach: 'viewed', viewAt: chinaMs(addDays(anchor, -1), 9 * 60 + 5) } });
      makeApplication(session, ownJob, pickSeeker(ownJob), 'replay', chinaMs(addDays(anchor, -1), 20 * 60 + 15), { outcome: { reach: 'submitted' } });
    }
  });

  // In time order (ids follow it), as the generator orders its own.
  const order = applications.map((application, position) => ({ application, meta: meta[position] }))
    .sort((left, right) => (left.application.appliedAt < right.application.appliedAt ? -1 : left.application.appliedAt > right.application.appliedAt ? 1 : 0)
      || (left.application.seekerUserId < right.application.seekerUserId ? -1 : 1));
  return { sessions, applications: order.map((item) => item.application), meta: order.map((item) => item.meta) };
}

// ------------------------------------------------------------------------------------------ histories ----

type Step = { at: number; actor: PipelineActor; action: PipelineAction };

/** The demo seeker's own applications from the report window: one of each ending, in order. */
const DEMO_SEEKER_STORY: Outcome[] = [
  { reach: 'interview', response: 'accepted', end: 'reject' },
  { reach: 'contacted', end: 'withdraw' },
  { reach: 'viewed', end: 'reject' },
  { reach: 'interview', response: 'declined', end: null },
  { reach: 'contacted', end: null },
  { reach: 'viewed', end: null },
];

function drawOutcome(profile: CompanyProfile, random: Random): Outcome {
  if (!random.chance(profile.viewShare)) return { reach: 'submitted', end: random.chance(0.15) ? 'withdraw' : null };
  if (!random.chance(profile.contactShare)) return { reach: 'viewed', end: random.chance(0.45) ? 'reject' : null };
  if (random.chance(0.5)) {
    const response = random.weighted([['accepted', 75], ['declined', 10], [null, 15]] as const, ([, weight]) => weight)[0];
    const end = response === 'declined'
      ? (random.chance(0.5) ? 'withdraw' : null)
      : random.weighted([['reject', 65], ['withdraw', 20], [null, 15]] as const, ([, weight]) => weight)[0];
    return { reach: 'interview', direct: random.chance(0.2), response, end };
  }
  return { reach: 'contacted', end: random.weighted([['reject', 35], ['withdraw', 15], [null, 50]] as const, ([, weight]) => weight)[0] };
}

function interviewAction(at: number, place: string): PipelineAction {
  return { type: 'schedule_interview', interviewAt: toChinaIso(at), place };
}

function outcomeSteps(appliedMs: number, outcome: Outcome, profile: CompanyProfile, random: Random): { steps: Step[]; unmaskAt: number | null } {
  const steps: Step[] = [];
  const employer = (at: number, action: PipelineAction) => steps.push({ at: seconds(at), actor: 'employer', action });
  const seeker = (at: number, action: PipelineAction, before?: number) => steps.push({ at: wakingHours(seconds(at), random, before), actor: 'seeker', action });
  const delay = contactDelayMs(profile, random);
  if (outcome.reach === 'submitted') {
    if (outcome.end === 'withdraw') seeker(appliedMs + random.int(24 * 60, 14 * 24 * 60) * MINUTE_MS, { type: 'withdraw', reason: random.pick(WITHDRAW_REASONS) });
    return { steps, unmaskAt: null };
  }
  const viewAt = outcome.viewAt ?? officeHours(profile, appliedMs + Math.max(2 * MINUTE_MS, delay * between(random, 0.15, 0.7)), random);
  employer(viewAt, { type: 'view' });
  if (outcome.reach === 'viewed') {
    if (outcome.end === 'reject') employer(officeHours(profile, viewAt + random.int(1, 48 * 60) * MINUTE_MS, random), { type: 'reject', reason: random.pick(REJECT_AFTER_VIEW) });
    return { steps, unmaskAt: null };
  }
  const contactAt = outcome.contactAt ?? officeHours(profile, Math.max(appliedMs + delay, viewAt + random.int(2, 30) * MINUTE_MS), random);
  let unmaskAt: number | null = null;
  if (!outcome.direct) {
    employer(contactAt, { type: 'contact' });
    unmaskAt = seconds(contactAt + random.int(1, 8) * MINUTE_MS);
  }
  if (outcome.reach === 'contacted') {
    if (outcome.end === 'reject') employer(officeHours(profile, unmaskAt! + random.int(10, 3 * 24 * 60) * MINUTE_MS, random), { type: 'reject', reason: random.pick(REJECT_AFTER_CONTACT) });
    if (outcome.end === 'withdraw') seeker(unmaskAt! + random.int(60, 5 * 24 * 60) * MINUTE_MS, { type: 'withdraw', reason: random.pick(WITHDRAW_REASONS) });
    return { steps, unmaskAt };
  }
  const scheduleAt = outcome.scheduleAt ?? (outcome.direct ? contactAt : officeHours(profile, unmaskAt! + random.int(10, 24 * 60) * MINUTE_MS, random));
  if (outcome.direct) unmaskAt = seconds(scheduleAt + random.int(1, 8) * MINUTE_MS);
  const interviewAt = outcome.interviewAt ?? chinaMs(addDays(toChinaDate(scheduleAt), random.int(1, 3)), random.pick(INTERVIEW_MINUTES));
  employer(scheduleAt, interviewAction(interviewAt, profile.interviewPlace));
  let answeredAt = unmaskAt!;
  if (outcome.response) {
    answeredAt = Math.max(unmaskAt! + MINUTE_MS, scheduleAt + (interviewAt - scheduleAt) * between(random, 0.05, 0.5));
    seeker(answeredAt, outcome.response === 'accepted' ? { type: 'accept_interview' } : { type: 'decline_interview', reason: random.pick(DECLINE_REASONS) }, interviewAt - 30 * MINUTE_MS);
    answeredAt = steps[steps.length - 1].at;
  }
  if (outcome.end === 'withdraw') {
    const from = outcome.response === 'declined' ? answeredAt : interviewAt;
    seeker(from + random.int(60, 72 * 60) * MINUTE_MS, { type: 'withdraw', reason: random.pick(WITHDRAW_REASONS) });
  } else if (outcome.end === 'reject') {
    employer(officeHours(profile, interviewAt + random.int(120, 48 * 60) * MINUTE_MS, random), { type: 'reject', reason: random.pick(REJECT_AFTER_INTERVIEW) });
  }
  return { steps, unmaskAt };
}

/** A hire at exactly `hire.at`: seen, called, interviewed, hired, started, and the 7-day outcome. */
function hireSteps(appliedMs: number, hire: HirePlan, profile: CompanyProfile, random: Random): { steps: Step[]; unmaskAt: number } {
  const steps: Step[] = [];
  const employer = (at: number, action: PipelineAction) => steps.push({ at: seconds(at), actor: 'employer', action });
  const gap = hire.at - appliedMs;
  let contactAt = seconds(appliedMs + Math.max(10 * MINUTE_MS, Math.min(contactDelayMs(profile, random), gap * 0.4)));
  contactAt = officeHours(profile, contactAt, random, appliedMs + gap * 0.6);
  const viewAt = officeHours(profile, seconds(appliedMs + Math.max(MINUTE_MS, (contactAt - appliedMs) * between(random, 0.15, 0.7))), random, contactAt - MINUTE_MS);
  // Every hire was interviewed (the state machine would allow a hire straight after a call, but the session
  // funnel reads interviews ≥ hires, and that is how these employers work).
  const isDirect = random.chance(0.15);
  employer(viewAt, { type: 'view' });
  if (!isDirect) employer(contactAt, { type: 'contact' });
  const unmaskAt = seconds(contactAt + MINUTE_MS);
  const scheduleAt = isDirect ? contactAt : officeHours(profile, seconds(unmaskAt + (hire.at - unmaskAt) * between(random, 0.02, 0.15)), random, unmaskAt + (hire.at - unmaskAt) * 0.3);
  const rest = hire.at - scheduleAt;
  const raw = scheduleAt + rest * between(random, 0.35, 0.8);
  const inOffice = withinHours(raw, random, 8 * 60 + 30, 18 * 60, Number.POSITIVE_INFINITY);
  let interviewAt = Math.floor((inOffice < hire.at - HOUR_MS ? inOffice : raw) / (30 * MINUTE_MS)) * 30 * MINUTE_MS;
  if (interviewAt <= scheduleAt + 30 * MINUTE_MS) interviewAt = seconds(scheduleAt + rest / 2);
  employer(scheduleAt, interviewAction(interviewAt, profile.interviewPlace));
  if (random.chance(0.92)) {
    const answeredAt = seconds(Math.max(unmaskAt + MINUTE_MS, scheduleAt + (interviewAt - scheduleAt) * between(random, 0.05, 0.4)));
    steps.push({ at: wakingHours(answeredAt, random, interviewAt - 30 * MINUTE_MS), actor: 'seeker', action: { type: 'accept_interview' } });
  }
  employer(hire.at, { type: 'hire' });
  const startDate = hire.startDate ?? addDays(toChinaDate(hire.at), random.weighted([[0, 10], [1, 35], [2, 25], [3, 15], [5, 10], [7, 5]] as const, ([, weight]) => weight)[0]);
  const onboardAt = Math.max(chinaMs(startDate, 17 * 60 + random.int(0, 150)), hire.at + random.int(20, 90) * MINUTE_MS);
  employer(onboardAt, { type: 'onboard', startDate });
  if (!hire.isOpen) {
    if (hire.leaves) {
      const reason = hire.reason ?? random.pick(profile.retention === 'poor' ? LEFT_REASONS_POOR : LEFT_REASONS_OTHER);
      employer(Math.max(onboardAt + HOUR_MS, chinaMs(addDays(startDate, random.int(1, 6)), random.int(9 * 60, 18 * 60))), { type: 'record_left', reason });
    } else {
      employer(chinaMs(addDays(startDate, 7 + random.pick([0, 0, 0, 1, 1, 2])), random.int(9 * 60, 12 * 60)), { type: 'confirm_stay' });
    }
  }
  return { steps, unmaskAt };
}

export type ReplayedEvent = { at: number; actor: PipelineActor; action: PipelineAction; from: string; to: string; before: PipelineState };
export type ApplicationHistory = {
  index: number;
  application: DemoApplication;
  events: ReplayedEvent[];
  state: PipelineState;
  /** When the employer looked at the phone number (after the first contact), if before the cutoff. */
  unmaskAt: number | null;
};

/**
 * Runs the steps through the state machine, as the service does: each one decided by `applyTransition` at
 * its own time (so "the interview must be in the future", "onboarding not before the start date" and
 * "7 days after the start" hold), in order. Steps on or after the cutoff have not happened yet.
 */
export function replaySteps(application: DemoApplication, steps: readonly Step[], cutoffMs: number) {
  let state = initialState(toChinaDate(Date.parse(application.appliedAt)));
  let previous = Date.parse(application.appliedAt);
  const events: ReplayedEvent[] = [];
  for (const step of steps) {
    if (step.at >= cutoffMs) break;
    if (!(step.at > previous)) throw new Error(`demo pipeline: ${step.action.type} at ${toChinaIso(step.at)} is not after the previous step (application of ${application.seekerUserId} to ${application.jobId})`);
    const result = applyTransition(state, step.action, step.actor, new Date(step.at));
    if (!result.ok) throw new Error(`demo pipeline: the state machine refused ${step.action.type} at ${toChinaIso(step.at)}: ${result.message}`);
    events.push({ at: step.at, actor: step.actor, action: step.action, from: result.from, to: result.to, before: state });
    state = result.state;
    previous = step.at;
  }
  return { events, state };
}

/** Every application's history, in order, from the stage's own PRNG stream (the same on every pass). */
function* histories(applications: readonly DemoApplication[], stage: DemoPipelineStage): Generator<ApplicationHistory> {
  const random = createRandom(stage.seed).fork('pipeline').fork('history');
  for (let index = 0; index < applications.length; index += 1) {
    const application = applications[index];
    const profile = profileOf(stage, application.companyId);
    const appliedMs = Date.parse(application.appliedAt);
    const meta = stage.meta[index];
    const planned = meta?.hire ? hireSteps(appliedMs, meta.hire, profile, random) : outcomeSteps(appliedMs, meta?.outcome ?? drawOutcome(profile, random), profile, random);
    // The report window's histories are complete (their hires keep hired_at even for an anchor date just after
    // the window); the recent ones stop at the cutoff.
    const cutoffMs = index < stage.windowCount ? Number.POSITIVE_INFINITY : stage.cutoffMs;
    const { events, state } = replaySteps(application, planned.steps, cutoffMs);
    const contacted = events.some((event) => event.action.type === 'contact' || event.action.type === 'schedule_interview');
    const unmaskAt = contacted && planned.unmaskAt !== null && planned.unmaskAt < cutoffMs ? planned.unmaskAt : null;
    yield { index, application, events, state, unmaskAt };
  }
}

/** Leavers: an exact share of each company's onboarded hires per cohort (report window, recent). */
function assignLeavers(applications: readonly DemoApplication[], meta: Array<Meta | undefined>, stage: Pick<DemoPipelineStage, 'profiles' | 'windowCount'>, random: Random) {
  const groups = new Map<string, number[]>();
  meta.forEach((item, index) => {
    if (!item?.hire || item.hire.isScripted) return;
    const key = `${index < stage.windowCount ? 'window' : 'recent'}|${applications[index].companyId}`;
    groups.set(key, [...(groups.get(key) ?? []), index]);
  });
  for (const [key, indexes] of [...groups].sort(([left], [right]) => (left < right ? -1 : 1))) {
    const profile = profileOf(stage, key.split('|')[1]);
    const leaving = Math.round(indexes.length * profile.attrition);
    for (const index of random.shuffle(indexes).slice(0, leaving)) meta[index]!.hire!.leaves = true;
  }
}

/**
 * The pipeline stage, pure: company profiles, recent sessions and applications, and each application's final
 * status (the state its history ends in). The report window's hires keep their `hired_at` exactly.
 */
export function addDemoPipeline(reference: Reference, world: DemoWorld): DemoWorldWithPipeline {
  const root = createRandom(world.options.seed).fork('pipeline');
  const index = indexWorld(world);
  const cutoffMs = chinaMs(world.options.today);
  const profiles = drawCompanyProfiles(world, index, root.fork('companies'));
  // Recent activity only when its first session falls after the report window (anchor dates from late April 2023).
  const hasRecent = addDays(world.options.today, -RECENT_SESSIONS[0].daysAgo) > WINDOW_TO;
  const recent = hasRecent ? planRecent(world, reference, index, profiles, root.fork('recent'), cutoffMs) : { sessions: [], applications: [], meta: [] };
  const windowCount = world.applications.length;
  const applications = [...world.applications, ...recent.applications].map((application) => ({ ...application }));
  const meta: Array<Meta | undefined> = new Array(applications.length);
  let storyAt = 0;
  world.applications.forEach((application, position) => {
    if (application.hiredAt) meta[position] = { hire: { at: Date.parse(application.hiredAt), leaves: false } };
    else if (application.seekerUserId === index.demoSeekerId) meta[position] = { outcome: DEMO_SEEKER_STORY[storyAt++ % DEMO_SEEKER_STORY.length] };
  });
  recent.meta.forEach((item, position) => {
    meta[windowCount + position] = item;
  });
  const stage: DemoPipelineStage = {
    seed: world.options.seed, anchorDate: world.options.today, cutoffMs, windowCount, meta, profiles,
    counts: { events: 0, statuses: {}, recentSessions: recent.sessions.length, recentApplications: recent.applications.length, recentHires: 0, recentSince: recent.sessions[0]?.startsAt.slice(0, 10) ?? world.options.today },
  };
  assignLeavers(applications, meta, stage, root.fork('attrition'));

  for (const history of histories(applications, stage)) {
    const application = applications[history.index];
    const hiredAt = history.state.hiredAt ? toChinaIso(Date.parse(history.state.hiredAt)) : null;
    if (history.index < windowCount && hiredAt !== application.hiredAt) {
      throw new Error(`demo pipeline: the history of a hire ends with hired_at ${hiredAt}, not ${application.hiredAt}`);
    }
    application.status = history.state.status;
    application.hiredAt = hiredAt;
    stage.counts.events += history.events.length;
    stage.counts.statuses[application.status] = (stage.counts.statuses[application.status] ?? 0) + 1;
    if (history.index >= windowCount && hiredAt) stage.counts.recentHires += 1;
  }
  return { ...world, sessions: [...world.sessions, ...recent.sessions], applications, pipeline: stage };
}

// ----------------------------------------------------------------------------------------- funnel ----

type FunnelChunk = { viewers: repository.ViewerRow[]; opens: repository.CardOpenRow[]; counters: Array<{ sessionId: string; peakViewers: number; likes: number }> };

const hex32 = (random: Random) => Math.floor(random.next() * 4294967296).toString(16).padStart(8, '0');

/**
 * Per session: everyone who applied joined the room (live, or its replay) and opened that job's card first;
 * then 6–12 times as many other viewers (a fifth of them signed-in seekers, the rest guests), some of whom
 * opened a card without applying (card opens ≈ 1.6–3 × applications). Yields chunks of rows.
 */
function* funnelRows(world: DemoWorldWithPipeline): Generator<FunnelChunk> {
  const random = createRandom(world.pipeline.seed).fork('pipeline').fork('funnel');
  const cutoffMs = world.pipeline.cutoffMs;
  const bySession = new Map<string, DemoApplication[]>();
  for (const application of world.applications) {
    const list = bySession.get(application.sessionId);
    if (list) list.push(application);
    else bySession.set(application.sessionId, [application]);
  }
  const seekerPool = world.users.filter((user) => user.role === 'seeker').map((user) => user.id);
  let chunk: FunnelChunk = { viewers: [], opens: [], counters: [] };
  for (const session of world.sessions) {
    const wentLiveMs = Date.parse(session.wentLiveAt);
    const endedMs = Date.parse(session.endedAt);
    const replayUntil = Math.min(endedMs + 10 * DAY_MS, cutoffMs - HOUR_MS);
    const applicants = new Map<string, number>();
    const opened = new Set<string>();
    for (const application of bySession.get(session.id) ?? []) {
      const appliedMs = Date.parse(application.appliedAt);
      const lower = application.source === 'live' ? wentLiveMs : endedMs;
      const joinedMs = Math.max(lower, appliedMs - random.int(3, 25) * MINUTE_MS);
      const openedMs = joinedMs + (appliedMs - joinedMs) * between(random, 0.2, 0.9);
      applicants.set(application.seekerUserId, Math.min(applicants.get(application.seekerUserId) ?? Number.POSITIVE_INFINITY, joinedMs));
      opened.add(`${application.jobId}|${application.seekerUserId}`);
      chunk.opens.push({ sessionId: session.id, jobId: application.jobId, viewerKey: application.seekerUserId, openedAt: new Date(seconds(openedMs)).toISOString() });
    }
    for (const [seekerUserId, joinedMs] of applicants) {
      chunk.viewers.push({ sessionId: session.id, viewerKey: seekerUserId, userId: seekerUserId, firstJoinedAt: new Date(seconds(joinedMs)).toISOString() });
    }
    const others: Array<{ key: string; joinedMs: number }> = [];
    const taken = new Set(applicants.keys());
    const otherCount = Math.round(Math.max(1, applicants.size) * between(random, 6, 12));
    let liveViewers = applicants.size;
    for (let item = 0; item < otherCount; item += 1) {
      let key = '';
      let userId: string | null = null;
      if (random.chance(0.2)) {
        const candidate = random.pick(seekerPool);
        if (!taken.has(candidate)) {
          key = candidate;
          userId = candidate;
        }
      }
      if (!key) key = `guest-${hex32(random)}${hex32(random)}`;
      if (taken.has(key)) continue;
      taken.add(key);
      const isLive = random.chance(0.7) || replayUntil <= endedMs;
      if (isLive) liveViewers += 1;
      const joinedMs = isLive ? wentLiveMs + random.next() * (endedMs - MINUTE_MS - wentLiveMs) : endedMs + random.next() * (replayUntil - endedMs);
      others.push({ key, joinedMs });
      chunk.viewers.push({ sessionId: session.id, viewerKey: key, userId, firstJoinedAt: new Date(seconds(joinedMs)).toISOString() });
    }
    const applications = bySession.get(session.id)?.length ?? 0;
    const extraOpens = Math.round(applications * between(random, 1.6, 3)) - applications;
    for (let item = 0; item < extraOpens && others.length > 0 && session.jobIds.length > 0; item += 1) {
      const viewer = random.pick(others);
      const jobId = random.pick(session.jobIds);
      if (opened.has(`${jobId}|${viewer.key}`)) continue;
      opened.add(`${jobId}|${viewer.key}`);
      chunk.opens.push({ sessionId: session.id, jobId, viewerKey: viewer.key, openedAt: new Date(seconds(viewer.joinedMs + random.int(1, 30) * MINUTE_MS)).toISOString() });
    }
    chunk.counters.push({ sessionId: session.id, peakViewers: Math.round(liveViewers * between(random, 0.35, 0.6)), likes: Math.round(taken.size * between(random, 2, 8)) });
    if (chunk.viewers.length + chunk.opens.length >= WRITE_CHUNK_ROWS) {
      yield chunk;
      chunk = { viewers: [], opens: [], counters: [] };
    }
  }
  if (chunk.viewers.length + chunk.opens.length + chunk.counters.length > 0) yield chunk;
}

// ---------------------------------------------------------------------------------- notifications ----

const chinaTime = (instant: Date) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(instant);

type Names = { company: string; job: string; seeker: string };

/** What the pipeline service tells the other side of a change (pipeline.service.ts, notificationsForChange). */
function notificationFor(event: ReplayedEvent, names: Names): { toSeeker: boolean; kind: string; title: string; body: string; en: string; extra?: Record<string, unknown> } | null {
  const { company, job, seeker } = names;
  const action = event.action;
  switch (action.type) {
    case 'view': return { toSeeker: true, kind: 'application.status_changed', title: `「${company}」查看了你的报名：${job}`, body: '', en: `${company} viewed your application` };
    case 'contact': return { toSeeker: true, kind: 'application.status_changed', title: `「${company}」将联系你：${job}`, body: '', en: `${company} will contact you` };
    case 'schedule_interview':
      return { toSeeker: true, kind: 'application.status_changed', title: `面试邀请：${job}`, en: `Interview invitation from ${company}`,
        body: `「${company}」邀请你 ${chinaTime(new Date(action.interviewAt))} 面试，${action.place ?? ''}。请确认是否参加。` };
    case 'hire': return { toSeeker: true, kind: 'application.status_changed', title: `恭喜！「${company}」录用了你：${job}`, body: '', en: `${company} hired you` };
    case 'onboard': return { toSeeker: true, kind: 'application.status_changed', title: `已记录入职：${job}（${action.startDate}）`, body: '', en: `Onboarding recorded (${action.startDate})` };
    case 'confirm_stay': return { toSeeker: true, kind: 'application.status_changed', title: `入职满7天：${job}`, body: '', en: 'You have stayed 7 days' };
    case 'record_left': return { toSeeker: true, kind: 'application.status_changed', title: `已记录离职：${job}`, body: action.reason, en: 'Your leaving was recorded' };
    case 'reject': return { toSeeker: true, kind: 'application.status_changed', title: `「${company}」未通过你的报名：${job}`, body: action.reason, en: `${company} did not select you` };
    case 'withdraw': return { toSeeker: false, kind: 'application.withdrawn', title: `${seeker} 撤回了报名：${job}`, body: action.reason ?? '', en: `${seeker} withdrew` };
    case 'accept_interview':
      return { toSeeker: false, kind: 'application.interview_answered', title: `${seeker} 接受了面试邀请：${job}`, body: '', en: `${seeker} accepted the interview`, extra: { response: 'accepted' } };
    case 'decline_interview':
      return { toSeeker: false, kind: 'application.interview_answered', title: `${seeker} 拒绝了面试邀请：${job}`, body: action.reason ?? '', en: `${seeker} declined the interview`, extra: { response: 'declined' } };
  }
}

// ------------------------------------------------------------------------------------------ writing ----

/**
 * Writes the history, the 7-day checks, the number views, the demo accounts' notifications and the session
 * funnel's viewers and card opens. Runs inside the seed's transaction, right after the applications.
 */
export async function writeDemoPipeline(tx: Queryable, world: DemoWorldWithPipeline) {
  const stage = world.pipeline;
  const applications = world.applications;
  const index = indexWorld(world);
  const ids = await repository.listSyntheticApplicationIds(tx, {
    count: applications.length,
    first: applications[0],
    last: applications[applications.length - 1],
  });
  const iso = (ms: number) => new Date(ms).toISOString();
  const readAt = (createdMs: number) => (createdMs < stage.cutoffMs - READ_AFTER_DAYS * DAY_MS ? iso(createdMs + 3 * HOUR_MS) : null);
  const anchorDate = stage.anchorDate;
  const notifications: repository.NotificationRow[] = [];
  const notify = (userId: string, createdMs: number, row: Omit<repository.NotificationRow, 'userId' | 'createdAt' | 'readAt'>) =>
    notifications.push({ userId, createdAt: iso(createdMs), readAt: readAt(createdMs), ...row });

  let events: Array<repository.EventRow & { at: number; order: number }> = [];
  let progress: repository.ProgressRow[] = [];
  let unmasks: repository.UnmaskRow[] = [];
  let tasks: Array<repository.TaskRow & { forDemo: boolean; names: Names }> = [];
  const flush = async () => {
    events.sort((left, right) => left.at - right.at || left.order - right.order);
    await repository.insertEvents(tx, events);
    await repository.insertProgress(tx, progress);
    await repository.insertUnmasks(tx, unmasks);
    const taskIds = await repository.insertTasks(tx, tasks);
    tasks.forEach((task, position) => {
      if (!task.forDemo || !task.notifiedAt) return;
      for (const userId of index.demoCompanyMembers) {
        notify(userId, Date.parse(task.notifiedAt), {
          kind: 'pipeline.seven_day_check_due', title: `7天回访到期：${task.names.seeker} · ${task.names.job}`,
          body: '请确认该员工是否在岗满7天 / Record whether the hire stayed 7 days', link: `/employer/applications/${task.applicationId}`,
          payload: JSON.stringify({ applicationId: task.applicationId, taskId: taskIds[position], dueOn: task.dueOn }),
        });
      }
    });
    events = [];
    progress = [];
    unmasks = [];
    tasks = [];
  };

  let applicationsInChunk = 0;
  for (const history of histories(applications, stage)) {
    const { application, state } = history;
    const applicationId = ids[history.index];
    if (history.events.length === 0) continue;
    const member = index.memberByCompany.get(application.companyId)!;
    const job = index.jobById.get(application.jobId)!;
    const names: Names = { company: index.companyById.get(application.companyId)!.name, job: job.input.title, seeker: index.seekerName.get(application.seekerUserId) ?? '' };
    const isDemoSeeker = application.seekerUserId === index.demoSeekerId;
    const isDemoCompany = application.companyId === index.demoCompanyId;
    let onboard: { at: number; startDate: string } | null = null;
    let outcomeAt: number | null = null;
    for (const event of history.events) {
      const { type, ...details } = event.action;
      events.push({
        applicationId, action: type, fromStatus: event.from, toStatus: event.to,
        actorUserId: event.actor === 'employer' ? member.id : application.seekerUserId, actorRole: event.actor,
        reason: 'reason' in event.action ? event.action.reason?.trim() || null : null,
        details: JSON.stringify(details), stateBefore: JSON.stringify(event.before), occurredAt: iso(event.at), at: event.at, order: history.index,
      });
      if (event.action.type === 'onboard') onboard = { at: event.at, startDate: event.action.startDate };
      if (type === 'confirm_stay' || type === 'record_left') outcomeAt = event.at;
      if (isDemoSeeker || isDemoCompany) {
        const message = notificationFor(event, names);
        if (message && ((message.toSeeker && isDemoSeeker) || (!message.toSeeker && isDemoCompany))) {
          const payload = JSON.stringify({ applicationId, action: type, status: event.to, ...message.extra, en: message.en });
          const link = message.toSeeker ? `/me/applications/${applicationId}` : `/employer/applications/${applicationId}`;
          for (const userId of message.toSeeker ? [application.seekerUserId] : index.demoCompanyMembers) {
            notify(userId, event.at, { kind: message.kind, title: message.title, body: message.body, link, payload });
          }
        }
      }
    }
    const lastAt = history.events[history.events.length - 1].at;
    progress.push({
      applicationId, interviewAt: state.interviewAt, interviewPlace: state.interviewPlace, interviewVideoUrl: state.interviewVideoUrl,
      interviewResponse: state.interviewResponse, startDate: state.startDate, closingReason: state.closingReason, statusChangedAt: iso(lastAt),
    });
    if (history.unmaskAt !== null) {
      unmasks.push({ applicationId, viewerUserId: member.id, viewerCompanyId: application.companyId, unmaskedAt: iso(history.unmaskAt) });
      if (isDemoSeeker) {
        notify(application.seekerUserId, history.unmaskAt, {
          kind: 'application.phone_viewed', title: `「${names.company}」的 ${member.displayName} 查看了你的手机号`, body: names.job, link: `/me/applications/${applicationId}`,
          payload: JSON.stringify({ applicationId, viewer: member.displayName, en: `${member.displayName} at ${names.company} viewed your phone number` }),
        });
      }
    }
    if (onboard) {
      const dueOn = sevenDayCheckDueOn(onboard.startDate);
      // The server's sweep announces a check once it is due (every few minutes): before it was recorded, if it was.
      const sweptMs = chinaMs(dueOn, 3);
      const isAnnounced = dueOn < anchorDate && (outcomeAt === null || outcomeAt >= sweptMs);
      tasks.push({
        applicationId, companyId: application.companyId, dueOn, createdAt: iso(onboard.at), notifiedAt: isAnnounced ? iso(sweptMs) : null,
        completedAt: outcomeAt === null ? null : iso(outcomeAt), completedByUserId: outcomeAt === null ? null : member.id, forDemo: isDemoCompany, names,
      });
    }
    applicationsInChunk += 1;
    if (applicationsInChunk >= WRITE_CHUNK_APPLICATIONS) {
      await flush();
      applicationsInChunk = 0;
    }
  }
  await flush();
  notifications.sort((left, right) => (left.createdAt < right.createdAt ? -1 : left.createdAt > right.createdAt ? 1 : 0));
  await repository.insertNotifications(tx, notifications);

  for (const chunk of funnelRows(world)) {
    await repository.insertViewers(tx, chunk.viewers);
    await repository.insertCardOpens(tx, chunk.opens);
    await repository.updateSessionCounters(tx, chunk.counters);
  }
}
