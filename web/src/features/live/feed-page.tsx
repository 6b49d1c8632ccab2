import { ArrowLeftOutlined } from '@ant-design/icons';
import { Empty } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { useApi } from '../../app/use-api';
import { PageError, PageLoading } from '../../components/page-states';
import { listSessions, type SessionSummary } from './api';
import { FeedItem } from './feed-item';
import { LIVE_NS } from './i18n';
import './live.css';
import './feed.css';

type Loaded = { sessions: SessionSummary[]; receivedAt: number };

/**
 * /feed — 刷直播: live rooms full-screen one after the other (then upcoming ones), swiped vertically (CSS scroll
 * snap; arrow keys, Page Up/Down and the wheel too). The room in view plays muted; the others show their latest
 * frame, and their players are torn down.
 */
export default function FeedPage() {
  const { t } = useTranslation(LIVE_NS);
  const navigate = useNavigate();
  const { user } = useAuth();
  const feed = useApi<Loaded>(async () => ({ ...(await listSessions({ status: ['live', 'scheduled'], limit: 30 })), receivedAt: Date.now() }), `feed:${user?.id ?? ''}`);
  const scroller = useRef<HTMLDivElement>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const sessions = feed.data?.sessions ?? [];

  // The room that fills most of the screen is the one that plays.
  useEffect(() => {
    const root = scroller.current;
    if (!root || sessions.length === 0) return;
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) setActiveIndex(Number((entry.target as HTMLElement).dataset.index));
      }
    }, { root, threshold: 0.6 });
    for (const item of root.querySelectorAll('[data-testid="feed-item"]')) observer.observe(item);
    return () => observer.disconnect();
  }, [sessions.length]);

  const scrollToIndex = useCallback((index: number) => {
    const root = scroller.current;
    if (!root) return;
    const target = Math.max(0, Math.min(index, sessions.length - 1));
    root.scrollTo({ top: target * root.clientHeight, behavior: 'smooth' });
  }, [sessions.length]);

  useEffect(() => {
    const handleKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
      if (event.key === 'ArrowDown' || event.key === 'PageDown' || event.key === 'j') scrollToIndex(activeIndex + 1);
      else if (event.key === 'ArrowUp' || event.key === 'PageUp' || event.key === 'k') scrollToIndex(activeIndex - 1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', handleKey);
    return () => window.removeEventListener('keydown', handleKey);
  }, [activeIndex, scrollToIndex]);

  useEffect(() => {
    const previous = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    return () => {
      document.body.style.overflow = previous;
    };
  }, []);

  return (
    <div className="live-feed" data-testid="live-feed">
      <button type="button" className="feed-back" onClick={() => navigate('/live')} aria-label={t('room.back')} data-testid="feed-back">
        <ArrowLeftOutlined />
      </button>
      <div className="feed-scroller" ref={scroller} data-active-index={activeIndex}>
        {feed.isLoading && !feed.data ? <div className="feed-message"><PageLoading /></div> : null}
        {feed.error ? <div className="feed-message"><PageError error={feed.error} onRetry={feed.reload} /></div> : null}
        {feed.data && sessions.length === 0 ? <div className="feed-message"><Empty description={t('feed.empty')} /></div> : null}
        {sessions.map((session, index) => (
          <FeedItem
            key={session.id}
            index={index}
            session={session}
            startsAtLocal={(feed.data?.receivedAt ?? Date.now()) + session.secondsUntilStart * 1000}
            isActive={index === activeIndex}
            hasNext={index + 1 < sessions.length}
            onNext={() => scrollToIndex(index + 1)}
          />
        ))}
      </div>
    </div>
  );
}
