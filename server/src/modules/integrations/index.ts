export { createApiTokensService, readBearerToken, resolveIntegrationScope, API_TOKEN_PREFIX, type ApiTokensService } from './api-tokens.service.js';
export type { ApiTokenScope as IntegrationScope } from './api-tokens.repository.js';
export { registerIntegrationsRoutes } from './integrations.routes.js';
