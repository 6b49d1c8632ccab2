import type { Context } from '../app.js';
import type { Role } from '../platform/http.js';
import { buildCreditCode } from '../modules/companies/index.js';
import type { JobInput } from '../modules/jobs/index.js';

let counter = 0;
const next = () => {
  counter += 1;
  return `${process.pid}${counter}`;
};

export const TEST_PASSWORD = 'test-password-1';

export async function buildUser(context: Context, overrides: { role?: Role; email?: string; phone?: string; displayName?: string } = {}) {
  const id = next();
  return context.auth.createUser({
    role: overrides.role ?? 'seeker',
    email: overrides.email ?? `user${id}@example.test`,
    phone: overrides.phone ?? null,
    password: TEST_PASSWORD,
    displayName: overrides.displayName ?? `User ${id}`,
  });
}

/** A company in the given status with one employer member; returns both. */
export async function buildCompany(context: Context, overrides: { status?: 'pending' | 'verified' | 'rejected' | 'suspended'; cityCode?: string; name?: string } = {}) {
  const employer = await buildUser(context, { role: 'employer' });
  const body = String(91_320_500_000_000_000n + BigInt(Math.floor(Math.random() * 1e12))).slice(0, 17);
  const company = await context.companies.registerCompany(employer, {
    name: overrides.name ?? `测试制造有限公司${next()}`,
    creditCode: buildCreditCode(body),
    cityCode: overrides.cityCode ?? '320500',
    industryCode: 'C',
    accountType: 'direct',
  });
  const status = overrides.status ?? 'verified';
  if (status !== 'pending') {
    await context.db.query('update companies set status = $2, reviewed_at = now() where id = $1', [company.id, status]);
  }
  return { company, employer: { ...employer, companyId: company.id } };
}

export function buildJobInput(overrides: Partial<JobInput> = {}): JobInput {
  const today = new Date().toISOString().slice(0, 10);
  const inNinetyDays = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
  return {
    title: '电子厂普工',
    categoryCode: 'general_worker',
    industryCode: 'C',
    cityCode: '320500',
    payMonthlyMin: 5500,
    payMonthlyMax: 7500,
    payHourly: 22,
    isDailyPay: false,
    shiftPattern: 'two_shifts',
    housing: 'dormitory',
    meals: 'allowance',
    headcount: 50,
    requirements: '身体健康，能适应两班倒',
    benefits: '五险一金，包住，餐补',
    description: '',
    validFrom: today,
    validUntil: inNinetyDays,
    ...overrides,
  };
}

export async function buildJob(context: Context, employer: { id: string; companyId: string | null; role: Role } & Record<string, unknown>, overrides: Partial<JobInput> = {}) {
  return context.jobs.createJob(employer as never, buildJobInput(overrides));
}
