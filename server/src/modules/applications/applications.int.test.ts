import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.js';
import { buildLiveSession, buildSeeker, nextEvent, startLiveTestServer } from '../../test/live-helpers.js';

describe('one-tap apply', () => {
  let server: Awaited<ReturnType<typeof startLiveTestServer>>;

  beforeAll(async () => {
    // Counters tick every 10 s here: the lead feed and the ticker must not wait for them (APPLICATION_PUSH_MS, 200 ms).
    server = await startLiveTestServer({ env: { REALTIME_FLUSH_MS: '10000' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  const apply = (cookie: string, payload: Record<string, unknown>) => server.app.inject({ method: 'POST', url: '/api/applications', headers: { cookie }, payload });

  it('is one application under concurrent double taps, with or without an idempotency key', async () => {
    const { session, jobA, jobB } = await buildLiveSession(server.context);
    const seeker = await buildSeeker(server.context, '周九');
    const cookie = await server.signInCookie(seeker.email!);

    const taps = await Promise.all(Array.from({ length: 6 }, () => apply(cookie, { jobId: jobA.id, sessionId: session.id })));
    expect(taps.map((tap) => tap.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(taps.map((tap) => tap.json().id)).size).toBe(1);
    expect(taps[0].json()).toMatchObject({ jobId: jobA.id, sessionId: session.id, source: 'live', status: 'submitted' });

    const key = 'tap-7f1c2a9e-retry';
    const retries = await Promise.all(Array.from({ length: 4 }, () => apply(cookie, { jobId: jobB.id, sessionId: session.id, idempotencyKey: key })));
    expect(new Set(retries.map((retry) => retry.json().id)).size).toBe(1);
    expect(retries.filter((retry) => retry.json().created)).toHaveLength(1);
    const reused = await apply(cookie, { jobId: jobA.id, idempotencyKey: key });
    expect(reused.statusCode).toBe(409);

    const [row] = await server.context.db.query<{ count: number }>('select count(*)::int as count from applications where seeker_user_id = $1', [seeker.id]);
    expect(row.count).toBe(2);
  });

  it('saves the quick profile given with the first tap, and asks for it when missing', async () => {
    const { session, jobA } = await buildLiveSession(server.context);
    const seeker = await buildUser(server.context, { role: 'seeker' });
    const cookie = await server.signInCookie(seeker.email!);
    const missing = await apply(cookie, { jobId: jobA.id, sessionId: session.id });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields[0].path).toBe('body.profile');
    const applied = await apply(cookie, { jobId: jobA.id, sessionId: session.id, profile: { name: '吴十', phone: '13912345678', homeCityCode: '411600' } });
    expect(applied.statusCode).toBe(201);
    const [stored] = await server.context.db.query<{ seeker_city_code: string; category_code: string; company_id: string }>(
      'select seeker_city_code, category_code, company_id from applications where id = $1', [applied.json().id]);
    expect(stored).toMatchObject({ seeker_city_code: '411600', category_code: 'general_worker', company_id: jobA.companyId });
  });

  it('refuses non-seekers and jobs outside the session; records replays as such', async () => {
    const { host, session, jobA } = await buildLiveSession(server.context);
    const other = await buildLiveSession(server.context);
    const hostCookie = await server.signInCookie(host.email!);
    expect((await apply(hostCookie, { jobId: jobA.id, sessionId: session.id })).statusCode).toBe(403);
    const seeker = await buildSeeker(server.context);
    const cookie = await server.signInCookie(seeker.email!);
    const outside = await apply(cookie, { jobId: other.jobA.id, sessionId: session.id });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields[0].path).toBe('body.jobId');

    await server.context.live.handlePublishStarted(session.id);
    await server.app.inject({ method: 'POST', url: `/api/sessions/${session.id}/end`, headers: { cookie: hostCookie } });
    const fromReplay = await apply(cookie, { jobId: jobA.id, sessionId: session.id });
    expect(fromReplay.json()).toMatchObject({ source: 'replay', created: true });
  });

  it('pushes new applications to the host console (phone masked) and a masked ticker to viewers', async () => {
    const { host, session, jobA } = await buildLiveSession(server.context);
    const hostCookie = await server.signInCookie(host.email!);
    const hostSocket = await server.connect(hostCookie);
    await hostSocket.emitWithAck('session:join', { sessionId: session.id });
    const viewerSocket = await server.connect();
    await viewerSocket.emitWithAck('session:join', { sessionId: session.id });

    const seeker = await buildSeeker(server.context, '张小明', '13812345678');
    // Well before the counters' 10 s tick: pushed on its own 200 ms batch.
    const toHost = nextEvent(hostSocket, 'host:application', () => true, 3_000);
    const toViewers = nextEvent(viewerSocket, 'ticker:batch', () => true, 3_000);
    await apply(await server.signInCookie(seeker.email!), { jobId: jobA.id, sessionId: session.id });

    const pushed = await toHost;
    expect(pushed.application).toMatchObject({ jobId: jobA.id, seekerName: '张小明', maskedPhone: '138****5678', seekerCityName: '周口' });
    expect(pushed.jobCount).toBe(1);
    const ticker = await toViewers;
    expect(ticker.items[0]).toMatchObject({ maskedName: '张**', jobTitle: jobA.title });
    expect(JSON.stringify(ticker)).not.toContain('13812345678');

    const list = await server.app.inject({ method: 'GET', url: `/api/sessions/${session.id}/applications`, headers: { cookie: hostCookie } });
    expect(list.statusCode).toBe(200);
    expect(list.json().applications[0].maskedPhone).toBe('138****5678');
    expect(list.json().counts.find((count: { jobId: string }) => count.jobId === jobA.id).count).toBe(1);
    expect(list.body).not.toContain('13812345678');

    const stranger = await buildSeeker(server.context);
    const refused = await server.app.inject({ method: 'GET', url: `/api/sessions/${session.id}/applications`, headers: { cookie: await server.signInCookie(stranger.email!) } });
    expect(refused.statusCode).toBe(403);
  });
});

describe('a 报名 burst in the live room', () => {
  let server: Awaited<ReturnType<typeof startLiveTestServer>>;

  beforeAll(async () => {
    // The ticks never fire during the test: the test flushes, so the whole burst is one batch.
    server = await startLiveTestServer({ env: { REALTIME_FLUSH_MS: '10000', APPLICATION_PUSH_MS: '10000' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('pushes every application once with right counts, in two queries for the whole burst', async () => {
    const { host, session, jobA, jobB } = await buildLiveSession(server.context);
    const hostSocket = await server.connect(await server.signInCookie(host.email!));
    await hostSocket.emitWithAck('session:join', { sessionId: session.id });
    const viewerSocket = await server.connect();
    await viewerSocket.emitWithAck('session:join', { sessionId: session.id });
    const pushed: Array<{ application: { id: number; jobId: string }; jobCount: number }> = [];
    hostSocket.on('host:application', (payload) => pushed.push(payload));
    const tickers: number[] = [];
    viewerSocket.on('ticker:batch', (payload) => tickers.push(payload.items.length));

    const seekers = await Promise.all(Array.from({ length: 12 }, (_, index) => buildSeeker(server.context, `求职者${index}`)));
    const cookies = await Promise.all(seekers.map((seeker) => server.signInCookie(seeker.email!)));
    const db = server.context.db;
    const query = db.query.bind(db);
    const describeQueries: string[] = [];
    db.query = ((sql: string, params?: unknown[]) => {
      if (/any\(\$1::(bigint|uuid)\[\]\)/.test(sql)) describeQueries.push(sql);
      return query(sql, params);
    }) as typeof db.query;
    try {
      const receipts = await Promise.all(cookies.map((cookie, index) =>
        server.app.inject({ method: 'POST', url: '/api/applications', headers: { cookie }, payload: { jobId: index % 3 === 0 ? jobB.id : jobA.id, sessionId: session.id } })));
      expect(receipts.every((receipt) => receipt.statusCode === 201)).toBe(true);
      await server.runtime.liveRealtime.flush();
      await waitFor(() => pushed.length === 12 && tickers.length === 1);
    } finally {
      db.query = query;
    }

    expect(describeQueries).toHaveLength(2);
    expect(new Set(pushed.map((item) => item.application.id)).size).toBe(12);
    const countsOf = (jobId: string) => pushed.filter((item) => item.application.jobId === jobId).map((item) => item.jobCount);
    // In id order each job counts up by one, and the last push carries the stored total.
    expect(countsOf(jobB.id)).toEqual([1, 2, 3, 4]);
    expect(countsOf(jobA.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(tickers).toEqual([10]);
  }, 180_000);
});

async function waitFor(isDone: () => boolean, timeoutMs = 5000) {
  const started = Date.now();
  while (!isDone()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting for the pushes');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
