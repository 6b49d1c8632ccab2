import type { Db, Queryable } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import type { EventBus } from '../../platform/events.js';
import type { AuthUser } from '../../platform/http.js';
import type { NotificationsService } from '../notifications/index.js';
import * as repository from './follows.repository.js';
import type { FollowTarget, FollowsList } from './follows.schemas.js';

const SESSIONS_LISTED = 30;

const toRow = (target: FollowTarget) => ({ companyId: target.companyId ?? null, hostUserId: target.hostUserId ?? null });

/** 关注: following companies and hosts, and telling followers when one goes live or schedules a session. */
export function createFollowsService(deps: { db: Db; events: EventBus; notifications: NotificationsService; onError?: (error: unknown) => void }) {
  const { db, events, notifications } = deps;

  async function notifyFollowers(sessionId: string, kind: 'followed_live' | 'followed_scheduled') {
    const followers = await repository.listFollowersToNotify(db, sessionId);
    if (followers.length === 0) return;
    const isLive = kind === 'followed_live';
    await notifications.notify(followers.map(({ userId, title, hostName }) => ({
      userId,
      kind,
      title: isLive ? `你关注的${hostName}开播了：${title}` : `你关注的${hostName}预告了直播：${title}`,
      body: isLive
        ? 'Someone you follow is live now / 你关注的企业或主播正在直播，点击进入直播间'
        : 'Someone you follow scheduled a live session / 你关注的企业或主播预告了新的直播，可以预约',
      link: `/live/${sessionId}`,
      payload: { sessionId, en: isLive ? `${hostName} is live: ${title}` : `${hostName} scheduled: ${title}` },
    })));
  }

  const report = (work: Promise<void>) => void work.catch((error: unknown) => deps.onError?.(error));
  events.on('LiveSessionStatusChanged', ({ sessionId, status }) => {
    if (status === 'live') report(notifyFollowers(sessionId, 'followed_live'));
  });
  events.on('LiveSessionScheduled', ({ sessionId }) => report(notifyFollowers(sessionId, 'followed_scheduled')));

  return {
    /** Follows a verified company or a host; following twice is one follow. */
    async follow(user: AuthUser, target: FollowTarget) {
      const row = toRow(target);
      if (row.companyId && !(await repository.findCompanyName(db, row.companyId))) throw notFound('Company');
      if (row.hostUserId && !(await repository.findHostName(db, row.hostUserId))) throw notFound('Host');
      await repository.insertFollow(db, user.id, row);
    },

    async unfollow(user: AuthUser, target: FollowTarget) {
      await repository.deleteFollow(db, user.id, toRow(target));
    },

    async listFollows(user: AuthUser): Promise<FollowsList> {
      const companies = await repository.listFollowedCompanies(db, user.id);
      const hosts = await repository.listFollowedHosts(db, user.id);
      const sessions = await repository.listFollowedSessions(db, user.id, SESSIONS_LISTED);
      return { companies, hosts, sessions };
    },

    /** What one user follows, as ids (推荐 ranks what they publish higher). */
    async findFollowedIds(userId: string) {
      const rows = await repository.listFollowsOfUser(db, userId);
      return {
        companyIds: new Set(rows.flatMap((row) => (row.companyId ? [row.companyId] : []))),
        hostUserIds: new Set(rows.flatMap((row) => (row.hostUserId ? [row.hostUserId] : []))),
      };
    },

    /** For the privacy module: the download lists follows, account deletion removes them. */
    personalDataSource: {
      name: 'follows',
      collect: (tx: Queryable, userId: string) => repository.listFollowsOfUser(tx, userId),
      erase: (tx: Queryable, userId: string) => repository.deleteFollowsOfUser(tx, userId),
    },
  };
}

export type FollowsService = ReturnType<typeof createFollowsService>;
