export { createAnalyticsService, type AnalyticsService, type FigureRequest, type FieldPaths } from './analytics.service.js';
export { registerAnalyticsRoutes } from './analytics.routes.js';
export { startRollupFolder } from './rollup-folder.js';
export { DEFAULT_MIN_SENT } from './analytics.schemas.js';
export { parseWindow, planWindowReads, type AnalyticsWindow } from './analytics-window.js';
export { figureTable, toCsv } from './figure-csv.js';
export type { FigureSource } from './analytics.repository.js';
export type { ImportProgress, ImportResult } from './application-import.js';
export { protectLinks, type Cell as SuppressionCell, type Link as SuppressionLink } from './suppression.js';
