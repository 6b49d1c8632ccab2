import type { Db } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { EventBus } from '../../platform/events.js';
import type { AuthUser } from '../../platform/http.js';
import type { AuthService } from '../auth/index.js';
import type { GeoService } from '../geo/index.js';
import * as repository from './companies.repository.js';
import type { Company, RegisterCompanyInput } from './companies.schemas.js';

export function createCompaniesService(deps: { db: Db; geo: GeoService; auth: AuthService; events: EventBus }) {
  const { db, geo, auth, events } = deps;

  async function getCompany(companyId: string): Promise<Company> {
    const company = await repository.findCompanyById(db, companyId);
    if (!company) throw notFound('Company');
    return company;
  }

  return {
    getCompany,

    /** A company by its id or its 统一社会信用代码 (operators name it either way), or null. */
    async findCompanyByIdOrCreditCode(reference: string): Promise<Company | null> {
      const trimmed = reference.trim();
      if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(trimmed)) return repository.findCompanyById(db, trimmed);
      const companyId = await repository.findCompanyIdByCreditCode(db, trimmed.toUpperCase());
      return companyId ? repository.findCompanyById(db, companyId) : null;
    },

    /** An employer registers its company; it waits for an admin's verification before it can publish. */
    async registerCompany(user: AuthUser, input: RegisterCompanyInput): Promise<Company> {
      if (user.companyId) throw new AppError('conflict', 'Your account already belongs to a company / 账号已关联企业');
      geo.getCity(input.cityCode, 'body.cityCode');
      geo.getIndustry(input.industryCode, 'body.industryCode');
      const companyId = await db.transaction(async (tx) => {
        if (await repository.findCompanyIdByCreditCode(tx, input.creditCode)) {
          throw new AppError('conflict', 'This credit code is already registered / 该统一社会信用代码已注册', { fields: [{ path: 'body.creditCode', message: 'already registered' }] });
        }
        const id = await repository.insertCompany(tx, input);
        await auth.attachUserToCompany(user.id, id, tx);
        return id;
      });
      return getCompany(companyId);
    },

    /**
     * A rejected (or still pending) company corrects its details and waits for verification again. A verified
     * or suspended company's details are what an admin checked: they do not change this way.
     */
    async resubmitCompany(user: AuthUser, input: RegisterCompanyInput): Promise<Company> {
      if (!user.companyId) throw notFound('Company');
      geo.getCity(input.cityCode, 'body.cityCode');
      geo.getIndustry(input.industryCode, 'body.industryCode');
      const companyId = user.companyId;
      await db.transaction(async (tx) => {
        const company = await repository.findCompanyById(tx, companyId);
        if (!company) throw notFound('Company');
        if (company.status !== 'rejected' && company.status !== 'pending') {
          throw new AppError('conflict', `Only a pending or rejected company can be corrected; yours is ${company.status} / 仅待审核或未通过的企业可以修改后重新提交`);
        }
        const holder = await repository.findCompanyIdByCreditCode(tx, input.creditCode);
        if (holder && holder !== companyId) {
          throw new AppError('conflict', 'This credit code is already registered / 该统一社会信用代码已注册', { fields: [{ path: 'body.creditCode', message: 'already registered' }] });
        }
        await repository.updateCompanyDetailsForReview(tx, companyId, input);
      });
      events.emit('CompanyStatusChanged', { companyId, status: 'pending' });
      return getCompany(companyId);
    },

    /**
     * The public company page: seekers see verified companies only (a pending, rejected or suspended one is
     * 404, as if it did not exist); its own members and admins see it in any status.
     */
    async getPublicCompany(viewer: AuthUser | null, companyId: string): Promise<Company> {
      const company = await repository.findCompanyById(db, companyId);
      const isInsider = viewer?.role === 'admin' || (viewer?.companyId === companyId && viewer.role === 'employer');
      if (!company || (company.status !== 'verified' && !isInsider)) throw notFound('Company');
      return company;
    },

    async getOwnCompany(user: AuthUser): Promise<Company | null> {
      return user.companyId ? repository.findCompanyById(db, user.companyId) : null;
    },

    listCompanies(status: string | null, page: number, pageSize: number) {
      return repository.listCompaniesByStatus(db, status, pageSize, (page - 1) * pageSize);
    },

    /** Admin decisions: verify, reject (with a reason) or suspend (its jobs disappear from seekers). */
    async reviewCompany(admin: AuthUser, companyId: string, decision: { decision: 'verify' } | { decision: 'reject' | 'suspend'; reason: string }) {
      const company = await getCompany(companyId);
      const status = { verify: 'verified', reject: 'rejected', suspend: 'suspended' }[decision.decision];
      if (decision.decision === 'reject' && company.status !== 'pending') {
        throw new AppError('conflict', `Only a pending company can be rejected; this one is ${company.status}`);
      }
      await repository.updateCompanyStatus(db, companyId, status, 'reason' in decision ? decision.reason : null, admin.id);
      events.emit('CompanyStatusChanged', { companyId, status });
      return getCompany(companyId);
    },
  };
}

export type CompaniesService = ReturnType<typeof createCompaniesService>;
