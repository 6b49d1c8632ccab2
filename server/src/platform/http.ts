import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import { isDatabaseUnavailable, unavailableError, UNAVAILABLE_RETRY_AFTER_SECONDS } from './availability.js';
import { AppError, toErrorBody } from './errors.js';
import { registerOriginCheck } from './origin.js';
import { createRateLimiter, registerRateLimits, type RateLimiter } from './rate-limit.js';
import { registerSecurityHeaders } from './security-headers.js';
import { registerApiCachePolicy, registerCompression, registerWebApp, type PageRenderer } from './web-app.js';

export type Role = 'seeker' | 'employer' | 'host' | 'bureau' | 'admin';
export const ROLES: readonly Role[] = ['seeker', 'employer', 'host', 'bureau', 'admin'];

/** Who may call a route. Every /api route must declare one: deny by default. */
export type Access = 'public' | 'signed-in' | readonly Role[];

export type AuthUser = {
  id: string;
  role: Role;
  displayName: string;
  email: string | null;
  phone: string | null;
  companyId: string | null;
  provinceCode: string | null;
  /** Set when the request came with an API token (`Authorization: Bearer`) acting as this account. */
  apiTokenId?: string;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    user: AuthUser | null;
  }
}

export type HttpServer = FastifyInstance & { withTypeProvider(): FastifyInstance };

export type RouteAccess = { method: string; url: string; access: Access };
const routeAccessByApp = new WeakMap<object, RouteAccess[]>();

/** Every /api route of an app with its declared access rule (for audits and tests). */
export function listRouteAccess(app: object): readonly RouteAccess[] {
  return routeAccessByApp.get(app) ?? [];
}
export type ResolveUser = (request: FastifyRequest) => Promise<AuthUser | null>;

export const WEB_DIST_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/** `webDistDir`: the built web app to serve (tests point it at a folder of their own); `renderPage`: pages whose
 * content the server puts into index.html (see web-app.ts). */
export async function createHttpServer(config: Config, resolveUser: ResolveUser, options: { limiter?: RateLimiter; webDistDir?: string; mediaOrigins?: () => string[]; renderPage?: PageRenderer } = {}) {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // Secrets never reach the logs: cookies, passwords, stream keys.
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', '*.streamKey', '*.key'],
    },
    // X-Forwarded-For is believed only from the proxies TRUST_PROXY names (request.ip is the socket's otherwise).
    trustProxy: config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('user', null);
  await app.register(fastifyCookie);
  await registerSecurityHeaders(app, { isHttps: config.cookieSecure, mediaOrigins: options.mediaOrigins ?? (() => []) });
  registerOriginCheck(app, config.allowedOrigins);
  await registerRateLimits(app, options.limiter ?? createRateLimiter({ rules: config.rateLimits, redisUrl: null }));
  await registerCompression(app);
  registerApiCachePolicy(app);

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Jobcast API', description: 'Live-stream recruitment platform (直播带岗)', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'jobcast_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  const routeAccess: RouteAccess[] = [];
  routeAccessByApp.set(app, routeAccess);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    if (!route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} declares no access rule (config.access)`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeAccess.push({ method, url: route.url, access: route.config.access });
    }
  });

  // Access is checked on request, before the body is parsed or validated: a caller who may not use a
  // route learns nothing about its schema and costs no parsing.
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access) return;
    request.user = await resolveUser(request);
    if (access === 'public') return;
    if (!request.user) throw new AppError('unauthenticated', 'Please sign in first / 请先登录');
    if (access !== 'signed-in' && !access.includes(request.user.role)) {
      throw new AppError('forbidden', `This needs the role ${access.join(' or ')} / 无权访问`);
    }
  });

  app.setErrorHandler((error: FastifyError & { validation?: unknown }, request, reply) => {
    if (error instanceof AppError) {
      if (error.code === 'unavailable') reply.header('retry-after', String(error.details.retryAfterSeconds ?? UNAVAILABLE_RETRY_AFTER_SECONDS));
      // A limit counted by a service (an account's lockout, a socket's or a phone code's limit) says when too.
      if (error.code === 'rate_limited' && typeof error.details.retryAfterSeconds === 'number') reply.header('retry-after', String(error.details.retryAfterSeconds));
      return reply.status(error.statusCode).send(toErrorBody(error));
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unreachable');
      const unavailable = unavailableError();
      return reply.status(503).header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS)).send(toErrorBody(unavailable));
    }
    if (error.validation && Array.isArray(error.validation)) {
      const context = error.validationContext ?? 'body';
      const fields = (error.validation as Array<{ instancePath?: string; message?: string; params?: { issue?: { path?: unknown[] } } }>).map((issue) => {
        const issuePath = issue.params?.issue?.path?.join('.') ?? issue.instancePath?.replace(/^\//, '').replaceAll('/', '.') ?? '';
        return { path: [context, issuePath].filter(Boolean).join('.'), message: issue.message ?? 'is invalid' };
      });
      const message = fields.map((field) => `${field.path}: ${field.message}`).join('; ');
      return reply.status(400).send(toErrorBody(new AppError('validation_failed', message, { fields, field: fields[0]?.path })));
    }
    if (error.statusCode && error.statusCode < 500) {
      return reply.status(error.statusCode).send(toErrorBody(new AppError('validation_failed', error.message)));
    }
    request.log.error(error);
    return reply.status(500).send(toErrorBody(new AppError('internal', 'Something went wrong on our side / 服务器内部错误')));
  });

  const webApp = await registerWebApp(app, options.webDistDir ?? WEB_DIST_DIR, options.renderPage);
  app.setNotFoundHandler(async (request, reply) => {
    if (await webApp.sendIndex(request, reply)) return reply;
    return reply.status(404).send(toErrorBody(new AppError('not_found', `No route ${request.method} ${request.url.split('?')[0]}`)));
  });

  return app;
}

export type App = Awaited<ReturnType<typeof createHttpServer>>;
