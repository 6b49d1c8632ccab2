import { z } from 'zod';
import type { App } from '../../platform/http.js';
import type { PipelineService } from './pipeline.service.js';
import {
  applicationFilterSchema,
  bulkActionBodySchema,
  bulkResultSchema,
  contactConsentsSchema,
  declineBodySchema,
  employerActionBodySchema,
  employerApplicationDetailSchema,
  employerApplicationSchema,
  handoffBodySchema,
  handoffDecisionBodySchema,
  handoffSchema,
  hostLeadSchema,
  listQuerySchema,
  noteBodySchema,
  noteSchema,
  seekerApplicationDetailSchema,
  seekerApplicationSchema,
  taskSchema,
  withdrawBodySchema,
} from './pipeline.schemas.js';

const applicationParams = z.object({ applicationId: z.coerce.number().int().positive('must be an application id') });
const pageQuery = z.object({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50) });

export function registerPipelineRoutes(app: App, pipeline: PipelineService) {
  // ---- employer console ----
  app.get('/api/employer/applications', {
    config: { access: ['employer'] },
    schema: {
      tags: ['pipeline'],
      summary: "Applications to your company's jobs (and leads handed to you with consent), filtered by job, session, status, date; phones masked",
      querystring: listQuerySchema,
      response: { 200: z.object({ applications: z.array(employerApplicationSchema), total: z.number(), countsByStatus: z.record(z.string(), z.number()) }) },
    },
  }, async (request) => {
    const { page, pageSize, ...filter } = request.query;
    return pipeline.listEmployerApplications(request.user!, filter, page, pageSize);
  });

  app.get('/api/employer/applications/export.csv', {
    config: { access: ['employer'] },
    schema: { tags: ['pipeline'], summary: 'The filtered applications as CSV (UTF-8 with BOM); phone numbers are masked', querystring: applicationFilterSchema },
  }, async (request, reply) => {
    const csv = await pipeline.exportCsv(request.user!, request.query);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="applications-${new Date().toISOString().slice(0, 10)}.csv"`)
      .send(csv);
  });

  app.get('/api/employer/applications/:applicationId', {
    config: { access: ['employer'] },
    schema: {
      tags: ['pipeline'],
      summary: 'One application with its history, notes, phone-view log and handoffs; opening a new one marks it viewed',
      params: applicationParams,
      response: { 200: employerApplicationDetailSchema },
    },
  }, async (request) => pipeline.openEmployerApplication(request.user!, request.params.applicationId));

  app.post('/api/employer/applications/:applicationId/transitions', {
    config: { access: ['employer'] },
    schema: {
      tags: ['pipeline'],
      summary: 'Move an application: view, contact, schedule_interview, hire, onboard, confirm_stay, record_left, reject',
      params: applicationParams,
      body: employerActionBodySchema,
      response: { 200: employerApplicationDetailSchema },
    },
  }, async (request) => pipeline.changeStatus(request.user!, request.params.applicationId, request.body));

  app.post('/api/employer/applications/:applicationId/undo', {
    config: { access: ['employer'] },
    schema: { tags: ['pipeline'], summary: 'Undo your latest change to this application (recorded as its own event)', params: applicationParams, response: { 200: employerApplicationDetailSchema } },
  }, async (request) => pipeline.undoLatestChange(request.user!, request.params.applicationId));

  app.post('/api/employer/applications/bulk', {
    config: { access: ['employer'] },
    schema: { tags: ['pipeline'], summary: 'The same change for up to 200 applications; each reports its own result', body: bulkActionBodySchema, response: { 200: bulkResultSchema } },
  }, async (request) => pipeline.bulkChangeStatus(request.user!, request.body.applicationIds, request.body.change));

  app.post('/api/employer/applications/:applicationId/notes', {
    config: { access: ['employer'] },
    schema: { tags: ['pipeline'], summary: 'Add a note (visible to your company)', params: applicationParams, body: noteBodySchema, response: { 201: z.object({ notes: z.array(noteSchema) }) } },
  }, async (request, reply) => reply.status(201).send({ notes: await pipeline.addNote(request.user!, request.params.applicationId, request.body.body) }));

  app.post('/api/employer/applications/:applicationId/unmask', {
    config: { access: ['employer'] },
    schema: {
      tags: ['pipeline'],
      summary: "Show the seeker's full phone number while the seeker consents (apply-time choice or an accepted contact request; 403 otherwise); logged and shown to the seeker",
      params: applicationParams,
      response: { 200: z.object({ phone: z.string(), unmaskedAt: z.date() }) },
    },
  }, async (request) => pipeline.unmaskPhone(request.user!, request.params.applicationId));

  app.post('/api/employer/applications/:applicationId/handoffs', {
    config: { access: ['employer'] },
    schema: { tags: ['pipeline'], summary: "Agencies: ask the seeker's consent to pass this lead to a client company (PIPL art. 23)", params: applicationParams, body: handoffBodySchema, response: { 200: handoffSchema } },
  }, async (request) => pipeline.requestHandoff(request.user!, request.params.applicationId, request.body));

  app.get('/api/employer/tasks', {
    config: { access: ['employer'] },
    schema: {
      tags: ['pipeline'],
      summary: 'Open 7-day checks of your hires (due=true: only those due today or earlier)',
      querystring: z.object({ due: z.enum(['true', 'false']).default('false') }),
      response: { 200: z.object({ tasks: z.array(taskSchema) }) },
    },
  }, async (request) => ({ tasks: await pipeline.listTasks(request.user!, request.query.due === 'true') }));

  // ---- host ----
  app.get('/api/host/leads', {
    config: { access: ['host'] },
    schema: {
      tags: ['pipeline'],
      summary: "Leads from your own sessions, with their status; phones masked",
      querystring: listQuerySchema,
      response: { 200: z.object({ leads: z.array(hostLeadSchema), total: z.number() }) },
    },
  }, async (request) => {
    const { page, pageSize, ...filter } = request.query;
    return pipeline.listHostLeads(request.user!, filter, page, pageSize);
  });

  app.post('/api/host/leads/:applicationId/handoffs', {
    config: { access: ['host'] },
    schema: { tags: ['pipeline'], summary: "Ask the seeker's consent to pass this lead to another company (PIPL art. 23)", params: applicationParams, body: handoffBodySchema, response: { 200: handoffSchema } },
  }, async (request) => pipeline.requestHandoff(request.user!, request.params.applicationId, request.body));

  // ---- seeker ----
  app.get('/api/seeker/applications', {
    config: { access: ['seeker'] },
    schema: {
      tags: ['pipeline'],
      summary: 'My applications with their status, what happens next, and who viewed my number',
      querystring: pageQuery,
      response: { 200: z.object({ applications: z.array(seekerApplicationSchema), total: z.number() }) },
    },
  }, async (request) => pipeline.listMyApplications(request.user!, request.query.page, request.query.pageSize));

  app.get('/api/seeker/applications/:applicationId', {
    config: { access: ['seeker'] },
    schema: { tags: ['pipeline'], summary: 'One of my applications with its full history', params: applicationParams, response: { 200: seekerApplicationDetailSchema } },
  }, async (request) => pipeline.getMyApplication(request.user!, request.params.applicationId));

  app.post('/api/seeker/applications/:applicationId/withdraw', {
    config: { access: ['seeker'] },
    schema: { tags: ['pipeline'], summary: 'Withdraw my application', params: applicationParams, body: withdrawBodySchema, response: { 200: seekerApplicationDetailSchema } },
  }, async (request) => pipeline.seekerAction(request.user!, request.params.applicationId, { type: 'withdraw', reason: request.body.reason ?? null }));

  app.post('/api/seeker/applications/:applicationId/interview/accept', {
    config: { access: ['seeker'] },
    schema: { tags: ['pipeline'], summary: 'Accept the interview invitation', params: applicationParams, response: { 200: seekerApplicationDetailSchema } },
  }, async (request) => pipeline.seekerAction(request.user!, request.params.applicationId, { type: 'accept_interview' }));

  app.post('/api/seeker/applications/:applicationId/interview/decline', {
    config: { access: ['seeker'] },
    schema: { tags: ['pipeline'], summary: 'Decline the interview invitation', params: applicationParams, body: declineBodySchema, response: { 200: seekerApplicationDetailSchema } },
  }, async (request) => pipeline.seekerAction(request.user!, request.params.applicationId, { type: 'decline_interview', reason: request.body.reason ?? null }));

  app.get('/api/seeker/contact-consents', {
    config: { access: ['seeker'] },
    schema: { tags: ['pipeline'], summary: 'Which companies may see my full phone number, and every look at it', response: { 200: contactConsentsSchema } },
  }, async (request) => pipeline.phoneAccess.listMine(request.user!));

  app.post('/api/seeker/contact-consents/:consentId/withdraw', {
    config: { access: ['seeker'] },
    schema: {
      tags: ['pipeline'],
      summary: 'Withdraw my consent: that company sees the masked number again from now on (earlier looks stay logged)',
      params: z.object({ consentId: z.coerce.number().int().positive() }),
      response: { 200: contactConsentsSchema },
    },
  }, async (request) => pipeline.phoneAccess.withdraw(request.user!, request.params.consentId));

  app.get('/api/seeker/handoffs', {
    config: { access: ['seeker'] },
    schema: { tags: ['pipeline'], summary: 'Requests to pass my application to another company, and my answers', response: { 200: z.object({ handoffs: z.array(handoffSchema) }) } },
  }, async (request) => ({ handoffs: await pipeline.listMyHandoffs(request.user!) }));

  app.post('/api/seeker/handoffs/:handoffId', {
    config: { access: ['seeker'] },
    schema: {
      tags: ['pipeline'],
      summary: 'Grant or refuse a handoff request (consent is recorded before anything is shared)',
      params: z.object({ handoffId: z.coerce.number().int().positive() }),
      body: handoffDecisionBodySchema,
      response: { 200: handoffSchema },
    },
  }, async (request) => pipeline.decideHandoff(request.user!, request.params.handoffId, request.body.decision));
}
