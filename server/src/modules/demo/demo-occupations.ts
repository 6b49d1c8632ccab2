import type { Queryable } from '../../platform/db.js';
import type { DemoWorld } from './demo-generator.js';
import { createRandom } from './random.js';

// 新职业 in the demo (issue 12, Renovate): hosts, bureau staff and recruiters state an occupation from the catalogue
// (migrations 0093, 0098) and the 外卖骑手 jobs carry 网约配送员, so the impact report's Renovate part has people and
// jobs to count on a fresh `npm start`. Its own random stream ('occupations'): no other stage's rows change.

export type DemoOccupationPlan = {
  /** user id → catalogue name */
  statedBy: Array<{ userId: string; occupation: string }>;
  /** job id → catalogue name */
  taggedJobs: Array<{ jobId: string; occupation: string }>;
};

/** Which job categories are, one to one, a catalogued new occupation. */
const OCCUPATION_OF_CATEGORY: Record<string, string> = { food_delivery_rider: '网约配送员' };

export function planDemoOccupations(world: DemoWorld): DemoOccupationPlan {
  const random = createRandom(world.options.seed, 'occupations');
  const accountTypeOf = new Map(world.companies.map((company) => [company.id, company.accountType]));
  const statedBy: DemoOccupationPlan['statedBy'] = [];
  for (const user of world.users) {
    if (user.role === 'host') {
      // Most hosts present jobs (带岗主播); some call themselves 互联网营销师, the 2020 new occupation of live selling.
      statedBy.push({ userId: user.id, occupation: random.chance(0.25) ? '互联网营销师' : '带岗主播' });
    } else if (user.role === 'bureau') {
      statedBy.push({ userId: user.id, occupation: '互联网招聘师' });
    } else if (user.role === 'employer' && user.companyId) {
      const accountType = accountTypeOf.get(user.companyId);
      // Agencies and dispatch firms recruit for a living; about half of the direct employers' members state it too.
      if (accountType === 'agency' || accountType === 'dispatch' || random.chance(0.5)) {
        statedBy.push({ userId: user.id, occupation: random.chance(0.2) ? '带岗主播' : '互联网招聘师' });
      }
    }
  }
  const taggedJobs = world.jobs
    .filter((job) => OCCUPATION_OF_CATEGORY[job.input.categoryCode])
    .map((job) => ({ jobId: job.id, occupation: OCCUPATION_OF_CATEGORY[job.input.categoryCode] }));
  return { statedBy, taggedJobs };
}

/** Writes the plan by catalogue name (ids are the catalogue's own); a name missing from the catalogue is an error. */
export async function writeDemoOccupations(tx: Queryable, plan: DemoOccupationPlan) {
  const names = [...new Set([...plan.statedBy, ...plan.taggedJobs].map((row) => row.occupation))];
  const found = await tx.query<{ name: string }>('select name from occupations where name = any($1::text[])', [names]);
  const missing = names.filter((name) => !found.some((row) => row.name === name));
  if (missing.length > 0) throw new Error(`demo occupations missing from the catalogue: ${missing.join(', ')}`);
  await tx.query(
    `insert into user_occupations (user_id, occupation_id, stated_at)
     select t.user_id, o.id, u.created_at from unnest($1::uuid[], $2::text[]) as t (user_id, name)
     join occupations o on o.name = t.name join users u on u.id = t.user_id`,
    [plan.statedBy.map((row) => row.userId), plan.statedBy.map((row) => row.occupation)],
  );
  await tx.query(
    `update jobs j set occupation_id = o.id
     from unnest($1::uuid[], $2::text[]) as t (job_id, name) join occupations o on o.name = t.name
     where j.id = t.job_id`,
    [plan.taggedJobs.map((row) => row.jobId), plan.taggedJobs.map((row) => row.occupation)],
  );
}
