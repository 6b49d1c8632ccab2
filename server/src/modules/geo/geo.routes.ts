import { z } from 'zod';
import type { App } from '../../platform/http.js';
import type { GeoService } from './geo.service.js';

const catalogueSchema = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });

export function registerGeoRoutes(app: App, geo: GeoService) {
  app.get('/api/reference', {
    config: { access: 'public' },
    schema: {
      tags: ['reference'],
      summary: 'Provinces, prefecture-level cities with tiers, GB/T 4754 industries and job categories',
      response: {
        200: z.object({
          provinces: z.array(z.object({ code: z.string(), name: z.string(), shortName: z.string(), nameEn: z.string(), region: z.string() })),
          cities: z.array(z.object({ code: z.string(), name: z.string(), shortName: z.string(), nameEn: z.string(), provinceCode: z.string(), tier: z.string(), longitude: z.number(), latitude: z.number() })),
          industries: z.array(catalogueSchema),
          categories: z.array(catalogueSchema),
        }),
      },
    },
  }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=3600');
    return geo.reference;
  });
}
