export { createGeoService, type GeoService, type Reference } from './geo.service.js';
export { registerGeoRoutes } from './geo.routes.js';
export type { City, Province, Catalogue } from './geo.repository.js';
