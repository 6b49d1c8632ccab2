import { buildCreditCode } from '../companies/index.js';
import type { Catalogue, City, Province, Reference } from '../geo/index.js';
import type { JobInput } from '../jobs/index.js';
import { DEMO_ACCOUNTS, type DemoAccount } from './demo-accounts.js';
import {
  AGENCY_CITIES, BASE_APPLICATIONS, BRAND_CHARACTERS, CATEGORY_PLANS, CATEGORY_TITLES, DISPATCH_CITIES, EXTRA_BENEFITS,
  GIVEN_NAME_CHARACTERS, HOME_PROVINCE_WEIGHTS, HOME_TIER_WEIGHTS, HOST_NAMES, MANUFACTURING_LINES, OTHER_CITY_INDEX_CAP,
  PLATFORM_OPENED, PROVINCE_ABBREVIATIONS, PUBLIC_SERVICE_CITIES, REJECTION_REASON, SECTOR_NAME_WORDS, SEEKER_SKILLS,
  SESSION_START_MINUTES, SHIFT_LABELS, SUZHOU_SENT_SHARE, SURNAMES, WINDOW_FROM, WINDOW_TO,
  type CategoryPlan, type Sector,
} from './demo-catalogue.js';
import { apportion, createRandom } from './random.js';

// The demo world as plain rows, computed from the reference data, a seed, a scale and the anchor date.
// Pure: no database, no clock, no Math.random — the same inputs give the same world, byte for byte.

export type DemoWorldOptions = {
  seed: number;
  /** Multiplies applications and seekers; companies, jobs and sessions stay the same. */
  scale: number;
  /** The anchor date (China time, YYYY-MM-DD), normally today: open jobs stay valid past it. */
  today: string;
};

export type DemoUser = {
  id: string;
  role: 'seeker' | 'employer' | 'host' | 'bureau' | 'admin';
  email: string | null;
  phone: string | null;
  displayName: string;
  companyId: string | null;
  provinceCode: string | null;
  createdAt: string;
};

export type DemoCompany = {
  id: string;
  name: string;
  creditCode: string;
  cityCode: string;
  industryCode: string;
  accountType: 'direct' | 'agency' | 'dispatch' | 'public';
  hrLicenceNumber: string | null;
  status: 'verified' | 'pending' | 'rejected';
  reviewReason: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  createdAt: string;
};

export type DemoJob = {
  id: string;
  companyId: string;
  createdBy: string;
  status: 'open' | 'closed';
  input: JobInput;
  createdAt: string;
};

export type DemoProfile = {
  userId: string;
  name: string;
  phone: string;
  homeCityCode: string;
  currentCityCode: string;
  desiredCategories: string[];
  experience: string | null;
  skills: string | null;
  updatedAt: string;
};

export type DemoSession = {
  id: string;
  title: string;
  hostUserId: string;
  startsAt: string;
  coverText: string;
  provinceCode: string;
  cityCode: string;
  wentLiveAt: string;
  endedAt: string;
  createdAt: string;
  jobIds: string[];
};

export type DemoApplication = {
  jobId: string;
  seekerUserId: string;
  sessionId: string;
  source: 'live' | 'replay';
  status: string;
  appliedAt: string;
  seekerCityCode: string;
  jobCityCode: string;
  categoryCode: string;
  industryCode: string;
  companyId: string;
  hiredAt: string | null;
};

export type DemoWorld = {
  options: DemoWorldOptions;
  users: DemoUser[];
  companies: DemoCompany[];
  jobs: DemoJob[];
  profiles: DemoProfile[];
  sessions: DemoSession[];
  applications: DemoApplication[];
  accounts: readonly DemoAccount[];
};

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Epoch milliseconds of a China-time date plus minutes after midnight. */
export function chinaMs(date: string, minutes = 0): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day) - CHINA_OFFSET_MS + minutes * MINUTE_MS;
}
/** ISO 8601 with the +08:00 offset, to the second. */
export function toChinaIso(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000 + CHINA_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}
export function toChinaDate(ms: number): string {
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
const addDays = (date: string, days: number) => toChinaDate(chinaMs(date) + days * DAY_MS);
/** Code-unit order, independent of the locale (and much faster than localeCompare). */
const compareText = (left: string, right: string) => (left < right ? -1 : left > right ? 1 : 0);

const TIER_PAY_FACTOR: Record<string, number> = { '1': 1.2, new1: 1.1, '2': 1, '3': 0.95, '4': 0.9, '5': 0.88 };
const DISPATCHABLE = new Set(['general_worker', 'express_warehouse', 'delivery_warehouse', 'security_guard', 'customer_service', 'food_service', 'quality_inspector']);
const APPLICATIONS_PER_JOB_AT_SCALE_1 = 60;
const MAX_JOBS_PER_PAIR = 8;
const FRESH_JOBS = 40;
const SESSION_ROUNDS = 3;
const MAX_SEEKERS = 999_999;

type Poster = 'direct' | 'agency' | 'dispatch' | 'public';

type PlannedJob = {
  plan: CategoryPlan;
  city: City;
  industryCode: string;
  poster: Poster;
  pairIndex: number;
  company?: CompanyDraft;
  job?: DemoJob;
  sessions: DemoSession[];
};

type CompanyDraft = DemoCompany & { sector: Sector | 'staffing' | 'public'; line: (typeof MANUFACTURING_LINES)[number] | null; member: DemoUser };

function sectorOf(categoryCode: string, industryCode: string): Sector {
  switch (industryCode) {
    case 'C': return 'manufacturing';
    case 'G': return categoryCode === 'express_warehouse' || categoryCode === 'courier' ? 'express' : 'logistics';
    case 'E': return 'construction';
    case 'H': return 'catering';
    case 'O': return 'housekeeping';
    case 'L': return categoryCode === 'security_guard' ? 'security' : 'callcenter';
    case 'I': return categoryCode === 'customer_service' ? 'callcenter' : 'platform';
    case 'F': return 'retail';
    case 'Q': return 'care';
    default: return 'logistics';
  }
}

function indexReference(reference: Reference) {
  const cityByShortName = new Map<string, City>(reference.cities.map((city) => [city.shortName, city]));
  const cityByCode = new Map<string, City>(reference.cities.map((city) => [city.code, city]));
  const provinceByCode = new Map<string, Province>(reference.provinces.map((province) => [province.code, province]));
  const categoryByCode = new Map<string, Catalogue>(reference.categories.map((category) => [category.code, category]));
  const industryCodes = new Set(reference.industries.map((industry) => industry.code));
  const city = (shortName: string) => {
    const found = cityByShortName.get(shortName);
    if (!found) throw new Error(`demo catalogue names an unknown city: ${shortName}`);
    return found;
  };
  for (const plan of CATEGORY_PLANS) {
    if (!categoryByCode.has(plan.code)) throw new Error(`demo catalogue names an unknown job category: ${plan.code}`);
    for (const [industry] of plan.industries) if (!industryCodes.has(industry)) throw new Error(`demo catalogue names an unknown industry: ${industry}`);
  }
  return { city, cityByCode, provinceByCode, categoryByCode };
}

export function generateDemoWorld(reference: Reference, options: DemoWorldOptions): DemoWorld {
  if (!Number.isInteger(options.scale) || options.scale < 1) throw new Error('scale must be a positive integer');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.today) || options.today <= WINDOW_TO) {
    throw new Error(`the anchor date must be a YYYY-MM-DD date after the demo window (${WINDOW_TO}), got ${options.today}`);
  }
  const random = createRandom(options.seed);
  const geo = indexReference(reference);
  const totalApplications = BASE_APPLICATIONS * options.scale;
  const idRandom = random.fork('ids');
  const nameRandom = random.fork('names');
  const personName = () => {
    const surname = nameRandom.weighted(SURNAMES, ([, weight]) => weight)[0];
    const length = nameRandom.chance(0.7) ? 2 : 1;
    let given = '';
    for (let index = 0; index < length; index += 1) given += nameRandom.pick([...GIVEN_NAME_CHARACTERS]);
    return surname + given;
  };

  // --- Accounts that do not belong to a company: admin, bureau, hosts. ---
  const users: DemoUser[] = [];
  const account = (key: DemoAccount['key']) => DEMO_ACCOUNTS.find((item) => item.key === key)!;
  const openedAt = (minutes: number) => toChinaIso(chinaMs(PLATFORM_OPENED, 9 * 60 + minutes));
  const makeAccountUser = (key: DemoAccount['key'], minutes: number, extra: Partial<DemoUser> = {}): DemoUser => {
    const demo = account(key);
    const isPhone = /^\d+$/.test(demo.login);
    const user: DemoUser = {
      id: idRandom.uuid(), role: demo.role, email: isPhone ? null : demo.login, phone: isPhone ? demo.login : null,
      displayName: demo.displayName, companyId: null, provinceCode: null, createdAt: openedAt(minutes), ...extra,
    };
    return user;
  };
  const admin = makeAccountUser('admin', 0);
  const bureau = makeAccountUser('bureau', 5, { provinceCode: '32' });
  const demoHost = makeAccountUser('host', 10);
  users.push(admin, bureau, demoHost);
  const hosts: DemoUser[] = [demoHost];
  HOST_NAMES.forEach((name, index) => {
    const host: DemoUser = {
      id: idRandom.uuid(), role: 'host', email: `host${index + 2}@jobcast.demo`, phone: null, displayName: name,
      companyId: null, provinceCode: null, createdAt: openedAt(20 + index * 7),
    };
    hosts.push(host);
    users.push(host);
  });

  // --- What applications will look like: exact quotas per category and receiving city. ---
  const categoryCounts = apportion(totalApplications, CATEGORY_PLANS.map((plan) => plan.share));
  const baseCategoryCounts = apportion(BASE_APPLICATIONS, CATEGORY_PLANS.map((plan) => plan.share));
  type Pair = { plan: CategoryPlan; city: City; count: number; jobs: PlannedJob[] };
  const pairs: Pair[] = [];
  CATEGORY_PLANS.forEach((plan, planIndex) => {
    const weights = plan.cities.map(([, weight]) => weight);
    const counts = apportion(categoryCounts[planIndex], weights);
    const baseCounts = apportion(baseCategoryCounts[planIndex], weights);
    plan.cities.forEach(([shortName], cityIndex) => {
      const pair: Pair = { plan, city: geo.city(shortName), count: counts[cityIndex], jobs: [] };
      // The busiest cities get a few jobs each, so a seeker who applies there twice finds a second job.
      const minimum = cityIndex < 3 ? 3 : 1;
      const jobCount = Math.min(MAX_JOBS_PER_PAIR, Math.max(minimum, Math.ceil(baseCounts[cityIndex] / APPLICATIONS_PER_JOB_AT_SCALE_1)));
      for (let index = 0; index < jobCount; index += 1) pair.jobs.push({ plan, city: pair.city, industryCode: '', poster: 'direct', pairIndex: pairs.length, sessions: [] });
      pairs.push(pair);
    });
  });

  // --- Who posts each job: a local direct employer mostly, else a staffing firm or a public service. ---
  const posterRandom = random.fork('posters');
  const plannedJobs = pairs.flatMap((pair) => pair.jobs);
  const isPublicCity = (city: City) => (PUBLIC_SERVICE_CITIES as readonly string[]).includes(city.shortName);
  // Industries of mixed categories (配送仓储 in factories or logistics firms…) are dealt out by expected
  // applications, not drawn, so manufacturing's share lands on target for every seed.
  for (const plan of CATEGORY_PLANS) {
    const industryTotal = plan.industries.reduce((sum, [, weight]) => sum + weight, 0);
    const dealt = new Map<string, number>(plan.industries.map(([industry]) => [industry, 0]));
    let expectedSoFar = 0;
    for (const planned of posterRandom.shuffle(plannedJobs.filter((item) => item.plan === plan))) {
      const expected = pairs[planned.pairIndex].count / pairs[planned.pairIndex].jobs.length;
      expectedSoFar += expected;
      const [industry] = [...plan.industries].sort(([left, leftWeight], [right, rightWeight]) =>
        (dealt.get(left)! - (expectedSoFar * leftWeight) / industryTotal) - (dealt.get(right)! - (expectedSoFar * rightWeight) / industryTotal))[0];
      planned.industryCode = industry;
      dealt.set(industry, dealt.get(industry)! + expected);
    }
  }
  for (const planned of plannedJobs) {
    const draw = posterRandom.next();
    if (isPublicCity(planned.city) && draw < 0.08) planned.poster = 'public';
    else if (draw < 0.72) planned.poster = 'direct';
    else if (draw < 0.88 || !DISPATCHABLE.has(planned.plan.code)) planned.poster = 'agency';
    else planned.poster = 'dispatch';
  }
  // The demo employer's factory is in Suzhou: its first 普工 job is always posted directly.
  const suzhou = geo.city('苏州');
  const firstSuzhouGeneral = plannedJobs.find((planned) => planned.plan.code === 'general_worker' && planned.city.code === suzhou.code)!;
  firstSuzhouGeneral.poster = 'direct';

  // --- Companies. ---
  const companyRandom = random.fork('companies');
  const companies: CompanyDraft[] = [];
  const usedNames = new Set<string>();
  const usedCreditCodes = new Set<string>();
  let employerNumber = 2;
  const brand = () => {
    const characters = [...BRAND_CHARACTERS];
    const first = companyRandom.pick(characters);
    let second = companyRandom.pick(characters);
    while (second === first) second = companyRandom.pick(characters);
    return first + second;
  };
  const creditCode = (city: City, isPublic: boolean) => {
    for (;;) {
      let organisation = '';
      for (let index = 0; index < 9; index += 1) organisation += String(companyRandom.int(0, 9));
      const code = buildCreditCode(`${isPublic ? '12' : '91'}${city.code}${organisation}`);
      if (!usedCreditCodes.has(code)) {
        usedCreditCodes.add(code);
        return code;
      }
    }
  };
  const licence = (city: City) =>
    `${PROVINCE_ABBREVIATIONS[city.provinceCode] ?? ''}人服证字〔${companyRandom.int(2016, 2022)}〕第${city.code.slice(0, 4)}${String(companyRandom.int(1, 9999)).padStart(4, '0')}号`;
  const createCompany = (input: {
    city: City; sector: CompanyDraft['sector']; industryCode: string; accountType: DemoCompany['accountType'];
    line?: CompanyDraft['line']; status?: DemoCompany['status']; createdAt?: string; reviewedAt?: string | null; reviewReason?: string | null;
    member?: { key: 'employer' | 'agency' };
  }): CompanyDraft => {
    let name = '';
    for (let attempt = 0; attempt < 100 && (!name || usedNames.has(name)); attempt += 1) {
      if (input.accountType === 'public') name = `${input.city.shortName}市${companyRandom.pick(['高新区', '经开区', '工业园区'])}公共就业服务中心（演示）`;
      else {
        const word = input.sector === 'staffing'
          ? (input.accountType === 'agency' ? companyRandom.pick(['人力资源', '人力资源服务']) : companyRandom.pick(['劳务派遣', '劳务服务']))
          : input.sector === 'manufacturing' ? companyRandom.pick(input.line!.nameWords)
            : companyRandom.pick(SECTOR_NAME_WORDS[input.sector as Sector]);
        name = `${input.city.shortName}${brand()}${word}有限公司`;
      }
    }
    usedNames.add(name);
    const createdMs = chinaMs(PLATFORM_OPENED, companyRandom.int(0, 40) * 24 * 60 + companyRandom.int(9 * 60, 18 * 60));
    const status = input.status ?? 'verified';
    const createdAt = input.createdAt ?? toChinaIso(createdMs);
    const reviewedAt = input.reviewedAt !== undefined ? input.reviewedAt
      : status === 'verified' ? toChinaIso(createdMs + companyRandom.int(1, 3) * DAY_MS + companyRandom.int(0, 300) * MINUTE_MS) : null;
    const id = idRandom.uuid();
    const memberAccount = input.member ? account(input.member.key) : null;
    const member: DemoUser = {
      id: idRandom.uuid(), role: 'employer',
      email: memberAccount ? memberAccount.login : `employer${employerNumber++}@jobcast.demo`,
      phone: null,
      displayName: memberAccount ? memberAccount.displayName : `${personName()}（${name.replace(input.city.shortName, '').replace(/有限公司|（演示）/g, '')}招聘）`,
      companyId: id, provinceCode: null, createdAt,
    };
    const company: CompanyDraft = {
      id, name, creditCode: creditCode(input.city, input.accountType === 'public'), cityCode: input.city.code, industryCode: input.industryCode,
      accountType: input.accountType,
      hrLicenceNumber: input.accountType === 'agency' || input.accountType === 'dispatch' ? licence(input.city) : null,
      status, reviewReason: input.reviewReason ?? null, reviewedBy: status === 'pending' ? null : admin.id, reviewedAt, createdAt,
      sector: input.sector, line: input.line ?? null, member,
    };
    companies.push(company);
    return company;
  };

  const agencies = AGENCY_CITIES.map((shortName, index) => createCompany({
    city: geo.city(shortName), sector: 'staffing', industryCode: 'L', accountType: 'agency', member: index === 0 ? { key: 'agency' } : undefined,
  }));
  const dispatchers = DISPATCH_CITIES.map((shortName) => createCompany({ city: geo.city(shortName), sector: 'staffing', industryCode: 'L', accountType: 'dispatch' }));
  const publicServices = new Map(PUBLIC_SERVICE_CITIES.map((shortName) => {
    const city = geo.city(shortName);
    return [city.code, createCompany({ city, sector: 'public', industryCode: 'S', accountType: 'public' })] as const;
  }));

  // Direct employers: one company per ~4 jobs of the same city and sector (at least one, at most six).
  const directGroups = new Map<string, PlannedJob[]>();
  for (const planned of plannedJobs) {
    if (planned.poster !== 'direct') continue;
    const sector = sectorOf(planned.plan.code, planned.industryCode);
    const key = `${planned.city.code}|${sector}|${planned.industryCode}`;
    directGroups.set(key, [...(directGroups.get(key) ?? []), planned]);
  }
  const assign = (jobs: PlannedJob[], pool: CompanyDraft[], weightOf: (company: CompanyDraft) => number) => {
    const shuffled = companyRandom.shuffle(jobs);
    shuffled.forEach((planned, index) => {
      planned.company = index < pool.length ? pool[index] : companyRandom.weighted(pool, weightOf);
    });
  };
  let demoEmployerCompany: CompanyDraft | null = null;
  for (const [key, jobs] of directGroups) {
    const [, sector, industryCode] = key.split('|') as [string, Sector, string];
    const city = jobs[0].city;
    const size = Math.min(6, Math.max(1, Math.ceil(jobs.length / 4)));
    const pool: CompanyDraft[] = [];
    for (let index = 0; index < size; index += 1) {
      const isDemoEmployer = !demoEmployerCompany && sector === 'manufacturing' && city.code === suzhou.code;
      const line = sector === 'manufacturing' ? (isDemoEmployer ? MANUFACTURING_LINES[0] : companyRandom.pick(MANUFACTURING_LINES)) : null;
      const company = createCompany({ city, sector, industryCode, accountType: 'direct', line, member: isDemoEmployer ? { key: 'employer' } : undefined });
      if (isDemoEmployer) demoEmployerCompany = company;
      pool.push(company);
    }
    // The demo employer gets a larger share of Suzhou's factory jobs, so its console has plenty to show.
    assign(jobs, pool, (company) => (company === demoEmployerCompany ? 3 : 1));
  }
  assign(plannedJobs.filter((planned) => planned.poster === 'agency'), agencies, (company) => (company === agencies[0] ? 2 : 1));
  assign(plannedJobs.filter((planned) => planned.poster === 'dispatch'), dispatchers, () => 1);
  for (const planned of plannedJobs) if (planned.poster === 'public') planned.company = publicServices.get(planned.city.code)!;

  // The admin's queue: two companies waiting for verification and one rejected.
  const recent = (daysAgo: number, minutes: number) => toChinaIso(chinaMs(options.today, 9 * 60 + minutes) - daysAgo * DAY_MS);
  createCompany({ city: geo.city('无锡'), sector: 'manufacturing', industryCode: 'C', accountType: 'direct', line: MANUFACTURING_LINES[6], status: 'pending', createdAt: recent(2, 35), reviewedAt: null });
  createCompany({ city: geo.city('合肥'), sector: 'staffing', industryCode: 'L', accountType: 'agency', status: 'pending', createdAt: recent(1, 140), reviewedAt: null });
  createCompany({ city: geo.city('郑州'), sector: 'staffing', industryCode: 'L', accountType: 'agency', status: 'rejected', createdAt: recent(5, 60), reviewedAt: recent(4, 200), reviewReason: REJECTION_REASON });

  // --- Jobs: fields a seeker asks about, in words that pass the posting rules. ---
  const jobRandom = random.fork('jobs');
  const jobs: DemoJob[] = [];
  const makeJob = (company: CompanyDraft, plan: CategoryPlan, industryCode: string, city: City): DemoJob => {
    const line = company.line ?? (industryCode === 'C' ? jobRandom.pick(MANUFACTURING_LINES) : null);
    const lineTitles = line?.titles[plan.code];
    const shiftPattern = jobRandom.weighted(plan.shifts, ([, weight]) => weight)[0];
    const housing = jobRandom.weighted(plan.housing, ([, weight]) => weight)[0];
    const meals = jobRandom.weighted(plan.meals, ([, weight]) => weight)[0];
    let title = jobRandom.pick(lineTitles && lineTitles.length > 0 ? lineTitles : CATEGORY_TITLES[plan.code]);
    const titleNote = jobRandom.next();
    if (titleNote < 0.25) title += `（${SHIFT_LABELS[shiftPattern]}）`;
    else if (titleNote < 0.45 && housing !== 'none' && meals === 'free') title += '（包吃住）';
    else if (titleNote < 0.55 && housing === 'couple_room') title += '（有夫妻房）';
    const factor = TIER_PAY_FACTOR[city.tier] ?? 1;
    const round100 = (value: number) => Math.round(value / 100) * 100;
    const monthlyMin = round100(jobRandom.int(plan.pay.monthlyMin[0], plan.pay.monthlyMin[1]) * factor);
    const monthlyMax = monthlyMin + round100(jobRandom.int(plan.pay.spread[0], plan.pay.spread[1]));
    const hasHourly = jobRandom.chance(plan.pay.hourlyChance);
    const hourly = hasHourly ? Math.round(jobRandom.int(plan.pay.hourly[0] * 2, plan.pay.hourly[1] * 2) * factor) / 2 : undefined;
    const hourlyOnly = hasHourly && jobRandom.chance(0.25);
    const isDailyPay = jobRandom.chance(plan.pay.dailyPayChance);
    const headcount = jobRandom.int(plan.headcount[0], plan.headcount[1]);
    const requirements = [...jobRandom.shuffle(plan.requirements).slice(0, jobRandom.int(2, 3))];
    if (shiftPattern === 'two_shifts') requirements.push('能适应白夜班轮换');
    const benefits: string[] = [];
    if (housing === 'dormitory') benefits.push(jobRandom.pick(['免费住宿（4-6人间）', '提供员工宿舍，住宿免费', '包住，宿舍有独立卫浴']));
    if (housing === 'couple_room') benefits.push('提供夫妻房', '单身宿舍免费');
    if (meals === 'free') benefits.push(jobRandom.pick(['包吃，工作餐免费', '免费三餐', '包工作餐']));
    const mealAllowance = jobRandom.int(2, 5) * 5;
    if (meals === 'allowance') benefits.push(`餐补${mealAllowance}元/天`);
    if (isDailyPay) benefits.push(jobRandom.pick(['可日结', '支持日结，也可月结']));
    benefits.push(...jobRandom.shuffle(EXTRA_BENEFITS).slice(0, jobRandom.int(2, 4)));
    const payParts = [hourlyOnly ? null : `${monthlyMin}-${monthlyMax}元/月`, hourly !== undefined ? `工价${hourly}元/小时` : null, isDailyPay ? '可日结' : null].filter(Boolean);
    const housingText = { none: '不提供住宿，有住房补贴可申请', dormitory: '提供免费宿舍', couple_room: '提供夫妻房和单身宿舍' }[housing];
    const mealsText = { none: '自理，附近有食堂和商业街', free: '包吃', allowance: `餐补${mealAllowance}元/天` }[meals];
    const posterNote = {
      direct: '',
      agency: '本岗位由持证人力资源服务机构代招，用工单位信息面试时当面说明。',
      dispatch: '劳务派遣岗位，与派遣公司签订劳动合同，同工同酬。',
      public: '公共就业服务机构为辖区企业发布，免费对接。',
    }[company.accountType];
    const description = [
      `${company.name.replace('（演示）', '')}招聘${title}${headcount}人。${posterNote}`,
      `薪资：${payParts.join('，')}。`,
      `班次：${SHIFT_LABELS[shiftPattern]}。`,
      `食宿：${housingText}；${mealsText}。`,
      '面试：直播间报名后HR电话联系，带身份证原件面试，全程不收取任何费用。',
    ].join('\n');
    const input: JobInput = {
      title, categoryCode: plan.code, industryCode, cityCode: city.code,
      ...(hourlyOnly ? {} : { payMonthlyMin: monthlyMin, payMonthlyMax: monthlyMax }),
      ...(hourly !== undefined ? { payHourly: hourly } : {}),
      isDailyPay, shiftPattern, housing, meals, headcount,
      requirements: `${requirements.join('；')}。`, benefits: benefits.join('，'), description,
      // Set below, once the job's sessions are known.
      validFrom: '', validUntil: '',
    };
    const job: DemoJob = { id: idRandom.uuid(), companyId: company.id, createdBy: company.member.id, status: 'open', input, createdAt: '' };
    jobs.push(job);
    return job;
  };
  for (const planned of plannedJobs) planned.job = makeJob(planned.company!, planned.plan, planned.industryCode, planned.city);

  // --- Ended live sessions across the window, each presenting 3–6 jobs of one region. ---
  const sessionRandom = random.fork('sessions');
  const sessionChunks: PlannedJob[][] = [];
  for (let round = 0; round < SESSION_ROUNDS; round += 1) {
    const keyed = plannedJobs.map((planned) => ({ planned, key: sessionRandom.next() }));
    keyed.sort((left, right) => compareText(left.planned.city.provinceCode, right.planned.city.provinceCode)
      || compareText(left.planned.city.code, right.planned.city.code) || left.key - right.key);
    let start = sessionRandom.int(0, 2);
    if (start > 0) sessionChunks.push(keyed.slice(0, start).map((item) => item.planned));
    while (start < keyed.length) {
      const size = sessionRandom.int(3, 6);
      sessionChunks.push(keyed.slice(start, start + size).map((item) => item.planned));
      start += size;
    }
  }
  const windowDays = Math.round((chinaMs(WINDOW_TO) - chinaMs(WINDOW_FROM)) / DAY_MS) + 1;
  const windowEndMs = chinaMs(WINDOW_TO, 24 * 60) - 1000;
  const orderedChunks = sessionRandom.shuffle(sessionChunks);
  const sessions: DemoSession[] = orderedChunks.map((chunk, index) => {
    const day = addDays(WINDOW_FROM, Math.floor((index * windowDays) / orderedChunks.length));
    const startsMs = chinaMs(day, sessionRandom.pick(SESSION_START_MINUTES));
    const wentLiveMs = startsMs + sessionRandom.int(0, 5) * MINUTE_MS;
    const endedMs = wentLiveMs + sessionRandom.int(60, 150) * MINUTE_MS;
    const city = chunk[0].city;
    const province = geo.provinceByCode.get(city.provinceCode)!;
    const isBureau = city.provinceCode === '32' && sessionRandom.chance(0.2);
    const host = isBureau ? bureau : sessionRandom.weighted(hosts, (item) => (item === demoHost ? 3 : 1));
    const categoryName = geo.categoryByCode.get(chunk[0].plan.code)!.name;
    const firstCompany = chunk[0].company!;
    const hasHousing = chunk.some((planned) => planned.job!.input.housing !== 'none');
    const hasDailyPay = chunk.some((planned) => planned.job!.input.isDailyPay);
    const templates = [
      `${city.shortName}${categoryName}岗位直播专场`,
      `${city.shortName}好岗直播｜${chunk.length}个岗位${hasHousing ? '，包住' : ''}`,
      `带你看${firstCompany.name.replace(/有限公司|（演示）/g, '')}：车间、宿舍、食堂实拍`,
      ...(hasDailyPay ? [`日结周结岗位专场｜${city.shortName}`] : []),
    ];
    const title = isBureau ? `${province.shortName}人社直播带岗 · ${city.shortName}专场` : sessionRandom.pick(templates);
    const session: DemoSession = {
      id: idRandom.uuid(), title, hostUserId: host.id, startsAt: toChinaIso(startsMs),
      coverText: sessionRandom.pick([
        '主播实地探访车间、宿舍和食堂，HR在线答疑；直播间一键报名，全程免费',
        '岗位、工价、班次、食宿一次讲清楚，看中就点报名',
        '现场连线企业HR，工资怎么算、住哪里、吃什么，直播间直接问',
      ]),
      provinceCode: city.provinceCode, cityCode: city.code, wentLiveAt: toChinaIso(wentLiveMs), endedAt: toChinaIso(endedMs),
      createdAt: toChinaIso(startsMs - sessionRandom.int(2, 7) * DAY_MS - sessionRandom.int(0, 600) * MINUTE_MS),
      jobIds: chunk.map((planned) => planned.job!.id),
    };
    for (const planned of chunk) planned.sessions.push(session);
    return session;
  });

  // --- Seekers: where they live, so that the attractiveness index comes out as the report's. ---
  const seekerRandom = random.fork('seekers');
  const receivedByCity = new Map<string, number>();
  for (const pair of pairs) receivedByCity.set(pair.city.code, (receivedByCity.get(pair.city.code) ?? 0) + pair.count);
  const suzhouSent = Math.max(1, Math.round(totalApplications * SUZHOU_SENT_SHARE));
  const suzhouIndex = (receivedByCity.get(suzhou.code) ?? 0) / suzhouSent;
  const homeCities = reference.cities.filter((city) => city.code !== suzhou.code);
  const floors = homeCities.map((city) => Math.ceil((receivedByCity.get(city.code) ?? 0) / (OTHER_CITY_INDEX_CAP * suzhouIndex)));
  const remaining = totalApplications - suzhouSent - floors.reduce((sum, value) => sum + value, 0);
  const allocation = apportion(Math.max(0, remaining), homeCities.map((city) => (HOME_TIER_WEIGHTS[city.tier] ?? 1) * (HOME_PROVINCE_WEIGHTS[city.provinceCode] ?? 1)));
  const sentByCity: [City, number][] = [[suzhou, suzhouSent], ...homeCities.map((city, index) => [city, floors[index] + allocation[index]] as [City, number])];
  const excess = sentByCity.reduce((sum, [, count]) => sum + count, 0) - totalApplications;
  if (excess > 0) throw new Error('demo calibration: sent floors exceed the number of applications');

  type SeekerDraft = { user: DemoUser; homeCity: City; slots: number; applications: DemoApplication[] };
  const seekers: SeekerDraft[] = [];
  const applicationsPerSeeker = [[1, 25], [2, 25], [3, 20], [4, 14], [5, 10], [6, 6]] as const;
  for (const [city, sent] of sentByCity) {
    let left = sent;
    while (left > 0) {
      const slots = Math.min(left, seekerRandom.weighted(applicationsPerSeeker, ([, weight]) => weight)[0]);
      seekers.push({ user: undefined as unknown as DemoUser, homeCity: city, slots, applications: [] });
      left -= slots;
    }
  }
  if (seekers.length > MAX_SEEKERS) throw new Error(`scale too large: ${seekers.length} seekers exceed the ${MAX_SEEKERS} demo phone numbers`);
  const orderedSeekers = seekerRandom.shuffle(seekers);
  const demoSeekerIndex = orderedSeekers.findIndex((seeker) => seeker.slots >= 3);
  const [demoSeeker] = orderedSeekers.splice(demoSeekerIndex, 1);
  orderedSeekers.unshift(demoSeeker);
  orderedSeekers.forEach((seeker, index) => {
    const phone = `13800${String(index + 1).padStart(6, '0')}`;
    const isDemo = index === 0;
    seeker.user = {
      id: idRandom.uuid(), role: 'seeker', email: null, phone,
      displayName: isDemo ? account('seeker').displayName : personName(),
      companyId: null, provinceCode: null, createdAt: '',
    };
  });

  // --- Applications: each seeker takes consecutive slots of one category, so interests are coherent. ---
  const applicationRandom = random.fork('applications');
  const slots: number[] = [];
  pairs.forEach((pair, pairIndex) => {
    for (let index = 0; index < pair.count; index += 1) slots.push(pairIndex);
  });
  const planOrder = new Map(CATEGORY_PLANS.map((plan, index) => [plan.code, index]));
  const shuffledSlots = applicationRandom.shuffle(slots)
    .map((pairIndex, position) => ({ pairIndex, position }))
    .sort((left, right) => planOrder.get(pairs[left.pairIndex].plan.code)! - planOrder.get(pairs[right.pairIndex].plan.code)! || left.position - right.position)
    .map((slot) => slot.pairIndex);
  const jobsByCategory = new Map<string, PlannedJob[]>();
  for (const planned of plannedJobs) jobsByCategory.set(planned.plan.code, [...(jobsByCategory.get(planned.plan.code) ?? []), planned]);
  const applications: DemoApplication[] = [];
  let cursor = 0;
  for (const seeker of orderedSeekers) {
    const applied = new Set<PlannedJob>();
    for (let index = 0; index < seeker.slots; index += 1) {
      const pair = pairs[shuffledSlots[cursor]];
      cursor += 1;
      // Every job of that city and category already taken by this seeker (rare): another job of the
      // category in the province, else anywhere, weighted like the quotas so the shape holds.
      const isOpen = (planned: PlannedJob) => !applied.has(planned);
      const sameCategory = () => jobsByCategory.get(pair.plan.code)!.filter(isOpen);
      const fallbacks = [
        () => pair.jobs.filter(isOpen),
        () => sameCategory().filter((planned) => planned.city.provinceCode === pair.city.provinceCode),
        sameCategory,
        () => plannedJobs.filter(isOpen),
      ];
      let candidates: PlannedJob[] = [];
      for (const fallback of fallbacks) {
        candidates = fallback();
        if (candidates.length > 0) break;
      }
      const planned = applicationRandom.weighted(candidates, (item) => pairs[item.pairIndex].count / pairs[item.pairIndex].jobs.length + 1e-9);
      applied.add(planned);
      const session = applicationRandom.pick(planned.sessions);
      const wentLiveMs = Date.parse(session.wentLiveAt);
      const endedMs = Date.parse(session.endedAt);
      let source: DemoApplication['source'] = applicationRandom.chance(0.65) ? 'live' : 'replay';
      let appliedMs = source === 'live'
        ? wentLiveMs + applicationRandom.next() * (endedMs - wentLiveMs)
        : endedMs + applicationRandom.int(10, 10 * 24 * 60) * MINUTE_MS;
      if (appliedMs > windowEndMs) {
        source = 'live';
        appliedMs = wentLiveMs + applicationRandom.next() * (endedMs - wentLiveMs);
      }
      const isHired = applicationRandom.chance(0.1);
      const status = isHired ? 'hired' : applicationRandom.weighted([['submitted', 5], ['viewed', 3], ['contacted', 1], ['rejected', 1]] as const, ([, weight]) => weight)[0];
      const job = planned.job!;
      const application: DemoApplication = {
        jobId: job.id, seekerUserId: seeker.user.id, sessionId: session.id, source, status,
        appliedAt: toChinaIso(appliedMs), seekerCityCode: seeker.homeCity.code, jobCityCode: job.input.cityCode,
        categoryCode: job.input.categoryCode, industryCode: job.input.industryCode, companyId: job.companyId,
        hiredAt: isHired ? toChinaIso(appliedMs + applicationRandom.int(1 * 24 * 60, 10 * 24 * 60) * MINUTE_MS) : null,
      };
      seeker.applications.push(application);
      applications.push(application);
    }
  }
  applications.sort((left, right) => compareText(left.appliedAt, right.appliedAt) || compareText(left.seekerUserId, right.seekerUserId) || compareText(left.jobId, right.jobId));

  // --- Seeker accounts and quick profiles, made before their first application. ---
  const profileRandom = random.fork('profiles');
  const profiles: DemoProfile[] = [];
  for (const seeker of orderedSeekers) {
    const firstMs = Math.min(...seeker.applications.map((application) => Date.parse(application.appliedAt)));
    const createdMs = Number.isFinite(firstMs) ? firstMs - profileRandom.int(10, 20 * 24 * 60) * MINUTE_MS : chinaMs(WINDOW_FROM, 9 * 60);
    seeker.user.createdAt = toChinaIso(createdMs);
    const categories = [...new Set(seeker.applications.map((application) => application.categoryCode))];
    const currentCityCode = profileRandom.chance(0.6) || seeker.applications.length === 0
      ? seeker.homeCity.code : profileRandom.pick(seeker.applications).jobCityCode;
    const firstCategory = categories[0] ? geo.categoryByCode.get(categories[0])!.name : null;
    profiles.push({
      userId: seeker.user.id,
      name: seeker === demoSeeker ? '王小明' : seeker.user.displayName,
      phone: seeker.user.phone!,
      homeCityCode: seeker.homeCity.code,
      currentCityCode,
      desiredCategories: categories,
      experience: firstCategory && profileRandom.chance(0.35) ? `${profileRandom.pick(['做过', '干过'])}${profileRandom.int(1, 5)}年${firstCategory}` : null,
      skills: profileRandom.chance(0.2) ? profileRandom.pick(SEEKER_SKILLS) : null,
      updatedAt: seeker.user.createdAt,
    });
  }

  // --- Validity: from before the job's first session to past the anchor date (see README of the module). ---
  const validityRandom = random.fork('validity');
  for (const planned of plannedJobs) {
    const job = planned.job!;
    const firstSessionMs = Math.min(...planned.sessions.map((session) => Date.parse(session.startsAt)));
    const lastSessionMs = Math.max(...planned.sessions.map((session) => Date.parse(session.endedAt)));
    const validFrom = toChinaDate(firstSessionMs - validityRandom.int(3, 20) * DAY_MS);
    const isClosed = validityRandom.chance(0.05);
    job.status = isClosed ? 'closed' : 'open';
    job.input.validFrom = validFrom;
    job.input.validUntil = isClosed ? toChinaDate(lastSessionMs + validityRandom.int(10, 40) * DAY_MS) : addDays(options.today, validityRandom.int(20, 150));
    job.createdAt = toChinaIso(chinaMs(validFrom, validityRandom.int(9 * 60, 17 * 60)));
  }
  // Fresh postings of the last weeks (no applications yet): the job list looks current.
  const freshRandom = random.fork('fresh');
  const posters = plannedJobs.filter((planned) => planned.company!.accountType !== 'public');
  for (let index = 0; index < FRESH_JOBS; index += 1) {
    const template = freshRandom.pick(posters);
    const company = template.company!;
    const city = company.accountType === 'direct' ? template.city : freshRandom.pick(reference.cities.filter((item) => item.tier !== '5' && item.tier !== '1'));
    const job = makeJob(company, template.plan, template.industryCode, city);
    const validFrom = addDays(options.today, -freshRandom.int(1, 25));
    job.input.validFrom = validFrom;
    job.input.validUntil = addDays(validFrom, freshRandom.int(60, 120));
    job.createdAt = toChinaIso(chinaMs(validFrom, freshRandom.int(9 * 60, 17 * 60)));
  }

  const seekerUsers = orderedSeekers.map((seeker) => seeker.user);
  const companyMembers = companies.map((company) => company.member);
  return {
    options,
    users: [...users, ...companyMembers, ...seekerUsers],
    companies: companies.map(({ sector: _sector, line: _line, member: _member, ...company }) => company),
    jobs,
    profiles,
    sessions,
    applications,
    accounts: DEMO_ACCOUNTS,
  };
}
