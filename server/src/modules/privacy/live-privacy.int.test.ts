// The live rooms' personal data in the seeker's download and in account deletion, over real sockets:
// a seeker who booked, chatted, watched, opened job cards, was muted, applied and reported the session
// gets all of it in the download; after deletion nothing identifies them, the session's funnel, the
// outcome figures and the resume-flow analytics are the same numbers, and another seeker's data is untouched.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories.js';
import { buildLiveSession, buildSeeker, nextEvent, startLiveTestServer, type LiveClient } from '../../test/live-helpers.js';
import { chinaDate } from '../pipeline/pipeline-state.js';

type Server = Awaited<ReturnType<typeof startLiveTestServer>>;
type Setup = Awaited<ReturnType<typeof buildLiveSession>>;

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const ALICE = { name: '李秀英', phone: '13700001111', chat: '请问宿舍是几人间？', report: '主播让先交300元体检费，我的电话13700001111' };
const BOB = { name: '王建军', phone: '13700002222', chat: '几点下班' };

describe('live rooms: personal data download and account deletion', () => {
  let server: Server;
  let setup: Setup;
  let alice: Awaited<ReturnType<typeof buildSeeker>>;
  let bob: Awaited<ReturnType<typeof buildSeeker>>;
  const cookies: Record<string, string> = {};
  const sockets: Record<string, LiveClient> = {};
  let aliceApplication: number;
  let aliceMessageId: string;
  const before: Record<string, unknown> = {};

  const get = async (url: string, cookie?: string) => {
    const response = await server.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json();
  };
  const post = async (url: string, cookie: string, payload: unknown) => {
    const response = await server.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as never });
    expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(300);
    return response.json();
  };
  const sessionFigures = async () => {
    const today = chinaDate(new Date());
    const window = `from=${today}&to=${today}`;
    return {
      hostFunnel: await get(`/api/pipeline/sessions/${setup.session.id}/funnel`, cookies.host),
      employerFunnel: await get(`/api/pipeline/sessions/${setup.session.id}/funnel`, cookies.employer),
      outcomesBySession: await get(`/api/pipeline/outcomes?groupBy=session&${window}`, cookies.admin),
      outcomesByHost: await get(`/api/pipeline/outcomes?groupBy=host&${window}`, cookies.admin),
      analytics: await get(`/api/analytics?${window}&national=true`, cookies.admin),
      companyTrust: await get(`/api/companies/${setup.company.id}/trust-signals`),
      hostTrust: await get(`/api/hosts/${setup.host.id}/trust-signals`),
      peak: await server.context.db.query('select like_count, peak_viewers from live_sessions where id = $1', [setup.session.id]),
    };
  };
  const downloadWithoutTimestamp = async (cookie: string) => {
    const data = await get('/api/me/personal-data', cookie);
    delete data.exportedAt;
    return data;
  };

  beforeAll(async () => {
    // Batches are flushed by the test itself (flush()), so what is asserted does not depend on timing.
    server = await startLiveTestServer({ env: { REALTIME_FLUSH_MS: '10000', CHAT_FLUSH_MS: '5000' } });
    const { context } = server;
    setup = await buildLiveSession(context);
    alice = await buildSeeker(context, ALICE.name, ALICE.phone);
    bob = await buildSeeker(context, BOB.name, BOB.phone);
    const admin = await buildUser(context, { role: 'admin' });
    for (const [name, user] of Object.entries({ alice, bob, admin, host: setup.host, employer: setup.employer })) {
      cookies[name] = await server.signInCookie(user.email!);
    }
    const { session, jobA, jobB } = setup;

    // Both book; the session goes live (the booked are notified).
    for (const name of ['alice', 'bob']) {
      expect((await server.app.inject({ method: 'PUT', url: `/api/sessions/${session.id}/booking`, headers: { cookie: cookies[name] } })).statusCode).toBe(200);
    }
    await context.live.handlePublishStarted(session.id);

    // In the room: everyone joins, both seekers chat, cards are opened (a guest's too), the host mutes Alice.
    sockets.host = await server.connect(cookies.host);
    sockets.alice = await server.connect(cookies.alice);
    sockets.bob = await server.connect(cookies.bob);
    sockets.guest = await server.connect();
    for (const socket of Object.values(sockets)) expect((await socket.emitWithAck('session:join', { sessionId: session.id })).ok).toBe(true);
    const sent = await sockets.alice.emitWithAck('chat:send', { sessionId: session.id, text: ALICE.chat });
    expect(sent.ok).toBe(true);
    aliceMessageId = sent.ok ? sent.data.message.id : '';
    expect((await sockets.bob.emitWithAck('chat:send', { sessionId: session.id, text: BOB.chat })).ok).toBe(true);
    sockets.alice.emit('job:open', { sessionId: session.id, jobId: jobA.id });
    sockets.alice.emit('job:open', { sessionId: session.id, jobId: jobB.id });
    sockets.bob.emit('job:open', { sessionId: session.id, jobId: jobA.id });
    sockets.guest.emit('job:open', { sessionId: session.id, jobId: jobA.id });
    expect((await sockets.host.emitWithAck('host:mute', { sessionId: session.id, userId: alice.id, minutes: 30, reason: '重复刷屏' })).ok).toBe(true);
    await server.runtime.liveRealtime.flush();
    await waitFor(async () => {
      const [row] = await context.db.query<{ chat: number; viewers: number; opens: number }>(
        `select (select count(*) from live_chat_messages where session_id = $1)::int as chat,
                (select count(*) from live_session_viewers where session_id = $1)::int as viewers,
                (select count(*) from live_job_card_opens where session_id = $1)::int as opens`,
        [session.id],
      );
      return row.chat === 2 && row.viewers === 4 && row.opens === 4;
    }, 'chat, viewers and card opens to be stored');

    // Both apply in one tap; the employer takes Alice to an interview and hires and onboards Bob.
    aliceApplication = (await post('/api/applications', cookies.alice, { jobId: jobA.id, sessionId: session.id, idempotencyKey: randomUUID() })).id;
    const bobApplication = (await post('/api/applications', cookies.bob, { jobId: jobA.id, sessionId: session.id, idempotencyKey: randomUUID() })).id;
    const transition = (id: number, change: object) => post(`/api/employer/applications/${id}/transitions`, cookies.employer, change);
    await transition(aliceApplication, { action: 'contact' });
    await transition(aliceApplication, { action: 'schedule_interview', interviewAt: new Date(Date.now() + 86_400_000).toISOString(), place: '苏州工业园区星湖街1号' });
    await transition(bobApplication, { action: 'contact' });
    await transition(bobApplication, { action: 'hire' });
    await transition(bobApplication, { action: 'onboard', startDate: chinaDate(new Date()) });

    // Alice reports the session; her words name her phone number.
    await post('/api/reports', cookies.alice, { targetKind: 'session', targetId: session.id, reason: 'fee_request', details: ALICE.report });

    before.figures = await sessionFigures();
    before.bob = await downloadWithoutTimestamp(cookies.bob);
  }, 120_000);

  afterAll(async () => server?.close());

  it('downloads what the live rooms hold about the seeker', async () => {
    const data = await get('/api/me/personal-data', cookies.alice);
    const { session, jobA, jobB } = setup;
    expect(data.live.bookings).toMatchObject([{ sessionId: session.id, sessionTitle: session.title }]);
    expect(data.live.bookings[0].notifiedAt).not.toBeNull();
    expect(data.live.chatMessages).toEqual([
      { sessionId: session.id, sessionTitle: session.title, displayName: ALICE.name, text: ALICE.chat, sentAt: expect.any(String), deletedByHostAt: null },
    ]);
    expect(data.live.sessionsWatched).toMatchObject([{ sessionId: session.id, sessionTitle: session.title }]);
    expect(data.live.jobCardOpens.map((open: { jobId: string }) => open.jobId).sort()).toEqual([jobA.id, jobB.id].sort());
    expect(data.live.jobCardOpens[0].jobTitle).toMatch(/电子厂普工|仓库分拣员/);
    expect(data.live.restrictions).toMatchObject([{ sessionId: session.id, kind: 'mute', reason: '重复刷屏' }]);
    expect(data.applyRequests).toMatchObject([{ applicationId: aliceApplication, jobId: jobA.id }]);
    expect(data.applications).toMatchObject([{ id: aliceApplication, source: 'live', session: { id: session.id }, status: 'interview' }]);
    expect(data.reports).toMatchObject([{ targetKind: 'session', sessionId: session.id, reason: 'fee_request', details: ALICE.report }]);
    // Only her own: Bob's message and card open are not in it.
    expect(JSON.stringify(data)).not.toContain(BOB.chat);
  });

  it('deletes the account: nothing in the live rooms identifies her, figures unchanged, Bob untouched', async () => {
    const { context } = server;
    const { session } = setup;
    const disconnected = new Promise<void>((resolve) => sockets.alice.once('disconnect', () => resolve()));
    const removedFromView = nextEvent(sockets.bob, 'chat:deleted', (payload) => payload.messageIds.includes(aliceMessageId));
    await post('/api/me/delete-account', cookies.alice, { password: 'test-password-1', confirm: 'DELETE' });
    // Her open socket is closed (it kept the identity of its handshake) and viewers stop showing her message.
    await disconnected;
    await removedFromView;

    // Nothing in the live tables, the reports or the apply keys names her, her phone, or what she wrote.
    const dump = JSON.stringify(await context.db.query(
      `select json_build_object(
         'chat', (select coalesce(json_agg(m), '[]') from live_chat_messages m),
         'bookings', (select coalesce(json_agg(b), '[]') from live_session_bookings b),
         'restrictions', (select coalesce(json_agg(r), '[]') from live_session_restrictions r),
         'viewers', (select coalesce(json_agg(v), '[]') from live_session_viewers v),
         'opens', (select coalesce(json_agg(o), '[]') from live_job_card_opens o),
         'requests', (select coalesce(json_agg(q), '[]') from application_requests q),
         'reports', (select coalesce(json_agg(p), '[]') from reports p)) as everything`,
    ));
    for (const trace of [alice.id, ALICE.name, ALICE.phone, ALICE.chat, ALICE.report]) expect(dump).not.toContain(trace);
    const [report] = await context.db.query<{ reporter_user_id: string | null; details: string; reason: string; status: string }>('select reporter_user_id, details, reason, status from reports');
    expect(report).toEqual({ reporter_user_id: null, details: '', reason: 'fee_request', status: 'open' });

    // Her viewer row and her two card opens share one pseudonym, different from everyone else's keys.
    const viewers = await context.db.query<{ viewer_key: string; user_id: string | null }>('select viewer_key, user_id from live_session_viewers where session_id = $1', [session.id]);
    const erased = viewers.filter((viewer) => viewer.viewer_key.startsWith('erased-'));
    expect(erased).toEqual([{ viewer_key: expect.stringMatching(/^erased-[0-9a-f]{32}$/), user_id: null }]);
    const opens = await context.db.query<{ viewer_key: string }>(`select viewer_key from live_job_card_opens where viewer_key like 'erased-%'`);
    expect(opens.map((open) => open.viewer_key)).toEqual([erased[0].viewer_key, erased[0].viewer_key]);

    // The figures are the same numbers: funnel (host's and employer's view), outcomes, analytics, trust, counters.
    expect(await sessionFigures()).toEqual(before.figures);
    expect((before.figures as { hostFunnel: { funnel: object } }).hostFunnel.funnel).toMatchObject({ viewers: 4, jobCardOpens: 4, applications: 2, interviews: 1, hires: 1, onboarded: 1 });

    // Bob's data is exactly what it was, and a new viewer sees only his message.
    expect(await downloadWithoutTimestamp(cookies.bob)).toEqual(before.bob);
    const newcomer = await server.connect();
    const joined = await newcomer.emitWithAck('session:join', { sessionId: session.id });
    expect(joined.ok && joined.data.recentMessages.map((message) => message.text)).toEqual([BOB.chat]);
    // Bob's own rows are untouched: his booking, message, viewer row (his id as key) and card open.
    const [bobRows] = await context.db.query<Record<string, number>>(
      `select (select count(*) from live_session_bookings where user_id = $1)::int as bookings,
              (select count(*) from live_chat_messages where user_id = $1)::int as chat,
              (select count(*) from live_session_viewers where user_id = $1 and viewer_key = $1::text)::int as viewers,
              (select count(*) from live_job_card_opens where viewer_key = $1::text)::int as opens`,
      [bob.id],
    );
    expect(bobRows).toEqual({ bookings: 1, chat: 1, viewers: 1, opens: 1 });
  });

  it('stores nothing more under the deleted account from batches still in flight', async () => {
    const { context } = server;
    const { session, jobA } = setup;
    await context.live.recordViewers(session.id, [{ viewerKey: alice.id, userId: alice.id }]);
    await context.live.recordJobCardOpen(session.id, jobA.id, alice.id, alice.id);
    await context.live.persistChatMessages([{ id: randomUUID(), sessionId: session.id, userId: alice.id, displayName: ALICE.name, text: '还在吗', isHost: false, createdAt: new Date().toISOString() }]);
    const [row] = await context.db.query<{ traces: number }>(
      `select ((select count(*) from live_session_viewers where user_id = $1 or viewer_key = $1::text)
             + (select count(*) from live_job_card_opens where viewer_key = $1::text)
             + (select count(*) from live_chat_messages where user_id = $1))::int as traces`,
      [alice.id],
    );
    expect(row.traces).toBe(0);
  });
});
