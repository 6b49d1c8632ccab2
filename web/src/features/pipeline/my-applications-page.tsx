import { Button, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApi } from '../../app/use-api';
import { PageError, PageLoading } from '../../components/page-states';
import { pipelineApi } from './api';
import { PIPELINE_NS } from './i18n';
import { MyApplicationCard } from './my-application-card';
import { PrivacyPanel } from './privacy-panel';

/** The seeker's "my applications": each with its status and next step, interviews to answer, and my data. */
export default function MyApplicationsPage() {
  const { t } = useTranslation(PIPELINE_NS);
  const { data, error, isLoading, reload } = useApi(pipelineApi.listMyApplications, 'my-applications');
  if (isLoading && !data) return <PageLoading />;
  if (error) return <PageError error={error} onRetry={reload} />;
  const applications = data?.applications ?? [];
  return (
    <div className="stack" style={{ maxWidth: 760, margin: '0 auto', width: '100%' }} data-testid="my-applications">
      <Typography.Title level={3} className="page-title">{t('seeker.title')}</Typography.Title>
      {applications.length === 0 ? (
        <Empty description={t('seeker.empty')}><Link to="/"><Button type="primary">{t('seeker.findJobs')}</Button></Link></Empty>
      ) : applications.map((application) => <MyApplicationCard key={application.id} application={application} onChanged={reload} />)}
      <PrivacyPanel />
    </div>
  );
}
