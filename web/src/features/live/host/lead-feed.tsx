import { Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HostApplication } from '../api';
import { LIVE_NS } from '../i18n';

const time = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { hour12: false });

/** 实时报名: newest first; phone numbers arrive masked (138****5678) from the server. */
export function LeadFeed({ applications, freshIds }: { applications: HostApplication[]; freshIds: ReadonlySet<number> }) {
  const { t } = useTranslation(LIVE_NS);
  return (
    <Card title={`${t('host.applications.title')} (${applications.length})`} size="small" data-testid="lead-feed">
      {applications.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('host.applications.empty')} /> : null}
      <ol className="lead-feed">
        {applications.map((application) => (
          <li key={application.id} className={`lead-item${freshIds.has(application.id) ? ' is-new' : ''}`} data-testid="lead-item" data-job-id={application.jobId}>
            <div>
              <span className="lead-who">{application.seekerName}</span> <span className="lead-phone" data-testid="lead-phone">{application.maskedPhone}</span>
              <div className="lead-meta">{application.jobTitle} · {application.seekerCityName}</div>
            </div>
            <div className="lead-meta" style={{ textAlign: 'right' }}>
              <div>{time(application.appliedAt)}</div>
              <div>{t(`host.applications.source.${application.source}`, { defaultValue: application.source })}</div>
            </div>
          </li>
        ))}
      </ol>
    </Card>
  );
}
