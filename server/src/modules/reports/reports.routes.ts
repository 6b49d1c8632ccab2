import { z } from 'zod';
import type { App } from '../../platform/http.js';
import type { ReportsService } from './reports.service.js';
import { banUserBodySchema, fileReportBodySchema, myReportSchema, reportSchema, reportStatusSchema, resolveReportBodySchema } from './reports.schemas.js';

const reportParams = z.object({ reportId: z.coerce.number().int().positive('must be a report id') });
const userParams = z.object({ userId: z.string().uuid('must be a user id') });
const pageQuery = { page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50) };

export function registerReportsRoutes(app: App, reports: ReportsService) {
  app.post('/api/reports', {
    config: { access: 'signed-in', limit: 'reports' },
    schema: {
      tags: ['reports'],
      summary: 'Report a job, a session or a company (fee request, fake job, harassment, other); filing again while it is open returns the same report',
      body: fileReportBodySchema,
      response: { 201: myReportSchema },
    },
  }, async (request, reply) => reply.status(201).send(await reports.fileReport(request.user!, request.body)));

  app.get('/api/reports/mine', {
    config: { access: 'signed-in' },
    schema: { tags: ['reports'], summary: 'My reports and how they were handled', response: { 200: z.object({ reports: z.array(myReportSchema) }) } },
  }, async (request) => ({ reports: await reports.listMyReports(request.user!) }));

  app.get('/api/admin/reports', {
    config: { access: ['admin'] },
    schema: {
      tags: ['admin'],
      summary: 'The reports queue (oldest open first by default)',
      querystring: z.object({ status: reportStatusSchema.optional(), ...pageQuery }),
      response: { 200: z.object({ reports: z.array(reportSchema) }) },
    },
  }, async (request) => ({ reports: await reports.listReports(request.query.status ?? 'open', request.query.page, request.query.pageSize) }));

  app.get('/api/admin/reports/:reportId', {
    config: { access: ['admin'] },
    schema: { tags: ['admin'], summary: 'One report', params: reportParams, response: { 200: reportSchema } },
  }, async (request) => reports.getReport(request.params.reportId));

  app.post('/api/admin/reports/:reportId/resolve', {
    config: { access: ['admin'] },
    schema: {
      tags: ['admin'],
      summary: "Resolve (optionally suspending the job's company or banning the session's host) or dismiss a report; the reporter is notified",
      params: reportParams,
      body: resolveReportBodySchema,
      response: { 200: reportSchema },
    },
  }, async (request) => reports.resolveReport(request.user!, request.params.reportId, request.body));

  app.post('/api/admin/users/:userId/ban', {
    config: { access: ['admin'] },
    schema: {
      tags: ['admin'],
      summary: 'Ban a user: sessions end, sign-in is refused, and the phone number can never register again',
      params: userParams,
      body: banUserBodySchema,
      response: { 200: z.object({ userId: z.string(), bannedPhones: z.number() }) },
    },
  }, async (request) => reports.banUser(request.user!, request.params.userId, request.body.reason));

  app.post('/api/admin/users/:userId/unban', {
    config: { access: ['admin'] },
    schema: { tags: ['admin'], summary: 'Lift a ban (and its phone blacklist)', params: userParams, body: banUserBodySchema, response: { 200: z.object({ userId: z.string() }) } },
  }, async (request) => reports.unbanUser(request.user!, request.params.userId, request.body.reason));

  app.get('/api/admin/banned-phones', {
    config: { access: ['admin'] },
    schema: {
      tags: ['admin'],
      summary: 'The phone blacklist',
      querystring: z.object(pageQuery),
      response: { 200: z.object({ phones: z.array(z.object({ phone: z.string(), userId: z.string().nullable(), reason: z.string(), bannedAt: z.date() })) }) },
    },
  }, async (request) => ({ phones: await reports.listBannedPhones(request.query.page, request.query.pageSize) }));
}
