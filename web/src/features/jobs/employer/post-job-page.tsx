import { App, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { useApi } from '../../../app/use-api';
import { PageError, PageLoading } from '../../../components/page-states';
import { getOwnCompany } from '../../companies/api';
import { CompanyStatusBanner } from '../../companies/company-status-banner';
import { createJob } from '../api';
import { EMPLOYER_JOBS_NS } from './i18n';
import { JobForm } from './job-form';
import { emptyJobFormValues } from './job-form-values';

export default function PostJobPage() {
  const { t } = useTranslation(EMPLOYER_JOBS_NS);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data, error, isLoading, reload } = useApi(getOwnCompany, 'own-company');
  if (isLoading && !data) return <PageLoading />;
  if (error || !data) return <PageError error={error ?? new Error('')} onRetry={reload} />;
  const { company } = data;
  if (!company) return <Navigate to="/employer/company" replace />;

  if (company.status !== 'verified') {
    return (
      <div className="stack form-card" style={{ margin: '0 auto' }}>
        <Typography.Title level={3} className="page-title">{t('form.postTitle')}</Typography.Title>
        <CompanyStatusBanner company={company} />
        <div><Link to="/employer"><Button>{t('form.goCompany')}</Button></Link></div>
      </div>
    );
  }

  const handleSubmit = async (input: Parameters<typeof createJob>[0]) => {
    await createJob(input);
    message.success(t('form.published'));
    navigate('/employer/jobs');
  };

  return (
    <div className="form-card" style={{ margin: '0 auto' }}>
      <Typography.Title level={3} className="page-title">{t('form.postTitle')}</Typography.Title>
      <JobForm initialValues={emptyJobFormValues({ cityCode: company.cityCode, industryCode: company.industryCode })} submitLabel={t('form.submit')} onSubmit={handleSubmit} />
    </div>
  );
}
