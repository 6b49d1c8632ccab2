export { createApplicationsService, type ApplicationsService } from './applications.service.js';
export { registerApplicationsRoutes } from './applications.routes.js';
export type { ApplicationReceipt, ApplyBody, HostApplication, JobCount } from './applications.schemas.js';
