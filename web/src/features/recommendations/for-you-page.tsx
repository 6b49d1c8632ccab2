import { Button, Empty, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { currentLanguage } from '../../app/i18n';
import { useLocalizedNames } from '../../app/reference';
import { PageError } from '../../components/page-states';
import { SyntheticNotice } from '../../components/synthetic-notice';
import { JobCard } from '../jobs/job-card';
import { JobViewTabs } from '../jobs/job-view-tabs';
import { readNearCity, readSeekerPrefs, saveNearCity, type SeekerPrefs } from '../jobs/seeker-place';
import { LazyApplySheet } from '../live/lazy-apply-sheet';
import { useApply } from '../live/use-apply';
import { getProfile, type Profile } from '../seekers/api';
import { getRecommendations, savePreferences, type Recommendations } from './api';
import FirstUseSheet from './first-use-sheet';
import { RECOMMENDATIONS_NS } from './i18n';
import { ReasonTags } from './reasons';
import './recommendations.css';

type LoadState = { data: Recommendations | null; error: Error | null; isLoading: boolean; loadedFor: string | null };

/**
 * What 推荐 is asked for: the device's (or chosen) city, and the first-use answers kept on the phone while the
 * server does not have them (no quick profile yet, or a guest).
 */
function recommendationQuery(profile: Profile | null, prefs: SeekerPrefs | null) {
  const near = readNearCity();
  const cityCode = near && near.source !== 'home' ? near.code : profile?.currentCityCode ? undefined : prefs?.cityCode ?? undefined;
  const categories = profile && profile.desiredCategories.length > 0 ? undefined : prefs?.categories;
  return { cityCode, categories };
}

/** 推荐: jobs and live sessions ranked for this seeker, each with the reason it is shown. */
export default function ForYouPage() {
  const { t } = useTranslation(RECOMMENDATIONS_NS);
  const { user } = useAuth();
  const names = useLocalizedNames(currentLanguage());
  const isSeeker = user?.role === 'seeker';
  // undefined while a seeker's quick profile loads.
  const [profile, setProfile] = useState<Profile | null | undefined>(isSeeker ? undefined : null);
  const [prefs, setPrefs] = useState(readSeekerPrefs);
  const [isSheetOpen, setIsSheetOpen] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<LoadState>({ data: null, error: null, isLoading: true, loadedFor: null });
  const apply = useApply(null);

  useEffect(() => {
    let isCurrent = true;
    if (!isSeeker) setProfile(null);
    else getProfile().then(({ profile: loaded }) => isCurrent && setProfile(loaded)).catch(() => isCurrent && setProfile(null));
    return () => {
      isCurrent = false;
    };
  }, [isSeeker]);

  // Asked once: on first use, unless the quick profile already says what work is wanted.
  useEffect(() => {
    if (profile !== undefined && !readSeekerPrefs() && !(profile && profile.desiredCategories.length > 0)) setIsSheetOpen(true);
  }, [profile]);

  const query = profile === undefined ? null : recommendationQuery(profile, prefs);
  const queryKey = query ? JSON.stringify(query) : null;
  useEffect(() => {
    if (!query || !queryKey) return;
    let isCurrent = true;
    setState((previous) => ({ ...previous, isLoading: true, error: null }));
    getRecommendations(query)
      .then((data) => isCurrent && setState({ data, error: null, isLoading: false, loadedFor: queryKey }))
      .catch((error: Error) => isCurrent && setState((previous) => ({ ...previous, error, isLoading: false })));
    return () => {
      isCurrent = false;
    };
    // The key stands for the query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queryKey, attempt]);

  const handleSave = async (saved: SeekerPrefs) => {
    if (saved.cityCode && !readNearCity()) saveNearCity({ code: saved.cityCode, source: 'chosen' });
    if (profile) {
      await savePreferences({ currentCityCode: saved.cityCode, desiredCategories: saved.categories }).catch(() => undefined);
      setProfile((await getProfile().catch(() => ({ profile }))).profile);
    }
    setPrefs(saved);
    setIsSheetOpen(false);
    setAttempt((value) => value + 1);
  };

  const basis = state.data?.basis;
  const basisParts = basis ? [
    basis.cityCode ? t('page.basisCity', { city: names.city(basis.cityCode, basis.cityCode) }) : null,
    basis.homeCityCode && basis.homeCityCode !== basis.cityCode ? t('page.basisHome', { city: names.city(basis.homeCityCode, basis.homeCityCode) }) : null,
    basis.categories.length > 0 ? t('page.basisCategories', { names: basis.categories.map((code) => names.category(code, code)).join(currentLanguage() === 'en' ? ', ' : '、') }) : null,
    basis.followCount > 0 ? t('page.basisFollows', { count: basis.followCount }) : null,
    basis.applicationCount > 0 ? t('page.basisApplications', { count: basis.applicationCount }) : null,
  ].filter(Boolean) : [];
  const sheetInitial = {
    cityCode: profile?.currentCityCode ?? prefs?.cityCode ?? readNearCity()?.code ?? null,
    categories: profile && profile.desiredCategories.length > 0 ? profile.desiredCategories : prefs?.categories ?? [],
  };
  const jobs = state.data?.jobs ?? [];
  const sessions = state.data?.sessions ?? [];

  return (
    <div className="stack for-you-page">
      <div>
        <h1 className="page-heading">{t('page.title')}</h1>
        <p className="page-subtitle">{t('page.subtitle')}</p>
      </div>
      <JobViewTabs current="for-me" />
      <div className="for-you-basis" data-testid="for-you-basis">
        <span>{basisParts.length > 0 ? t('page.basis', { parts: basisParts.join(' · ') }) : basis ? t('page.basisNone') : '\u00a0'}</span>
        <Button size="small" onClick={() => setIsSheetOpen(true)} data-testid="for-you-change">{t('page.change')}</Button>
      </div>
      <SyntheticNotice isShown={jobs.some((item) => item.job.isSynthetic) || sessions.some((item) => item.session.isSynthetic)} />
      <section className="stack" data-testid="for-you-results" data-loaded-for={state.loadedFor ?? undefined} aria-busy={state.isLoading}>
        {state.error ? <PageError error={state.error} onRetry={() => setAttempt((value) => value + 1)} /> : null}
        {state.isLoading && !state.data ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
        {sessions.length > 0 ? (
          <div>
            <h2 className="section-heading">{t('page.sessions')}</h2>
            <ul className="for-you-sessions" data-testid="for-you-sessions">
              {sessions.map(({ session, reasons }) => (
                <li key={session.id} data-session-id={session.id}>
                  <Link to={`/live/${session.id}`} className="for-you-session" data-testid="for-you-session">
                    <span className={`for-you-status is-${session.status}`}>{session.status === 'live' ? t('page.live') : t('page.scheduled')}</span>
                    <span className="for-you-session-title">{session.title}</span>
                    <span className="for-you-session-meta">
                      {session.hostName}{session.cityCode ? ` · ${names.city(session.cityCode, session.cityName ?? '')}` : ''}
                    </span>
                    <ReasonTags reasons={reasons} />
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {jobs.length > 0 ? (
          <div>
            <h2 className="section-heading">{t('page.jobs')}</h2>
            <div className="job-grid" data-testid="for-you-jobs">
              {jobs.map(({ job, reasons }) => <JobCard key={job.id} job={job} apply={apply} footer={<ReasonTags reasons={reasons} />} />)}
            </div>
          </div>
        ) : null}
        {state.data && !state.isLoading && jobs.length === 0 && sessions.length === 0 ? (
          <Empty description={t('page.empty')} data-testid="for-you-empty"><Link to="/">{t('page.toAll')}</Link></Empty>
        ) : null}
      </section>
      {isSheetOpen ? <FirstUseSheet isOpen initial={sheetInitial} onSave={handleSave} onClose={() => { setIsSheetOpen(false); setPrefs(readSeekerPrefs()); }} /> : null}
      <LazyApplySheet controller={apply} />
    </div>
  );
}
