import { z } from 'zod';
import type { App } from '../../platform/http.js';
import { OUTCOME_GROUP_BY, outcomeFiguresSchema as figuresSchema } from '../../../../contracts/outcomes.js';
import { PUBLIC_MIN_COUNT } from '../../../../contracts/analytics.js';
import type { OutcomesService } from './outcomes.service.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const windowQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });
const windowSchema = z.object({ from: z.string(), to: z.string() });
const nullableNumber = z.number().nullable();

const funnelSchema = z.object({
  sessionId: z.string(),
  title: z.string(),
  startsAt: z.date(),
  status: z.string(),
  hostUserId: z.string(),
  hostName: z.string().nullable(),
  viewers: z.number(),
  jobCardOpens: z.number(),
  applications: z.number(),
  interviews: z.number(),
  hires: z.number(),
  onboarded: z.number(),
  stayed7Days: z.number(),
  leftWithin7Days: z.number(),
  steps: z.array(z.object({ key: z.string(), zh: z.string(), en: z.string(), value: z.number() })),
  rates: z.object({ applicationsPerViewer: nullableNumber, hiresPerApplication: nullableNumber, stayedPerHire: nullableNumber, sevenDayAttrition: nullableNumber }),
});

const trustSchema = z.object({
  windowDays: z.number(),
  minimumSample: z.number(),
  applications: nullableNumber.describe(`null below ${PUBLIC_MIN_COUNT} (withheld, as on the public analytics)`),
  medianHoursToFirstContact: nullableNumber,
  contactedShare: nullableNumber,
  sevenDayOutcomes: nullableNumber.describe(`null below ${PUBLIC_MIN_COUNT}`),
  sevenDayStayRate: nullableNumber,
  hasEnoughData: z.boolean(),
});

export function registerOutcomesRoutes(app: App, outcomes: OutcomesService) {
  app.get('/api/pipeline/outcomes', {
    config: { access: ['employer', 'host', 'bureau', 'admin'] },
    schema: {
      tags: ['pipeline'],
      summary: 'Outcome figures per company, host, session, job category or campaign for applications sent in a window (default: last 90 days)',
      querystring: windowQuery.extend({ groupBy: z.enum(OUTCOME_GROUP_BY).default('company') }),
      response: { 200: z.object({ groupBy: z.string(), window: windowSchema, rows: z.array(figuresSchema.extend({ key: z.string(), label: z.string().nullable() })) }) },
    },
  }, async (request) => outcomes.listOutcomes(request.user!, request.query.groupBy, request.query.from, request.query.to));

  app.get('/api/pipeline/sessions/:sessionId/funnel', {
    config: { access: ['employer', 'host', 'bureau', 'admin'] },
    schema: {
      tags: ['pipeline'],
      summary: "A session's funnel: viewers → job-card opens → applications → interviews → hires → stayed 7 days (employers see their own jobs)",
      params: z.object({ sessionId: z.string().uuid('must be a session id') }),
      response: { 200: z.object({ funnel: funnelSchema, isCompanyView: z.boolean() }) },
    },
  }, async (request) => outcomes.getSessionFunnel(request.user!, request.params.sessionId));

  app.get('/api/pipeline/session-funnels', {
    config: { access: ['employer', 'host', 'bureau', 'admin'] },
    schema: {
      tags: ['pipeline'],
      summary: 'Funnels of the sessions that started in a window, for comparison (newest first, at most 100)',
      querystring: windowQuery,
      response: { 200: z.object({ window: windowSchema, sessions: z.array(funnelSchema) }) },
    },
  }, async (request) => outcomes.compareSessionFunnels(request.user!, request.query.from, request.query.to));

  app.get('/api/companies/:companyId/trust-signals', {
    config: { access: 'public' },
    schema: {
      tags: ['pipeline'],
      summary: "A company's responsiveness and 7-day stay rate over the last 180 days (null until there are enough cases)",
      params: z.object({ companyId: z.string().uuid('must be a company id') }),
      response: { 200: trustSchema.extend({ companyId: z.string(), companyName: z.string() }) },
    },
  }, async (request) => outcomes.getCompanyTrustSignals(request.params.companyId));

  app.get('/api/hosts/:hostUserId/trust-signals', {
    config: { access: 'public' },
    schema: {
      tags: ['pipeline'],
      summary: "How fast leads from a host's sessions are contacted and how many hires stay 7 days (last 180 days)",
      params: z.object({ hostUserId: z.string().uuid('must be a host id') }),
      response: { 200: trustSchema.extend({ hostUserId: z.string(), hostName: z.string() }) },
    },
  }, async (request) => outcomes.getHostTrustSignals(request.params.hostUserId));
}
