export { createInterviewsService, type InterviewsService } from './interviews.service.js';
export { attachInterviewsRealtime } from './interviews.realtime.js';
export { registerInterviewsRoutes } from './interviews.routes.js';
