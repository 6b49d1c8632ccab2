import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { useAuth } from '../../app/auth';
import { follow, listFollows, unfollow, type FollowTarget } from './api';
import { followKey, followKeys, withFollow } from './follow-keys';

// What the signed-in user follows, loaded once and shared by every 关注 button on the screen (the feed shows
// one per video), and kept in step when one of them changes.
type Store = { userId: string | null; keys: Set<string> | null; loading: Promise<void> | null };
let store: Store = { userId: null, keys: null, loading: null };
const listeners = new Set<() => void>();
const emit = (next: Store) => {
  store = next;
  listeners.forEach((listener) => listener());
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

function load(userId: string) {
  if (store.userId === userId && (store.keys || store.loading)) return;
  const loading = listFollows()
    .then((list) => { if (store.userId === userId) emit({ ...store, keys: followKeys(list), loading: null }); })
    .catch(() => { if (store.userId === userId) emit({ ...store, loading: null }); });
  store = { userId, keys: null, loading };
}

/** Whether the signed-in user follows the target (null while unknown), and a toggle that calls the API. */
export function useFollow(target: FollowTarget) {
  const { user, isLoading: isAuthLoading } = useAuth();
  const userId = user?.id ?? null;
  const key = followKey(target);
  const targetRef = useRef(target);
  targetRef.current = target;
  const current = useSyncExternalStore(subscribe, () => store);
  useEffect(() => { if (userId) load(userId); }, [userId]);
  const isFollowing = userId && current.userId === userId && current.keys ? current.keys.has(key) : null;

  const toggle = useCallback(async () => {
    const wasFollowing = Boolean(store.keys?.has(key));
    if (wasFollowing) await unfollow(targetRef.current);
    else await follow(targetRef.current);
    emit({ ...store, keys: withFollow(store.keys ?? new Set(), key, !wasFollowing) });
    return !wasFollowing;
  }, [key]);

  // While the signed-in check runs, nobody is "signed out" yet: a tap then must not send a signed-in user to sign in.
  return { isSignedIn: Boolean(userId), isAuthLoading, isFollowing, toggle };
}
