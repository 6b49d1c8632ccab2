import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { currentLanguage } from '../../../app/i18n';
import { useApi } from '../../../app/use-api';
import { PageError } from '../../../components/page-states';
import { StatedOccupationCard } from '../../impact/occupation-fields';
import { listSessions, type SessionSummary } from '../api';
import { formatStart } from '../format';
import { LIVE_NS } from '../i18n';
import { ScheduleSessionForm } from './schedule-session-form';
import { STATUS_COLORS } from './status';
import '../live.css';

/** /host/sessions: the host's sessions (live first, then upcoming, then ended), 安排直播, and the host's own occupation. */
export default function HostSessionsPage() {
  const { t } = useTranslation(LIVE_NS);
  const navigate = useNavigate();
  const { user } = useAuth();
  const [isScheduling, setIsScheduling] = useState(false);
  const sessions = useApi(() => listSessions({ mine: true, status: ['live', 'scheduled', 'ended'], limit: 100 }), 'mine');
  const order = { live: 0, scheduled: 1, ended: 2, missed: 3 };
  const rows = [...(sessions.data?.sessions ?? [])].sort((a, b) => order[a.status] - order[b.status] || (a.status === 'ended' ? b.startsAt.localeCompare(a.startsAt) : a.startsAt.localeCompare(b.startsAt)));
  const now = new Date();
  const language = currentLanguage();

  return (
    <div data-testid="host-sessions">
      <div className="host-page-head">
        <div>
          <h1 className="page-title" style={{ marginBottom: 0 }}>{t('host.sessionsTitle')}</h1>
          <p>{t('host.sessionsSubtitle')}</p>
        </div>
        <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setIsScheduling(true)} data-testid="schedule-session">
          {t('host.schedule')}
        </Button>
      </div>
      {sessions.error ? <PageError error={sessions.error} onRetry={sessions.reload} /> : null}
      <Card>
        <Table<SessionSummary>
          rowKey="id"
          loading={sessions.isLoading}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: t('host.emptySessions') }}
          data-testid="host-sessions-table"
          onRow={(session) => ({ onClick: () => navigate(`/host/sessions/${session.id}`), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('host.columns.title'),
              key: 'title',
              render: (_value, session) => (
                <div>
                  <Link to={`/host/sessions/${session.id}`} style={{ fontWeight: 600 }}>{session.title}</Link>
                  <div style={{ color: 'var(--jc-text-secondary)', fontSize: 12 }}>{session.employerNames.join(' · ')}</div>
                </div>
              ),
            },
            { title: t('host.columns.status'), key: 'status', width: 110, render: (_value, session) => <Tag color={STATUS_COLORS[session.status]}>{t(`status.${session.status}`)}</Tag> },
            { title: t('host.columns.startsAt'), key: 'startsAt', width: 160, render: (_value, session) => formatStart(session.startsAt, now, language) },
            { title: t('host.columns.jobs'), dataIndex: 'jobCount', width: 80 },
            { title: t('host.columns.bookings'), dataIndex: 'bookingCount', width: 80 },
            {
              title: '',
              key: 'open',
              width: 130,
              render: (_value, session) => <Link to={`/host/sessions/${session.id}`} data-testid="open-console">{t('host.openConsole')}</Link>,
            },
          ]}
        />
      </Card>
      {/* Below the sessions, which come first; employers state theirs on 企业中心, admins none. */}
      {user?.role === 'host' || user?.role === 'bureau' ? <div style={{ marginTop: 16 }}><StatedOccupationCard /></div> : null}
      <Modal open={isScheduling} onCancel={() => setIsScheduling(false)} footer={null} title={t('host.form.title')} width={640} destroyOnHidden>
        <ScheduleSessionForm onScheduled={(session) => navigate(`/host/sessions/${session.id}`)} />
      </Modal>
    </div>
  );
}
