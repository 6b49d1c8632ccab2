import { z } from 'zod';
import type { App } from '../../platform/http.js';
import { sessionSummarySchema } from '../../../../contracts/live.js';
import { recommendationBasisSchema, recommendationReasonSchema, recommendationsQuerySchema } from '../../../../contracts/recommendations.js';
import { jobSchema } from '../jobs/index.js';
import type { RecommendationsService } from './recommendations.service.js';

const rankedFields = { score: z.number(), reasons: z.array(recommendationReasonSchema) };

export function registerRecommendationsRoutes(app: App, recommendations: RecommendationsService) {
  app.get('/api/recommendations', {
    config: { access: 'public', limit: 'recommendations' },
    schema: {
      tags: ['recommendations'],
      summary: '推荐: jobs and live sessions ranked by the seeker\'s desired categories, current and home city, follows and past applications, with the reasons',
      querystring: recommendationsQuerySchema,
      response: {
        200: z.object({
          basis: recommendationBasisSchema,
          jobs: z.array(z.object({ job: jobSchema, ...rankedFields })),
          sessions: z.array(z.object({ session: sessionSummarySchema, ...rankedFields })),
        }),
      },
    },
  }, async (request) => recommendations.recommend(request.user, request.query));
}
