import { Link } from 'react-router-dom';
import { FollowButton } from '../follows/follow-button';

/** The host beside the feed's video: their avatar (to their page) and 关注 (a round + / ✓). */
export function FeedFollow({ hostUserId, hostName }: { hostUserId: string; hostName: string }) {
  return (
    <div className="feed-follow" data-testid="feed-follow">
      <Link to={`/hosts/${hostUserId}`} className="feed-host-avatar" aria-label={hostName} data-testid="feed-host">
        {Array.from(hostName)[0] ?? '播'}
      </Link>
      <span className="feed-follow-slot" data-testid="feed-follow-slot">
        <FollowButton hostUserId={hostUserId} name={hostName} variant="icon" />
      </span>
    </div>
  );
}
