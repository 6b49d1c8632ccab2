import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { App } from '../../platform/http.js';
import { AppError } from '../../platform/errors.js';
import type { ThumbnailStore } from '../../platform/media/thumbnails.js';
import type { LiveService } from './live.service.js';
import { publicHostSchema } from '../../../../contracts/profiles.js';
import {
  companyParamsSchema,
  hostParamsSchema,
  listSessionsQuerySchema,
  profileSessionsQuerySchema,
  scheduleSessionBodySchema,
  sessionDetailSchema,
  sessionParamsSchema,
  sessionSummarySchema,
  streamKeySchema,
  studioIngestSchema,
  wordFilterBodySchema,
  wordFilterSchema,
} from './live.schemas.js';

const okSchema = z.object({ ok: z.literal(true) });

export function registerLiveRoutes(app: App, live: LiveService) {
  app.get('/api/sessions', {
    config: { access: 'public' },
    schema: { tags: ['live'], summary: 'Live and upcoming sessions (countdown data), or ended ones with ?status=ended', querystring: listSessionsQuerySchema, response: { 200: z.object({ sessions: z.array(sessionSummarySchema) }) } },
  }, async (request) => ({ sessions: await live.listSessions(request.user, request.query) }));

  app.post('/api/sessions', {
    config: { access: ['host', 'employer', 'bureau', 'admin'] },
    schema: { tags: ['live'], summary: 'Schedule a live session with its jobs (a host, agency or bureau may present several employers)', body: scheduleSessionBodySchema, response: { 201: sessionDetailSchema } },
  }, async (request, reply) => reply.status(201).send(await live.scheduleSession(request.user!, request.body)));

  app.get('/api/sessions/:id', {
    config: { access: 'public' },
    schema: { tags: ['live'], summary: 'A session with its status (scheduled | live | ended), jobs, pinned job and playback URLs', params: sessionParamsSchema, response: { 200: sessionDetailSchema } },
  }, async (request) => live.getSessionDetail(request.user, request.params.id));

  app.put('/api/sessions/:id/booking', {
    config: { access: 'signed-in' },
    schema: { tags: ['live'], summary: 'Book (预约) a session: you get a notification when it goes live', params: sessionParamsSchema, response: { 200: okSchema } },
  }, async (request) => {
    await live.bookSession(request.user!, request.params.id);
    return { ok: true as const };
  });

  app.delete('/api/sessions/:id/booking', {
    config: { access: 'signed-in' },
    schema: { tags: ['live'], summary: 'Cancel a booking', params: sessionParamsSchema, response: { 200: okSchema } },
  }, async (request) => {
    await live.unbookSession(request.user!, request.params.id);
    return { ok: true as const };
  });

  app.get('/api/sessions/:id/stream-key', {
    config: { access: 'signed-in' },
    schema: { tags: ['live'], summary: 'Host console: RTMP server URL and secret stream key for OBS', params: sessionParamsSchema, response: { 200: streamKeySchema } },
  }, async (request) => live.getStreamKey(request.user, request.params.id));

  app.post('/api/sessions/:id/stream-key/rotate', {
    config: { access: 'signed-in' },
    schema: { tags: ['live'], summary: 'Issue a new stream key; the old one no longer publishes', params: sessionParamsSchema, response: { 200: streamKeySchema } },
  }, async (request) => live.rotateStreamKey(request.user!, request.params.id));

  app.post('/api/sessions/:id/studio', {
    config: { access: 'signed-in' },
    schema: { tags: ['live'], summary: '网页开播: the WebSocket address where the host\'s browser studio sends its camera (the session\'s host only)', params: sessionParamsSchema, response: { 200: studioIngestSchema } },
  }, async (request) => live.openStudio(request.user!, request.params.id));

  app.post('/api/sessions/:id/end', {
    config: { access: 'signed-in' },
    schema: { tags: ['live'], summary: 'End the session now (the encoder is disconnected)', params: sessionParamsSchema, response: { 200: sessionDetailSchema } },
  }, async (request) => live.endSession(request.user!, request.params.id));

  app.get('/api/live/hosts', {
    // The schedule form's 主播 picker: display names only (already public on the host pages).
    config: { access: ['employer', 'bureau', 'admin'] },
    schema: {
      tags: ['live'],
      summary: 'Host accounts to name as a session\'s host (hostUserId), searched by display name',
      querystring: z.object({ q: z.string().max(30).default(''), limit: z.coerce.number().int().min(1).max(50).default(20) }),
      response: { 200: z.object({ hosts: z.array(z.object({ id: z.string(), displayName: z.string() })) }) },
    },
  }, async (request) => ({ hosts: await live.searchHosts(request.user!, request.query.q, request.query.limit) }));

  app.get('/api/hosts/:hostUserId', {
    // Public: the host's display name, role and session counts; never an email or phone.
    config: { access: 'public' },
    schema: { tags: ['live'], summary: "A host's public page (display name, role, how many sessions)", params: hostParamsSchema, response: { 200: publicHostSchema } },
  }, async (request) => live.getPublicHost(request.params.hostUserId));

  app.get('/api/hosts/:hostUserId/sessions', {
    config: { access: 'public' },
    schema: { tags: ['live'], summary: "A host's live and upcoming sessions (countdown), or replays with ?status=ended", params: hostParamsSchema, querystring: profileSessionsQuerySchema, response: { 200: z.object({ sessions: z.array(sessionSummarySchema) }) } },
  }, async (request) => ({ sessions: await live.listHostSessions(request.user, request.params.hostUserId, request.query) }));

  app.get('/api/companies/:companyId/sessions', {
    config: { access: 'public' },
    schema: { tags: ['live'], summary: "Sessions presenting a verified company's jobs (live and upcoming, or replays with ?status=ended)", params: companyParamsSchema, querystring: profileSessionsQuerySchema, response: { 200: z.object({ sessions: z.array(sessionSummarySchema) }) } },
  }, async (request) => ({ sessions: await live.listCompanySessions(request.user, request.params.companyId, request.query) }));

  app.get('/api/jobs/:jobId/sessions', {
    config: { access: 'public' },
    schema: { tags: ['live'], summary: 'Sessions presenting a job (live and upcoming, or replays with ?status=ended)', params: z.object({ jobId: z.string().uuid('must be a job id') }), querystring: profileSessionsQuerySchema, response: { 200: z.object({ sessions: z.array(sessionSummarySchema) }) } },
  }, async (request) => ({ sessions: await live.listJobSessions(request.user, request.params.jobId, request.query) }));

  app.get('/api/live/word-filters', {
    config: { access: ['admin'] },
    schema: { tags: ['live'], summary: 'The chat word filter table', response: { 200: z.object({ words: z.array(wordFilterSchema) }) } },
  }, async () => ({ words: await live.listWordFilters() }));

  app.post('/api/live/word-filters', {
    config: { access: ['admin'] },
    schema: { tags: ['live'], summary: 'Add a word (block refuses the message, mask replaces the word with stars)', body: wordFilterBodySchema, response: { 201: z.object({ id: z.number() }) } },
  }, async (request, reply) => reply.status(201).send({ id: await live.addWordFilter(request.user!, request.body.word, request.body.action) }));

  app.delete('/api/live/word-filters/:id', {
    config: { access: ['admin'] },
    schema: { tags: ['live'], summary: 'Remove a word from the filter', params: z.object({ id: z.coerce.number().int().positive() }), response: { 200: okSchema } },
  }, async (request) => {
    await live.removeWordFilter(request.params.id);
    return { ok: true as const };
  });
}

/**
 * Replays (after the session ended) and live HLS from the data folder. Files are named by the media server
 * (<timestamp>.flv/.mp4, index.m3u8, segment-NNNNN.ts); anything else is refused before touching the disk.
 */
export function registerLiveMediaFileRoutes(app: App, live: LiveService, recordingsDir: string, thumbnails: Pick<ThumbnailStore, 'dir'>) {
  const contentTypes: Record<string, string> = { '.flv': 'video/x-flv', '.mp4': 'video/mp4', '.m3u8': 'application/vnd.apple.mpegurl', '.ts': 'video/mp2t' };
  const send = (reply: FastifyReply, root: string, fileName: string) => {
    if (!existsSync(path.join(root, fileName))) throw new AppError('not_found', 'Media file not found');
    reply.header('cache-control', fileName.endsWith('.m3u8') ? 'no-cache' : 'public, max-age=3600');
    reply.header('access-control-allow-origin', '*');
    return reply.type(contentTypes[path.extname(fileName)]).sendFile(fileName, root);
  };

  mkdirSync(recordingsDir, { recursive: true });
  app.register(async (plainScope) => {
    const scope = plainScope.withTypeProvider<ZodTypeProvider>();
    // sendFile comes from @fastify/static, which http.ts registers only when the web app is built.
    if (!scope.hasReplyDecorator('sendFile')) await scope.register(fastifyStatic, { root: recordingsDir, serve: false });

    scope.get('/media/replay/:sessionId/:fileName', {
      schema: { hide: true, params: z.object({ sessionId: z.string().uuid(), fileName: z.string().regex(/^\d+\.(flv|mp4)$/) }) },
    }, async (request, reply) => {
      const { sessionId, fileName } = request.params;
      const session = await live.getSessionRow(sessionId);
      if (session.status !== 'ended' || !(await live.findRecording(sessionId, fileName))) throw new AppError('not_found', 'No replay yet / 回放暂未生成');
      return send(reply, path.join(recordingsDir, 'recordings', 'live', sessionId), fileName);
    });

    // A frame of the stream for the cards; the URL's ?v= changes with every new frame, so each is cached long.
    scope.get('/media/thumbnails/:fileName', {
      schema: { hide: true, params: z.object({ fileName: z.string().regex(/^[0-9a-f-]{36}\.jpg$/) }) },
    }, async (request, reply) => {
      const { fileName } = request.params;
      if (!existsSync(path.join(thumbnails.dir, fileName))) throw new AppError('not_found', 'No thumbnail / 暂无画面');
      reply.header('cache-control', 'public, max-age=86400');
      return reply.type('image/jpeg').sendFile(fileName, thumbnails.dir);
    });

    scope.get('/media/hls/:sessionId/:fileName', {
      config: { access: 'public' },
      schema: { hide: true, params: z.object({ sessionId: z.string().uuid(), fileName: z.string().regex(/^(index\.m3u8|segment-\d{5}\.ts)$/) }) },
    }, async (request, reply) => {
      // Same-origin, so the viewer's cookie comes along: a viewer banned from the session gets no HLS either.
      if (!(await live.canWatchLive(request.user, request.params.sessionId))) throw new AppError('forbidden', 'You were removed from this session / 你已被移出直播间');
      return send(reply, path.join(recordingsDir, 'hls', request.params.sessionId), request.params.fileName);
    });
  });
}
