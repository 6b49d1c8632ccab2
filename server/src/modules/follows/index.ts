export { createFollowsService, type FollowsService } from './follows.service.js';
export { registerFollowsRoutes } from './follows.routes.js';
