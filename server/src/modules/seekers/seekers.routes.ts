import { z } from 'zod';
import type { App } from '../../platform/http.js';
import type { SeekersService } from './seekers.service.js';
import { preferencesBodySchema } from '../../../../contracts/recommendations.js';
import { profileBodySchema, profileSchema } from './seekers.schemas.js';

export function registerSeekersRoutes(app: App, seekers: SeekersService) {
  app.get('/api/seeker/profile', {
    config: { access: ['seeker'] },
    schema: { tags: ['seekers'], summary: 'Your quick profile (快速简历)', response: { 200: z.object({ profile: profileSchema.nullable() }) } },
  }, async (request) => ({ profile: await seekers.findProfile(request.user!.id) }));

  app.put('/api/seeker/profile', {
    config: { access: ['seeker'] },
    schema: { tags: ['seekers'], summary: 'Create or update your quick profile and optional résumé', body: profileBodySchema, response: { 200: profileSchema } },
  }, async (request) => seekers.saveProfile(request.user!, request.body));

  app.put('/api/seeker/preferences', {
    config: { access: ['seeker'], limit: 'recommendations' },
    schema: { tags: ['seekers'], summary: 'Your current city and desired job categories (附近 and 推荐); 409 before the quick profile exists', body: preferencesBodySchema, response: { 200: profileSchema } },
  }, async (request) => seekers.savePreferences(request.user!, request.body));
}
