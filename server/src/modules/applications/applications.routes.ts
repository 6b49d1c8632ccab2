import { z } from 'zod';
import type { App } from '../../platform/http.js';
import { applicationReceiptSchema, applyBodySchema, hostApplicationSchema, jobCountSchema } from '../../../../contracts/live.js';
import type { ApplicationsService } from './applications.service.js';

export function registerApplicationsRoutes(app: App, applications: ApplicationsService) {
  app.post('/api/applications', {
    config: { access: ['seeker'], limit: 'applications' },
    schema: {
      tags: ['applications'],
      summary: 'Apply in one tap (idempotent: a repeat or a retry with the same idempotencyKey returns the same application)',
      body: applyBodySchema,
      response: { 200: applicationReceiptSchema, 201: applicationReceiptSchema },
    },
  }, async (request, reply) => {
    const receipt = await applications.apply(request.user!, request.body);
    return reply.status(receipt.created ? 201 : 200).send(receipt);
  });

  app.get('/api/applications/mine/job-ids', {
    config: { access: ['seeker'] },
    schema: {
      tags: ['applications'],
      summary: 'The ids of every job the signed-in seeker has applied to (to show 已报名)',
      response: { 200: z.object({ jobIds: z.array(z.string()) }) },
    },
  }, async (request) => ({ jobIds: await applications.listAppliedJobIds(request.user!) }));

  app.get('/api/sessions/:id/applications', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['applications'],
      summary: "A session's applications for its host console (phones masked) with counts per job",
      params: z.object({ id: z.string().uuid() }),
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), beforeId: z.coerce.number().int().positive().optional() }),
      response: { 200: z.object({ applications: z.array(hostApplicationSchema), counts: z.array(jobCountSchema) }) },
    },
  }, async (request) => applications.listSessionApplications(request.user!, request.params.id, request.query.limit, request.query.beforeId ?? null));
}
