import type { FollowsList, FollowTarget } from './api';

/** One string per followed thing, so that a company and a host with the same id never collide. */
export function followKey(target: FollowTarget): string {
  return 'companyId' in target ? `company:${target.companyId}` : `host:${target.hostUserId}`;
}

export function followKeys(list: FollowsList): Set<string> {
  return new Set([
    ...list.companies.map((company) => followKey({ companyId: company.companyId })),
    ...list.hosts.map((host) => followKey({ hostUserId: host.hostUserId })),
  ]);
}

/** The set after a follow (true) or an unfollow (false); the given set is left as it was. */
export function withFollow(keys: ReadonlySet<string>, key: string, isFollowing: boolean): Set<string> {
  const next = new Set(keys);
  if (isFollowing) next.add(key);
  else next.delete(key);
  return next;
}
