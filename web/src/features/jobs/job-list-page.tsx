import { Button } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageError } from '../../components/page-states';
import { SyntheticNotice } from '../../components/synthetic-notice';
import { LazyApplySheet } from '../live/lazy-apply-sheet';
import { useApply } from '../live/use-apply';
import { JOBS_NS } from './i18n';
import { JobCard } from './job-card';
import { parseJobFilters, toSearchParams, type JobFilters } from './job-filters';
import { JobViewTabs, nearHref } from './job-view-tabs';
import { useJobList } from './use-job-list';

// 附近's location bar loads only when 附近 is chosen (the first screen stays small).
const NearMeBar = lazy(() => import('./near-me-bar'));
// The filters' selects and search box (antd Select, Input) load right after the list, not before it: the cards
// are what a seeker came for. The placeholder keeps their place so that nothing jumps when they arrive.
const JobFilterBar = lazy(() => import('./job-filter-bar').then((module) => ({ default: module.JobFilterBar })));

/** The seeker's home: filters (kept in the URL) and job cards, phone first. */
export default function JobListPage() {
  const { t } = useTranslation(JOBS_NS);
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = parseJobFilters(searchParams);
  const filterKey = toSearchParams(filters).toString();
  const { state, hasMore, loadMore, retry } = useJobList(filterKey);
  const apply = useApply(null);
  const handleFiltersChange = (next: JobFilters) => setSearchParams(toSearchParams(next), { replace: true });
  const handleNearCity = (nearCityCode: string) => handleFiltersChange({ ...filters, isNearSort: true, nearCityCode });

  return (
    <div className="stack">
      <div>
        <h1 className="page-heading">{t('list.title')}</h1>
        <p className="page-subtitle">{t('list.subtitle')}</p>
      </div>
      <JobViewTabs
        current={filters.isNearSort ? 'near' : 'all'}
        allHref={`/?${toSearchParams({ ...filters, isNearSort: undefined, nearCityCode: undefined }).toString()}`}
        nearLink={nearHref(toSearchParams(filters))}
      />
      {filters.isNearSort ? (
        <Suspense fallback={<div className="near-me-bar" />}>
          <NearMeBar nearCityCode={filters.nearCityCode} onNearCity={handleNearCity} />
        </Suspense>
      ) : null}
      <Suspense fallback={<div className="filter-bar filter-bar-placeholder" aria-hidden="true" />}>
        <JobFilterBar filters={filters} onChange={handleFiltersChange} />
      </Suspense>
      <SyntheticNotice isShown={state.jobs.some((job) => job.isSynthetic)} />
      <section className="stack" data-testid="job-results" data-loaded-for={state.loadedFor ?? undefined} aria-busy={state.isLoading}>
        {state.error ? <PageError error={state.error} onRetry={retry} /> : null}
        {!state.error && !state.isLoading ? <p className="page-subtitle" data-testid="job-total">{t('list.total', { count: state.total })}</p> : null}
        {state.jobs.length > 0 ? (
          <div className="job-grid" data-testid="job-list">
            {state.jobs.map((job) => <JobCard key={job.id} job={job} apply={apply} />)}
          </div>
        ) : null}
        {state.isLoading ? <div className="skeleton" aria-hidden="true"><span /><span /><span /><span /><span /></div> : null}
        {!state.isLoading && !state.error && state.jobs.length === 0 ? <p className="page-state page-state-text" data-testid="job-list-empty">{t('list.empty')}</p> : null}
        {hasMore && !state.isLoading ? <Button block onClick={() => void loadMore()} data-testid="load-more">{t('list.loadMore')}</Button> : null}
      </section>
      <LazyApplySheet controller={apply} />
    </div>
  );
}
