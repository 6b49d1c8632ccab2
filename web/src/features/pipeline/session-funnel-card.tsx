import { FunnelChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { Card, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { currentLanguage, type Language } from '../../app/i18n';
import { ApiError } from '../../app/api';
import { useApi } from '../../app/use-api';
import { EChart } from '../../components/echart';
import { PageError } from '../../components/page-states';
import { pipelineApi, type Funnel } from './api';
import { formatDateTime, formatPercent } from './format';
import { sessionFunnelOption } from './funnel-option';
import { PIPELINE_NS } from './i18n';

echarts.use([FunnelChart, TooltipComponent, CanvasRenderer]);

function SessionFunnelChart({ funnel, language }: { funnel: Funnel; language: Language }) {
  const option = useMemo(() => sessionFunnelOption(funnel, language), [funnel, language]);
  return <EChart option={option} height={300} testId="session-funnel-chart" />;
}

/**
 * One session's funnel (viewers → job-card opens → applications → interviews → hires → stayed 7 days) for its
 * host, its employers (their own jobs only), bureaus and admins. For anyone else the API answers 404 and the
 * card renders `unavailable` (nothing by default), so pages may place it without checking the role first.
 */
export function SessionFunnelCard({ sessionId, showSession = false, unavailable = null }: { sessionId: string; showSession?: boolean; unavailable?: ReactNode }) {
  const { t } = useTranslation(PIPELINE_NS);
  const language = currentLanguage();
  const result = useApi(() => pipelineApi.sessionFunnel(sessionId), `session-funnel-${sessionId}`);
  if (result.error instanceof ApiError && (result.error.status === 404 || result.error.status === 403)) return <>{unavailable}</>;
  if (result.error) return <PageError error={result.error} onRetry={result.reload} />;
  const data = result.data;
  const title = showSession && data ? data.funnel.title : t('funnel.title');
  return (
    <Card title={title} size="small" loading={!data} data-testid="session-funnel" extra={showSession ? <Link to={`/live/${sessionId}`}>{t('funnel.openRoom')}</Link> : null}>
      {data ? (
        <>
          {showSession ? (
            <Typography.Paragraph type="secondary">
              {formatDateTime(data.funnel.startsAt, language)}{data.funnel.hostName ? ` · ${t('funnel.hostedBy', { name: data.funnel.hostName })}` : ''}
            </Typography.Paragraph>
          ) : null}
          {data.isCompanyView ? <Typography.Paragraph type="secondary">{t('funnel.companyView')}</Typography.Paragraph> : null}
          <SessionFunnelChart funnel={data.funnel} language={language} />
          <Typography.Text type="secondary" data-testid="session-funnel-rates">
            {t('outcomes.rates', {
              apply: formatPercent(data.funnel.rates.applicationsPerViewer),
              hire: formatPercent(data.funnel.rates.hiresPerApplication),
              stay: formatPercent(data.funnel.rates.stayedPerHire),
            })}
            {' · '}
            {t('outcomes.columns.attrition')} {formatPercent(data.funnel.rates.sevenDayAttrition)}
          </Typography.Text>
        </>
      ) : null}
    </Card>
  );
}
