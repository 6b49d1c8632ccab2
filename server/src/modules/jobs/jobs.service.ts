import type { Db } from '../../platform/db.js';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors.js';
import type { EventBus } from '../../platform/events.js';
import type { AuthUser } from '../../platform/http.js';
import type { CompaniesService } from '../companies/index.js';
import type { GeoService } from '../geo/index.js';
import * as repository from './jobs.repository.js';
import type { Job, JobInput, ListJobsQuery } from './jobs.schemas.js';
import { findPostingViolations } from './posting-rules.js';

const MAX_VALIDITY_DAYS = 366;

/** The occupations catalogue (the impact module), for a job's optional occupation tag. */
export type OccupationCatalogue = { hasOccupation(id: number): Promise<boolean> };

export function createJobsService(deps: { db: Db; geo: GeoService; companies: CompaniesService; events: EventBus; occupations: OccupationCatalogue }) {
  const { db, geo, companies, events } = deps;

  /** Reference checks and the posting rules; throws before anything is written. */
  function checkPosting(input: JobInput) {
    geo.getCity(input.cityCode, 'body.cityCode');
    geo.getCategory(input.categoryCode, 'body.categoryCode');
    geo.getIndustry(input.industryCode, 'body.industryCode');
    const days = (Date.parse(input.validUntil) - Date.parse(input.validFrom)) / 86_400_000;
    if (days > MAX_VALIDITY_DAYS) {
      throw new AppError('validation_failed', 'body.validUntil: a posting is valid for at most one year / 有效期最长一年', { fields: [{ path: 'body.validUntil', message: 'at most one year after validFrom' }] });
    }
    const violations = findPostingViolations({ title: input.title, requirements: input.requirements, benefits: input.benefits, description: input.description });
    if (violations.length > 0) {
      const summary = violations.map((violation) => `${violation.field}: 「${violation.words.join('」「')}」 ${violation.message}`).join('; ');
      throw new AppError('posting_rejected', `This posting cannot be published / 岗位信息不合规: ${summary}`, {
        violations,
        fields: violations.map((violation) => ({ path: `body.${violation.field}`, message: `「${violation.words.join('」「')}」 ${violation.message}` })),
      });
    }
  }

  async function checkOccupation(input: JobInput) {
    if (input.occupationId != null && !(await deps.occupations.hasOccupation(input.occupationId))) {
      throw invalid('body.occupationId', 'not in the occupations catalogue (GET /api/occupations) / 职业目录中没有该职业');
    }
  }

  async function getVerifiedCompanyId(user: AuthUser): Promise<string> {
    if (!user.companyId) throw new AppError('forbidden', 'Register your company first / 请先登记企业信息');
    const company = await companies.getCompany(user.companyId);
    if (company.status !== 'verified') {
      throw new AppError('forbidden', `Only verified companies can publish jobs; yours is ${company.status} / 企业通过审核后才能发布岗位`);
    }
    return company.id;
  }

  async function getOwnJob(user: AuthUser, jobId: string) {
    const job = await repository.findJobById(db, jobId);
    if (!job) throw notFound('Job');
    if (job.companyId !== user.companyId) throw forbidden('This job belongs to another company / 不能修改其他企业的岗位');
    return job;
  }

  return {
    checkPosting,

    async createJob(user: AuthUser, input: JobInput): Promise<Job> {
      const companyId = await getVerifiedCompanyId(user);
      checkPosting(input);
      await checkOccupation(input);
      const jobId = await repository.insertJob(db, companyId, user.id, input);
      events.emit('JobPublished', { jobId, companyId });
      return (await repository.findJobById(db, jobId))!;
    },

    async updateJob(user: AuthUser, jobId: string, input: JobInput): Promise<Job> {
      await getOwnJob(user, jobId);
      await getVerifiedCompanyId(user);
      checkPosting(input);
      await checkOccupation(input);
      await repository.updateJob(db, jobId, input);
      return (await repository.findJobById(db, jobId))!;
    },

    async setJobStatus(user: AuthUser, jobId: string, status: 'open' | 'closed'): Promise<Job> {
      await getOwnJob(user, jobId);
      await repository.updateJobStatus(db, jobId, status);
      return (await repository.findJobById(db, jobId))!;
    },

    /** A job page: anyone while the job is visible; the company's own members always. */
    async getJob(user: AuthUser | null, jobId: string): Promise<Job> {
      const job = await repository.findJobById(db, jobId);
      const isOwn = job && user?.companyId === job.companyId;
      const isAdmin = user?.role === 'admin';
      if (!job) throw notFound('Job');
      if (!job.isVisible && !isOwn && !isAdmin) {
        // A seeker who follows a link to a job that stopped is told why (the job itself stays hidden).
        const applicability = await repository.findJobApplicability(db, jobId);
        const reason = applicability?.companyStatus === 'suspended' ? 'company_suspended' : applicability?.companyStatus === 'verified' ? 'job_closed' : undefined;
        throw new AppError('not_found', 'Job not found', reason ? { reason } : {});
      }
      const { isVisible: _isVisible, ...rest } = job;
      return rest;
    },

    /**
     * Before an application: a job takes one while it is open and valid and its company verified. A closed
     * job and a suspended company answer 409 with a message a seeker can read; a job never public, 404.
     */
    async checkAcceptsApplications(jobId: string): Promise<void> {
      const row = await repository.findJobApplicability(db, jobId);
      if (!row) throw notFound('Job');
      if (row.companyStatus === 'suspended') {
        throw new AppError('conflict', 'This company is suspended and takes no applications / 该企业已被暂停招聘，暂不能报名', { reason: 'company_suspended' });
      }
      if (row.companyStatus !== 'verified') throw notFound('Job');
      if (row.status !== 'open' || !row.isWithinValidity) {
        throw new AppError('conflict', 'This job is closed / 该岗位已停止招聘', { reason: 'job_closed' });
      }
    },

    listJobs(query: ListJobsQuery) {
      if (query.sort === 'distance') {
        if (!query.nearCityCode) throw invalid('querystring.nearCityCode', 'is required to sort by distance / 按距离排序需要所在城市');
        geo.getCity(query.nearCityCode, 'querystring.nearCityCode');
      }
      return repository.listVisibleJobs(db, query);
    },

    /** Visible jobs in the order of the ids given (a ranking's); ids no longer visible are left out. */
    async listVisibleJobsInOrder(jobIds: string[]): Promise<Job[]> {
      if (jobIds.length === 0) return [];
      const byId = new Map((await repository.listVisibleJobsByIds(db, jobIds)).map((job) => [job.id, job]));
      return jobIds.flatMap((id) => byId.get(id) ?? []);
    },

    async listOwnJobs(user: AuthUser) {
      if (!user.companyId) return [];
      return repository.listJobsByCompany(db, user.companyId);
    },
  };
}

export type JobsService = ReturnType<typeof createJobsService>;
