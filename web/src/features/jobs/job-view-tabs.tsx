import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { JOBS_NS } from './i18n';
import { readNearCity } from './seeker-place';

type View = 'all' | 'for-me' | 'near';

/** The 附近 link: nearest first, from the city known on this phone if any (the page asks otherwise). */
export function nearHref(query = new URLSearchParams()) {
  const params = new URLSearchParams(query);
  params.set('sort', 'near');
  const near = params.get('near') ?? readNearCity()?.code;
  params.delete('near');
  if (near) params.set('near', near);
  return `/?${params.toString()}`;
}

/** 全部 · 推荐 · 附近 above the job list: 附近 re-orders the list, 推荐 is its own page. `allHref`/`nearHref` keep the filters. */
export function JobViewTabs({ current, allHref = '/', nearLink = nearHref() }: { current: View; allHref?: string; nearLink?: string }) {
  const { t } = useTranslation(JOBS_NS);
  const tabs: Array<{ key: View; to: string; label: string }> = [
    { key: 'all', to: allHref, label: t('views.all') },
    { key: 'for-me', to: '/for-you', label: t('views.forMe') },
    { key: 'near', to: nearLink, label: t('views.near') },
  ];
  return (
    <nav className="job-view-tabs" aria-label={t('views.label')} data-testid="job-view-tabs">
      {tabs.map((tab) => (
        <Link key={tab.key} to={tab.to} replace={current !== 'for-me' && tab.key !== 'for-me'} className={`job-view-tab${tab.key === current ? ' is-active' : ''}`}
          aria-current={tab.key === current ? 'page' : undefined} data-testid={`job-view-${tab.key}`}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
