import { z } from 'zod';
import type { App } from '../../platform/http.js';
import { SESSION_COOKIE } from '../auth/index.js';
import type { PrivacyService } from './privacy.service.js';

export function registerPrivacyRoutes(app: App, privacy: PrivacyService) {
  app.get('/api/me/personal-data', {
    config: { access: 'signed-in' },
    schema: { tags: ['privacy'], summary: 'Download everything Jobcast holds about you (JSON): account, profile, applications with history, who viewed your number, reports, notifications' },
  }, async (request, reply) => {
    const data = await privacy.exportPersonalData(request.user!);
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="jobcast-my-data-${new Date().toISOString().slice(0, 10)}.json"`)
      .send(JSON.stringify(data, null, 2));
  });

  app.post('/api/me/delete-account', {
    config: { access: ['seeker'] },
    schema: {
      tags: ['privacy'],
      summary: 'Delete your account (seekers): applications are anonymised, statistics kept; asks for your password',
      body: z.object({ password: z.string().min(1, 'is required / 请输入密码'), confirm: z.literal('DELETE', { message: 'type DELETE to confirm / 请输入 DELETE 确认' }) }),
      response: { 200: z.object({ deletedAt: z.date() }) },
    },
  }, async (request, reply) => {
    const result = await privacy.deleteAccount(request.user!, request.body.password);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return result;
  });
}
