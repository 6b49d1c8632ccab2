import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { currentLanguage } from '../../app/i18n';
import { useReference } from '../../app/reference';
import { pickLanguage } from '../../app/server-errors';
import { useApi } from '../../app/use-api';
import { PageError, PageLoading } from '../../components/page-states';
import { formatDateTime, formatPercent } from '../pipeline/format';
import { campaignsApi, type CampaignSession } from './api';
import { AttachSessionsDialog } from './attach-sessions-dialog';
import { CampaignFigures } from './campaign-figures';
import { CampaignForm } from './campaign-form';
import { CampaignSyntheticTag, PhaseTag } from './campaign-labels';
import { CampaignComparisonChart } from './comparison-chart';
import { formatDay, formatRegion } from './format';
import { CAMPAIGNS_NS } from './i18n';
import './campaigns.css';

const STATUS_COLORS = { live: 'red', scheduled: 'blue', ended: 'default', missed: 'default' } as const;

/** /console/campaigns/:campaignId: edit, add and remove sessions, totals and the sessions compared. */
export default function CampaignConsolePage() {
  const { campaignId = '' } = useParams();
  const { t } = useTranslation(CAMPAIGNS_NS);
  const { message } = App.useApp();
  const language = currentLanguage();
  const { reference } = useReference();
  const [isEditing, setIsEditing] = useState(false);
  const [isAttaching, setIsAttaching] = useState(false);
  const detail = useApi(() => campaignsApi.get(campaignId), campaignId);

  if (detail.error) return <PageError error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <PageLoading />;
  const { campaign, sessions, figures } = detail.data;

  const handleDetach = async (session: CampaignSession) => {
    try {
      await campaignsApi.detach(campaign.id, session.id);
      message.success(t('manage.removed'));
      detail.reload();
    } catch (error) {
      message.error(pickLanguage(error instanceof ApiError ? error.message : String(error), language));
    }
  };
  const count = (pick: (figures: NonNullable<CampaignSession['figures']>) => number) => (session: CampaignSession) => (session.figures ? pick(session.figures) : '—');

  return (
    <div className="stack" data-testid="campaign-console" data-campaign-id={campaign.id}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap align="start">
        <div>
          <Link to="/console/campaigns">← {t('console.title')}</Link>
          <Typography.Title level={3} className="page-title" style={{ margin: '4px 0' }}>{campaign.name}</Typography.Title>
          <Space wrap size={[8, 4]}>
            <PhaseTag phase={campaign.phase} />
            <CampaignSyntheticTag isSynthetic={campaign.isSynthetic} />
            <Typography.Text type="secondary">{t('period', { from: formatDay(campaign.startsOn, language), to: formatDay(campaign.endsOn, language) })}</Typography.Text>
            <Typography.Text type="secondary">{formatRegion(campaign, language, reference) ?? t('national')}</Typography.Text>
            <Typography.Text type="secondary">{t('organiser', { name: campaign.organiserName })}</Typography.Text>
          </Space>
        </div>
        <Space wrap>
          <Link to={`/campaigns/${campaign.id}`}>{t('console.publicPage')}</Link>
          {campaign.canManage ? <Button icon={<EditOutlined />} onClick={() => setIsEditing(true)} data-testid="edit-campaign">{t('console.edit')}</Button> : null}
          {campaign.canManage ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsAttaching(true)} data-testid="open-attach">{t('manage.attach')}</Button> : null}
        </Space>
      </Space>
      {campaign.isSynthetic ? <Alert type="warning" showIcon title={t('syntheticNotice')} /> : null}
      {figures ? <CampaignFigures figures={figures} /> : null}
      <Card title={t('manage.comparison')} size="small">
        {sessions.length === 0 ? <Typography.Text type="secondary">{t('manage.comparisonEmpty')}</Typography.Text> : (
          <CampaignComparisonChart sessions={sessions} language={language} />
        )}
      </Card>
      <Card title={t('manage.sessions')} size="small">
        <Table<CampaignSession>
          rowKey="id"
          size="small"
          dataSource={sessions}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 1300 }}
          locale={{ emptyText: t('page.noSessions') }}
          data-testid="campaign-sessions-table"
          columns={[
            { title: t('manage.columns.session'), key: 'title', width: 240, render: (_value, session) => <Link to={`/live/${session.id}`}>{session.title}</Link> },
            { title: t('manage.columns.status'), key: 'status', width: 90, render: (_value, session) => <Tag color={STATUS_COLORS[session.status]}>{t(`status.${session.status}`)}</Tag> },
            { title: t('manage.columns.startsAt'), key: 'startsAt', width: 120, render: (_value, session) => formatDateTime(session.startsAt, language) },
            { title: t('manage.columns.host'), dataIndex: 'hostName', width: 140 },
            { title: t('manage.columns.viewers'), key: 'viewers', width: 70, render: (_value, session) => count((item) => item.viewers)(session) },
            { title: t('manage.columns.applications'), key: 'applications', width: 70, render: (_value, session) => count((item) => item.applications)(session) },
            { title: t('manage.columns.interviews'), key: 'interviews', width: 70, render: (_value, session) => count((item) => item.interviews)(session) },
            { title: t('manage.columns.hires'), key: 'hires', width: 70, render: (_value, session) => count((item) => item.hires)(session) },
            { title: t('manage.columns.onboarded'), key: 'onboarded', width: 70, render: (_value, session) => count((item) => item.onboarded)(session) },
            { title: t('manage.columns.stayed'), key: 'stayed', width: 70, render: (_value, session) => count((item) => item.stayed7Days)(session) },
            { title: t('manage.columns.attrition'), key: 'attrition', width: 90, render: (_value, session) => (session.figures ? formatPercent(session.figures.sevenDayAttrition) : '—') },
            ...(campaign.canManage ? [{
              title: t('manage.columns.actions'),
              key: 'actions',
              width: 80,
              render: (_value: unknown, session: CampaignSession) => (
                <Popconfirm title={t('manage.removeConfirm')} onConfirm={() => handleDetach(session)}>
                  <Button size="small" type="link" danger data-testid="detach-session">{t('manage.remove')}</Button>
                </Popconfirm>
              ),
            }] : []),
          ]}
        />
      </Card>
      <Modal open={isEditing} onCancel={() => setIsEditing(false)} footer={null} title={t('form.editTitle')} width={640} destroyOnHidden>
        <CampaignForm campaign={campaign} onSaved={() => { setIsEditing(false); detail.reload(); }} />
      </Modal>
      <AttachSessionsDialog campaignId={campaign.id} isOpen={isAttaching} onClose={() => setIsAttaching(false)} onChanged={detail.reload} />
    </div>
  );
}
