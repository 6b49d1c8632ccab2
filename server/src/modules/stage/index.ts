export { createStageService, type StageService } from './stage.service.js';
export { attachStageRealtime } from './stage.realtime.js';
