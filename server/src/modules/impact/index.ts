export { createImpactService, type ImpactService, type ImpactRequest } from './impact.service.js';
export { registerImpactRoutes } from './impact.routes.js';
export { computeEstimate, IMPACT_FORMULA, IMPACT_INPUT_NAMES, type ImpactMethod, type ImpactInputs } from './impact-method.js';
export type { ImpactReport } from './impact.schemas.js';
