import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { currentLanguage } from '../../app/i18n';
import { useReference } from '../../app/reference';
import { useApi } from '../../app/use-api';
import { PageError } from '../../components/page-states';
import { campaignsApi, type CampaignSummary } from './api';
import { CampaignForm } from './campaign-form';
import { CampaignSyntheticTag, PhaseTag } from './campaign-labels';
import { formatDay, formatRegion } from './format';
import { CAMPAIGNS_NS } from './i18n';
import './campaigns.css';

/** /console/campaigns: the campaigns a bureau (its province's) or an admin manages, and 新建活动. */
export default function CampaignsConsolePage() {
  const { t } = useTranslation(CAMPAIGNS_NS);
  const navigate = useNavigate();
  const language = currentLanguage();
  const { reference } = useReference();
  const [isCreating, setIsCreating] = useState(false);
  const campaigns = useApi(() => campaignsApi.list({ mine: true, limit: 200 }), 'mine');

  return (
    <div className="stack" data-testid="campaigns-console">
      <div>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Typography.Title level={3} className="page-title" style={{ marginBottom: 0 }}>{t('console.title')}</Typography.Title>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)} data-testid="create-campaign">{t('console.create')}</Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>{t('console.subtitle')}</Typography.Paragraph>
      </div>
      {campaigns.error ? <PageError error={campaigns.error} onRetry={campaigns.reload} /> : (
        <Card>
          <Table<CampaignSummary>
            rowKey="id"
            loading={campaigns.isLoading}
            dataSource={campaigns.data?.campaigns ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: t('console.empty') }}
            scroll={{ x: 820 }}
            data-testid="campaigns-table"
            columns={[
              {
                title: t('console.columns.name'),
                key: 'name',
                render: (_value, campaign) => (
                  <Space size={4} wrap>
                    <Link to={`/console/campaigns/${campaign.id}`} style={{ fontWeight: 600 }}>{campaign.name}</Link>
                    <CampaignSyntheticTag isSynthetic={campaign.isSynthetic} />
                  </Space>
                ),
              },
              { title: t('console.columns.period'), key: 'period', width: 230, render: (_value, campaign) => t('period', { from: formatDay(campaign.startsOn, language), to: formatDay(campaign.endsOn, language) }) },
              { title: t('console.columns.region'), key: 'region', width: 130, render: (_value, campaign) => formatRegion(campaign, language, reference) ?? t('national') },
              { title: t('console.columns.phase'), key: 'phase', width: 100, render: (_value, campaign) => <PhaseTag phase={campaign.phase} /> },
              { title: t('console.columns.sessions'), dataIndex: 'sessionCount', width: 90 },
              {
                title: t('console.columns.actions'),
                key: 'actions',
                width: 170,
                render: (_value, campaign) => (
                  <Space>
                    <Link to={`/console/campaigns/${campaign.id}`} data-testid="manage-campaign">{t('console.open')}</Link>
                    <Link to={`/campaigns/${campaign.id}`}>{t('console.publicPage')}</Link>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      )}
      <Modal open={isCreating} onCancel={() => setIsCreating(false)} footer={null} title={t('form.createTitle')} width={640} destroyOnHidden>
        <CampaignForm onSaved={(detail) => navigate(`/console/campaigns/${detail.campaign.id}`)} />
      </Modal>
    </div>
  );
}
