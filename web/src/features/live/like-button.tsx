import { HeartFilled } from '@ant-design/icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { formatCount } from './format';
import { LIVE_NS } from './i18n';

const SEND_EVERY_MS = 500;
const MAX_PER_SEND = 50;
const HEART_COLORS = ['#ff4d4f', '#ff85c0', '#ffc53d', '#73d13d', '#40a9ff', '#b37feb'];

type Props = { likes: number; isEnabled: boolean; onLikes: (count: number) => void };

/**
 * Taps are counted here and sent together every half second (the server sums them per room and announces
 * the total once a second); each tap floats a heart.
 */
export function LikeButton({ likes, isEnabled, onLikes }: Props) {
  const { t } = useTranslation(LIVE_NS);
  const pending = useRef(0);
  const [hearts, setHearts] = useState<Array<{ key: number; color: string; drift: number }>>([]);
  const [optimistic, setOptimistic] = useState(likes);
  const counter = useRef(0);
  const sendRef = useRef(onLikes);
  sendRef.current = onLikes;

  useEffect(() => {
    const timer = setInterval(() => {
      if (pending.current === 0) return;
      const count = Math.min(pending.current, MAX_PER_SEND);
      pending.current -= count;
      sendRef.current(count);
    }, SEND_EVERY_MS);
    return () => clearInterval(timer);
  }, []);

  const handleTap = () => {
    if (!isEnabled) return;
    pending.current += 1;
    counter.current += 1;
    setOptimistic((previous) => Math.max(previous, likes) + 1);
    const key = counter.current;
    setHearts((previous) => [...previous.slice(-11), { key, color: HEART_COLORS[key % HEART_COLORS.length]!, drift: (key % 5) - 2 }]);
  };

  return (
    <div className="room-like">
      {hearts.map((heart) => (
        <HeartFilled
          key={heart.key}
          className="floating-heart"
          style={{ color: heart.color, ['--drift' as string]: `${heart.drift * 8}px` }}
          onAnimationEnd={() => setHearts((previous) => previous.filter((item) => item.key !== heart.key))}
        />
      ))}
      <button type="button" className="room-round-button is-like" onClick={handleTap} aria-label={t('room.like')} data-testid="like-button" disabled={!isEnabled}>
        <HeartFilled />
      </button>
      <span className="room-like-count" data-testid="like-count">{formatCount(Math.max(likes, optimistic), currentLanguage())}</span>
    </div>
  );
}
