export { createRecommendationsService, type RecommendationsService } from './recommendations.service.js';
export { registerRecommendationsRoutes } from './recommendations.routes.js';
