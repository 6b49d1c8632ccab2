export { createPrivacyService, type PersonalDataSource, type PrivacyService } from './privacy.service.js';
export { registerPrivacyRoutes } from './privacy.routes.js';
