import { z } from 'zod';
import type { App } from '../../platform/http.js';
import { videoInterviewSchema } from '../../../../contracts/interviews.js';
import type { InterviewsService } from './interviews.service.js';

export function registerInterviewsRoutes(app: App, interviews: InterviewsService) {
  app.get('/api/applications/:id/video-interviews', {
    config: { access: ['seeker', 'employer'] },
    schema: {
      tags: ['pipeline'],
      summary: '远程面试 held for this application: when, how long, who joined (its seeker and the posting company only)',
      params: z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
      response: { 200: z.object({ interviews: z.array(videoInterviewSchema) }) },
    },
  }, async (request) => ({ interviews: await interviews.list(request.user!, request.params.id) }));
}
