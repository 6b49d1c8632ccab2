import { App, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useApi } from '../../../app/use-api';
import { PageError, PageLoading } from '../../../components/page-states';
import { getJob, updateJob } from '../api';
import type { JobInput } from '../types';
import { EMPLOYER_JOBS_NS } from './i18n';
import { JobForm } from './job-form';
import { jobToFormValues } from './job-form-values';

export default function EditJobPage() {
  const { t } = useTranslation(EMPLOYER_JOBS_NS);
  const { jobId = '' } = useParams();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data: job, error, isLoading, reload } = useApi(() => getJob(jobId), jobId);
  if (isLoading && !job) return <PageLoading />;
  if (error || !job) return <PageError error={error ?? new Error('')} onRetry={reload} />;

  const handleSubmit = async (input: JobInput) => {
    await updateJob(job.id, input);
    message.success(t('form.saved'));
    navigate('/employer/jobs');
  };

  return (
    <div className="form-card" style={{ margin: '0 auto' }}>
      <Typography.Title level={3} className="page-title">{t('form.editTitle')}</Typography.Title>
      <JobForm key={job.id} initialValues={jobToFormValues(job)} submitLabel={t('form.save')} onSubmit={handleSubmit} />
    </div>
  );
}
