// Synthetic demo data: a seeded, deterministic world shaped like the report (see demo-catalogue.ts).
export { seedDemoData, seedDemoDataIfEmpty, formatSeedSummary, anchorDateOf, listDemoAccounts, type SeedSummary } from './demo.service.js';
export { registerDemoRoutes } from './demo.routes.js';
export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from './demo-accounts.js';
export { MAX_DEMO_SCALE } from './demo.schemas.js';
export { generateDemoWorld, type DemoWorld } from './demo-generator.js';
export { REPORT_TOP_CITIES, WINDOW_FROM, WINDOW_TO } from './demo-catalogue.js';
