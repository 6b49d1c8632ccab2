export { createCompaniesService, type CompaniesService } from './companies.service.js';
export { registerCompaniesRoutes } from './companies.routes.js';
export { buildCreditCode, explainInvalidCreditCode } from './credit-code.js';
export type { Company, RegisterCompanyInput } from './companies.schemas.js';
