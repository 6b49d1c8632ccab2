import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createContext, type Context } from '../../app.js';
import { loadConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db.js';
import { buildBureau } from '../../test/campaign-factories.js';
import { buildCompany, buildJob, buildUser } from '../../test/factories.js';
import { openTestDb, TEST_ENV } from '../../test/harness.js';
import { buildSeeker, buildSession, sessionCookie } from '../../test/pipeline-factories.js';
import { verifyWebhookSignature } from './webhook-signing.js';

type Received = { path: string; body: string; signature: string; answered: 'fail' | 'hang' | 'ok' };
type Payload = { id: string; type: string; createdAt: string; data: { application?: { id: number; seeker: { phone: string | null; phoneMasked: string | null } | null } | null; session?: { id: string } | null } };

/**
 * A local receiver that first fails (500), then times out, then recovers; the app is closed and built again on the
 * same database while deliveries are being retried. Every event arrives at least once, signed, in order per
 * application, with the API's masking and consent rules; foreign companies reach nothing; bad input names the field.
 */
describe('webhooks (issue 13): outbox in the change\'s transaction, signed, retried, in order, across a restart', () => {
  let db: Db;
  let drop: () => Promise<void>;
  let running: { context: Context; app: Awaited<ReturnType<typeof createApp>> } | null = null;
  let receiver: http.Server;
  let receiverUrl = '';
  let mode: 'fail' | 'hang' | 'ok' = 'fail';
  const received: Received[] = [];
  const cookies: Record<string, Record<string, string>> = {};
  const ids = { job: '', host: '', session: '', companyWebhook: '', bureauWebhook: '', companySecret: '', bureauSecret: '' };
  const config = loadConfig({
    ...TEST_ENV,
    WEBHOOK_TIMEOUT_SECONDS: '0.4',
    WEBHOOK_RETRY_BASE_SECONDS: '0.05',
    WEBHOOK_RETRY_MAX_SECONDS: '0.3',
    WEBHOOK_POLL_MS: '50',
  });

  async function boot() {
    const context = await createContext(config, { db });
    const app = await createApp(context);
    await app.listen({ port: 0, host: '127.0.0.1' });
    running = { context, app };
    return running;
  }

  async function shutDown() {
    if (!running) return;
    await running.app.close();
    await running.context.close();
    running = null;
  }

  const request = (name: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    running!.app.inject({ method, url, cookies: cookies[name], ...(payload ? { payload } : {}) });

  async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  beforeAll(async () => {
    ({ db, drop } = await openTestDb());
    receiver = http.createServer((incoming, response) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const answered = mode;
        received.push({ path: incoming.url ?? '', body: Buffer.concat(chunks).toString('utf8'), signature: String(incoming.headers['jobcast-signature'] ?? ''), answered });
        if (answered === 'fail') response.writeHead(500).end('receiver down for maintenance');
        else if (answered === 'ok') response.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
        else setTimeout(() => response.writeHead(200).end('too late'), 1_500).unref();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

    const { context } = await boot();
    const { employer } = await buildCompany(context, { cityCode: '320500' });
    const foreign = await buildCompany(context, { cityCode: '440300' });
    const job = await buildJob(context, employer, { cityCode: '320500' });
    const host = await buildUser(context, { role: 'host' });
    const session = await buildSession(context, host, { status: 'scheduled', provinceCode: '32', jobIds: [job.id] });
    Object.assign(ids, { job: job.id, host: host.id, session: session.id });
    const users = {
      employer,
      foreign: foreign.employer,
      bureau: await buildBureau(context, '32', '江苏省人社厅'),
      otherBureau: await buildBureau(context, '44', '广东省人社厅'),
      seeker: await buildSeeker(context),
      consenting: await buildSeeker(context, { phone: '13912345678' }),
    };
    for (const [name, user] of Object.entries(users)) cookies[name] = await sessionCookie(context, user.id);
  }, 120_000);

  afterAll(async () => {
    await shutDown();
    await drop?.();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('registers a webhook: the secret once, the URL and events checked field by field, foreign roles refused', async () => {
    const made = await request('employer', 'POST', '/api/webhooks', { url: `${receiverUrl}/company`, events: ['application.submitted', 'application.status_changed', 'application.hired', 'application.onboarded', 'application.stay_7d', 'session.live', 'session.ended'] });
    expect(made.statusCode).toBe(201);
    const body = made.json() as { id: string; secret: string };
    expect(body.secret).toMatch(/^whsec_[\w-]{43}$/);
    Object.assign(ids, { companyWebhook: body.id, companySecret: body.secret });
    const bureau = (await request('bureau', 'POST', '/api/webhooks', { url: `${receiverUrl}/bureau`, events: ['application.submitted', 'application.hired'] })).json() as { id: string; secret: string };
    Object.assign(ids, { bureauWebhook: bureau.id, bureauSecret: bureau.secret });

    const listed = await request('employer', 'GET', '/api/webhooks');
    expect(listed.json().webhooks).toEqual([expect.objectContaining({ id: body.id, url: `${receiverUrl}/company`, disabledAt: null })]);
    expect(listed.body).not.toContain(body.secret.slice(6));
    // Stored sealed or as is (no WEBHOOK_ENCRYPTION_KEY here), never in the list's answer.
    const [stored] = await db.query<{ secret: string }>('select secret from webhooks where id = $1', [body.id]);
    expect(stored!.secret).toBe(`plain:${body.secret}`);

    const refused = async (name: string, payload: object, field: string, status = 400) => {
      const response = await request(name, 'POST', '/api/webhooks', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      if (status === 400) expect(response.json().error.fields.map((problem: { path: string }) => problem.path)).toContain(field);
    };
    await refused('employer', { url: 'ftp://example.com/hook', events: ['session.live'] }, 'body.url');
    await refused('employer', { url: 'javascript:alert(1)', events: ['session.live'] }, 'body.url');
    await refused('employer', { url: 'https://user:password@example.com/hook', events: ['session.live'] }, 'body.url');
    await refused('employer', { url: 'https://example.com/\u0000hook', events: ['session.live'] }, 'body.url');
    await refused('employer', { url: `https://example.com/${'x'.repeat(3000)}`, events: ['session.live'] }, 'body.url');
    await refused('employer', { url: 'https://example.com/hook', events: ['application.deleted'] }, 'body.events.0');
    await refused('employer', { url: 'https://example.com/hook', events: [] }, 'body.events');
    await refused('employer', { events: ['session.live'] }, 'body.url');
    await refused('seeker', { url: 'https://example.com/hook', events: ['session.live'] }, '', 403);
    expect(await db.query('select id from webhooks')).toHaveLength(2);
  });

  it('delivers every event at least once, signed, in order per application, through failures, timeouts and a restart', async () => {
    // Receiver down (500). Two seekers apply; the employer moves the first to a hire, onboarding and a leave, the
    // second to contacted; the session goes live and ends. All while nothing can be delivered.
    const apply = async (name: string, sharePhone: boolean) => {
      const response = await request(name, 'POST', '/api/applications', { jobId: ids.job, sharePhone });
      expect(response.statusCode, response.body).toBeLessThan(300);
      return (response.json() as { id: number }).id;
    };
    const first = await apply('consenting', true);
    const second = await apply('seeker', false);
    const move = async (applicationId: number, change: object) => {
      const response = await request('employer', 'POST', `/api/employer/applications/${applicationId}/transitions`, change);
      expect(response.statusCode, response.body).toBe(200);
    };
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await move(first, { action: 'contact' });
    await move(second, { action: 'view' });
    await move(first, { action: 'hire' });
    await move(second, { action: 'contact' });
    await running!.context.live.handlePublishStarted(ids.session);
    await move(first, { action: 'onboard', startDate: today });
    await move(first, { action: 'record_left', reason: '家里有事' });
    await running!.context.live.endSession(await running!.context.auth.getUser(ids.host), ids.session);

    const events = await db.query<{ id: number; publicId: string; type: string; applicationId: number | null }>(
      'select id, public_id as "publicId", type, application_id as "applicationId" from webhook_events order by id',
    );
    expect(events.map((event) => event.type)).toEqual([
      'application.submitted', 'application.submitted',
      'application.status_changed', 'application.status_changed',
      'application.status_changed', 'application.hired',
      'application.status_changed',
      'session.live',
      'application.status_changed', 'application.onboarded',
      'application.status_changed', 'application.stay_7d',
      'session.ended',
    ]);
    const sequence = new Map(events.map((event) => [event.publicId, event.id]));

    // A few failed attempts, then the app goes away mid-retry and a new one comes up on the same database.
    await until(() => received.filter((item) => item.answered === 'fail').length >= 6, 'failed attempts');
    await shutDown();
    const pendingAcrossRestart = await db.query<{ count: number }>("select count(*)::int as count from webhook_deliveries where status = 'pending'");
    expect(pendingAcrossRestart[0]!.count).toBeGreaterThan(0);
    await boot();
    await until(() => received.filter((item) => item.answered === 'fail').length >= 10, 'failed attempts after the restart');
    mode = 'hang';
    await until(() => received.filter((item) => item.answered === 'hang').length >= 3, 'timed-out attempts');
    mode = 'ok';
    await until(async () => (await db.query("select id from webhook_deliveries where status <> 'delivered'")).length === 0, 'every delivery delivered');

    // Every event delivered (2xx) at least once to each webhook that subscribed to it; every request signed.
    const deliveredTo = (path: string) => new Set(received.filter((item) => item.path === path && item.answered === 'ok').map((item) => (JSON.parse(item.body) as Payload).id));
    expect([...deliveredTo('/company')].sort()).toEqual([...sequence.keys()].sort());
    const bureauEvents = events.filter((event) => event.type === 'application.submitted' || event.type === 'application.hired');
    expect([...deliveredTo('/bureau')].sort()).toEqual(bureauEvents.map((event) => event.publicId).sort());
    for (const item of received) {
      const secret = item.path === '/company' ? ids.companySecret : ids.bureauSecret;
      expect(verifyWebhookSignature(secret, item.body, item.signature, Math.floor(Date.now() / 1000))).toBe(true);
      expect(verifyWebhookSignature(secret, `${item.body} `, item.signature, Math.floor(Date.now() / 1000))).toBe(false);
    }

    // In order per application: the attempts for one application never go back to an earlier event.
    for (const applicationId of [first, second]) {
      for (const path of ['/company', '/bureau']) {
        const attempted = received
          .filter((item) => item.path === path)
          .map((item) => JSON.parse(item.body) as Payload)
          .filter((payload) => payload.data.application?.id === applicationId)
          .map((payload) => sequence.get(payload.id)!);
        expect(attempted.length).toBeGreaterThan(0);
        expect(attempted).toEqual([...attempted].sort((a, b) => a - b));
      }
    }

    // Masking and consent: the consenting seeker's number in full to the company (a logged look), the other's masked;
    // the bureau gets no person.
    const lastPayload = (path: string, applicationId: number) => received.filter((item) => item.path === path && item.answered === 'ok').map((item) => JSON.parse(item.body) as Payload).find((payload) => payload.data.application?.id === applicationId)!;
    expect(lastPayload('/company', first).data.application!.seeker).toMatchObject({ phone: '13912345678', phoneMasked: '139****5678' });
    expect(lastPayload('/company', second).data.application!.seeker).toMatchObject({ phone: null, phoneMasked: expect.stringMatching(/^\d{3}\*{4}\d{4}$/) });
    expect(lastPayload('/bureau', first).data.application!.seeker).toBeNull();
    expect(JSON.stringify(received.filter((item) => item.path === '/bureau').map((item) => item.body))).not.toContain('13912345678');
    const looks = await db.query('select id from phone_unmask_log where application_id = $1', [first]);
    expect(looks.length).toBeGreaterThan(0);

    // The console's view: attempts, the last answer's status, excerpt and duration.
    const deliveries = (await request('employer', 'GET', `/api/webhooks/${ids.companyWebhook}/deliveries`)).json().deliveries as Array<{ id: number; type: string; status: string; attempts: number; lastStatusCode: number; lastResponseExcerpt: string; lastDurationMs: number }>;
    expect(deliveries).toHaveLength(events.length);
    expect(deliveries.every((delivery) => delivery.status === 'delivered' && delivery.lastStatusCode === 200 && delivery.lastResponseExcerpt === '{"received":true}' && delivery.lastDurationMs >= 0)).toBe(true);
    expect(Math.max(...deliveries.map((delivery) => delivery.attempts))).toBeGreaterThan(2);
  }, 180_000);

  it('redelivers by hand; another company or province neither sees nor redelivers (404), a seeker is refused (403)', async () => {
    const [latest] = (await request('employer', 'GET', `/api/webhooks/${ids.companyWebhook}/deliveries?limit=1`)).json().deliveries as Array<{ id: number; eventId: string }>;
    const before = received.filter((item) => (JSON.parse(item.body) as Payload).id === latest!.eventId).length;
    const paths = {
      deliveries: `/api/webhooks/${ids.companyWebhook}/deliveries`,
      redeliver: `/api/webhooks/${ids.companyWebhook}/deliveries/${latest!.id}/redeliver`,
      webhook: `/api/webhooks/${ids.companyWebhook}`,
      disabled: `/api/webhooks/${ids.companyWebhook}/disabled`,
    };
    for (const name of ['foreign', 'bureau', 'otherBureau']) {
      expect((await request(name, 'GET', paths.deliveries)).statusCode).toBe(404);
      expect((await request(name, 'POST', paths.redeliver)).statusCode).toBe(404);
      expect((await request(name, 'PUT', paths.disabled, { isDisabled: true })).statusCode).toBe(404);
      expect((await request(name, 'DELETE', paths.webhook)).statusCode).toBe(404);
    }
    expect((await request('foreign', 'GET', '/api/webhooks')).json().webhooks).toEqual([]);
    expect((await request('otherBureau', 'GET', '/api/webhooks')).json().webhooks).toEqual([]);
    expect((await request('seeker', 'GET', '/api/webhooks')).statusCode).toBe(403);
    // Webhooks are managed signed in: an API token (even a write one) cannot list, make or redeliver.
    const { secret: token } = (await request('employer', 'POST', '/api/api-tokens', { name: 'ATS', access: 'write' })).json() as { secret: string };
    const withToken = (method: 'GET' | 'POST', url: string, payload?: object) => running!.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
    expect((await withToken('GET', '/api/webhooks')).statusCode).toBe(403);
    expect((await withToken('POST', '/api/webhooks', { url: 'https://example.com/hook', events: ['session.live'] })).statusCode).toBe(403);
    expect((await withToken('POST', paths.redeliver)).statusCode).toBe(403);
    expect((await request('seeker', 'POST', paths.redeliver)).statusCode).toBe(403);
    expect((await request('employer', 'POST', `/api/webhooks/${ids.companyWebhook}/deliveries/999999/redeliver`)).statusCode).toBe(404);

    expect((await request('employer', 'POST', paths.redeliver)).statusCode).toBe(200);
    await until(() => received.filter((item) => (JSON.parse(item.body) as Payload).id === latest!.eventId).length > before, 'the redelivery');
    await until(async () => (await db.query("select id from webhook_deliveries where status <> 'delivered'")).length === 0, 'the redelivery recorded');

    // Disabled: nothing new is queued for it; deleted: gone with its deliveries.
    expect((await request('employer', 'PUT', paths.disabled, { isDisabled: true })).json().webhook.disabledAt).not.toBeNull();
    const countBefore = (await db.query('select id from webhook_deliveries')).length;
    const third = await buildSeeker(running!.context);
    const response = await running!.app.inject({ method: 'POST', url: '/api/applications', cookies: await sessionCookie(running!.context, third.id), payload: { jobId: ids.job } });
    expect(response.statusCode).toBeLessThan(300);
    expect((await db.query('select id from webhook_deliveries')).length).toBe(countBefore + 1); // the bureau's only
    expect((await request('employer', 'DELETE', paths.webhook)).statusCode).toBe(200);
    expect((await request('employer', 'GET', paths.deliveries)).statusCode).toBe(404);
  }, 60_000);

  it('two nodes share the deliveries, each sent once; a change that rolls back or is refused leaves no event', async () => {
    const { id: webhookId } = (await request('employer', 'POST', '/api/webhooks', { url: `${receiverUrl}/nodes`, events: ['application.submitted', 'application.status_changed'] })).json() as { id: string };
    const first = running!;
    const second = { context: await createContext(config, { db }) };
    const secondApp = await createApp(second.context);
    await secondApp.listen({ port: 0, host: '127.0.0.1' });
    try {
      const applied: number[] = [];
      for (let index = 0; index < 6; index += 1) {
        const node = index % 2 === 0 ? first : { context: second.context, app: secondApp };
        const seeker = await buildSeeker(node.context);
        const response = await node.app.inject({ method: 'POST', url: '/api/applications', cookies: await sessionCookie(node.context, seeker.id), payload: { jobId: ids.job } });
        applied.push((response.json() as { id: number }).id);
      }
      await until(async () => (await db.query("select d.id from webhook_deliveries d where d.webhook_id = $1 and d.status = 'delivered'", [webhookId])).length === applied.length, 'the six deliveries');
      const bodies = received.filter((item) => item.path === '/nodes').map((item) => JSON.parse(item.body) as Payload);
      expect(bodies.map((payload) => payload.data.application!.id).sort()).toEqual([...applied].sort());
      expect(new Set(bodies.map((payload) => payload.id)).size).toBe(applied.length);

      // Rolled back: the outbox write goes with the change. Refused by the state machine: nothing written.
      const eventsBefore = (await db.query('select id from webhook_events')).length;
      await expect(db.transaction(async (tx) => {
        await first.context.outbox.record(tx, { type: 'application.status_changed', applicationId: applied[0]!, facts: {} });
        throw new Error('the change failed');
      })).rejects.toThrow('the change failed');
      const refused = await request('employer', 'POST', `/api/employer/applications/${applied[0]}/transitions`, { action: 'onboard', startDate: '2026-12-31' });
      expect(refused.statusCode).toBe(409);
      expect((await db.query('select id from webhook_events')).length).toBe(eventsBefore);
      await first.context.outbox.record(db, { type: 'application.status_changed', applicationId: applied[0]!, facts: {} });
      expect((await db.query('select id from webhook_events')).length).toBe(eventsBefore + 1);

    } finally {
      await secondApp.close();
      await second.context.close();
    }

    // After 30 days, events with nothing left to send go with their deliveries; a pending one stays. (No worker
    // runs meanwhile: a delivery finishing between the two counts would make the comparison race.)
    await shutDown();
    const idle = await createContext(config, { db });
    try {
      const [{ id: anApplication }] = await db.query<{ id: number }>('select max(id)::int as id from applications');
      await idle.outbox.record(db, { type: 'application.status_changed', applicationId: anApplication!, facts: {} });
      await db.query("update webhook_events set created_at = created_at - interval '31 days'");
      const pending = (await db.query<{ count: number }>("select count(distinct event_id)::int as count from webhook_deliveries where status = 'pending'"))[0]!.count;
      expect(pending).toBeGreaterThan(0);
      await idle.webhooks.pruneFinished();
      expect((await db.query('select id from webhook_events')).length).toBe(pending);
    } finally {
      await idle.close();
    }
  }, 60_000);
});
