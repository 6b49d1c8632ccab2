import { CheckCircleOutlined, ClockCircleOutlined, PhoneOutlined } from '@ant-design/icons';
import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/use-api';
import { pipelineApi, type TrustSignals } from './api';
import { formatHours, formatPercent } from './format';
import { PIPELINE_NS } from './i18n';

/** How fast a company (or a host's employers) contacts applicants and how many hires stay 7 days. */
export function TrustSignalsCard({ companyId, hostUserId }: { companyId?: string; hostUserId?: string }) {
  const { t } = useTranslation(PIPELINE_NS);
  const key = companyId ?? hostUserId ?? '';
  const { data } = useApi<TrustSignals>(() => (companyId ? pipelineApi.companyTrust(companyId) : pipelineApi.hostTrust(hostUserId!)), key);
  if (!data) return null;
  const hours = formatHours(data.medianHoursToFirstContact);
  return (
    <Card size="small" title={t('trust.title')} data-testid="trust-signals">
      {data.hasEnoughData || data.contactedShare !== null ? (
        <Space orientation="vertical" size={2}>
          {hours !== null ? <Typography.Text data-testid="trust-first-contact"><ClockCircleOutlined /> {t('trust.firstContact', { hours })}</Typography.Text> : null}
          {data.contactedShare !== null ? <Typography.Text><PhoneOutlined /> {t('trust.contactedShare', { share: formatPercent(data.contactedShare) })}</Typography.Text> : null}
          {data.sevenDayStayRate !== null ? <Typography.Text data-testid="trust-stay-rate"><CheckCircleOutlined /> {t('trust.stayRate', { rate: formatPercent(data.sevenDayStayRate) })}</Typography.Text> : null}
        </Space>
      ) : <Typography.Text type="secondary">{t('trust.notEnough', { count: data.minimumSample })}</Typography.Text>}
    </Card>
  );
}
