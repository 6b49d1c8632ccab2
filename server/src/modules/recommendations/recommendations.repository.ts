import type { Queryable } from '../../platform/db.js';

// Seekers see a job while it is open, within its validity period (China time) and its company is verified
// (the same rule as the job list).
const IS_VISIBLE = `j.status = 'open' and c.status = 'verified'
  and j.valid_from <= (now() at time zone 'Asia/Shanghai')::date
  and j.valid_until >= (now() at time zone 'Asia/Shanghai')::date`;

export type JobCandidateRow = {
  id: string; companyId: string; categoryCode: string; cityCode: string; provinceCode: string; latitude: number; longitude: number; createdAt: Date;
};

/**
 * The jobs worth ranking: those in the wanted or applied-to categories, in the provinces of the seeker's
 * cities or of followed companies (where a match can score), then the newest others so that a seeker with few
 * signals still sees some.
 */
export function listJobCandidates(
  db: Queryable,
  filter: { categoryCodes: string[]; provinceCodes: string[]; companyIds: string[]; limit: number; newestLimit: number },
) {
  return db.query<JobCandidateRow>(
    `with visible as (
       select j.id, j.company_id as "companyId", j.category_code as "categoryCode", j.city_code as "cityCode",
              ci.province_code as "provinceCode", ci.latitude, ci.longitude, j.created_at as "createdAt"
       from jobs j join companies c on c.id = j.company_id join cities ci on ci.code = j.city_code
       where ${IS_VISIBLE}
     )
     (select * from visible
      where "categoryCode" = any($1::text[]) or "provinceCode" = any($2::text[]) or "companyId" = any($5::uuid[])
      order by "createdAt" desc limit $3)
     union
     (select * from visible order by "createdAt" desc limit $4)`,
    [filter.categoryCodes, filter.provinceCodes, filter.limit, filter.newestLimit, filter.companyIds],
  );
}

export type SessionCandidateRow = {
  id: string; status: 'live' | 'scheduled'; startsAt: Date; hostUserId: string; cityCode: string | null; provinceCode: string | null;
  latitude: number | null; longitude: number | null; categoryCodes: string[]; companyIds: string[];
};

/**
 * Live sessions and those starting within the next two weeks that present at least one visible job: live ones
 * first, then those of followed hosts and companies, then by start.
 */
export function listSessionCandidates(db: Queryable, filter: { hostUserIds: string[]; companyIds: string[]; limit: number }) {
  return db.query<SessionCandidateRow>(
    `select s.id, s.status, s.starts_at as "startsAt", s.host_user_id as "hostUserId", s.city_code as "cityCode",
            ci.province_code as "provinceCode", ci.latitude, ci.longitude,
            array_agg(distinct j.category_code) as "categoryCodes", array_agg(distinct j.company_id::text) as "companyIds"
     from live_sessions s
     join live_session_jobs sj on sj.session_id = s.id
     join jobs j on j.id = sj.job_id
     join companies c on c.id = j.company_id
     left join cities ci on ci.code = s.city_code
     where (s.status = 'live' or (s.status = 'scheduled' and s.starts_at > now() - interval '30 minutes' and s.starts_at < now() + interval '14 days'))
       and ${IS_VISIBLE}
     group by s.id, ci.province_code, ci.latitude, ci.longitude
     order by s.status = 'live' desc, (s.host_user_id = any($2::uuid[]) or bool_or(j.company_id = any($3::uuid[]))) desc, s.starts_at
     limit $1`,
    [filter.limit, filter.hostUserIds, filter.companyIds],
  );
}

/** What the seeker applied to: categories with counts, and the jobs themselves. */
export async function findApplicationSignals(db: Queryable, seekerUserId: string) {
  const rows = await db.query<{ jobId: string | null; categoryCode: string }>(
    'select job_id as "jobId", category_code as "categoryCode" from applications where seeker_user_id = $1',
    [seekerUserId],
  );
  const appliedCategories = new Map<string, number>();
  for (const row of rows) appliedCategories.set(row.categoryCode, (appliedCategories.get(row.categoryCode) ?? 0) + 1);
  return { appliedCategories, appliedJobIds: new Set(rows.flatMap((row) => (row.jobId ? [row.jobId] : []))), count: rows.length };
}
