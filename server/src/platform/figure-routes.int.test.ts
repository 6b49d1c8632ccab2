import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthUser } from './http.js';
import { buildBureau } from '../test/campaign-factories.js';
import { buildCompany, buildJob, buildUser } from '../test/factories.js';
import { createTestApp } from '../test/harness.js';
import { buildApplication, buildSeeker, buildSession, sessionCookie } from '../test/pipeline-factories.js';

type JsonSchema = { type?: string; enum?: unknown[]; anyOf?: JsonSchema[] };
type Parameter = { in: string; name: string; required?: boolean; schema?: JsonSchema };
type Operation = { tags?: string[]; parameters?: Parameter[] };
type Region = 'jiangsu' | 'guangdong';
type Scope = { provinceCode: string; cityCode: string; sessionId: string; campaignId: string; companyId: string; hostUserId: string; jobId: string; webhookId: string };

/**
 * Figures are scoped (issue 10): a 江苏 bureau, a 苏州 employer, a 江苏 host, a seeker and nobody signed in must
 * learn nothing about 广东 that the public does not. Rather than list the figure routes by hand, the test walks
 * every GET route of the OpenAPI document — so a new figure route is covered the day it is added — as every
 * role, with its parameters pointed at 广东 (province, city, session, campaign, company, host, job), at 江苏 and
 * at nothing, records every answer, then adds activity in 广东 only (applications, viewers, card opens) and asks
 * again. The property is non-interference: for a role outside 广东 every answer must be byte-for-byte the same
 * (a refusal stays a refusal; a figure that moved would have leaked 广东's activity); for the roles inside 广东
 * some answers must change (the activity is visible, so the comparison can fail). Routes whose 广东 changes are
 * public by design (suppressed public figures stay below their threshold here) are listed with the reason.
 */
describe('figure routes: every GET route × role × foreign scope (non-interference)', () => {
  let harness: Awaited<ReturnType<typeof createTestApp>>;
  const scopes = {} as Record<Region, Scope>;
  const cookies: Record<string, string | undefined> = {};
  let operations: Array<{ path: string; operation: Operation }> = [];
  const chinaDay = (offsetDays: number) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
  const OUTSIDE_GUANGDONG = ['bureau 江苏', 'employer 苏州', 'host 江苏', 'seeker 江苏', 'anonymous'];
  const INSIDE_GUANGDONG = ['admin', 'bureau 广东', 'employer 深圳', 'host 广东'];
  const recorded = new Map<string, { status: number; body: string }>();
  /** Public by design, and why (each was looked at; see docs/SECURITY.md "Figures and scope"). */
  const PUBLIC_BY_DESIGN: Record<string, string> = {
    '/api/public/impact': 'the public impact report publishes a count of 0 and withholds 1–9 (docs/IMPACT.md), as official small-cell tables do: a count leaving 0 for "withheld" says that some activity happened, never how much',
  };

  /** A request per variant: the route's parameters pointed at one region (or left out). */
  function requestsFor(path: string, operation: Operation): Array<{ label: string; url: string }> {
    const parameters = operation.parameters ?? [];
    const fill = (parameter: Parameter, region: Region): string | undefined => {
      const scope = scopes[region];
      const idOf = (prefix: string) => path.startsWith(prefix);
      switch (parameter.name) {
        case 'from': return chinaDay(-30);
        case 'to': return chinaDay(0);
        case 'province': case 'provinceCode': return scope.provinceCode;
        case 'city': case 'cityCode': case 'nearCityCode': return scope.cityCode;
        case 'sessionId': return scope.sessionId;
        case 'campaignId': return scope.campaignId;
        case 'companyId': return scope.companyId;
        case 'hostUserId': return scope.hostUserId;
        case 'jobId': return scope.jobId;
        case 'figure': return 'totals';
        case 'national': return 'true';
        case 'id':
          if (idOf('/api/sessions/')) return scope.sessionId;
          if (idOf('/api/campaigns/')) return scope.campaignId;
          return '1';
        case 'applicationId': case 'reportId': return '1';
        case 'webhookId': return scope.webhookId;
      }
      if (parameter.in === 'path' || parameter.required) throw new Error(`${path}: no value for parameter ${parameter.name}: add it to the walk's filler`);
      return undefined;
    };
    const CITY_PARAMETERS = ['city', 'cityCode', 'nearCityCode'];
    /** `byCity`: the region named by its city rather than its province (routes refuse both at once). */
    const build = (region: Region | null, overrides: Record<string, string> = {}, byCity = false) => {
      let url = path;
      const query = new URLSearchParams();
      for (const parameter of parameters) {
        if (parameter.in === 'query' && !parameter.required && !(parameter.name in overrides)) {
          if (CITY_PARAMETERS.includes(parameter.name) !== byCity && (CITY_PARAMETERS.includes(parameter.name) || ['province', 'provinceCode'].includes(parameter.name))) continue;
        }
        const isRegional = !['from', 'to', 'figure'].includes(parameter.name);
        const value = overrides[parameter.name] ?? (region === null && isRegional && parameter.in === 'query' && !parameter.required ? undefined : fill(parameter, region ?? 'jiangsu'));
        if (value === undefined) continue;
        if (parameter.in === 'path') url = url.replace(`{${parameter.name}}`, encodeURIComponent(value));
        else if (parameter.in === 'query' && parameter.name !== 'national') query.set(parameter.name, value);
      }
      const search = query.toString();
      return search ? `${url}?${search}` : url;
    };
    const variants = [
      { label: 'no region', url: build(null) },
      { label: '江苏', url: build('jiangsu') },
      { label: '广东', url: build('guangdong') },
    ];
    if (parameters.some((parameter) => CITY_PARAMETERS.includes(parameter.name))) {
      variants.push({ label: '江苏 city', url: build('jiangsu', {}, true) }, { label: '广东 city', url: build('guangdong', {}, true) });
    }
    if (parameters.some((parameter) => parameter.name === 'national')) variants.push({ label: 'national', url: `${build(null)}${build(null).includes('?') ? '&' : '?'}national=true` });
    // Each value of an enum in the query (groupBy, status …), pointed at 广东.
    for (const parameter of parameters.filter((item) => item.in === 'query' && item.schema?.enum)) {
      for (const value of parameter.schema!.enum!) variants.push({ label: `广东, ${parameter.name}=${String(value)}`, url: build('guangdong', { [parameter.name]: String(value) }) });
    }
    return variants;
  }

  /** What may differ between two asks without telling anything about 广东: clocks. */
  const normalise = (body: string) =>
    body
      .replace(/"secondsUntilStart":-?\d+(\.\d+)?/g, '"secondsUntilStart":0')
      .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})/g, 'T')
      .replace(/生成于[^<]*|Generated [^<]*/g, '')
      // ECharts' server-side SVG numbers its style classes per render.
      .replace(/zr\d+-cls-\d+/g, 'zr-cls');

  /** Where two answers part, for the failure message. */
  function firstDifference(before: string, after: string) {
    let index = 0;
    while (index < before.length && before[index] === after[index]) index += 1;
    return `at ${index}: …${before.slice(Math.max(0, index - 60), index + 60)}… became …${after.slice(Math.max(0, index - 60), index + 60)}…`;
  }

  async function walk(): Promise<Map<string, { status: number; body: string }>> {
    const answers = new Map<string, { status: number; body: string }>();
    const asked = new Map<string, { status: number; body: string }>();
    for (const { path, operation } of operations) {
      for (const { label, url } of requestsFor(path, operation)) {
        for (const role of [...OUTSIDE_GUANGDONG, ...INSIDE_GUANGDONG]) {
          // Variants of a route without regional parameters are one URL: asked once per walk.
          let answer = asked.get(`${role} ${url}`);
          if (!answer) {
            const response = await harness.app.inject({ method: 'GET', url, headers: cookies[role] ? { cookie: cookies[role] } : {} });
            // A PDF's bytes differ on every print (compressed streams, the moment): its HTML twin (report.html) is
            // the one compared; here the status and the type must hold.
            const isPdf = String(response.headers['content-type'] ?? '').startsWith('application/pdf');
            answer = { status: response.statusCode, body: isPdf ? 'application/pdf' : normalise(response.body) };
            asked.set(`${role} ${url}`, answer);
          }
          answers.set(`${role} GET ${path} (${label}) ${url}`, answer);
        }
      }
    }
    return answers;
  }

  /** Activity in 广东 only: two more 深圳 seekers apply through the 广东 session, which gets viewers and card opens. */
  async function addGuangdongActivity() {
    const { context } = harness;
    const scope = scopes.guangdong;
    for (let index = 0; index < 2; index += 1) {
      const seeker = await buildSeeker(context, { homeCityCode: scope.cityCode });
      await buildApplication(context, { jobId: scope.jobId, seekerUserId: seeker.id, sessionId: scope.sessionId });
      await context.db.query('insert into live_session_viewers (session_id, viewer_key, user_id) values ($1, $2, $3)', [scope.sessionId, seeker.id, seeker.id]);
      await context.db.query('insert into live_job_card_opens (session_id, job_id, viewer_key) values ($1, $2, $3)', [scope.sessionId, scope.jobId, seeker.id]);
    }
    await context.analytics.rebuildRollups();
  }

  beforeAll(async () => {
    harness = await createTestApp();
    const { context, app } = harness;
    const users: Record<string, AuthUser> = { admin: await buildUser(context, { role: 'admin' }) };
    for (const [region, provinceCode, cityCode, place] of [['jiangsu', '32', '320500', '苏州'], ['guangdong', '44', '440300', '深圳']] as const) {
      const provinceName = region === 'jiangsu' ? '江苏' : '广东';
      const { company, employer } = await buildCompany(context, { cityCode, name: `${place}走查制造有限公司` });
      const job = await buildJob(context, employer, { cityCode });
      const host = await buildUser(context, { role: 'host', displayName: `${provinceName}主播` });
      const bureau = await buildBureau(context, provinceCode, `${provinceName}人社厅`);
      const session = await buildSession(context, host, { title: `${provinceName}专场`, provinceCode, jobIds: [job.id], startsAt: new Date(Date.now() - 3_600_000) });
      const { detail: { campaign } } = await context.campaigns.createCampaign(bureau, { name: `${provinceName}春风行动`, description: '', startsOn: chinaDay(-10), endsOn: chinaDay(10), provinceCode });
      await context.db.query('update live_sessions set campaign_id = $2 where id = $1', [session.id, campaign.id]);
      const seeker = await buildSeeker(context, { homeCityCode: cityCode });
      await buildApplication(context, { jobId: job.id, seekerUserId: seeker.id, sessionId: session.id });
      // A webhook of the region's company, so its deliveries' route is walked with a real id (the URL is never called).
      const { id: webhookId } = await context.webhooks.create(employer, { url: 'http://127.0.0.1:9/hook', events: ['application.submitted', 'application.status_changed'] });
      scopes[region] = { provinceCode, cityCode, sessionId: session.id, campaignId: campaign.id, companyId: company.id, hostUserId: host.id, jobId: job.id, webhookId };
      Object.assign(users, { [`bureau ${provinceName}`]: bureau, [`employer ${place}`]: employer, [`host ${provinceName}`]: host });
      if (region === 'jiangsu') users['seeker 江苏'] = seeker;
    }
    await context.analytics.rebuildRollups();
    for (const [role, user] of Object.entries(users)) cookies[role] = `jobcast_session=${(await sessionCookie(context, user.id)).jobcast_session}`;
    cookies.anonymous = undefined;
    const document = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as { paths: Record<string, Record<string, Operation>> };
    operations = Object.entries(document.paths).flatMap(([path, methods]) => (methods.get ? [{ path, operation: methods.get }] : [])).filter(({ path }) => !path.startsWith('/docs'));
    // Reading can change what a route answers the next time (an employer opening an application marks it
    // viewed and tells the seeker): the first walk settles that, the second is the one compared.
    await walk();
    for (const [key, answer] of await walk()) recorded.set(key, answer);
    await addGuangdongActivity();
  }, 600_000);
  afterAll(async () => harness?.close());

  it('walks every GET route of the API', () => {
    expect(operations.length).toBeGreaterThan(50);
    expect(operations.map(({ path }) => path)).toEqual(expect.arrayContaining(['/api/analytics', '/api/impact', '/api/pipeline/outcomes', '/api/campaigns/{id}']));
  });

  it('tells a role outside 广东 nothing of 广东 activity, on any route; the roles inside see it', async () => {
    const after = await walk();
    const leaks: string[] = [];
    const seen = new Set<string>();
    for (const [key, answer] of after) {
      const before = recorded.get(key)!;
      const changed = before.status !== answer.status || before.body !== answer.body;
      const role = key.slice(0, key.indexOf(' GET '));
      const path = key.slice(key.indexOf(' GET ') + 5, key.indexOf(' ('));
      if (changed && OUTSIDE_GUANGDONG.includes(role) && !(path in PUBLIC_BY_DESIGN)) leaks.push(`${key}: ${before.status} → ${answer.status}, ${firstDifference(before.body, answer.body)}`);
      if (changed && INSIDE_GUANGDONG.includes(role)) seen.add(key.slice(key.indexOf(' GET ') + 1, key.indexOf(' (')));
    }
    expect(leaks).toEqual([]);
    // The control: the activity shows on the figure routes for the roles whose scope holds 广东.
    expect([...seen].sort()).toEqual(expect.arrayContaining(['GET /api/analytics', 'GET /api/pipeline/outcomes', 'GET /api/pipeline/sessions/{sessionId}/funnel', 'GET /api/impact', 'GET /api/campaigns/{id}']));
  }, 600_000);
});
