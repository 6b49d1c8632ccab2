import { z } from 'zod';
import type { App } from '../../platform/http.js';
import type { CampaignsService } from './campaigns.service.js';
import {
  attachableQuerySchema,
  attachableSessionSchema,
  campaignBodySchema,
  campaignDetailSchema,
  campaignParamsSchema,
  campaignSessionParamsSchema,
  campaignSummarySchema,
  listCampaignsQuerySchema,
} from './campaigns.schemas.js';

const MANAGERS = ['bureau', 'admin'] as const;

export function registerCampaignsRoutes(app: App, campaigns: CampaignsService) {
  app.get('/api/campaigns', {
    config: { access: 'public' },
    schema: {
      tags: ['campaigns'],
      summary: 'Campaigns (活动, e.g. 春风行动): period, region, number of sessions, live and upcoming ones; running first',
      querystring: listCampaignsQuerySchema,
      response: { 200: z.object({ campaigns: z.array(campaignSummarySchema) }) },
    },
  }, async (request) => ({ campaigns: await campaigns.listCampaigns(request.user, request.query) }));

  app.post('/api/campaigns', {
    config: { access: MANAGERS },
    schema: {
      tags: ['campaigns'],
      summary: "Create a campaign (a bureau: in its province, by default its province); the same organiser, name and start date again returns the existing one",
      body: campaignBodySchema,
      response: { 200: campaignDetailSchema, 201: campaignDetailSchema },
    },
  }, async (request, reply) => {
    const { detail, created } = await campaigns.createCampaign(request.user!, request.body);
    return reply.status(created ? 201 : 200).send(detail);
  });

  app.get('/api/campaigns/:id', {
    config: { access: 'public' },
    schema: {
      tags: ['campaigns'],
      summary: "A campaign with its sessions (status, start, host); for bureaus and admins also its totals and each session's figures (the outcome figures' SQL)",
      params: campaignParamsSchema,
      response: { 200: campaignDetailSchema },
    },
  }, async (request) => campaigns.getCampaignDetail(request.user, request.params.id));

  app.put('/api/campaigns/:id', {
    config: { access: MANAGERS },
    schema: {
      tags: ['campaigns'],
      summary: 'Edit a campaign (its organiser, a bureau of its province, or an admin); its sessions must stay within the period',
      params: campaignParamsSchema,
      body: campaignBodySchema,
      response: { 200: campaignDetailSchema },
    },
  }, async (request) => campaigns.updateCampaign(request.user!, request.params.id, request.body));

  app.get('/api/campaigns/:id/attachable-sessions', {
    config: { access: MANAGERS },
    schema: {
      tags: ['campaigns'],
      summary: "Sessions the manager may add: starting within the campaign's period; a bureau's own province's (region or jobs) or its own",
      params: campaignParamsSchema,
      querystring: attachableQuerySchema,
      response: { 200: z.object({ sessions: z.array(attachableSessionSchema) }) },
    },
  }, async (request) => ({ sessions: await campaigns.listAttachableSessions(request.user!, request.params.id, request.query.q) }));

  app.put('/api/campaigns/:id/sessions/:sessionId', {
    config: { access: MANAGERS },
    schema: {
      tags: ['campaigns'],
      summary: 'Add a session to the campaign (idempotent; a session is in at most one campaign)',
      params: campaignSessionParamsSchema,
      response: { 200: campaignDetailSchema },
    },
  }, async (request) => campaigns.attachSession(request.user!, request.params.id, request.params.sessionId));

  app.delete('/api/campaigns/:id/sessions/:sessionId', {
    config: { access: MANAGERS },
    schema: {
      tags: ['campaigns'],
      summary: 'Remove a session from the campaign',
      params: campaignSessionParamsSchema,
      response: { 200: campaignDetailSchema },
    },
  }, async (request) => campaigns.detachSession(request.user!, request.params.id, request.params.sessionId));
}
