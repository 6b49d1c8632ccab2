import { z } from 'zod';
import type { App } from '../../platform/http.js';
import type { FollowsService } from './follows.service.js';
import { followsListSchema, followTargetSchema } from './follows.schemas.js';

export function registerFollowsRoutes(app: App, follows: FollowsService) {
  app.post('/api/follows', {
    config: { access: 'signed-in' },
    schema: { tags: ['follows'], summary: 'Follow (关注) a company or a host: { companyId } or { hostUserId }', body: followTargetSchema, response: { 200: z.object({ ok: z.literal(true) }) } },
  }, async (request) => {
    await follows.follow(request.user!, request.body);
    return { ok: true as const };
  });

  app.delete('/api/follows', {
    config: { access: 'signed-in' },
    schema: { tags: ['follows'], summary: 'Stop following a company or a host', body: followTargetSchema, response: { 200: z.object({ ok: z.literal(true) }) } },
  }, async (request) => {
    await follows.unfollow(request.user!, request.body);
    return { ok: true as const };
  });

  app.get('/api/follows', {
    config: { access: 'signed-in' },
    schema: { tags: ['follows'], summary: 'What you follow, with their live and upcoming sessions', response: { 200: followsListSchema } },
  }, async (request) => follows.listFollows(request.user!));
}
