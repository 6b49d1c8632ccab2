import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompany, buildJob, buildUser } from '../../test/factories.js';
import { createTestApp } from '../../test/harness.js';
import { buildApplication, buildSeeker, buildSession, sessionCookie } from '../../test/pipeline-factories.js';

/**
 * The permission matrix, enforced in the services and checked through HTTP on PGlite and (with
 * TEST_DATABASE_URL) PostgreSQL:
 *   employer  only applications to its own company's jobs (plus leads handed to it with consent)
 *   host      only leads from its own sessions, phones masked, read only
 *   seeker    only their own applications
 * Two of everything, so each actor has a neighbour whose data it must not reach.
 */
describe('permission matrix', () => {
  let harness: Awaited<ReturnType<typeof createTestApp>>;
  const cookies: Record<string, Record<string, string> | undefined> = { anonymous: undefined };
  const applications: Record<string, number> = {};
  const phones: Record<string, string> = {};
  const sessions: Record<string, string> = {};

  beforeAll(async () => {
    harness = await createTestApp();
    const context = harness.context;
    const a = await buildCompany(context);
    const b = await buildCompany(context);
    const jobA = await buildJob(context, a.employer);
    const jobB = await buildJob(context, b.employer);
    const host1 = await buildUser(context, { role: 'host' });
    const host2 = await buildUser(context, { role: 'host' });
    sessions.s1 = (await buildSession(context, host1, { jobIds: [jobA.id] })).id;
    sessions.s2 = (await buildSession(context, host2, { jobIds: [jobB.id] })).id;
    const x = await buildSeeker(context);
    const y = await buildSeeker(context);
    phones.x = x.phone;
    phones.y = y.phone;
    // X applied to A's job in host 1's session and to B's job on its page; Y to B's job in host 2's session.
    applications.xA = await buildApplication(context, { jobId: jobA.id, seekerUserId: x.id, sessionId: sessions.s1 });
    applications.xB = await buildApplication(context, { jobId: jobB.id, seekerUserId: x.id });
    applications.yB = await buildApplication(context, { jobId: jobB.id, seekerUserId: y.id, sessionId: sessions.s2 });
    const admin = await buildUser(context, { role: 'admin' });
    cookies.employerA = await sessionCookie(harness.context, a.employer.id);
    cookies.employerB = await sessionCookie(harness.context, b.employer.id);
    cookies.host1 = await sessionCookie(harness.context, host1.id);
    cookies.host2 = await sessionCookie(harness.context, host2.id);
    cookies.seekerX = await sessionCookie(harness.context, x.id);
    cookies.seekerY = await sessionCookie(harness.context, y.id);
    cookies.admin = await sessionCookie(harness.context, admin.id);
  });
  afterAll(async () => harness.close());

  const get = (actor: string, url: string) => harness.app.inject({ method: 'GET', url, cookies: cookies[actor] });
  const post = (actor: string, url: string, payload: unknown = {}) => harness.app.inject({ method: 'POST', url, cookies: cookies[actor], payload: payload as never });
  const ids = (items: Array<{ id: number }>) => items.map((item) => item.id).sort((left, right) => left - right);

  it.each([
    ['employerA', ['xA']],
    ['employerB', ['xB', 'yB']],
  ])('%s lists only applications to its own jobs', async (actor, expected) => {
    const response = await get(actor, '/api/employer/applications');
    expect(response.statusCode).toBe(200);
    expect(ids(response.json().applications)).toEqual(expected.map((key) => applications[key]).sort((left, right) => left - right));
  });

  it.each([
    ['host1', ['xA']],
    ['host2', ['yB']],
  ])('%s lists only leads of its own sessions, masked', async (actor, expected) => {
    const response = await get(actor, '/api/host/leads');
    expect(response.statusCode).toBe(200);
    expect(ids(response.json().leads)).toEqual(expected.map((key) => applications[key]));
    for (const lead of response.json().leads) expect(lead.seeker.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(response.body).not.toContain(phones.x);
    expect(response.body).not.toContain(phones.y);
  });

  it.each([
    ['seekerX', ['xA', 'xB']],
    ['seekerY', ['yB']],
  ])('%s lists only their own applications', async (actor, expected) => {
    const response = await get(actor, '/api/seeker/applications');
    expect(ids(response.json().applications)).toEqual(expected.map((key) => applications[key]));
  });

  // [actor, list endpoint, expected status]: the route's role rule.
  it.each([
    ['anonymous', '/api/employer/applications', 401],
    ['host1', '/api/employer/applications', 403],
    ['seekerX', '/api/employer/applications', 403],
    ['admin', '/api/employer/applications', 403],
    ['employerA', '/api/host/leads', 403],
    ['seekerX', '/api/host/leads', 403],
    ['employerA', '/api/seeker/applications', 403],
    ['host1', '/api/seeker/applications', 403],
    ['host1', '/api/employer/applications/export.csv', 403],
  ])('%s GET %s → %i', async (actor, url, status) => {
    expect((await get(actor, url)).statusCode).toBe(status);
  });

  // [actor, application, can read?] for the employer detail; a stranger gets 404 (ids are not probed).
  it.each([
    ['employerA', 'xA', 200],
    ['employerA', 'xB', 404],
    ['employerA', 'yB', 404],
    ['employerB', 'xA', 404],
    ['employerB', 'yB', 200],
  ])('%s opens application %s → %i', async (actor, key, status) => {
    expect((await get(actor, `/api/employer/applications/${applications[key]}`)).statusCode).toBe(status);
  });

  it.each([
    ['employerB', 'xA', 404],
    ['employerA', 'yB', 404],
    ['host1', 'xA', 403],
    ['seekerX', 'xA', 403],
  ])('%s cannot move application %s (%i)', async (actor, key, status) => {
    const response = await post(actor, `/api/employer/applications/${applications[key]}/transitions`, { action: 'reject', reason: '越权测试' });
    expect(response.statusCode).toBe(status);
  });

  it.each([
    ['employerB', 'xA', 404],
    ['host1', 'xA', 403],
    ['seekerX', 'xA', 403],
  ])('%s cannot unmask the phone of %s (%i)', async (actor, key, status) => {
    expect((await post(actor, `/api/employer/applications/${applications[key]}/unmask`)).statusCode).toBe(status);
  });

  it.each([
    ['seekerY', 'xA', 'GET', ''],
    ['seekerY', 'xA', 'POST', '/withdraw'],
    ['seekerX', 'yB', 'POST', '/interview/accept'],
  ])('%s cannot read or act on %s (%s%s) → 404', async (actor, key, method, suffix) => {
    const url = `/api/seeker/applications/${applications[key]}${suffix}`;
    const response = method === 'GET' ? await get(actor, url) : await post(actor, url);
    expect(response.statusCode).toBe(404);
  });

  it('bulk changes skip other companies’ applications item by item', async () => {
    const response = await post('employerB', '/api/employer/applications/bulk', { applicationIds: [applications.xA, applications.yB], change: { action: 'contact' } });
    expect(response.json()).toMatchObject({ succeeded: 1, failed: 1, results: [{ id: applications.xA, ok: false, error: { code: 'not_found' } }, { id: applications.yB, ok: true }] });
    // xA is as employer A left it (opened, so viewed); B's change never reached it.
    const [row] = await harness.context.db.query<{ status: string }>('select status from applications where id = $1', [applications.xA]);
    expect(row.status).toBe('viewed');
    expect(await harness.context.db.query(`select 1 from application_events where application_id = $1 and action = 'contact'`, [applications.xA])).toEqual([]);
  });

  it('CSV exports and session funnels stay within the actor’s own data', async () => {
    const csv = await get('employerB', '/api/employer/applications/export.csv');
    expect(csv.body.trim().split('\r\n')).toHaveLength(3);
    expect(csv.body).not.toContain(phones.y);
    expect((await get('host2', `/api/pipeline/sessions/${sessions.s1}/funnel`)).statusCode).toBe(404);
    expect((await get('employerB', `/api/pipeline/sessions/${sessions.s1}/funnel`)).statusCode).toBe(404);
    expect((await get('host1', `/api/pipeline/sessions/${sessions.s1}/funnel`)).statusCode).toBe(200);
    expect((await get('employerA', `/api/pipeline/sessions/${sessions.s1}/funnel`)).statusCode).toBe(200);
    expect((await get('seekerX', `/api/pipeline/sessions/${sessions.s1}/funnel`)).statusCode).toBe(403);
    const outcomes = await get('host2', '/api/pipeline/outcomes?groupBy=session');
    expect(outcomes.json().rows.map((row: { key: string }) => row.key)).toEqual([sessions.s2]);
  });
});
