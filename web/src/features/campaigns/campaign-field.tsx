import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { currentLanguage } from '../../app/i18n';
import { useApi } from '../../app/use-api';
import { campaignsApi } from './api';
import { formatDay } from './format';
import { CAMPAIGNS_NS } from './i18n';

/**
 * The schedule form's optional 所属活动 field (name "campaignId"): bureaus and admins pick one of the campaigns
 * they manage that has not ended. Renders nothing for other roles (the server refuses them a campaign anyway).
 */
export function CampaignFormItem() {
  const { t } = useTranslation(CAMPAIGNS_NS);
  const { user } = useAuth();
  const language = currentLanguage();
  const isManager = user?.role === 'bureau' || user?.role === 'admin';
  const campaigns = useApi(() => (isManager ? campaignsApi.list({ mine: true, limit: 200 }) : Promise.resolve({ campaigns: [] })), `campaign-field:${user?.id ?? ''}`);
  if (!isManager) return null;
  const options = (campaigns.data?.campaigns ?? [])
    .filter((campaign) => campaign.phase !== 'ended')
    .map((campaign) => ({ value: campaign.id, label: `${campaign.name}（${formatDay(campaign.startsOn, language)} – ${formatDay(campaign.endsOn, language)}）` }));
  return (
    <Form.Item name="campaignId" label={t('schedule.campaign')} extra={t('schedule.campaignHint')}>
      <Select options={options} allowClear loading={campaigns.isLoading} data-testid="schedule-campaign" />
    </Form.Item>
  );
}
