import type { Config } from './platform/config.js';
import { acquireDataDirLock } from './platform/data-dir-lock.js';
import { openPglite, openPostgres, type Db } from './platform/db.js';
import { EventBus } from './platform/events.js';
import { createHttpServer } from './platform/http.js';
import { migrate } from './platform/migrate.js';
import { createAnalyticsService, registerAnalyticsRoutes } from './modules/analytics/index.js';
import { createAuthService, registerAuthRoutes, SESSION_COOKIE } from './modules/auth/index.js';
import { createCompaniesService, registerCompaniesRoutes } from './modules/companies/index.js';
import { createGeoService, registerGeoRoutes } from './modules/geo/index.js';
import { createJobsService, registerJobsRoutes } from './modules/jobs/index.js';
import { createNotificationsService, registerNotificationsRoutes } from './modules/notifications/index.js';
import { createSeekersService, registerSeekersRoutes } from './modules/seekers/index.js';

export type ContextOptions = {
  /** Who holds the embedded data folder (shown to a second process that tries to open it). */
  purpose?: string;
  /** An already-open database (tests share one PGlite across cases). */
  db?: Db;
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
  try {
    await migrate(db);
  } catch (error) {
    if (!options.db) await db.close();
    lock?.release();
    throw error;
  }
  const events = new EventBus();
  const geo = await createGeoService(db);
  const auth = createAuthService(db);
  const companies = createCompaniesService({ db, geo, auth, events });
  const jobs = createJobsService({ db, geo, companies, events });
  const seekers = createSeekersService({ db, geo });
  const analytics = createAnalyticsService({ db, geo });
  const notifications = createNotificationsService({ db, events });
  const database = db;

  return {
    config,
    db: database,
    events,
    geo,
    auth,
    companies,
    jobs,
    seekers,
    analytics,
    notifications,
    lock,
    async close() {
      if (!options.db) await database.close();
      lock?.release();
    },
  };
}

export type Context = Awaited<ReturnType<typeof createContext>>;

export async function createApp(context: Context) {
  const app = await createHttpServer(context.config, (request) => context.auth.findUserBySessionToken(request.cookies[SESSION_COOKIE]));
  registerAuthRoutes(app, context.auth, { cookieSecure: context.config.cookieSecure });
  registerGeoRoutes(app, context.geo);
  registerCompaniesRoutes(app, context.companies);
  registerJobsRoutes(app, context.jobs);
  registerSeekersRoutes(app, context.seekers);
  registerAnalyticsRoutes(app, context.analytics);
  registerNotificationsRoutes(app, context.notifications);
  app.get('/api/health', { config: { access: 'public' } }, async () => ({ ok: true, database: context.db.kind }));
  return app;
}
