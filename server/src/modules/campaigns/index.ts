export { createCampaignsService, type CampaignsService, type NewSessionPlacement } from './campaigns.service.js';
export { registerCampaignsRoutes } from './campaigns.routes.js';
