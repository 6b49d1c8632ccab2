import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OFFLINE_DATA_EVENT } from '../app/api';

/** Says so when the phone is offline, and when what is shown is the service worker's saved copy (with its time). */
export function OfflineNotice() {
  const { t, i18n } = useTranslation();
  const [isOffline, setIsOffline] = useState(() => typeof navigator !== 'undefined' && navigator.onLine === false);
  const [savedAt, setSavedAt] = useState<string | null>(null);

  useEffect(() => {
    const handleOffline = () => setIsOffline(true);
    const handleOnline = () => {
      setIsOffline(false);
      setSavedAt(null);
    };
    const handleSaved = (event: Event) => setSavedAt((event as CustomEvent<{ savedAt: string }>).detail.savedAt);
    window.addEventListener('offline', handleOffline);
    window.addEventListener('online', handleOnline);
    window.addEventListener(OFFLINE_DATA_EVENT, handleSaved);
    return () => {
      window.removeEventListener('offline', handleOffline);
      window.removeEventListener('online', handleOnline);
      window.removeEventListener(OFFLINE_DATA_EVENT, handleSaved);
    };
  }, []);

  if (!isOffline && !savedAt) return null;
  const time = savedAt ? new Date(savedAt).toLocaleString(i18n.language === 'en' ? 'en' : 'zh-CN', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }) : '';
  // Plain markup in antd's warning-alert look (global.css .notice): it is part of every page's first screen.
  return (
    <div className="notice notice-warning" role="status" data-testid="offline-notice">
      <span className="notice-icon" aria-hidden="true">!</span>
      <span>{savedAt ? t('common.offlineSaved', { time }) : t('common.offline')}</span>
    </div>
  );
}
