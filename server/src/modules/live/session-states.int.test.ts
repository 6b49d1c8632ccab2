import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLiveSession, buildSeeker, nextEvent, startLiveTestServer } from '../../test/live-helpers.js';

type Server = Awaited<ReturnType<typeof startLiveTestServer>>;

const MINUTE = 60_000;

describe('honest session states (late, missed, ended with the replay being prepared)', () => {
  let server: Server;
  // The state rules read this clock; each test moves it relative to the real time.
  let offsetMs = 0;

  beforeAll(async () => {
    server = await startLiveTestServer({
      env: { LIVE_LATE_AFTER_MINUTES: '30', LIVE_MISSED_AFTER_MINUTES: '120', LIVE_STATE_SWEEP_SECONDS: '0', REALTIME_FLUSH_MS: '10000' },
      clock: () => new Date(Date.now() + offsetMs),
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  const detailOf = async (sessionId: string, cookie?: string) =>
    (await server.app.inject({ method: 'GET', url: `/api/sessions/${sessionId}`, headers: cookie ? { cookie } : {} })).json();

  it('a scheduled session is late 30 minutes after its start, and missed (未开播, not held) after the configured time', async () => {
    offsetMs = 0;
    const startsAt = Date.now() + 10 * MINUTE;
    const { host, session } = await buildLiveSession(server.context, { startsAt: new Date(startsAt).toISOString() });
    const other = await server.context.live.scheduleSession(host, { title: '同一主播的下一场', startsAt: new Date(startsAt + 24 * 60 * MINUTE).toISOString(), jobIds: [], coverText: '' });
    const viewer = await server.connect();
    await viewer.emitWithAck('session:join', { sessionId: session.id });

    offsetMs = startsAt - Date.now() + 29 * MINUTE;
    expect((await detailOf(session.id)).isLate).toBe(false);
    offsetMs = startsAt - Date.now() + 31 * MINUTE;
    const late = await detailOf(session.id);
    expect(late).toMatchObject({ status: 'scheduled', isLate: true });
    // The room shows the host's other sessions beside 主播暂未开播.
    const hostSessions = (await server.app.inject({ method: 'GET', url: `/api/hosts/${host.id}/sessions` })).json().sessions;
    expect(hostSessions.map((item: { id: string }) => item.id)).toEqual(expect.arrayContaining([session.id, other.id]));

    offsetMs = startsAt - Date.now() + 119 * MINUTE;
    expect(await server.context.live.markMissedSessions()).not.toContain(session.id);
    offsetMs = startsAt - Date.now() + 121 * MINUTE;
    const marked = nextEvent(viewer, 'session:status', (payload) => payload.sessionId === session.id);
    expect(await server.context.live.markMissedSessions()).toContain(session.id);
    expect((await marked).status).toBe('missed');

    const missed = await detailOf(session.id);
    expect(missed).toMatchObject({ status: 'missed', isLate: false, replayState: 'none' });
    expect(missed.playback.flvUrl).toBeNull();
    // Not counted as held, not upcoming, not publishable, not bookable.
    const counts = (await server.app.inject({ method: 'GET', url: `/api/hosts/${host.id}` })).json().sessionCounts;
    expect(counts).toEqual({ live: 0, scheduled: 1, ended: 0 });
    const upcoming = (await server.app.inject({ method: 'GET', url: '/api/sessions' })).json().sessions.map((item: { id: string }) => item.id);
    expect(upcoming).not.toContain(session.id);
    const missedList = (await server.app.inject({ method: 'GET', url: '/api/sessions?status=missed' })).json().sessions.map((item: { id: string }) => item.id);
    expect(missedList).toContain(session.id);
    expect(await server.context.live.listPublishableStreamKeys(session.id)).toEqual([]);
    const seeker = await buildSeeker(server.context);
    const booking = await server.app.inject({ method: 'PUT', url: `/api/sessions/${session.id}/booking`, headers: { cookie: await server.signInCookie(seeker.email!) } });
    expect(booking.statusCode).toBe(409);
    // The next session of the same host is untouched.
    expect((await detailOf(other.id)).status).toBe('scheduled');
  });

  it('a session that went live is never marked missed', async () => {
    offsetMs = 0;
    const { session } = await buildLiveSession(server.context, { startsAt: new Date(Date.now() + MINUTE).toISOString() });
    await server.context.live.handlePublishStarted(session.id);
    offsetMs = 10 * 60 * MINUTE;
    expect(await server.context.live.markMissedSessions()).not.toContain(session.id);
    expect(await detailOf(session.id)).toMatchObject({ status: 'live', isLate: false });
    offsetMs = 0;
  });

  it('on the end the pinned card is cleared, the replay is "being prepared" until the recording is stored, then ready', async () => {
    offsetMs = 0;
    const { host, session, jobA } = await buildLiveSession(server.context, { startsAt: new Date(Date.now() + MINUTE).toISOString() });
    const hostCookie = await server.signInCookie(host.email!);
    const hostSocket = await server.connect(hostCookie);
    await hostSocket.emitWithAck('session:join', { sessionId: session.id });
    const viewer = await server.connect();
    await viewer.emitWithAck('session:join', { sessionId: session.id });

    await server.context.live.handlePublishStarted(session.id);
    expect(await hostSocket.emitWithAck('host:pin', { sessionId: session.id, jobId: jobA.id })).toMatchObject({ ok: true });
    expect((await detailOf(session.id)).pinnedJobId).toBe(jobA.id);

    const unpinned = nextEvent(viewer, 'job:pinned', (payload) => payload.sessionId === session.id && payload.jobId === null);
    const ended = nextEvent(viewer, 'session:status', (payload) => payload.sessionId === session.id && payload.status === 'ended');
    const response = await server.app.inject({ method: 'POST', url: `/api/sessions/${session.id}/end`, headers: { cookie: hostCookie } });
    expect(response.statusCode).toBe(200);
    await Promise.all([unpinned, ended]);
    const preparing = await detailOf(session.id);
    expect(preparing).toMatchObject({ status: 'ended', pinnedJobId: null, replayState: 'pending' });
    expect(preparing.playback.replay).toEqual([]);

    // The media server stores the recording: viewers are told, and the detail lists it.
    const announced = nextEvent(viewer, 'session:replay', (payload) => payload.sessionId === session.id);
    const startedAt = new Date(Date.now() - 60_000);
    await server.context.live.recordRecording({ sessionId: session.id, fileName: `${startedAt.getTime()}.mp4`, format: 'mp4', bytes: 1234, startedAt, endedAt: new Date() });
    await announced;
    const ready = await detailOf(session.id);
    expect(ready.replayState).toBe('ready');
    expect(ready.playback.replay).toHaveLength(1);
  });

  it('an ended session without a recording is "no replay" once the preparation time has passed, and at once when it never went live', async () => {
    offsetMs = 0;
    const wentLive = await buildLiveSession(server.context, { startsAt: new Date(Date.now() + MINUTE).toISOString() });
    await server.context.live.handlePublishStarted(wentLive.session.id);
    await server.context.live.endSession(wentLive.host, wentLive.session.id);
    expect((await detailOf(wentLive.session.id)).replayState).toBe('pending');
    offsetMs = 16 * MINUTE;
    expect((await detailOf(wentLive.session.id)).replayState).toBe('none');

    offsetMs = 0;
    const neverLive = await buildLiveSession(server.context, { startsAt: new Date(Date.now() + MINUTE).toISOString() });
    await server.context.live.endSession(neverLive.host, neverLive.session.id);
    expect((await detailOf(neverLive.session.id)).replayState).toBe('none');
  });
});
