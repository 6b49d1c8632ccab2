export { createLiveService, isSameSecret, type LiveService } from './live.service.js';
export { registerLiveRoutes, registerLiveMediaFileRoutes } from './live.routes.js';
export { attachLiveRealtime, type LiveRealtime, type ApplicationsForRoom } from './live.realtime.js';
export { applyWordFilter, type WordRule } from './word-filter.js';
export { createLivePages } from './live.pages.js';
