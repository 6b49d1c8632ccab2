export { createSeekersService, type SeekersService } from './seekers.service.js';
export { registerSeekersRoutes } from './seekers.routes.js';
export type { Profile, ProfileInput } from './seekers.schemas.js';
