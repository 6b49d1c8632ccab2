import type { PipelineService } from './pipeline.service.js';

export { createPipelineService, type PipelineService } from './pipeline.service.js';
export { createOutcomesService, type OutcomesService } from './outcomes.service.js';
export { registerPipelineRoutes } from './pipeline.routes.js';
export { registerOutcomesRoutes } from './outcomes.routes.js';
export { maskName, maskPhone } from './masking.js';
export {
  APPLICATION_STATUSES,
  applyTransition,
  initialState,
  sevenDayCheckDueOn,
  type ApplicationStatus,
  type PipelineAction,
  type PipelineActionType,
  type PipelineActor,
  type PipelineState,
} from './pipeline-state.js';

/**
 * Announces 7-day checks as they come due: once now and then every `seconds`. The pipeline_tasks table is
 * the source of truth (a restart loses nothing); the timer only sends the notification. 0 disables it.
 */
export function startDueTaskSweeper(pipeline: PipelineService, seconds: number, onError: (error: unknown) => void) {
  if (seconds <= 0) return () => undefined;
  const sweep = () => pipeline.announceDueTasks().catch(onError);
  const first = setTimeout(sweep, 1000);
  const timer = setInterval(sweep, seconds * 1000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
