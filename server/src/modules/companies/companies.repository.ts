import type { Queryable } from '../../platform/db.js';
import type { Company, RegisterCompanyInput } from './companies.schemas.js';

const COMPANY_SELECT = `
  select c.id, c.name, c.credit_code as "creditCode", c.city_code as "cityCode", ci.short_name as "cityName",
         c.industry_code as "industryCode", i.name as "industryName", c.account_type as "accountType",
         c.hr_licence_number as "hrLicenceNumber", c.status, c.review_reason as "reviewReason",
         c.reviewed_at as "reviewedAt", c.is_synthetic as "isSynthetic", c.created_at as "createdAt"
  from companies c
  join cities ci on ci.code = c.city_code
  join industries i on i.code = c.industry_code`;

export async function insertCompany(db: Queryable, input: RegisterCompanyInput & { status?: string; isSynthetic?: boolean }) {
  const [row] = await db.query<{ id: string }>(
    `insert into companies (name, credit_code, city_code, industry_code, account_type, hr_licence_number, status, is_synthetic)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [input.name, input.creditCode, input.cityCode, input.industryCode, input.accountType, input.hrLicenceNumber ?? null, input.status ?? 'pending', input.isSynthetic ?? false],
  );
  return row.id;
}

export async function findCompanyById(db: Queryable, companyId: string): Promise<Company | null> {
  const [row] = await db.query<Company>(`${COMPANY_SELECT} where c.id = $1`, [companyId]);
  return row ?? null;
}

export async function findCompanyIdByCreditCode(db: Queryable, creditCode: string) {
  const [row] = await db.query<{ id: string }>('select id from companies where credit_code = $1', [creditCode]);
  return row?.id ?? null;
}

export function listCompaniesByStatus(db: Queryable, status: string | null, limit: number, offset: number) {
  return db.query<Company>(`${COMPANY_SELECT} where ($1::text is null or c.status = $1) order by c.created_at desc, c.id limit $2 offset $3`, [status, limit, offset]);
}

export async function updateCompanyStatus(db: Queryable, companyId: string, status: string, reason: string | null, reviewerId: string) {
  await db.query('update companies set status = $2, review_reason = $3, reviewed_by = $4, reviewed_at = now() where id = $1', [companyId, status, reason, reviewerId]);
}

/** A corrected registration goes back to the verification queue. */
export async function updateCompanyDetailsForReview(db: Queryable, companyId: string, input: RegisterCompanyInput) {
  await db.query(
    `update companies set name = $2, credit_code = $3, city_code = $4, industry_code = $5, account_type = $6, hr_licence_number = $7, status = 'pending'
     where id = $1`,
    [companyId, input.name, input.creditCode, input.cityCode, input.industryCode, input.accountType, input.hrLicenceNumber ?? null],
  );
}
