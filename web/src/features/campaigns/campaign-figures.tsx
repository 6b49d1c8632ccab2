import { Card, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../pipeline/format';
import type { CampaignDetail } from './api';
import { CAMPAIGNS_NS } from './i18n';

/** The campaign's totals (outcome figures of its applications, plus sessions and unique viewers). */
export function CampaignFigures({ figures }: { figures: NonNullable<CampaignDetail['figures']> }) {
  const { t } = useTranslation(CAMPAIGNS_NS);
  const { totals } = figures;
  const items: Array<[string, number | string]> = [
    ['sessions', totals.sessions], ['viewers', totals.viewers], ['applications', totals.applications], ['interviews', totals.interviews],
    ['hires', totals.hires], ['onboarded', totals.onboarded], ['stayed', totals.stayed7Days], ['attrition', formatPercent(totals.sevenDayAttrition)],
  ];
  return (
    <Card title={t('manage.totals')} size="small" data-testid="campaign-totals">
      <div className="campaign-figures">
        {items.map(([key, value]) => (
          <Statistic key={key} title={t(`manage.figures.${key}`)} value={value} data-testid={`campaign-total-${key}`} />
        ))}
      </div>
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
        {figures.scope === 'province' ? t('manage.scopeProvince') : t('manage.scopeAll')}
      </Typography.Paragraph>
    </Card>
  );
}
