export { createJobsService, type JobsService } from './jobs.service.js';
export { registerJobsRoutes } from './jobs.routes.js';
export { findPostingViolations, POSTING_RULES, type PostingViolation } from './posting-rules.js';
export { jobBodySchema, jobSchema, type Job, type JobInput } from './jobs.schemas.js';
export { createJobPages } from './jobs.pages.js';
