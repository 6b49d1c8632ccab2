import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompany } from '../../test/factories.js';
import { buildLiveSession, nextEvent, startLiveTestServer, type LiveClient } from '../../test/live-helpers.js';
import { buildSeeker, sessionCookie } from '../../test/pipeline-factories.js';

/** 连麦 over real sockets and the real database: hands, who may be invited, consent, the relayed signals, and every way a turn ends. */
describe('连麦: a guest on the stage of a live session', () => {
  let server: Awaited<ReturnType<typeof startLiveTestServer>>;
  beforeAll(async () => {
    server = await startLiveTestServer({ env: { ICE_SERVERS: '[{"urls":"stun:127.0.0.1:3478"}]' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  const connectAs = async (userId: string) => server.connect(`jobcast_session=${(await sessionCookie(server.context, userId)).jobcast_session}`);
  const stageRows = async (sessionId: string) =>
    server.context.db.query<{ status: string; userId: string | null; endedBy: string | null; name: string }>(
      'select status, user_id as "userId", ended_by as "endedBy", name from stage_guests where session_id = $1 order by id', [sessionId],
    );

  /** A live session, its host in the room, a seeker watching, and the session company's HR member watching. */
  async function liveStage() {
    const live = await buildLiveSession(server.context);
    await server.context.live.handlePublishStarted(live.session.id);
    const sessionId = live.session.id;
    const seeker = await buildSeeker(server.context, { name: '周口小李' });
    const host = await connectAs(live.host.id);
    const viewer = await connectAs(seeker.id);
    const hr = await connectAs(live.employer.id);
    for (const socket of [host, viewer, hr]) expect(await socket.emitWithAck('session:join', { sessionId })).toMatchObject({ ok: true });
    return { ...live, sessionId, seeker, sockets: { host, viewer, hr } };
  }

  it('lists raised hands and the session company\'s HR watching, to the host only; guests and the host cannot raise a hand', async () => {
    const { sessionId, seeker, employer, sockets } = await liveStage();
    const candidates = nextEvent(sockets.host, 'stage:candidates', (payload) => payload.candidates.some((item) => item.kind === 'viewer'));
    expect(await sockets.viewer.emitWithAck('stage:hand', { sessionId, isRaised: true })).toEqual({ ok: true, data: { isRaised: true } });
    expect((await candidates).candidates).toEqual([
      { userId: seeker.id, name: seeker.displayName, kind: 'viewer', raisedAt: expect.any(String) },
      { userId: employer.id, name: employer.displayName, kind: 'hr', raisedAt: null },
    ]);
    const list = await sockets.host.emitWithAck('stage:list', { sessionId });
    expect(list).toMatchObject({ ok: true, data: { guest: null, iceServers: [{ urls: 'stun:127.0.0.1:3478' }], iceTransportPolicy: 'all', candidates: [{ userId: seeker.id }, { userId: employer.id }] } });

    // An employer of another company watching is no candidate; a guest cannot raise a hand; only the host lists.
    const outsider = await connectAs((await buildCompany(server.context)).employer.id);
    await outsider.emitWithAck('session:join', { sessionId });
    const again = await sockets.host.emitWithAck('stage:list', { sessionId });
    expect(again.ok && again.data.candidates.map((item) => item.userId)).toEqual([seeker.id, employer.id]);
    const guest = await server.connect();
    await guest.emitWithAck('session:join', { sessionId });
    expect(await guest.emitWithAck('stage:hand', { sessionId, isRaised: true })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await sockets.host.emitWithAck('stage:hand', { sessionId, isRaised: true })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    for (const socket of [sockets.viewer, sockets.hr, outsider]) expect(await socket.emitWithAck('stage:list', { sessionId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Not in the room: no hand.
    const absent = await connectAs((await buildSeeker(server.context, { name: '不在场' })).id);
    expect(await absent.emitWithAck('stage:hand', { sessionId, isRaised: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // Lowering the hand (or leaving) takes the viewer off the list.
    expect(await sockets.viewer.emitWithAck('stage:hand', { sessionId, isRaised: false })).toEqual({ ok: true, data: { isRaised: false } });
    const lowered = await sockets.host.emitWithAck('stage:list', { sessionId });
    expect(lowered.ok && lowered.data.candidates.map((item) => item.userId)).toEqual([employer.id]);
  });

  it('invites one person at a time; the guest consents; signals pass only between host and guest; the host removes the guest', async () => {
    const { sessionId, seeker, host: hostUser, employer, sockets } = await liveStage();
    await sockets.viewer.emitWithAck('stage:hand', { sessionId, isRaised: true });
    // Somebody who never raised a hand and is not HR cannot be invited; nor can anyone by a non-host.
    const quiet = await buildSeeker(server.context, { name: '没举手' });
    const quietSocket = await connectAs(quiet.id);
    await quietSocket.emitWithAck('session:join', { sessionId });
    expect(await sockets.host.emitWithAck('stage:invite', { sessionId, userId: quiet.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await sockets.hr.emitWithAck('stage:invite', { sessionId, userId: seeker.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const invited = nextEvent(sockets.viewer, 'stage:invited');
    const invitation = await sockets.host.emitWithAck('stage:invite', { sessionId, userId: seeker.id });
    expect(invitation).toMatchObject({ ok: true, data: { userId: seeker.id, status: 'invited', kind: 'viewer' } });
    expect(await invited).toMatchObject({ sessionId, hostName: hostUser.displayName, title: '苏州电子厂专场直播', expiresAt: expect.any(String) });
    // One at a time: the HR member cannot be invited meanwhile.
    expect(await sockets.host.emitWithAck('stage:invite', { sessionId, userId: employer.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Only the invitee answers.
    expect(await quietSocket.emitWithAck('stage:respond', { sessionId, accept: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const peer = nextEvent(sockets.host, 'stage:peer');
    const onStageForRoom = nextEvent(quietSocket, 'stage:guest', (payload) => payload.guest?.status === 'on_stage');
    const accepted = await sockets.viewer.emitWithAck('stage:respond', { sessionId, accept: true });
    expect(accepted).toMatchObject({ ok: true, data: { guest: { userId: seeker.id, status: 'on_stage', joinedAt: expect.any(String) }, iceServers: [{ urls: 'stun:127.0.0.1:3478' }] } });
    expect(await peer).toEqual({ sessionId, socketId: sockets.viewer.id });
    expect((await onStageForRoom).guest).toMatchObject({ name: seeker.displayName, status: 'on_stage' });
    const listed = await sockets.host.emitWithAck('stage:list', { sessionId });
    expect(listed).toMatchObject({ ok: true, data: { guest: { userId: seeker.id, status: 'on_stage', socketId: sockets.viewer.id } } });

    // Host → guest and guest → host are relayed; nobody else may signal or be signalled.
    const offer = nextEvent(sockets.viewer, 'stage:signal');
    expect(await sockets.host.emitWithAck('stage:signal', { sessionId, to: sockets.viewer.id!, data: { type: 'offer', sdp: 'v=0 host' } })).toEqual({ ok: true, data: null });
    expect(await offer).toEqual({ sessionId, from: sockets.host.id, data: { type: 'offer', sdp: 'v=0 host' } });
    const answer = nextEvent(sockets.host, 'stage:signal');
    expect(await sockets.viewer.emitWithAck('stage:signal', { sessionId, to: sockets.host.id!, data: { type: 'answer', sdp: 'v=0 guest' } })).toEqual({ ok: true, data: null });
    expect(await answer).toMatchObject({ from: sockets.viewer.id, data: { type: 'answer' } });
    expect(await quietSocket.emitWithAck('stage:signal', { sessionId, to: sockets.host.id!, data: { type: 'offer', sdp: 'v=0' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await sockets.host.emitWithAck('stage:signal', { sessionId, to: quietSocket.id!, data: { type: 'offer', sdp: 'v=0' } })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // Another person cannot end it; the host removes the guest and the whole room hears it.
    expect(await quietSocket.emitWithAck('stage:end', { sessionId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const cleared = nextEvent(quietSocket, 'stage:guest', (payload) => payload.guest === null);
    expect(await sockets.host.emitWithAck('stage:end', { sessionId })).toEqual({ ok: true, data: null });
    await cleared;
    expect(await stageRows(sessionId)).toEqual([{ status: 'ended', userId: seeker.id, endedBy: hostUser.id, name: seeker.displayName }]);
    expect(await sockets.host.emitWithAck('stage:signal', { sessionId, to: sockets.viewer.id!, data: { type: 'offer', sdp: 'v=0' } })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    // The next one (the HR member, without a raised hand) can now be invited, and may decline.
    expect(await sockets.host.emitWithAck('stage:invite', { sessionId, userId: employer.id })).toMatchObject({ ok: true, data: { kind: 'hr' } });
    expect(await sockets.hr.emitWithAck('stage:respond', { sessionId, accept: false })).toMatchObject({ ok: true, data: { guest: null } });
    expect((await stageRows(sessionId)).map((row) => row.status)).toEqual(['ended', 'declined']);
  });

  it('ends the turn when the guest leaves, the guest\'s connection goes, or the session ends; invitations expire', async () => {
    const { sessionId, seeker, host, sockets } = await liveStage();
    const onStage = async (socket: LiveClient) => {
      await socket.emitWithAck('stage:hand', { sessionId, isRaised: true });
      expect(await sockets.host.emitWithAck('stage:invite', { sessionId, userId: seeker.id })).toMatchObject({ ok: true });
      expect(await socket.emitWithAck('stage:respond', { sessionId, accept: true })).toMatchObject({ ok: true });
    };
    await onStage(sockets.viewer);
    expect(await sockets.viewer.emitWithAck('stage:end', { sessionId })).toEqual({ ok: true, data: null });
    expect((await stageRows(sessionId)).at(-1)).toMatchObject({ status: 'ended', endedBy: seeker.id });

    await onStage(sockets.viewer);
    const cleared = nextEvent(sockets.host, 'stage:guest', (payload) => payload.guest === null);
    sockets.viewer.disconnect();
    await cleared;
    expect((await stageRows(sessionId)).at(-1)).toMatchObject({ status: 'ended', endedBy: null });

    // An invitation not answered within a minute can no longer be accepted, and frees the stage.
    const viewer = await connectAs(seeker.id);
    await viewer.emitWithAck('session:join', { sessionId });
    await viewer.emitWithAck('stage:hand', { sessionId, isRaised: true });
    expect(await sockets.host.emitWithAck('stage:invite', { sessionId, userId: seeker.id })).toMatchObject({ ok: true });
    await server.context.db.query(`update stage_guests set invited_at = now() - interval '61 seconds' where session_id = $1 and status = 'invited'`, [sessionId]);
    expect(await viewer.emitWithAck('stage:respond', { sessionId, accept: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await sockets.host.emitWithAck('stage:invite', { sessionId, userId: seeker.id })).toMatchObject({ ok: true });
    expect(await viewer.emitWithAck('stage:respond', { sessionId, accept: true })).toMatchObject({ ok: true });

    const ended = nextEvent(viewer, 'stage:guest', (payload) => payload.guest === null);
    await server.context.live.endSession(host, sessionId);
    await ended;
    expect((await stageRows(sessionId)).map((row) => row.status)).toEqual(['ended', 'ended', 'expired', 'ended']);
    expect(await viewer.emitWithAck('stage:hand', { sessionId, isRaised: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('never puts a removed viewer on stage; the download lists the turns and deletion leaves no name', async () => {
    const { sessionId, seeker, sockets } = await liveStage();
    await sockets.viewer.emitWithAck('stage:hand', { sessionId, isRaised: true });
    expect(await sockets.host.emitWithAck('host:ban', { sessionId, userId: seeker.id })).toMatchObject({ ok: true });
    expect(await sockets.host.emitWithAck('stage:invite', { sessionId, userId: seeker.id })).toMatchObject({ ok: false });
    expect(await stageRows(sessionId)).toEqual([]);
    await sockets.host.emitWithAck('host:lift', { sessionId, userId: seeker.id, kind: 'ban' });
    await sockets.viewer.emitWithAck('session:join', { sessionId });
    await sockets.viewer.emitWithAck('stage:hand', { sessionId, isRaised: true });
    expect(await sockets.host.emitWithAck('stage:invite', { sessionId, userId: seeker.id })).toMatchObject({ ok: true });

    const download = await server.context.privacy.exportPersonalData(seeker as never) as Record<string, unknown>;
    expect(download.stageGuests).toEqual([expect.objectContaining({ sessionId, status: 'invited' })]);
    await server.context.db.transaction((tx) => server.context.stage.personalDataSource.erase(tx, seeker.id));
    expect(await stageRows(sessionId)).toEqual([expect.objectContaining({ userId: null, name: '已注销用户' })]);
  });
});
