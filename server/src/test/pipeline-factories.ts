import type { Context } from '../app.js';
import type { AuthUser } from '../platform/http.js';
import { buildUser, TEST_PASSWORD } from './factories.js';

let counter = 0;
const next = () => {
  counter += 1;
  return counter;
};

/** A unique valid mobile number per call within one process. */
export function nextPhone() {
  return `139${String(process.pid % 10_000).padStart(4, '0')}${String(next()).padStart(4, '0')}`;
}

/** A seeker with a quick profile (what an application carries). */
export async function buildSeeker(context: Context, overrides: { name?: string; phone?: string; homeCityCode?: string } = {}) {
  const phone = overrides.phone ?? nextPhone();
  const user = await buildUser(context, { role: 'seeker', phone });
  await context.seekers.saveProfile(user, { name: overrides.name ?? `求职者${next()}`, phone, homeCityCode: overrides.homeCityCode ?? '341200', desiredCategories: [] });
  return { ...user, phone };
}

/** A live session hosted by `host`, presenting `jobIds`. */
export async function buildSession(context: Context, host: AuthUser, overrides: { title?: string; startsAt?: Date; jobIds?: string[]; provinceCode?: string; status?: 'scheduled' | 'live' | 'ended' } = {}) {
  const [row] = await context.db.query<{ id: string }>(
    `insert into live_sessions (title, host_user_id, starts_at, status, province_code) values ($1, $2, $3, $4, $5) returning id`,
    [overrides.title ?? `直播带岗 ${next()}`, host.id, overrides.startsAt ?? new Date(), overrides.status ?? 'ended', overrides.provinceCode ?? null],
  );
  for (const [position, jobId] of (overrides.jobIds ?? []).entries()) {
    await context.db.query('insert into live_session_jobs (session_id, job_id, position) values ($1, $2, $3)', [row.id, jobId, position]);
  }
  return { id: row.id, hostUserId: host.id };
}

/**
 * An application row as the apply service writes it: the analytics snapshot columns copied from the job
 * and the seeker's profile, with the session it came from.
 */
export async function buildApplication(
  context: Context,
  input: { jobId: string; seekerUserId: string; sessionId?: string | null; appliedAt?: Date; source?: 'live' | 'replay' | 'job_page' },
): Promise<number> {
  const [row] = await context.db.query<{ id: number }>(
    `insert into applications (job_id, seeker_user_id, session_id, source, applied_at, seeker_city_code, job_city_code, category_code, industry_code, company_id)
     select j.id, p.user_id, $3, $4, $5, p.home_city_code, j.city_code, j.category_code, j.industry_code, j.company_id
     from jobs j, seeker_profiles p where j.id = $1 and p.user_id = $2
     returning id`,
    [input.jobId, input.seekerUserId, input.sessionId ?? null, input.source ?? (input.sessionId ? 'live' : 'job_page'), input.appliedAt ?? new Date()],
  );
  if (!row) throw new Error('buildApplication: job or seeker profile missing');
  return row.id;
}

/** Session cookie for `user` (sign in through the API the way a browser does). */
export async function signIn(app: { inject: (options: { method: 'POST'; url: string; payload: unknown }) => Promise<{ cookies: Array<{ name: string; value: string }> }> }, login: string) {
  const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { login, password: TEST_PASSWORD } });
  const cookie = response.cookies.find((item) => item.name === 'jobcast_session');
  if (!cookie) throw new Error(`could not sign in ${login}`);
  return { jobcast_session: cookie.value };
}

/** A session cookie for `userId` without the password round trip (argon2 is slow on a loaded machine). */
export async function sessionCookie(context: Context, userId: string) {
  const { token } = await context.auth.startSession(userId);
  return { jobcast_session: token };
}
