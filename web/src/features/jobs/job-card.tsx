import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { currentLanguage } from '../../app/i18n';
import { useLocalizedNames } from '../../app/reference';
import { AccountTypeTag } from '../../components/account-type-tag';
import { SyntheticTag } from '../../components/synthetic-notice';
import type { ApplyController } from '../live/use-apply';
import { JOBS_NS } from './i18n';
import { JobApplyButton } from './job-apply-button';
import { JobTags } from './job-tags';
import { formatPay } from './pay';
import type { Job } from './types';

/**
 * A job in a list; with `apply`, its 报名 button sits in the card's corner (beside the link, not inside it). In a
 * 附近 list it says how far the job is; `footer` adds a line (推荐's reasons).
 */
export function JobCard({ job, apply, footer }: { job: Job; apply?: ApplyController; footer?: ReactNode }) {
  const { t } = useTranslation(JOBS_NS);
  const language = currentLanguage();
  const names = useLocalizedNames(language);
  const pay = formatPay(job, language);
  const card = (
    <Link to={`/jobs/${job.id}`} data-testid="job-card">
      {/* Plain markup in a small hoverable antd Card's look: antd's Card brings Tabs and Menu with it. */}
      <div className="plain-card job-card">
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'baseline' }}>
          <h3 className="job-card-title">{job.title}</h3>
          <span className="job-card-pay" data-testid="job-pay">{pay.headline}</span>
        </div>
        <div style={{ display: 'flex', justifyContent: 'space-between', margin: '4px 0 8px' }} className="job-card-meta">
          <span>
            {job.distanceKm !== undefined ? (
              <span className="job-card-distance" data-testid="job-distance" data-km={job.distanceKm}>
                {job.distanceKm === 0 ? t('distance.sameCity') : t('distance.km', { km: job.distanceKm })} ·{' '}
              </span>
            ) : null}
            {names.city(job.cityCode, job.cityName)} · {names.category(job.categoryCode, job.categoryName)} · {t('detail.hiring', { count: job.headcount })}
          </span>
          {pay.secondary ? <span>{pay.secondary}</span> : null}
        </div>
        <JobTags job={job} />
        <div className={`job-card-meta${apply ? ' has-apply' : ''}`} style={{ marginTop: 8, display: 'flex', alignItems: 'center', gap: 6, flexWrap: 'wrap' }}>
          <span>{job.companyName}</span>
          <AccountTypeTag accountType={job.companyAccountType} />
          <SyntheticTag isSynthetic={job.isSynthetic} />
        </div>
        {footer}
      </div>
    </Link>
  );
  if (!apply) return card;
  return (
    <div className="job-card-item" data-job-id={job.id}>
      {card}
      <div className="job-card-apply"><JobApplyButton job={job} apply={apply} variant="card" /></div>
    </div>
  );
}
