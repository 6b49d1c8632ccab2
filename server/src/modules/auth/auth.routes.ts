import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { App } from '../../platform/http.js';
import type { AuthService } from './auth.service.js';
import { SESSION_COOKIE } from './auth.service.js';
import { signInBodySchema, signUpBodySchema, userSchema } from './auth.schemas.js';

export function registerAuthRoutes(app: App, auth: AuthService, options: { cookieSecure: boolean }) {
  const setSessionCookie = (reply: FastifyReply, session: { token: string; expiresAt: Date }) =>
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: options.cookieSecure,
      expires: session.expiresAt,
    });

  app.post('/api/auth/sign-up', {
    config: { access: 'public', limit: { name: 'sign-up', by: 'address' } },
    schema: { tags: ['auth'], summary: 'Create an account (seeker, employer or host) and sign in', body: signUpBodySchema, response: { 201: z.object({ user: userSchema }) } },
  }, async (request, reply) => {
    const { user, session } = await auth.signUp(request.body);
    setSessionCookie(reply, session);
    return reply.status(201).send({ user });
  });

  app.post('/api/auth/sign-in', {
    config: { access: 'public', limit: { name: 'sign-in', by: 'address' } },
    schema: { tags: ['auth'], summary: 'Sign in with email or phone and password', body: signInBodySchema, response: { 200: z.object({ user: userSchema }) } },
  }, async (request, reply) => {
    const { user, session } = await auth.signIn(request.body.login, request.body.password);
    setSessionCookie(reply, session);
    return { user };
  });

  app.post('/api/auth/sign-out', {
    config: { access: 'signed-in' },
    schema: { tags: ['auth'], summary: 'Sign out (ends this session)', response: { 200: z.object({ ok: z.literal(true) }) } },
  }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await auth.signOut(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/api/auth/me', {
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: 'The signed-in user, or null', response: { 200: z.object({ user: userSchema.nullable() }) } },
  }, async (request) => ({ user: request.user }));
}
