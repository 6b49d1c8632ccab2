import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import type { FollowTarget } from './api';
import { FOLLOWS_NS } from './i18n';
import { useFollow } from './use-follow';

type Props = FollowTarget & {
  /** Who is followed, for the accessible name (关注 小李带岗). */
  name?: string;
  /** 'icon': a round + / ✓ (the feed's side column). */
  variant?: 'default' | 'icon';
  onChange?: (isFollowing: boolean) => void;
};

/** 关注 / 已关注 for a company or a host; a signed-out visitor is sent to sign in and brought back. */
export function FollowButton({ name, variant = 'default', onChange, ...target }: Props) {
  const { t } = useTranslation(FOLLOWS_NS);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { isSignedIn, isAuthLoading, isFollowing, toggle } = useFollow(target as FollowTarget);
  const [isBusy, setIsBusy] = useState(false);

  const handleClick = async () => {
    if (!isSignedIn) {
      message.info(t('signInToFollow'));
      navigate(`/sign-in?next=${encodeURIComponent(window.location.pathname)}`);
      return;
    }
    setIsBusy(true);
    try {
      const now = await toggle();
      message.success(now ? t('followedToast') : t('unfollowedToast'));
      onChange?.(now);
    } catch (error) {
      message.error(pickLanguage((error as Error).message, currentLanguage()));
    } finally {
      setIsBusy(false);
    }
  };

  const label = isFollowing ? t('following') : t('follow');
  const ariaLabel = name ? t(isFollowing ? 'followingName' : 'followName', { name }) : label;
  return (
    <Button
      size="small"
      shape={variant === 'icon' ? 'circle' : 'round'}
      type={isFollowing ? 'default' : 'primary'}
      danger={!isFollowing}
      loading={isBusy || isAuthLoading || (isSignedIn && isFollowing === null)}
      onClick={handleClick}
      aria-label={ariaLabel}
      data-testid="follow-button"
      data-following={isFollowing ? 'true' : 'false'}
      className={`follow-button${variant === 'icon' ? ' is-icon' : ''}`}
    >
      {variant === 'icon' ? <span aria-hidden>{isFollowing ? '✓' : '+'}</span> : label}
    </Button>
  );
}
