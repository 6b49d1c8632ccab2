import { Card, Empty, Segmented, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { currentLanguage } from '../../app/i18n';
import { useReference } from '../../app/reference';
import { useApi } from '../../app/use-api';
import { PageError, PageLoading } from '../../components/page-states';
import { formatDateTime } from '../pipeline/format';
import { campaignsApi, type CampaignPhase, type CampaignSummary } from './api';
import { CampaignSyntheticTag, PhaseTag } from './campaign-labels';
import { formatDay, formatRegion } from './format';
import { CAMPAIGNS_NS } from './i18n';
import './campaigns.css';

type Filter = CampaignPhase | 'all';
const FILTERS: Filter[] = ['running', 'upcoming', 'ended', 'all'];

function CampaignCard({ campaign }: { campaign: CampaignSummary }) {
  const { t } = useTranslation(CAMPAIGNS_NS);
  const navigate = useNavigate();
  const language = currentLanguage();
  const { reference } = useReference();
  const counts = [
    t('counts', { sessions: campaign.sessionCount }),
    campaign.liveCount > 0 ? t('liveCount', { count: campaign.liveCount }) : null,
    campaign.upcomingCount > 0 ? t('upcomingCount', { count: campaign.upcomingCount }) : null,
    campaign.replayCount > 0 ? t('replayCount', { count: campaign.replayCount }) : null,
  ].filter(Boolean).join(' · ');
  return (
    <Card hoverable className="campaign-card" onClick={() => navigate(`/campaigns/${campaign.id}`)} data-testid="campaign-card" data-campaign-id={campaign.id}>
      <Space size={4} wrap style={{ marginBottom: 4 }}>
        <PhaseTag phase={campaign.phase} />
        <CampaignSyntheticTag isSynthetic={campaign.isSynthetic} />
      </Space>
      <h2 className="campaign-card-name"><Link to={`/campaigns/${campaign.id}`} onClick={(event) => event.stopPropagation()}>{campaign.name}</Link></h2>
      <div className="campaign-meta">
        <span>{t('period', { from: formatDay(campaign.startsOn, language), to: formatDay(campaign.endsOn, language) })}</span>
        <span>{formatRegion(campaign, language, reference) ?? t('national')}</span>
      </div>
      <div className="campaign-meta">{counts}</div>
      {campaign.nextSessions.length > 0 ? (
        <ul className="campaign-next">
          {campaign.nextSessions.map((session) => (
            <li key={session.id}>
              <Typography.Text type={session.status === 'live' ? 'danger' : 'secondary'}>{session.status === 'live' ? t('status.live') : formatDateTime(session.startsAt, language)}</Typography.Text>
              <Link to={`/live/${session.id}`} onClick={(event) => event.stopPropagation()}>{session.title}</Link>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}

/** /campaigns: the bureaus' hiring campaigns (春风行动…), running ones first. */
export default function CampaignListPage() {
  const { t } = useTranslation(CAMPAIGNS_NS);
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('phase') as Filter | null;
  const filter: Filter = requested && FILTERS.includes(requested) ? requested : 'all';
  const campaigns = useApi(() => campaignsApi.list({ phase: filter === 'all' ? undefined : filter, limit: 100 }), filter);

  return (
    <div className="stack" data-testid="campaign-list">
      <div>
        <Typography.Title level={3} className="page-title" style={{ marginBottom: 4 }}>{t('list.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('list.subtitle')}</Typography.Text>
      </div>
      <Segmented<Filter>
        value={filter}
        onChange={(value) => setSearchParams(value === 'all' ? {} : { phase: value }, { replace: true })}
        options={FILTERS.map((value) => ({ value, label: t(`phase.${value}`) }))}
      />
      {campaigns.error ? <PageError error={campaigns.error} onRetry={campaigns.reload} /> : null}
      {campaigns.isLoading && !campaigns.data ? <PageLoading /> : null}
      {campaigns.data && campaigns.data.campaigns.length === 0 ? <Empty description={t('list.empty')} /> : null}
      <div className="campaign-grid">
        {(campaigns.data?.campaigns ?? []).map((campaign) => <CampaignCard key={campaign.id} campaign={campaign} />)}
      </div>
    </div>
  );
}
