import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db.js';
import { AppError, forbidden } from '../../platform/errors.js';
import type { AuthUser } from '../../platform/http.js';
import type { PersonalDataSource } from '../privacy/privacy.service.js';
import type { LiveService } from '../live/index.js';
import type { StageGuest, StageIce } from '../../../../contracts/stage.js';
import * as repository from './stage.repository.js';

const DELETED_NAME = '已注销用户';

export function toStageGuest(row: repository.StageGuestRow): Omit<StageGuest, 'socketId'> {
  return {
    id: row.id,
    userId: row.userId ?? '',
    name: row.name,
    kind: row.kind,
    status: row.status === 'on_stage' ? 'on_stage' : 'invited',
    invitedAt: new Date(row.invitedAt).toISOString(),
    joinedAt: row.joinedAt ? new Date(row.joinedAt).toISOString() : null,
  };
}

/**
 * 连麦's rules: only the session's host invites, only while the session is live, one person at a time (the
 * database's unique index decides between nodes), never a person removed from the session; the invitee answers
 * within STAGE_INVITE_SECONDS; the host ends anyone's turn, a guest only their own.
 */
export function createStageService(deps: { db: Db; live: Pick<LiveService, 'getSessionRow' | 'listActiveRestrictions'>; config: Pick<Config, 'iceServers' | 'iceTransportPolicy'> }) {
  const { db, live, config } = deps;

  const requireUser = (user: AuthUser | null) => {
    if (!user) throw new AppError('unauthenticated', 'Please sign in / 请先登录');
    return user;
  };

  async function requireLive(sessionId: string) {
    const session = await live.getSessionRow(sessionId);
    if (session.status !== 'live') throw new AppError('conflict', '连麦 is only possible while the session is live / 直播中才能连麦');
    return session;
  }

  async function isBanned(sessionId: string, userId: string) {
    return (await live.listActiveRestrictions(sessionId)).some((item) => item.kind === 'ban' && item.userId === userId);
  }

  return {
    ice: (): StageIce => ({ iceServers: config.iceServers, iceTransportPolicy: config.iceTransportPolicy }),

    /** The session, when this user is its host (the studio's owner); 403 for anyone else. */
    /** The session's host, for relaying signals between the host and the guest. */
    hostOf: async (sessionId: string) => (await live.getSessionRow(sessionId)).hostUserId,

    async requireHost(user: AuthUser | null, sessionId: string) {
      const session = await live.getSessionRow(sessionId);
      if (requireUser(user).id !== session.hostUserId) throw forbidden('Only the host of this session can do this / 仅本场主播可以操作连麦');
      return session;
    },

    /** A viewer may raise a hand while the session is live and they were not removed from it. */
    async checkHand(user: AuthUser | null, sessionId: string) {
      const viewer = requireUser(user);
      const session = await requireLive(sessionId);
      if (viewer.id === session.hostUserId) throw new AppError('validation_failed', 'The host does not raise a hand / 主播无需举手');
      if (await isBanned(sessionId, viewer.id)) throw forbidden('You were removed from this session / 你已被移出直播间');
    },

    active: (sessionId: string) => repository.findActive(db, sessionId),
    companyIds: (sessionId: string) => repository.listSessionCompanyIds(db, sessionId),

    async invite(host: AuthUser | null, sessionId: string, guest: { userId: string; name: string; kind: 'viewer' | 'hr' }) {
      const session = await this.requireHost(host, sessionId);
      if (session.status !== 'live') throw new AppError('conflict', '连麦 is only possible while the session is live / 直播中才能连麦');
      if (await isBanned(sessionId, guest.userId)) throw forbidden('This person was removed from the session / 该用户已被移出直播间');
      const row = await repository.invite(db, sessionId, guest);
      if (!row) throw new AppError('conflict', 'Someone is already invited or on stage: end that first / 已有嘉宾在连麦或待接受，请先结束');
      return { row, session };
    },

    async respond(user: AuthUser | null, sessionId: string, accept: boolean) {
      const guest = requireUser(user);
      if (accept) await requireLive(sessionId);
      const row = await repository.respond(db, sessionId, guest.id, accept);
      if (!row) throw new AppError('conflict', 'The invitation expired or was withdrawn / 连麦邀请已过期或已撤回');
      return row;
    },

    /** The host ends whoever is invited or on stage; a guest ends only their own turn. Null when nobody was. */
    async end(user: AuthUser | null, sessionId: string) {
      const person = requireUser(user);
      const session = await live.getSessionRow(sessionId);
      if (person.id === session.hostUserId) return repository.end(db, sessionId, person.id);
      const active = await repository.findActive(db, sessionId);
      if (!active || active.userId !== person.id) throw forbidden('Only the host or the guest ends 连麦 / 仅主播或嘉宾可以结束连麦');
      return repository.end(db, sessionId, person.id, { userId: person.id });
    },

    /** The guest's connection is gone (or the session ended): their turn is over. */
    endFor: (sessionId: string, only: { id?: number } = {}) => repository.end(db, sessionId, null, only),

    personalDataSource: {
      name: 'stageGuests',
      collect: (tx, userId) => repository.listOfUser(tx, userId),
      erase: (tx, userId) => repository.anonymiseUser(tx, userId, DELETED_NAME),
    } satisfies PersonalDataSource,
  };
}

export type StageService = ReturnType<typeof createStageService>;
