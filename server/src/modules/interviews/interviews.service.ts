import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db.js';
import { AppError, forbidden, notFound } from '../../platform/errors.js';
import type { AuthUser } from '../../platform/http.js';
import type { PersonalDataSource } from '../privacy/privacy.service.js';
import { maskPhone } from '../pipeline/masking.js';
import { findApplicationById } from '../pipeline/pipeline.repository.js';
import { interviewRoomPath, type InterviewSide, type VideoInterview } from '../../../../contracts/interviews.js';
import * as repository from './interviews.repository.js';

const DELETED_NAME = '已注销用户';

function toVideoInterview(row: repository.VideoInterviewRow): VideoInterview {
  return {
    id: row.id,
    startedAt: new Date(row.startedAt).toISOString(),
    endedAt: row.endedAt ? new Date(row.endedAt).toISOString() : null,
    durationSeconds: row.endedAt ? Math.max(0, Math.round((new Date(row.endedAt).getTime() - new Date(row.startedAt).getTime()) / 1000)) : null,
    participants: row.participants.map(({ name, side }) => ({ name, side })),
    endedByName: row.endedByName,
  };
}

/**
 * 远程面试: who may enter an application's interview room, and the record of each call. The room exists when the
 * employer scheduled the interview as 视频面试（平台内） (its video link is the room's path); the application's
 * seeker and the members of the company that posted the job may join — nobody else, not even a company the
 * lead was shared with, nor an admin.
 */
export function createInterviewsService(deps: { db: Db; config: Pick<Config, 'iceServers' | 'iceTransportPolicy'>; now?: () => Date }) {
  const { db, config } = deps;
  const now = deps.now ?? (() => new Date());

  /** The application's seeker, or a member of the company that posted the job; anyone else: null. */
  const sideOf = (user: AuthUser, record: { seekerUserId: string | null; companyId: string | null }): InterviewSide | null =>
    user.role === 'seeker' && record.seekerUserId === user.id ? 'seeker'
      : user.role === 'employer' && user.companyId !== null && record.companyId === user.companyId ? 'employer'
        : null;

  async function resolveParty(user: AuthUser | null, applicationId: number) {
    if (!user) throw new AppError('unauthenticated', 'Please sign in / 请先登录');
    const record = await findApplicationById(db, applicationId);
    const side = record ? sideOf(user, record) : null;
    // Unrelated users learn nothing about the application (the same "not found" as the pipeline's routes).
    if (!record || !side) throw notFound('Interview');
    if (record.interviewVideoUrl !== interviewRoomPath(applicationId) || record.status !== 'interview') {
      throw new AppError('conflict', 'No video interview is scheduled for this application / 该报名没有安排平台内视频面试');
    }
    return { record, side };
  }

  return {
    iceServers: () => config.iceServers,
    iceTransportPolicy: () => config.iceTransportPolicy,

    /** Enters the room: the call opens on the first join; each person is listed once. */
    async join(user: AuthUser | null, applicationId: number) {
      const { record, side } = await resolveParty(user, applicationId);
      // The seeker by the name on the quick profile (the one the employer knows), the employer's people by their account name.
      const name = side === 'seeker' ? (record.seekerName ?? user!.displayName) : user!.displayName;
      const call = await repository.joinCall(db, applicationId, { userId: user!.id, name, side, joinedAt: now().toISOString() });
      return {
        side,
        name,
        startedAt: new Date(call.startedAt).toISOString(),
        job: { id: record.jobId, title: record.jobTitle, companyName: record.companyName },
        seeker: side === 'employer' ? { name: record.seekerName ?? DELETED_NAME, cityName: record.seekerCityName, phoneMasked: maskPhone(record.seekerPhone) } : null,
        interviewAt: record.interviewAt ? new Date(record.interviewAt).toISOString() : null,
      };
    },

    /** A party of the room (signals are relayed only between parties). */
    async checkParty(user: AuthUser | null, applicationId: number) {
      return (await resolveParty(user, applicationId)).side;
    },

    /** 结束面试 (the employer): the open call is recorded as held. */
    async end(user: AuthUser | null, applicationId: number): Promise<VideoInterview> {
      const { side } = await resolveParty(user, applicationId);
      if (side !== 'employer') throw forbidden('Only the employer ends the interview / 仅企业可以结束面试');
      const ended = await repository.endCall(db, applicationId, user!.id, now());
      if (!ended) throw new AppError('conflict', 'The interview has not started / 面试还没有开始');
      return toVideoInterview(ended);
    },

    /** The application's held (and open) video interviews, for its two parties. */
    async list(user: AuthUser, applicationId: number): Promise<VideoInterview[]> {
      const record = await findApplicationById(db, applicationId);
      if (!record || !sideOf(user, record)) throw notFound('Application');
      return (await repository.listCalls(db, applicationId)).map(toVideoInterview);
    },

    personalDataSource: {
      name: 'videoInterviews',
      collect: (tx, userId) => repository.listCallsOfUser(tx, userId),
      erase: (tx, userId) => repository.anonymiseUser(tx, userId, DELETED_NAME),
    } satisfies PersonalDataSource,
  };
}

export type InterviewsService = ReturnType<typeof createInterviewsService>;
