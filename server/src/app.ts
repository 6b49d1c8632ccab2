import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { Config } from './platform/config.js';
import { checkReadiness } from './platform/availability.js';
import { acquireDataDirLock } from './platform/data-dir-lock.js';
import { openPglite, openPostgres, type Db } from './platform/db.js';
import { EventBus } from './platform/events.js';
import { createHttpServer } from './platform/http.js';
import { composePages } from './platform/web-app.js';
import { migrate } from './platform/migrate.js';
import { createAnalyticsService, registerAnalyticsRoutes, startRollupFolder } from './modules/analytics/index.js';
import { createAuthService, createEmailConfirmationService, createPhoneCodeService, createSignInLockout, registerAuthRoutes, SESSION_COOKIE } from './modules/auth/index.js';
import { createCampaignsService, registerCampaignsRoutes } from './modules/campaigns/index.js';
import { createCompaniesService, registerCompaniesRoutes } from './modules/companies/index.js';
import { createFollowsService, registerFollowsRoutes } from './modules/follows/index.js';
import { createGeoService, registerGeoRoutes } from './modules/geo/index.js';
import { createImpactService, registerImpactRoutes } from './modules/impact/index.js';
import { createJobPages, createJobsService, registerJobsRoutes } from './modules/jobs/index.js';
import { createNotificationsService, registerNotificationsRoutes } from './modules/notifications/index.js';
import { createOutcomesService, createPipelineService, registerOutcomesRoutes, registerPipelineRoutes, startDueTaskSweeper } from './modules/pipeline/index.js';
import { createPrivacyService, registerPrivacyRoutes } from './modules/privacy/index.js';
import { createReportsService, registerReportsRoutes } from './modules/reports/index.js';
import { createApiTokensService, readBearerToken, registerIntegrationsRoutes } from './modules/integrations/index.js';
import { createWebhookOutbox, createWebhooksService, registerWebhooksRoutes } from './modules/webhooks/index.js';
import { createSeekersService, registerSeekersRoutes } from './modules/seekers/index.js';
import { createRecommendationsService, registerRecommendationsRoutes } from './modules/recommendations/index.js';
import { registerDemoRoutes } from './modules/demo/index.js';
import { attachLiveRealtime, createLiveService, createLivePages, registerLiveMediaFileRoutes, registerLiveRoutes } from './modules/live/index.js';
import { createApplicationsService, registerApplicationsRoutes } from './modules/applications/index.js';
import { attachConversationsRealtime, createConversationsService, registerConversationsRoutes } from './modules/conversations/index.js';
import { attachInterviewsRealtime, createInterviewsService, registerInterviewsRoutes } from './modules/interviews/index.js';
import { attachStageRealtime, createStageService } from './modules/stage/index.js';
import { createMediaLinks } from './platform/media/media-links.js';
import { findFfmpeg, startEmbeddedMediaServer } from './platform/media/embedded-media-server.js';
import { createThumbnailStore, startThumbnailWorker, type ThumbnailWorker } from './platform/media/thumbnails.js';
import { registerNginxRtmpCallbacks } from './platform/media/nginx-rtmp-callbacks.js';
import { createNginxRtmpControl } from './platform/media/nginx-rtmp-control.js';
import { createRateLimiter } from './platform/rate-limit.js';
import { attachStudioIngest } from './platform/media/studio-ingest.js';
import { createRealtimeServer, readCookie } from './platform/realtime.js';
import { createMailSender } from './platform/mail/mail-sender.js';
import { createSmsSender } from './platform/sms/sms-sender.js';
import pino from 'pino';

export type ContextOptions = {
  /** Who holds the embedded data folder (shown to a second process that tries to open it). */
  purpose?: string;
  /** An already-open database (tests share one PGlite across cases). */
  db?: Db;
  /** The clock of the time-bound rules: live-session states, sign-in codes (tests move it). */
  clock?: () => Date;
};

/** The one composition root: server, CLI, tests and benchmarks all build this. */
export async function createContext(config: Config, options: ContextOptions = {}) {
  let lock: ReturnType<typeof acquireDataDirLock> | null = null;
  let db = options.db;
  if (!db) {
    if (config.database.kind === 'postgres') {
      db = openPostgres(config.database.url);
    } else {
      lock = acquireDataDirLock(config.dataDir, options.purpose ?? 'jobcast');
      db = await openPglite(config.database.dataDir);
    }
  }
  let migrationsApplied: string[];
  try {
    migrationsApplied = await migrate(db);
  } catch (error) {
    if (!options.db) await db.close();
    lock?.release();
    throw error;
  }
  const events = new EventBus();
  const limiter = createRateLimiter({ rules: config.rateLimits, redisUrl: config.redisUrl });
  const geo = await createGeoService(db);
  const notifications = createNotificationsService({ db, events });
  const lockout = createSignInLockout({ db, rule: config.rateLimits['sign-in-account'], notifications, now: options.clock });
  const auth = createAuthService(db, { lockout });
  // The SMS log provider writes to the server's log stream (stdout, the level of LOG_LEVEL).
  const sms = createSmsSender(config.sms, pino({ level: config.logLevel }));
  const mail = createMailSender(config.mail, pino({ level: config.logLevel }));
  const emailConfirmations = createEmailConfirmationService({ db, mail, notifications, publicUrl: config.publicUrl, log: pino({ level: config.logLevel }), now: options.clock });
  const phoneCodes = createPhoneCodeService({ db, auth, sms, notifications, emailConfirmations, limits: config.phoneCodes, now: options.clock });
  const companies = createCompaniesService({ db, geo, auth, events });
  const analytics = createAnalyticsService({ db, geo, report: { mapGeoJsonPath: config.analytics.mapGeoJsonPath, chromiumPath: config.chromiumPath } });
  const impact = createImpactService({ db, geo, analytics });
  const jobs = createJobsService({ db, geo, companies, events, occupations: impact });
  const seekers = createSeekersService({ db, geo });
  const mediaLinks = createMediaLinks(config);
  const outcomes = createOutcomesService({ db, trustSignalMinSample: config.pipeline.trustSignalMinSample });
  const campaigns = createCampaignsService({ db, geo, outcomes });
  const thumbnails = createThumbnailStore(config.media.thumbnails.dir);
  // Webhook events are written by the modules that make the changes, in their transactions (the outbox).
  const outbox = createWebhookOutbox({ settings: config.webhooks });
  const live = createLiveService({ db, events, config, auth, geo, jobs, companies, notifications, media: mediaLinks, campaigns, thumbnails, clock: options.clock, outbox });
  const pipeline = createPipelineService({ db, events, notifications, outbox });
  const applications = createApplicationsService({ db, events, jobs, seekers, live, consents: pipeline.phoneAccess, outbox });
  const reports = createReportsService({ db, companies, notifications, events });
  const conversations = createConversationsService({ db, events, notifications, pipeline, reports, seekers, filterText: (text, options) => live.filterChatText(text, options), limiter });
  const privacy = createPrivacyService({ db, auth, pipeline, phoneCodes, events });
  privacy.registerPersonalDataSource(live.personalDataSource);
  privacy.registerPersonalDataSource(applications.personalDataSource);
  const follows = createFollowsService({ db, events, notifications, onError: (error) => console.error('follows: notifying followers failed', error) });
  privacy.registerPersonalDataSource(follows.personalDataSource);
  const recommendations = createRecommendationsService({ db, geo, jobs, live, seekers, follows });
  privacy.registerPersonalDataSource(pipeline.phoneAccess.personalDataSource);
  privacy.registerPersonalDataSource(conversations.personalDataSource);
  const interviews = createInterviewsService({ db, config });
  privacy.registerPersonalDataSource(interviews.personalDataSource);
  const stage = createStageService({ db, live, config });
  privacy.registerPersonalDataSource(stage.personalDataSource);
  const apiTokens = createApiTokensService({ db });
  const webhooks = createWebhooksService({
    db,
    settings: config.webhooks,
    sources: {
      // A company's payload as its webhook's maker sees the application (the consent rules hold for that person).
      describeApplication: async (applicationId, recipient) => pipeline.describeForWebhook(
        applicationId,
        recipient.kind === 'company' ? { companyId: recipient.companyId, maker: await auth.getUser(recipient.makerUserId).catch(() => null) } : null,
      ),
      describeSession: (sessionId) => live.describeForWebhook(sessionId),
    },
    onError: (error) => console.error('webhooks: preparing a delivery failed', error),
  });
  const database = db;

  return {
    config,
    db: database,
    /** The migrations this context applied when it opened the database (reported by `jobcast migrate`). */
    migrationsApplied: migrationsApplied as readonly string[],
    events,
    limiter,
    geo,
    auth,
    sms,
    mail,
    emailConfirmations,
    apiTokens,
    outbox,
    webhooks,
    phoneCodes,
    companies,
    jobs,
    seekers,
    analytics,
    impact,
    notifications,
    mediaLinks,
    thumbnails,
    live,
    applications,
    recommendations,
    pipeline,
    outcomes,
    campaigns,
    reports,
    conversations,
    interviews,
    stage,
    privacy,
    follows,
    lock,
    async close() {
      live.stopTimers();
      await limiter.close();
      if (!options.db) await database.close();
      lock?.release();
    },
  };
}

export type Context = Awaited<ReturnType<typeof createContext>>;

/** `webDistDir`: another built web app than web/dist (tests). */
export async function createApp(context: Context, options: { webDistDir?: string } = {}) {
  // An API token (Authorization: Bearer) acts as the account that made it; otherwise the session cookie.
  const resolveUser = (request: FastifyRequest) => {
    const bearer = readBearerToken(request.headers.authorization);
    return bearer !== null ? context.apiTokens.authenticate(bearer, request.method) : context.auth.findUserBySessionToken(request.cookies[SESSION_COOKIE]);
  };
  const app = await createHttpServer(context.config, resolveUser, {
    limiter: context.limiter,
    mediaOrigins: () => context.mediaLinks.playbackOrigins(),
    webDistDir: options.webDistDir,
    renderPage: composePages(createJobPages(context.jobs), createLivePages(context.live)),
  });
  registerIntegrationsRoutes(app, context.apiTokens);
  registerWebhooksRoutes(app, context.webhooks);
  registerAuthRoutes(app, context.auth, context.phoneCodes, context.emailConfirmations, { cookieSecure: context.config.cookieSecure });
  registerGeoRoutes(app, context.geo);
  registerCompaniesRoutes(app, context.companies);
  registerJobsRoutes(app, context.jobs);
  registerSeekersRoutes(app, context.seekers);
  registerAnalyticsRoutes(app, context.analytics);
  registerImpactRoutes(app, context.impact);
  registerNotificationsRoutes(app, context.notifications);
  registerLiveRoutes(app, context.live);
  registerLiveMediaFileRoutes(app, context.live, context.config.media.recordingsDir, context.thumbnails);
  registerApplicationsRoutes(app, context.applications);
  registerRecommendationsRoutes(app, context.recommendations);
  if (context.config.media.mode === 'external') {
    const { controlUrl, externalRecordDir, recordingsDir, ffmpegPath } = context.config.media;
    const onError = (error: unknown, what: string) => app.log.error({ err: error }, `${what} failed`);
    registerNginxRtmpCallbacks(app, context.live, {
      events: context.events,
      control: controlUrl ? createNginxRtmpControl(controlUrl, onError) : null,
      recordings: { incomingDir: externalRecordDir, recordingsDir, ffmpegPath: externalRecordDir ? findFfmpeg(ffmpegPath) : null },
      onError,
    });
  }
  registerPipelineRoutes(app, context.pipeline);
  registerOutcomesRoutes(app, context.outcomes);
  registerCampaignsRoutes(app, context.campaigns);
  registerReportsRoutes(app, context.reports);
  registerConversationsRoutes(app, context.conversations);
  registerInterviewsRoutes(app, context.interviews);
  registerPrivacyRoutes(app, context.privacy);
  registerFollowsRoutes(app, context.follows);
  registerDemoRoutes(app, context.db);
  // Due 7-day checks are announced, and applications' analytics deltas folded into the rollups, by the
  // listening server only (tests and the CLI do not start timers; figures are exact without the folder).
  let stopSweeper: () => void = () => undefined;
  let stopFolder: () => Promise<void> = async () => undefined;
  let stopWebhooks: () => Promise<void> = async () => undefined;
  app.addHook('onListen', async () => {
    stopSweeper = startDueTaskSweeper(context.pipeline, context.config.pipeline.sweepSeconds, (error) => app.log.error(error));
    stopFolder = startRollupFolder(context.analytics, (error) => app.log.error(error));
    // Webhook deliveries: every listening node claims due ones (SKIP LOCKED), so each is sent by one node at a time.
    stopWebhooks = context.webhooks.startWorker((error) => app.log.error({ err: error }, 'webhook deliveries failed'));
  });
  app.addHook('onClose', async () => {
    stopSweeper();
    await Promise.all([stopFolder(), stopWebhooks()]);
  });
  // Liveness: the process answers. Readiness (issue 10's contract): 503 while the database, or a configured Redis,
  // is down. With Redis down the node still serves its own sockets (realtime: 'node-local', said in the body); a
  // balancer that actively probes and must not drain every node in a Redis outage asks `?redis=optional`, which
  // answers 503 only for the database (README, production).
  app.get('/api/health', { config: { access: 'public' } }, async () => ({ ok: true, database: context.db.kind }));
  app.get('/api/ready', {
    config: { access: 'public' },
    schema: {
      tags: ['health'],
      summary: 'Readiness: 503 while the database or a configured Redis is down (the body says which, and whether realtime is shared or node-local); ?redis=optional: 503 only for the database',
      querystring: z.object({ redis: z.enum(['optional']).optional() }),
    },
  }, async (request, reply) => {
    const readiness = await checkReadiness({ db: context.db, redis: context.limiter.redis });
    const ok = readiness.ok && (readiness.redis !== 'down' || request.query.redis === 'optional');
    if (!ok) reply.status(503).header('retry-after', '5');
    return { ...readiness, ok };
  });
  return app;
}

/** How often a node looks for live sessions whose end came due without their node (see endDueSessions). */
const END_SWEEP_MS = 5_000;

/**
 * What runs beside HTTP: Socket.IO on the app's own server (live rooms, notifications) and, with
 * MEDIA_MODE=embedded, the RTMP/HTTP-FLV media server in its child process. One stop() for shutdown.
 */
export async function startLiveRuntime(app: Awaited<ReturnType<typeof createApp>>, context: Context, options: { withMedia?: boolean } = {}) {
  const realtime = await createRealtimeServer(app.server, {
    resolveUser: (cookieHeader) => context.auth.findUserBySessionToken(readCookie(cookieHeader, SESSION_COOKIE)),
    redisUrl: context.config.redisUrl,
    allowedOrigins: context.config.allowedOrigins,
    events: context.events,
    log: app.log,
  });
  const liveRealtime = attachLiveRealtime(realtime.io, { live: context.live, applications: context.applications, events: context.events, config: context.config, limiter: context.limiter, log: app.log });
  const conversationsRealtime = attachConversationsRealtime(realtime.io, { conversations: context.conversations, events: context.events, log: app.log });
  const interviewsRealtime = attachInterviewsRealtime(realtime.io, { interviews: context.interviews, log: app.log });
  const stageRealtime = attachStageRealtime(realtime.io, { stage: context.stage, events: context.events, log: app.log });
  const withMedia = (options.withMedia ?? true) && context.config.media.mode === 'embedded';
  let media: Awaited<ReturnType<typeof startEmbeddedMediaServer>> | null = null;
  try {
    media = withMedia
      ? await startEmbeddedMediaServer({ config: context.config, links: context.mediaLinks, gate: context.live, events: context.events, log: app.log })
      : null;
  } catch (error) {
    liveRealtime.close();
    conversationsRealtime.close();
    await realtime.close();
    throw error;
  }
  // 网页开播: the browser studio's WebSocket beside Socket.IO; ffmpeg publishes to the same RTMP ingest.
  const studio = attachStudioIngest(app.server, {
    gate: context.live,
    ffmpegPath: findFfmpeg(context.config.media.ffmpegPath),
    allowedOrigins: context.config.allowedOrigins,
    log: app.log,
  });
  const endStudio = ({ sessionId, status }: { sessionId: string; status: string }) => {
    if (status === 'ended') studio.disconnect(sessionId);
  };
  context.events.on('LiveSessionStatusChanged', endStudio);
  // External mode: 结束直播 (or any end) drops the publisher on nginx-rtmp through its control module, as the
  // embedded server does; its reconnect is then refused by on_publish (the session is over).
  const controlUrl = context.config.media.mode === 'external' ? context.config.media.controlUrl : null;
  const control = controlUrl ? createNginxRtmpControl(controlUrl, (error, what) => app.log.error({ err: error }, `nginx-rtmp ${what} failed`)) : null;
  const dropPublisher = ({ sessionId, status }: { sessionId: string; status: string }) => {
    if (control && (status === 'ended' || status === 'missed')) void control.dropPublisher(sessionId);
  };
  context.events.on('LiveSessionStatusChanged', dropPublisher);
  const thumbnailWorker = startLiveThumbnails(context, media, (error) => app.log.error({ err: error }, 'thumbnails failed'));
  // Honest states: scheduled sessions whose host never came become missed (未开播).
  const sweepMissed = () => context.live.markMissedSessions().catch((error: unknown) => app.log.error({ err: error }, 'marking missed sessions failed'));
  const stateSweeper = context.config.live.stateSweepMs > 0 ? setInterval(sweepMissed, context.config.live.stateSweepMs) : null;
  stateSweeper?.unref();
  // Ends whose node went away (its timer with it): any node ends them, once (the end is a claim in PostgreSQL).
  const sweepDueEnds = () => context.live.endDueSessions().catch((error: unknown) => app.log.error({ err: error }, 'ending due live sessions failed'));
  const endSweeper = setInterval(sweepDueEnds, END_SWEEP_MS);
  endSweeper.unref();
  // Redis returned after an outage: the rooms take back what other nodes changed meanwhile.
  realtime.onLinkRestored(() => void liveRealtime.resynchronise());
  return {
    io: realtime.io,
    media,
    liveRealtime,
    conversationsRealtime,
    interviewsRealtime,
    stageRealtime,
    thumbnailWorker,
    studio,
    async stop() {
      if (stateSweeper) clearInterval(stateSweeper);
      clearInterval(endSweeper);
      context.events.off('LiveSessionStatusChanged', endStudio);
      context.events.off('LiveSessionStatusChanged', dropPublisher);
      await studio.close();
      await thumbnailWorker?.stop();
      liveRealtime.close();
      // Every acknowledged chat message, counter and event in flight is stored before the database closes.
      await Promise.all([liveRealtime.flush(), conversationsRealtime.flush(), stageRealtime.flush()]);
      conversationsRealtime.close();
      stageRealtime.close();
      await media?.stop();
      await realtime.close();
      context.live.stopTimers();
    },
  };
}

/**
 * Frames of live streams for the session cards, from the embedded server's HTTP-FLV on loopback (or
 * MEDIA_FLV_URL_TEMPLATE with an external server), and one frame of each replay when it is stored.
 * Needs ffmpeg; without it (or THUMBNAILS=off) the cards show the cover.
 */
function startLiveThumbnails(context: Context, media: { httpPort: number } | null, onError: (error: unknown) => void): ThumbnailWorker | null {
  const { config } = context;
  const settings = config.media.thumbnails;
  if (settings.mode === 'off') return null;
  const ffmpegPath = findFfmpeg(config.media.ffmpegPath);
  if (!ffmpegPath) return null;
  const liveInput = (sessionId: string) =>
    media
      ? `http://127.0.0.1:${media.httpPort}/live/${sessionId}.flv?token=${context.mediaLinks.playTokens.issue(sessionId, 'internal')}`
      : config.media.flvUrlTemplate ? context.mediaLinks.flvUrl(sessionId, 'internal') : null;
  const worker = startThumbnailWorker({
    ffmpegPath,
    store: context.thumbnails,
    intervalMs: settings.intervalMs,
    concurrency: settings.concurrency,
    width: settings.width,
    nice: settings.nice,
    onError,
    listLiveSources: async () => (await context.live.listLiveSessionIds())
      .map((sessionId) => ({ sessionId, input: liveInput(sessionId), isLive: true }))
      .filter((source): source is { sessionId: string; input: string; isLive: true } => source.input !== null),
  });
  // A replay's first frame for sessions that never got a live frame (or to replace the last live one).
  context.events.on('LiveReplayReady', ({ sessionId }) => {
    if (context.thumbnails.urlFor(sessionId)) return;
    context.live.findReplayFile(sessionId).then((file) => {
      if (file) worker.enqueue({ sessionId, input: file, isLive: false });
    }).catch(onError);
  });
  return worker;
}

export type LiveRuntime = Awaited<ReturnType<typeof startLiveRuntime>>;
