import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompany, buildUser } from '../../test/factories.js';
import { buildLiveSession, buildSeeker, nextEvent, startLiveTestServer } from '../../test/live-helpers.js';

type Server = Awaited<ReturnType<typeof startLiveTestServer>>;

describe('live sessions over HTTP and Socket.IO', () => {
  let server: Server;

  beforeAll(async () => {
    // A small chat limit so the rate-limit test stays short; batching on (200 ms) as in production.
    // Counters are flushed by the test itself (flush()), so what is asserted does not depend on timing.
    server = await startLiveTestServer({ env: { CHAT_RATE_LIMIT_COUNT: '3', CHAT_RATE_LIMIT_WINDOW_SECONDS: '60', REALTIME_FLUSH_MS: '10000' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('schedules a session, lists it with a countdown, and shows its status and jobs', async () => {
    const { host, session, jobA } = await buildLiveSession(server.context);
    const list = await server.app.inject({ method: 'GET', url: '/api/sessions' });
    expect(list.statusCode).toBe(200);
    const listed = list.json().sessions.find((item: { id: string }) => item.id === session.id);
    expect(listed.status).toBe('scheduled');
    expect(listed.secondsUntilStart).toBeGreaterThan(3000);
    expect(listed.employerNames).toHaveLength(1);

    const detail = await server.app.inject({ method: 'GET', url: `/api/sessions/${session.id}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ id: session.id, status: 'scheduled', hostName: host.displayName, canManage: false });
    expect(detail.json().jobs.map((job: { jobId: string }) => job.jobId)).toContain(jobA.id);
    expect(JSON.stringify(detail.json())).not.toMatch(/key=/);
  });

  it('shows the stream key to the host only, as rtmpUrl + "/" + streamKey, and rotates it', async () => {
    const { host, session } = await buildLiveSession(server.context);
    const hostCookie = await server.signInCookie(host.email!);
    const key = await server.app.inject({ method: 'GET', url: `/api/sessions/${session.id}/stream-key`, headers: { cookie: hostCookie } });
    expect(key.statusCode).toBe(200);
    const { rtmpUrl, streamKey, publishUrl } = key.json();
    expect(rtmpUrl).toMatch(/^rtmp:\/\/127\.0\.0\.1(:\d+)?\/live$/);
    expect(streamKey).toMatch(new RegExp(`^${session.id}\\?key=[A-Za-z0-9_-]{24,}$`));
    expect(publishUrl).toBe(`${rtmpUrl}/${streamKey}`);

    const seeker = await buildSeeker(server.context);
    const seekerCookie = await server.signInCookie(seeker.email!);
    const refused = await server.app.inject({ method: 'GET', url: `/api/sessions/${session.id}/stream-key`, headers: { cookie: seekerCookie } });
    expect(refused.statusCode).toBe(403);

    const rotated = await server.app.inject({ method: 'POST', url: `/api/sessions/${session.id}/stream-key/rotate`, headers: { cookie: hostCookie } });
    expect(rotated.json().streamKey).not.toBe(streamKey);
    const oldSecret = streamKey.split('key=')[1];
    expect(await server.context.live.authorizePublish(session.id, oldSecret)).toBe(false);
    expect(await server.context.live.authorizePublish(session.id, rotated.json().streamKey.split('key=')[1])).toBe(true);
  });

  it('issues a key on first use for a session made outside scheduling (demo data, imports)', async () => {
    const host = await buildUser(server.context, { role: 'host' });
    const [row] = await server.context.db.query<{ id: string }>(
      `insert into live_sessions (title, host_user_id, starts_at) values ('导入的直播', $1, now()) returning id`, [host.id]);
    const response = await server.app.inject({ method: 'GET', url: `/api/sessions/${row.id}/stream-key`, headers: { cookie: await server.signInCookie(host.email!) } });
    expect(response.statusCode).toBe(200);
    expect(await server.context.live.authorizePublish(row.id, response.json().streamKey.split('key=')[1])).toBe(true);
  });

  it('refuses scheduling by seekers and a direct employer presenting another company\'s job', async () => {
    const { jobA } = await buildLiveSession(server.context);
    const seeker = await buildSeeker(server.context);
    const seekerCookie = await server.signInCookie(seeker.email!);
    const body = { title: '测试直播', startsAt: new Date(Date.now() + 3600_000).toISOString(), jobIds: [jobA.id] };
    expect((await server.app.inject({ method: 'POST', url: '/api/sessions', payload: body, headers: { cookie: seekerCookie } })).statusCode).toBe(403);

    // A direct employer presents its own jobs only.
    const { employer: otherEmployer } = await buildCompany(server.context);
    const otherCookie = await server.signInCookie(otherEmployer.email!);
    const response = await server.app.inject({ method: 'POST', url: '/api/sessions', payload: body, headers: { cookie: otherCookie } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].path).toBe('body.jobIds.0');

    // A host may present several employers' jobs; a bad start time names the field.
    const host = await buildUser(server.context, { role: 'host' });
    const hostCookie = await server.signInCookie(host.email!);
    const bad = await server.app.inject({ method: 'POST', url: '/api/sessions', payload: { ...body, startsAt: 'tomorrow' }, headers: { cookie: hostCookie } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('startsAt');
    const created = await server.app.inject({ method: 'POST', url: '/api/sessions', payload: body, headers: { cookie: hostCookie } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'scheduled', canManage: true, jobCount: 1 });
  });

  it('lets an employer name a host found by name (the schedule form\'s picker); the host runs the console', async () => {
    const { jobA, employer } = await buildLiveSession(server.context);
    const host = await buildUser(server.context, { role: 'host', displayName: `直播主持阿花${Date.now() % 10000}` });
    const employerCookie = await server.signInCookie(employer.email!);
    const found = await server.app.inject({ method: 'GET', url: `/api/live/hosts?q=${encodeURIComponent(host.displayName.slice(-8))}`, headers: { cookie: employerCookie } });
    expect(found.statusCode).toBe(200);
    expect(found.json().hosts).toEqual([{ id: host.id, displayName: host.displayName }]);
    // Hosts schedule for themselves; seekers may not list hosts.
    expect((await server.app.inject({ method: 'GET', url: '/api/live/hosts', headers: { cookie: await server.signInCookie(host.email!) } })).statusCode).toBe(403);
    expect((await server.app.inject({ method: 'GET', url: '/api/live/hosts', headers: { cookie: await server.signInCookie((await buildSeeker(server.context)).email!) } })).statusCode).toBe(403);

    const created = await server.app.inject({
      method: 'POST', url: '/api/sessions', headers: { cookie: employerCookie },
      payload: { title: '代招专场', startsAt: new Date(Date.now() + 3600_000).toISOString(), jobIds: [jobA.id], hostUserId: host.id },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ hostUserId: host.id, hostName: host.displayName, canManage: true });
    const hostView = await server.app.inject({ method: 'GET', url: `/api/sessions/${created.json().id}`, headers: { cookie: await server.signInCookie(host.email!) } });
    expect(hostView.json().canManage).toBe(true);
  });

  it('books a session; going live notifies the booked seeker in real time and durably', async () => {
    const { session } = await buildLiveSession(server.context);
    const seeker = await buildSeeker(server.context, '李四');
    const cookie = await server.signInCookie(seeker.email!);
    const booked = await server.app.inject({ method: 'PUT', url: `/api/sessions/${session.id}/booking`, headers: { cookie } });
    expect(booked.statusCode).toBe(200);
    const detail = await server.app.inject({ method: 'GET', url: `/api/sessions/${session.id}`, headers: { cookie } });
    expect(detail.json()).toMatchObject({ isBooked: true, bookingCount: 1 });

    const socket = await server.connect(cookie);
    const pushed = nextEvent(socket, 'notification', (item) => item.kind === 'live_session_started');
    await server.context.live.handlePublishStarted(session.id);
    const notification = await pushed;
    expect(notification.link).toBe(`/live/${session.id}`);
    // Chinese title, and its English for an English-speaking reader's toast.
    expect(notification.title).toBe(`你预约的直播开始了：${session.title}`);
    expect(notification.titleEn).toBe(`Live now: ${session.title}`);
    const stored = await server.app.inject({ method: 'GET', url: '/api/notifications', headers: { cookie } });
    expect(stored.json().notifications.filter((item: { kind: string }) => item.kind === 'live_session_started')).toHaveLength(1);

    // A second publish start (encoder reconnect) does not notify again.
    await server.context.live.handlePublishStarted(session.id);
    const again = await server.app.inject({ method: 'GET', url: '/api/notifications', headers: { cookie } });
    expect(again.json().notifications.filter((item: { kind: string }) => item.kind === 'live_session_started')).toHaveLength(1);
  });

  it('delivers chat to a second client as plain text, filters words, and lets guests watch but not chat', async () => {
    const { session } = await buildLiveSession(server.context);
    const alice = await buildSeeker(server.context, '王五');
    const bob = await buildSeeker(server.context, '赵六');
    const aliceSocket = await server.connect(await server.signInCookie(alice.email!));
    const bobSocket = await server.connect(await server.signInCookie(bob.email!));
    const guestSocket = await server.connect();

    const aliceJoin = await aliceSocket.emitWithAck('session:join', { sessionId: session.id });
    expect(aliceJoin).toMatchObject({ ok: true, data: { canChat: true, canManage: false, status: 'scheduled' } });
    await bobSocket.emitWithAck('session:join', { sessionId: session.id });
    const guestJoin = await guestSocket.emitWithAck('session:join', { sessionId: session.id });
    expect(guestJoin).toMatchObject({ ok: true, data: { canChat: false } });

    const received = nextEvent(bobSocket, 'chat:batch', (batch) => batch.messages.some((message) => message.userId === alice.id));
    const sent = await aliceSocket.emitWithAck('chat:send', { sessionId: session.id, text: '<img src=x onerror=alert(1)> 包住吗？' });
    expect(sent.ok).toBe(true);
    const batch = await received;
    const message = batch.messages.find((item) => item.userId === alice.id)!;
    // Stored and sent as the text typed: the client renders it as text, the server never produces HTML.
    expect(message.text).toBe('<img src=x onerror=alert(1)> 包住吗？');
    expect(message.displayName).toBe('王五');

    // A seeker asking about a deposit is never blocked (押金 is in the word table): the platform's tip comes back.
    const feeQuestion = await aliceSocket.emitWithAck('chat:send', { sessionId: session.id, text: '入职要交押 金吗' });
    expect(feeQuestion).toMatchObject({ ok: true, data: { message: { text: '入职要交押 金吗' }, tip: { zh: expect.stringContaining('正规招聘不收取任何费用') } } });
    const masked = await aliceSocket.emitWithAck('chat:send', { sessionId: session.id, text: '主播加微信聊' });
    expect(masked.ok && masked.data.message.text).toBe('主播***聊');

    const guestChat = await guestSocket.emitWithAck('chat:send', { sessionId: session.id, text: '你好' });
    expect(guestChat).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    const invalid = await aliceSocket.emitWithAck('chat:send', { sessionId: 'not-a-uuid', text: 'x' } as never);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    const notJoined = await (await server.connect(await server.signInCookie((await buildSeeker(server.context)).email!)))
      .emitWithAck('chat:send', { sessionId: session.id, text: '你好' });
    expect(notJoined).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // Stored for moderation and replay.
    await server.runtime.liveRealtime.flush();
    const rows = await server.context.db.query<{ text: string }>('select text from live_chat_messages where session_id = $1 order by created_at', [session.id]);
    expect(rows.map((row) => row.text)).toEqual(['<img src=x onerror=alert(1)> 包住吗？', '入职要交押 金吗', '主播***聊']);
  });

  it('lets an admin grow and shrink the word filter table, applied at once to chat', async () => {
    const { session } = await buildLiveSession(server.context);
    const admin = await buildUser(server.context, { role: 'admin' });
    const adminCookie = await server.signInCookie(admin.email!);
    const seeker = await buildSeeker(server.context);
    const seekerCookie = await server.signInCookie(seeker.email!);
    const socket = await server.connect(seekerCookie);
    await socket.emitWithAck('session:join', { sessionId: session.id });
    // (Not a fee word: a seeker's question about fees passes whatever the table says.)
    const word = `夜班补贴词${Date.now() % 1000}`;
    expect((await socket.emitWithAck('chat:send', { sessionId: session.id, text: `有${word}吗` })).ok).toBe(true);

    // Seekers may not touch it; a bad body names the field.
    expect((await server.app.inject({ method: 'POST', url: '/api/live/word-filters', payload: { word, action: 'block' }, headers: { cookie: seekerCookie } })).statusCode).toBe(403);
    const bad = await server.app.inject({ method: 'POST', url: '/api/live/word-filters', payload: { word: ' ', action: 'block' }, headers: { cookie: adminCookie } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('body.word');

    const added = await server.app.inject({ method: 'POST', url: '/api/live/word-filters', payload: { word, action: 'block' }, headers: { cookie: adminCookie } });
    expect(added.statusCode).toBe(201);
    const { id } = added.json();
    const listed = await server.app.inject({ method: 'GET', url: '/api/live/word-filters', headers: { cookie: adminCookie } });
    expect(listed.json().words).toContainEqual(expect.objectContaining({ id, word, action: 'block' }));
    // Seeded words are there too.
    expect(listed.json().words.map((item: { word: string }) => item.word)).toContain('押金');
    expect(await socket.emitWithAck('chat:send', { sessionId: session.id, text: `有${word}吗` })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });

    // The same word again changes its action (the same entry).
    const again = await server.app.inject({ method: 'POST', url: '/api/live/word-filters', payload: { word, action: 'mask' }, headers: { cookie: adminCookie } });
    expect(again.json()).toEqual({ id });
    const masked = await socket.emitWithAck('chat:send', { sessionId: session.id, text: `有${word}吗` });
    expect(masked.ok && masked.data.message.text).toBe(`有${'*'.repeat(Math.min(Array.from(word).length, 6))}吗`);

    expect((await server.app.inject({ method: 'DELETE', url: `/api/live/word-filters/${id}`, headers: { cookie: adminCookie } })).statusCode).toBe(200);
    // (Another seeker: this file allows 3 messages a minute.)
    const other = await server.connect(await server.signInCookie((await buildSeeker(server.context)).email!));
    await other.emitWithAck('session:join', { sessionId: session.id });
    const plain = await other.emitWithAck('chat:send', { sessionId: session.id, text: `有${word}吗` });
    expect(plain.ok && plain.data.message.text).toBe(`有${word}吗`);
    expect((await server.app.inject({ method: 'DELETE', url: `/api/live/word-filters/${id}`, headers: { cookie: adminCookie } })).statusCode).toBe(404);
  });

  it('rate-limits chat per user', async () => {
    const { session } = await buildLiveSession(server.context);
    const seeker = await buildSeeker(server.context);
    const socket = await server.connect(await server.signInCookie(seeker.email!));
    await socket.emitWithAck('session:join', { sessionId: session.id });
    const results = [];
    for (let index = 0; index < 5; index += 1) results.push(await socket.emitWithAck('chat:send', { sessionId: session.id, text: `第${index}条` }));
    expect(results.map((result) => result.ok)).toEqual([true, true, true, false, false]);
    expect(results[3]).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    // The message says the limit and how long to wait, in both languages.
    const { message } = (results[3] as { error: { message: string } }).error;
    expect(message).toMatch(/^Too many messages: at most 3 every 60 s, try again in (59|60) s \/ 发言太快了：每60秒最多3条，请(59|60)秒后再发$/);
  });

  it('lets the host delete a message, mute and ban; others cannot moderate', async () => {
    const { host, session, jobA } = await buildLiveSession(server.context);
    const seeker = await buildSeeker(server.context, '钱七');
    const viewer = await buildSeeker(server.context, '孙八');
    const hostSocket = await server.connect(await server.signInCookie(host.email!));
    const seekerSocket = await server.connect(await server.signInCookie(seeker.email!));
    const viewerSocket = await server.connect(await server.signInCookie(viewer.email!));
    expect(await hostSocket.emitWithAck('session:join', { sessionId: session.id })).toMatchObject({ ok: true, data: { canManage: true } });
    await seekerSocket.emitWithAck('session:join', { sessionId: session.id });
    await viewerSocket.emitWithAck('session:join', { sessionId: session.id });

    const sent = await seekerSocket.emitWithAck('chat:send', { sessionId: session.id, text: '骗子公司' });
    if (!sent.ok) throw new Error('send failed');
    const deletedEvent = nextEvent(viewerSocket, 'chat:deleted');
    expect(await viewerSocket.emitWithAck('host:delete-message', { sessionId: session.id, messageId: sent.data.message.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await hostSocket.emitWithAck('host:delete-message', { sessionId: session.id, messageId: sent.data.message.id })).toEqual({ ok: true, data: null });
    expect((await deletedEvent).messageIds).toEqual([sent.data.message.id]);

    const pinned = nextEvent(viewerSocket, 'job:pinned');
    expect(await hostSocket.emitWithAck('host:pin', { sessionId: session.id, jobId: jobA.id })).toEqual({ ok: true, data: { pinnedJobId: jobA.id } });
    expect((await pinned).jobId).toBe(jobA.id);
    expect(await viewerSocket.emitWithAck('host:pin', { sessionId: session.id, jobId: null })).toMatchObject({ ok: false });

    const mutedNotice = nextEvent(seekerSocket, 'moderation:you');
    expect(await hostSocket.emitWithAck('host:mute', { sessionId: session.id, userId: seeker.id, minutes: 10 })).toEqual({ ok: true, data: null });
    expect((await mutedNotice).kind).toBe('muted');
    expect(await seekerSocket.emitWithAck('chat:send', { sessionId: session.id, text: '还能说话吗' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await hostSocket.emitWithAck('host:lift', { sessionId: session.id, userId: seeker.id, kind: 'mute' })).toEqual({ ok: true, data: null });
    expect((await seekerSocket.emitWithAck('chat:send', { sessionId: session.id, text: '谢谢主播' })).ok).toBe(true);

    expect(await hostSocket.emitWithAck('host:ban', { sessionId: session.id, userId: seeker.id })).toEqual({ ok: true, data: null });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await seekerSocket.emitWithAck('chat:send', { sessionId: session.id, text: '我回来了' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await seekerSocket.emitWithAck('session:join', { sessionId: session.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // A reloaded console (a new socket) still lists who is removed, so that it can be lifted; viewers get nothing.
    const reloaded = await server.connect(await server.signInCookie(host.email!));
    const consoleJoin = await reloaded.emitWithAck('session:join', { sessionId: session.id });
    expect(consoleJoin.ok && consoleJoin.data.restrictions).toEqual([{ userId: seeker.id, displayName: '钱七', kind: 'ban', until: null }]);
    const viewerJoin = await viewerSocket.emitWithAck('session:join', { sessionId: session.id });
    expect(viewerJoin.ok && viewerJoin.data.restrictions).toEqual([]);
    expect(await reloaded.emitWithAck('host:lift', { sessionId: session.id, userId: seeker.id, kind: 'ban' })).toEqual({ ok: true, data: null });
    expect(await seekerSocket.emitWithAck('session:join', { sessionId: session.id })).toMatchObject({ ok: true });
  });

  it('batches viewer and like counters into room:stats', async () => {
    const { session } = await buildLiveSession(server.context);
    const seeker = await buildSeeker(server.context);
    const socket = await server.connect(await server.signInCookie(seeker.email!));
    const guest = await server.connect();
    await socket.emitWithAck('session:join', { sessionId: session.id });
    await guest.emitWithAck('session:join', { sessionId: session.id });
    const joined = nextEvent(socket, 'room:stats', (payload) => payload.sessionId === session.id);
    await server.runtime.liveRealtime.flush();
    expect(await joined).toMatchObject({ viewers: 2, likes: 0 });
    const stats: Array<{ viewers: number; likes: number }> = [];
    socket.on('room:stats', (payload) => stats.push(payload));
    for (let index = 0; index < 30; index += 1) guest.emit('like', { sessionId: session.id, count: 1 });
    // Events from one socket are handled in order: once this join is answered, the 30 likes were counted.
    await guest.emitWithAck('session:join', { sessionId: session.id });
    expect(stats).toEqual([]);
    const announced = nextEvent(socket, 'room:stats');
    await server.runtime.liveRealtime.flush();
    // 30 likes, one counter update.
    expect(await announced).toEqual({ sessionId: session.id, viewers: 2, likes: 30 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stats).toHaveLength(1);
    const [row] = await server.context.db.query<{ like_count: number }>('select like_count from live_sessions where id = $1', [session.id]);
    expect(row.like_count).toBe(30);
  });
});
