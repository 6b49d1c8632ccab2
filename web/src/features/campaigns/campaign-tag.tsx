import { FlagOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CAMPAIGNS_NS } from './i18n';
import './campaigns.css';

/** The campaign a session belongs to (活动 · 春风行动…), linking to the campaign's public page. */
export function CampaignTag({ campaign }: { campaign: { id: string; name: string } | null }) {
  const { t } = useTranslation(CAMPAIGNS_NS);
  if (!campaign) return null;
  return (
    <Link to={`/campaigns/${campaign.id}`} className="campaign-tag" data-testid="session-campaign-tag" title={campaign.name}>
      <FlagOutlined /> <span className="campaign-tag-kind">{t('tag')}</span> {campaign.name}
    </Link>
  );
}
