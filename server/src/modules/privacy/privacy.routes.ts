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
      summary: 'Delete your account (seekers): applications are anonymised, statistics kept; asks for your password or an SMS code sent to your phone',
      body: z
        .object({
          password: z.string().min(1, 'is required / 请输入密码').optional(),
          // Accounts made by phone-code sign-in have no password they know: a code sent to their phone confirms.
          code: z.string().regex(/^\d{6}$/, 'must be the 6-digit code / 请输入6位验证码').optional(),
          confirm: z.literal('DELETE', { message: 'type DELETE to confirm / 请输入 DELETE 确认' }),
        })
        .refine((body) => body.password !== undefined || body.code !== undefined, { message: 'is required / 请输入密码或验证码', path: ['password'] }),
      response: { 200: z.object({ deletedAt: z.date() }) },
    },
  }, async (request, reply) => {
    const result = await privacy.deleteAccount(request.user!, request.body);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return result;
  });
}
