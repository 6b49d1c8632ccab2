import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interviewRoomPath, type InterviewRoom } from '../../../../contracts/interviews.js';
import { buildCompany, buildJob, buildUser } from '../../test/factories.js';
import { nextEvent, startLiveTestServer, type LiveClient } from '../../test/live-helpers.js';
import { buildApplication, buildSeeker, sessionCookie } from '../../test/pipeline-factories.js';

/** 远程面试 over real sockets: who may enter, the signals between the two sides, and the record 结束面试 leaves. */
describe('video interviews (远程面试)', () => {
  let server: Awaited<ReturnType<typeof startLiveTestServer>>;
  beforeAll(async () => {
    server = await startLiveTestServer({ env: { ICE_SERVERS: '[{"urls":"turn:127.0.0.1:3478","username":"jobcast","credential":"secret"}]' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  const connectAs = async (userId: string) => server.connect(`jobcast_session=${(await sessionCookie(server.context, userId)).jobcast_session}`);
  const schedule = (employer: object, applicationId: number, videoUrl: string) => server.context.pipeline.transition(
    employer as never, applicationId, { type: 'schedule_interview', interviewAt: new Date(Date.now() + 3600_000).toISOString(), videoUrl },
  );

  async function interviewCase() {
    const { company, employer } = await buildCompany(server.context, { name: '昆山面试测试电子有限公司' });
    const colleague = await buildUser(server.context, { role: 'employer' });
    await server.context.db.query('update users set company_id = $1 where id = $2', [company.id, colleague.id]);
    const job = await buildJob(server.context, employer, { title: '质检员' });
    const seeker = await buildSeeker(server.context, { name: '周口小李' });
    const applicationId = await buildApplication(server.context, { jobId: job.id, seekerUserId: seeker.id });
    return { company, employer: { ...employer, companyId: company.id }, colleague, job, seeker, applicationId };
  }

  it('opens only for an interview scheduled in the platform room, to the seeker and the company\'s members', async () => {
    const { employer, colleague, seeker, applicationId } = await interviewCase();
    const other = await interviewCase();
    const seekerSocket = await connectAs(seeker.id);
    // Not scheduled yet: nobody may enter.
    expect(await seekerSocket.emitWithAck('interview:join', { applicationId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Another application's room cannot be given as this one's link.
    await expect(schedule(employer, applicationId, interviewRoomPath(other.applicationId))).rejects.toMatchObject({ code: 'validation_failed' });
    await schedule(employer, applicationId, interviewRoomPath(applicationId));

    const strangers = [await buildUser(server.context, { role: 'seeker' }), other.employer, await buildUser(server.context, { role: 'host' }), await buildUser(server.context, { role: 'admin' })];
    for (const stranger of strangers) {
      const socket = await connectAs(stranger.id);
      expect(await socket.emitWithAck('interview:join', { applicationId }), stranger.role).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    const guest = await server.connect();
    expect(await guest.emitWithAck('interview:join', { applicationId })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    const seekerRoom = await seekerSocket.emitWithAck('interview:join', { applicationId });
    expect(seekerRoom).toMatchObject({ ok: true, data: { side: 'seeker', seeker: null, peers: [], job: { title: '质检员' }, iceServers: [{ urls: 'turn:127.0.0.1:3478', username: 'jobcast' }] } });
    const colleagueSocket = await connectAs(colleague.id);
    const colleagueRoom = await colleagueSocket.emitWithAck('interview:join', { applicationId });
    // The employer sees the seeker's quick profile with the phone masked, and who is already there.
    expect(colleagueRoom).toMatchObject({ ok: true, data: { side: 'employer', seeker: { name: '周口小李', phoneMasked: expect.stringMatching(/^\d{3}\*{4}\d{4}$/) }, peers: [{ socketId: seekerSocket.id, side: 'seeker' }] } });
  });

  it('relays offers, answers and candidates only between the two sides in the room; 结束面试 records the call', async () => {
    const { employer, seeker, applicationId } = await interviewCase();
    await schedule(employer, applicationId, interviewRoomPath(applicationId));
    const seekerSocket = await connectAs(seeker.id);
    const employerSocket = await connectAs(employer.id);
    await seekerSocket.emitWithAck('interview:join', { applicationId });
    const joined = nextEvent(seekerSocket, 'interview:peer-joined', (payload) => payload.applicationId === applicationId);
    const employerRoom = (await employerSocket.emitWithAck('interview:join', { applicationId })) as { ok: true; data: InterviewRoom };
    expect((await joined).peer).toMatchObject({ socketId: employerSocket.id, side: 'employer' });

    // The one who was there calls the newcomer (the page's rule); the answer and candidates flow back.
    const offer = nextEvent(employerSocket, 'interview:signal', (payload) => payload.data.type === 'offer');
    expect(await seekerSocket.emitWithAck('interview:signal', { applicationId, to: employerSocket.id!, data: { type: 'offer', sdp: 'v=0 offer' } })).toMatchObject({ ok: true });
    expect(await offer).toEqual({ applicationId, from: seekerSocket.id, data: { type: 'offer', sdp: 'v=0 offer' } });
    const candidate = nextEvent(seekerSocket, 'interview:signal', (payload) => payload.data.type === 'candidate');
    await employerSocket.emitWithAck('interview:signal', { applicationId, to: seekerSocket.id!, data: { type: 'candidate', candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ host', sdpMid: '0', sdpMLineIndex: 0 } } });
    expect((await candidate).from).toBe(employerSocket.id);

    // A socket outside the room can neither send nor be sent to.
    const outsider = await connectAs((await buildUser(server.context, { role: 'seeker' })).id);
    expect(await outsider.emitWithAck('interview:signal', { applicationId, to: employerSocket.id!, data: { type: 'offer', sdp: 'x' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await seekerSocket.emitWithAck('interview:signal', { applicationId, to: outsider.id!, data: { type: 'offer', sdp: 'x' } })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // Only the employer ends it; both sides are told; the record says how long and who joined.
    expect(await seekerSocket.emitWithAck('interview:end', { applicationId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const ended = nextEvent(seekerSocket, 'interview:ended', (payload) => payload.applicationId === applicationId);
    const result = await employerSocket.emitWithAck('interview:end', { applicationId });
    expect(result).toMatchObject({ ok: true, data: { startedAt: employerRoom.data.startedAt, durationSeconds: expect.any(Number), endedByName: employer.displayName } });
    await ended;
    const list = await server.app.inject({ method: 'GET', url: `/api/applications/${applicationId}/video-interviews`, headers: { cookie: `jobcast_session=${(await sessionCookie(server.context, seeker.id)).jobcast_session}` } });
    expect(list.statusCode).toBe(200);
    expect(list.json().interviews).toEqual([expect.objectContaining({
      endedAt: expect.any(String),
      participants: [{ name: '周口小李', side: 'seeker' }, { name: employer.displayName, side: 'employer' }],
    })]);
    // The room is closed: a signal now is refused until someone joins again (a new call).
    expect(await seekerSocket.emitWithAck('interview:signal', { applicationId, to: employerSocket.id!, data: { type: 'offer', sdp: 'x' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const strangerList = await server.app.inject({ method: 'GET', url: `/api/applications/${applicationId}/video-interviews`, headers: { cookie: `jobcast_session=${(await sessionCookie(server.context, (await buildUser(server.context, { role: 'seeker' })).id)).jobcast_session}` } });
    expect(strangerList.statusCode).toBe(404);
  });

  it('a seeker who deletes the account leaves the record without name or id; the download lists it', async () => {
    const { employer, seeker, applicationId } = await interviewCase();
    await schedule(employer, applicationId, interviewRoomPath(applicationId));
    const socket: LiveClient = await connectAs(seeker.id);
    await socket.emitWithAck('interview:join', { applicationId });
    const download = await server.context.privacy.exportPersonalData(seeker as never) as Record<string, unknown>;
    expect(download.videoInterviews).toEqual([expect.objectContaining({ applicationId })]);
    await server.context.db.transaction((tx) => server.context.interviews.personalDataSource.erase(tx, seeker.id));
    const [row] = await server.context.db.query<{ participants: Array<{ userId: string | null; name: string }> }>('select participants from video_interviews where application_id = $1', [applicationId]);
    expect(row!.participants).toEqual([expect.objectContaining({ userId: null, name: '已注销用户', side: 'seeker' })]);
  });
});
