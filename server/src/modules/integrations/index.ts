export { createApiTokensService, readBearerToken, API_TOKEN_PREFIX, type ApiTokensService } from './api-tokens.service.js';
export { registerIntegrationsRoutes } from './integrations.routes.js';
