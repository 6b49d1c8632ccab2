import { z } from 'zod';
import type { App } from '../../platform/http.js';
import type { ApiTokensService } from './api-tokens.service.js';
import { apiTokenSchema, createApiTokenBodySchema } from './integrations.schemas.js';

const MANAGERS = ['employer', 'bureau'] as const;

export function registerIntegrationsRoutes(app: App, apiTokens: ApiTokensService) {
  app.get('/api/api-tokens', {
    config: { access: MANAGERS },
    schema: { tags: ['integrations'], summary: "The API tokens of the employer's company or the bureau's province (never their secrets)", response: { 200: z.object({ tokens: z.array(apiTokenSchema) }) } },
  }, async (request) => ({ tokens: await apiTokens.list(request.user!) }));

  app.post('/api/api-tokens', {
    config: { access: MANAGERS },
    schema: {
      tags: ['integrations'],
      summary: 'Make an API token for the company (employer) or province (bureau), read or write; its secret is in this answer only. Use it as `Authorization: Bearer <secret>`',
      body: createApiTokenBodySchema,
      response: { 201: z.object({ token: apiTokenSchema, secret: z.string() }) },
    },
  }, async (request, reply) => reply.status(201).send(await apiTokens.create(request.user!, request.body)));

  app.delete('/api/api-tokens/:tokenId', {
    config: { access: MANAGERS },
    schema: { tags: ['integrations'], summary: 'Revoke an API token (it stops working at once)', params: z.object({ tokenId: z.string().uuid('must be a token id') }), response: { 200: z.object({ ok: z.literal(true) }) } },
  }, async (request) => {
    await apiTokens.revoke(request.user!, request.params.tokenId);
    return { ok: true as const };
  });
}
