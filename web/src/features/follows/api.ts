// 关注: the follows module's calls (server/src/modules/follows). Dates arrive as ISO strings.
import { api } from '../../app/api';

export type FollowTarget = { companyId: string } | { hostUserId: string };

export type FollowsList = {
  companies: Array<{ companyId: string; name: string; followedAt: string }>;
  hosts: Array<{ hostUserId: string; displayName: string; followedAt: string }>;
  sessions: Array<{ id: string; title: string; status: string; startsAt: string; hostName: string }>;
};

export const listFollows = () => api.get<FollowsList>('/api/follows');
export const follow = (target: FollowTarget) => api.post<{ ok: true }>('/api/follows', target);
export const unfollow = (target: FollowTarget) => api.delete<{ ok: true }>('/api/follows', target);
