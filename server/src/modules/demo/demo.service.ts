import { createHash } from 'node:crypto';
import argon2 from 'argon2';
import type { Context } from '../../app.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { jobBodySchema } from '../jobs/index.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from './demo-accounts.js';
import { WINDOW_FROM, WINDOW_TO } from './demo-catalogue.js';
import { generateDemoWorld, toChinaDate, type DemoWorld } from './demo-generator.js';
import { addDemoPipeline, writeDemoPipeline, type DemoPipelineCounts, type DemoWorldWithPipeline } from './demo-pipeline.js';
import { insertUpcomingSessions, planUpcomingSessions, type DemoUpcomingSession } from './demo-upcoming.js';
import { insertDemoCampaigns, planDemoCampaigns } from './demo-campaigns.js';
import { planDemoOccupations, writeDemoOccupations } from './demo-occupations.js';
import * as repository from './demo.repository.js';
import { seedOptionsSchema, type SeedOptions } from './demo.schemas.js';

export type SeedSummary = {
  seed: number;
  scale: number;
  anchorDate: string;
  window: { from: string; to: string };
  counts: {
    users: Record<'admin' | 'bureau' | 'host' | 'employer' | 'seeker', number>;
    companies: Record<'verified' | 'pending' | 'rejected', number>;
    /** Verified companies by account type. */
    companiesByType: Record<'direct' | 'agency' | 'dispatch' | 'public', number>;
    jobs: { total: number; open: number };
    cities: number;
    provinces: number;
    sessions: number;
    /** Scheduled after the anchor date, to book and to go live with. */
    upcomingSessions: number;
    applications: number;
    hires: number;
    /** The pipeline history (demo-pipeline.ts): recorded changes, and the recent sessions and applications. */
    pipeline: DemoPipelineCounts;
  };
  password: string;
  accounts: readonly DemoAccount[];
};

const MAX_VALIDITY_DAYS = 365;

/** The anchor date: the China-time date of `now`. Only the date matters, so seeds on one day agree. */
export function anchorDateOf(now: Date): string {
  return toChinaDate(now.getTime());
}

/**
 * Every demo posting goes through the same rules as a real one (reference codes, the API's field limits,
 * the 押金/age/gender/户籍 table), so the demo never shows a job the product would refuse. The one rule it
 * bends is the validity span: demo jobs run from before the report window to past today, far longer than
 * the year a real posting may be open, so the span rule is checked on the posting's last year.
 */
function checkPostings(context: Context, world: DemoWorld) {
  for (const job of world.jobs) {
    const parsed = jobBodySchema.safeParse(job.input);
    if (!parsed.success) throw new Error(`demo generator made an invalid job "${job.input.title}": ${parsed.error.message}`);
    const lastYearStart = toChinaDate(Date.parse(`${job.input.validUntil}T00:00:00+08:00`) - MAX_VALIDITY_DAYS * 86_400_000);
    context.jobs.checkPosting({ ...parsed.data, validFrom: job.input.validFrom > lastYearStart ? job.input.validFrom : lastYearStart });
  }
}

/**
 * The demo password's hash (one for every demo account). Its salt comes from the seed, so the same seed
 * writes the same bytes; and since the password is published, OWASP's minimum argon2id cost (19 MiB, 2
 * passes) is plenty and keeps first start and demo sign-ins quick. Real accounts use the auth module's.
 */
async function hashDemoPassword(seed: number) {
  const salt = createHash('sha256').update(`jobcast-demo-salt:${seed}`).digest().subarray(0, 16);
  return argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id, salt, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

function summarize(world: DemoWorldWithPipeline, anchorDate: string, upcoming: readonly DemoUpcomingSession[]): SeedSummary {
  const countBy = <T, K extends string>(items: readonly T[], keyOf: (item: T) => K, keys: readonly K[]) => {
    const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
    for (const item of items) counts[keyOf(item)] += 1;
    return counts;
  };
  const jobCities = new Set(world.jobs.map((job) => job.input.cityCode));
  return {
    seed: world.options.seed,
    scale: world.options.scale,
    anchorDate,
    window: { from: WINDOW_FROM, to: WINDOW_TO },
    counts: {
      users: countBy(world.users, (user) => user.role, ['admin', 'bureau', 'host', 'employer', 'seeker'] as const),
      companies: countBy(world.companies, (company) => company.status, ['verified', 'pending', 'rejected'] as const),
      companiesByType: countBy(world.companies.filter((company) => company.status === 'verified'), (company) => company.accountType, ['direct', 'agency', 'dispatch', 'public'] as const),
      jobs: { total: world.jobs.length, open: world.jobs.filter((job) => job.status === 'open').length },
      cities: jobCities.size,
      provinces: new Set([...jobCities].map((code) => code.slice(0, 2))).size,
      sessions: world.sessions.length,
      upcomingSessions: upcoming.length,
      applications: world.applications.length,
      hires: world.applications.filter((application) => application.hiredAt !== null).length,
      pipeline: world.pipeline.counts,
    },
    password: DEMO_PASSWORD,
    accounts: world.accounts,
  };
}

const alreadySeededMessage = (counts: Awaited<ReturnType<typeof repository.countSyntheticRows>>) =>
  `This database already has demo data (${counts.users} synthetic users, ${counts.jobs} jobs, ${counts.applications} applications); nothing was changed. ` +
  'To seed again, start from an empty database: stop Jobcast, then remove the data folder (JOBCAST_DATA_DIR, default ./data) ' +
  'or point DATABASE_URL at a new database, and run `jobcast seed` again. / 数据库中已有演示数据，未做任何修改；如需重新生成，请先清空数据库。';

async function writeWorld(
  context: Context, world: DemoWorldWithPipeline, upcoming: readonly DemoUpcomingSession[], passwordHash: string, mode: 'always' | 'if-no-users',
): Promise<boolean> {
  try {
    return await context.db.transaction(async (tx) => {
      await repository.lockDemoSeed(tx);
      if (mode === 'if-no-users' && (await repository.countUsers(tx)) > 0) return false;
      const existing = await repository.countSyntheticRows(tx);
      if (existing.users + existing.companies + existing.jobs > 0) throw new AppError('conflict', alreadySeededMessage(existing));
      const emails = DEMO_ACCOUNTS.filter((account) => account.login.includes('@')).map((account) => account.login);
      const phones = DEMO_ACCOUNTS.filter((account) => !account.login.includes('@')).map((account) => account.login);
      const taken = await repository.findUsersByLogins(tx, emails, phones);
      if (taken.length > 0) {
        throw new AppError('conflict', `The demo accounts' logins are already registered here (${taken.map((row) => row.email ?? row.phone).join(', ')}); nothing was changed. Seed an empty database instead.`);
      }
      // Users first (companies name their reviewer), companies, then everything that points at them.
      const companyMembers = world.users.filter((user) => user.companyId !== null);
      await repository.insertUsers(tx, world.users.filter((user) => user.companyId === null), passwordHash);
      await repository.insertCompanies(tx, world.companies);
      await repository.insertUsers(tx, companyMembers, passwordHash);
      await repository.insertJobs(tx, world.jobs);
      await repository.insertSeekerProfiles(tx, world.profiles);
      await repository.insertLiveSessions(tx, world.sessions);
      await repository.insertApplications(tx, world.applications);
      await writeDemoPipeline(tx, world);
      await insertUpcomingSessions(tx, upcoming);
      await insertDemoCampaigns(tx, planDemoCampaigns(world, upcoming));
      await writeDemoOccupations(tx, planDemoOccupations(world));
      return true;
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    // A row the generator wanted already exists (a user registered with a demo phone number, say).
    if ((error as { code?: string }).code === '23505') {
      throw new AppError('conflict', `Demo data could not be created: ${(error as Error).message}. Nothing was written; seed an empty database instead.`);
    }
    throw error;
  }
}

async function seed(context: Context, options: SeedOptions & { now: Date }, mode: 'always' | 'if-no-users') {
  const parsed = seedOptionsSchema.safeParse({ seed: options.seed, scale: options.scale });
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    throw new AppError('validation_failed', fields.map((field) => `${field.path}: ${field.message}`).join('; '), { fields });
  }
  if (mode === 'always') {
    // Refuse before generating anything; the transaction checks again under the lock.
    const existing = await repository.countSyntheticRows(context.db);
    if (existing.users + existing.companies + existing.jobs > 0) throw new AppError('conflict', alreadySeededMessage(existing));
  }
  const anchorDate = anchorDateOf(options.now);
  const world = addDemoPipeline(context.geo.reference, generateDemoWorld(context.geo.reference, { seed: parsed.data.seed, scale: parsed.data.scale, today: anchorDate }));
  const upcoming = planUpcomingSessions(world);
  checkPostings(context, world);
  const passwordHash = await hashDemoPassword(parsed.data.seed);
  const written = await writeWorld(context, world, upcoming, passwordHash, mode);
  return written ? summarize(world, anchorDate, upcoming) : null;
}

/**
 * Writes the synthetic demo world in one transaction (all or nothing). Deterministic: the same seed, scale
 * and anchor date (the China-time date of `now`) write the same rows, ids and timestamps included.
 * Refuses (AppError 'conflict') when the database already has demo data.
 */
export async function seedDemoData(context: Context, options: { seed: number; scale: number; now: Date }): Promise<SeedSummary> {
  const summary = await seed(context, options, 'always');
  return summary!;
}

/** At server start: seeds scale 1 with JOBCAST_DEMO_SEED when JOBCAST_DEMO_DATA=auto and there are no users. */
export async function seedDemoDataIfEmpty(context: Context, now: Date = new Date()): Promise<boolean> {
  if (context.config.demoData !== 'auto') return false;
  if ((await repository.countUsers(context.db)) > 0) return false;
  const summary = await seed(context, { seed: context.config.demoSeed, scale: 1, now }, 'if-no-users');
  return summary !== null;
}

/** The summary as a person reads it: what was created and how to sign in. */
export function formatSeedSummary(summary: SeedSummary): string {
  const { counts } = summary;
  const { pipeline } = counts;
  const lines = [
    `Demo data created (synthetic / 演示数据): seed ${summary.seed}, scale ${summary.scale}, anchored to ${summary.anchorDate}.`,
    `  accounts      ${counts.users.seeker} seekers, ${counts.users.employer} employer members, ${counts.users.host} hosts, ${counts.users.bureau} bureau, ${counts.users.admin} admin`,
    `  companies     ${counts.companies.verified} verified (${counts.companiesByType.direct} direct 自招, ${counts.companiesByType.agency} agency 中介代招, ${counts.companiesByType.dispatch} dispatch 劳务派遣, ${counts.companiesByType.public} public 公共), ${counts.companies.pending} pending, ${counts.companies.rejected} rejected`,
    `  jobs          ${counts.jobs.total} (${counts.jobs.open} open) in ${counts.cities} cities of ${counts.provinces} provinces`,
    `  live sessions ${counts.sessions - pipeline.recentSessions} ended in ${summary.window.from} … ${summary.window.to} and ${pipeline.recentSessions} since ${pipeline.recentSince}; ${counts.upcomingSessions} upcoming from ${summary.anchorDate}`,
    `  applications  ${counts.applications - pipeline.recentApplications} (${counts.hires - pipeline.recentHires} hired) in ${summary.window.from} … ${summary.window.to}, ${pipeline.recentApplications} (${pipeline.recentHires} hired) since ${pipeline.recentSince}`,
    `  pipeline      ${pipeline.events} recorded changes (viewed … stayed 7 days, rejected, withdrawn), 7-day checks, viewers and job-card opens per session`,
    '',
    `Demo accounts (password for all: ${summary.password}):`,
    ...summary.accounts.map((account) => `  ${account.key.padEnd(9)} ${account.login.padEnd(22)} ${account.description.en}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** The sign-in page's hint: the demo accounts, only where the demo data (and so those accounts) exists. */
export async function listDemoAccounts(db: Db): Promise<{ isSeeded: boolean; accounts: readonly DemoAccount[] }> {
  const isSeeded = await repository.hasSyntheticUser(db, DEMO_ACCOUNTS[0].login);
  return { isSeeded, accounts: isSeeded ? DEMO_ACCOUNTS : [] };
}
