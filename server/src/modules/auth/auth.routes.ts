import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { App } from '../../platform/http.js';
import type { AuthService } from './auth.service.js';
import { SESSION_COOKIE } from './auth.service.js';
import { emailConfirmationBodySchema, phoneCodeBodySchema, phoneSignInBodySchema, signInBodySchema, signUpBodySchema, userSchema } from './auth.schemas.js';
import type { EmailConfirmationService } from './email-confirmation.service.js';
import type { PhoneCodeService } from './phone-code.service.js';

export function registerAuthRoutes(app: App, auth: AuthService, phoneCodes: PhoneCodeService, emailConfirmations: EmailConfirmationService, options: { cookieSecure: boolean }) {
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
    schema: {
      tags: ['auth'],
      summary: 'Create an account (seeker, employer or host) with the SMS code sent to its phone, and sign in; a phone that has an account signs in to it unchanged (its owner is told) with the same answer. An email is added once its inbox confirms it (pendingEmail: a link was sent), with the same answer whether or not it has an account',
      body: signUpBodySchema,
      response: { 201: z.object({ user: userSchema, pendingEmail: z.string().nullable() }) },
    },
  }, async (request, reply) => {
    const { user, pendingEmail, session } = await phoneCodes.signUp(request.body);
    setSessionCookie(reply, session);
    return reply.status(201).send({ user, pendingEmail });
  });

  app.post('/api/auth/email-confirmation', {
    config: { access: 'public', limit: { name: 'sign-in', by: 'address' } },
    schema: {
      tags: ['auth'],
      summary: "Confirm an email given at sign-up with the link's token: it becomes the account's sign-in email (a link works once, for 24 hours)",
      body: emailConfirmationBodySchema,
      response: { 200: z.object({ email: z.string() }) },
    },
  }, async (request) => {
    const user = await emailConfirmations.confirm(request.body.token);
    return { email: user.email! };
  });

  app.post('/api/auth/sign-in', {
    config: { access: 'public', limit: { name: 'sign-in', by: 'address' } },
    schema: { tags: ['auth'], summary: 'Sign in with email or phone and password', body: signInBodySchema, response: { 200: z.object({ user: userSchema }) } },
  }, async (request, reply) => {
    const { user, session } = await auth.signIn(request.body.login, request.body.password);
    setSessionCookie(reply, session);
    return { user };
  });

  app.post('/api/auth/phone-code', {
    // Per phone (one a minute, a daily cap) and per address per day are the codes' own rules (the
    // service); this is the general per-address burst limit of the sign-in routes.
    config: { access: 'public', limit: { name: 'sign-in', by: 'address' } },
    schema: {
      tags: ['auth'],
      summary: 'Send a 6-digit sign-in code by SMS (the same answer whether or not the phone has an account); one a minute, capped per day',
      body: phoneCodeBodySchema,
      response: { 200: z.object({ resendAfterSeconds: z.number() }) },
    },
  }, async (request) => phoneCodes.sendCode(request.body.phone, request.ip));

  app.post('/api/auth/phone-sign-in', {
    config: { access: 'public', limit: { name: 'sign-in', by: 'address' } },
    schema: {
      tags: ['auth'],
      summary: 'Sign in with the SMS code (a new phone becomes a seeker account); 5 tries per code',
      body: phoneSignInBodySchema,
      response: { 200: z.object({ user: userSchema, isNew: z.boolean() }) },
    },
  }, async (request, reply) => {
    const { user, isNew, session } = await phoneCodes.signIn(request.body.phone, request.body.code, request.body.displayName);
    setSessionCookie(reply, session);
    return { user, isNew };
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
