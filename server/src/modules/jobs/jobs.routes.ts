import { z } from 'zod';
import type { App } from '../../platform/http.js';
import type { JobsService } from './jobs.service.js';
import { jobBodySchema, jobSchema, listJobsQuerySchema } from './jobs.schemas.js';

const jobParams = z.object({ jobId: z.string().uuid('must be a job id') });

export function registerJobsRoutes(app: App, jobs: JobsService) {
  app.get('/api/jobs', {
    config: { access: 'public' },
    schema: { tags: ['jobs'], summary: 'Browse open jobs (filters: city, province, category, pay, housing, meals, daily pay, company)', querystring: listJobsQuerySchema, response: { 200: z.object({ jobs: z.array(jobSchema), total: z.number() }) } },
  }, async (request) => jobs.listJobs(request.query));

  app.get('/api/jobs/:jobId', {
    config: { access: 'public' },
    schema: { tags: ['jobs'], summary: 'A job page', params: jobParams, response: { 200: jobSchema } },
  }, async (request) => jobs.getJob(request.user, request.params.jobId));

  app.get('/api/employer/jobs', {
    config: { access: ['employer'] },
    schema: { tags: ['jobs'], summary: "Your company's jobs, open and closed", response: { 200: z.object({ jobs: z.array(jobSchema) }) } },
  }, async (request) => ({ jobs: await jobs.listOwnJobs(request.user!) }));

  app.post('/api/employer/jobs', {
    config: { access: ['employer'] },
    schema: { tags: ['jobs'], summary: 'Publish a job (verified companies only; postings that ask for fees or discriminate are refused)', body: jobBodySchema, response: { 201: jobSchema } },
  }, async (request, reply) => reply.status(201).send(await jobs.createJob(request.user!, request.body)));

  app.put('/api/employer/jobs/:jobId', {
    config: { access: ['employer'] },
    schema: { tags: ['jobs'], summary: 'Edit one of your jobs', params: jobParams, body: jobBodySchema, response: { 200: jobSchema } },
  }, async (request) => jobs.updateJob(request.user!, request.params.jobId, request.body));

  app.post('/api/employer/jobs/:jobId/status', {
    config: { access: ['employer'] },
    schema: { tags: ['jobs'], summary: 'Open or close one of your jobs', params: jobParams, body: z.object({ status: z.enum(['open', 'closed']) }), response: { 200: jobSchema } },
  }, async (request) => jobs.setJobStatus(request.user!, request.params.jobId, request.body.status));
}
