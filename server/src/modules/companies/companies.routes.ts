import { z } from 'zod';
import type { App } from '../../platform/http.js';
import type { CompaniesService } from './companies.service.js';
import { companySchema, companyStatusSchema, publicCompanySchema, registerCompanyBodySchema, reviewCompanyBodySchema } from './companies.schemas.js';

const idParams = z.object({ companyId: z.string().uuid('must be a company id') });

export function registerCompaniesRoutes(app: App, companies: CompaniesService) {
  app.post('/api/companies', {
    config: { access: ['employer'] },
    schema: { tags: ['companies'], summary: 'Register your company for verification', body: registerCompanyBodySchema, response: { 201: companySchema } },
  }, async (request, reply) => reply.status(201).send(await companies.registerCompany(request.user!, request.body)));

  app.get('/api/companies/mine', {
    config: { access: ['employer'] },
    schema: { tags: ['companies'], summary: 'Your company and its verification status', response: { 200: z.object({ company: companySchema.nullable() }) } },
  }, async (request) => ({ company: await companies.getOwnCompany(request.user!) }));

  app.put('/api/companies/mine', {
    config: { access: ['employer'] },
    schema: { tags: ['companies'], summary: 'Correct a rejected (or pending) registration and send it for verification again', body: registerCompanyBodySchema, response: { 200: companySchema } },
  }, async (request) => companies.resubmitCompany(request.user!, request.body));

  app.get('/api/companies/:companyId', {
    // Public, verified companies only (404 otherwise; members and admins see theirs in any status). The shape
    // names no person: no member, email or phone.
    config: { access: 'public' },
    schema: { tags: ['companies'], summary: 'A company page: name, account type (and HR licence of agencies), city, industry', params: idParams, response: { 200: publicCompanySchema } },
  }, async (request) => companies.getPublicCompany(request.user, request.params.companyId));

  app.get('/api/admin/companies', {
    config: { access: ['admin'] },
    schema: {
      tags: ['admin'],
      summary: 'Companies by status (the verification queue)',
      querystring: z.object({ status: companyStatusSchema.optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: z.object({ companies: z.array(companySchema) }) },
    },
  }, async (request) => ({ companies: await companies.listCompanies(request.query.status ?? null, request.query.page, request.query.pageSize) }));

  app.post('/api/admin/companies/:companyId/review', {
    config: { access: ['admin'] },
    schema: { tags: ['admin'], summary: 'Verify, reject or suspend a company', params: idParams, body: reviewCompanyBodySchema, response: { 200: companySchema } },
  }, async (request) => companies.reviewCompany(request.user!, request.params.companyId, request.body));
}
