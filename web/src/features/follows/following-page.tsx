import { HeartOutlined, ShopOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Empty } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApi } from '../../app/use-api';
import { PageError, PageLoading } from '../../components/page-states';
import type { SessionStatus } from '../live/api';
import { listCompanySessions, listHostSessions, type SessionSummary } from '../profiles/api';
import { ProfileSessions } from '../profiles/profile-sessions';
import '../profiles/profiles.css';
import { listFollows, type FollowTarget } from './api';
import { FollowButton } from './follow-button';
import { FOLLOWS_NS } from './i18n';
import './follows.css';

type Item = { key: string; name: string; link: string; target: FollowTarget; load: (status: SessionStatus[]) => Promise<{ sessions: SessionSummary[] }> };

function FollowedCard({ item, onUnfollow }: { item: Item; onUnfollow: () => void }) {
  return (
    <Card size="small" className="followed-card" data-testid="followed-item" data-key={item.key}>
      <div className="followed-head">
        <Link to={item.link} className="followed-name" data-testid="followed-name">
          {'companyId' in item.target ? <ShopOutlined /> : <UserOutlined />} {item.name}
        </Link>
        <FollowButton {...item.target} name={item.name} onChange={(isFollowing) => { if (!isFollowing) onUnfollow(); }} />
      </div>
      <ProfileSessions load={item.load} cacheKey={item.key} isUpcomingOnly />
    </Card>
  );
}

/** /following — the companies and hosts a seeker follows, each with its live and upcoming sessions. */
export default function FollowingPage() {
  const { t } = useTranslation(FOLLOWS_NS);
  const { data, error, isLoading, reload } = useApi(listFollows, 'follows');
  const loadCompany = useCallback((companyId: string) => (status: SessionStatus[]) => listCompanySessions(companyId, status), []);
  const loadHost = useCallback((hostUserId: string) => (status: SessionStatus[]) => listHostSessions(hostUserId, status), []);

  if (isLoading && !data) return <PageLoading />;
  if (error || !data) return <PageError error={error ?? new Error('')} onRetry={reload} />;

  const companies: Item[] = data.companies.map((company) => ({
    key: `company:${company.companyId}`, name: company.name, link: `/companies/${company.companyId}`,
    target: { companyId: company.companyId }, load: loadCompany(company.companyId),
  }));
  const hosts: Item[] = data.hosts.map((host) => ({
    key: `host:${host.hostUserId}`, name: host.displayName, link: `/hosts/${host.hostUserId}`,
    target: { hostUserId: host.hostUserId }, load: loadHost(host.hostUserId),
  }));
  const sections = [
    { title: t('page.hosts'), items: hosts, testId: 'followed-hosts' },
    { title: t('page.companies'), items: companies, testId: 'followed-companies' },
  ].filter((section) => section.items.length > 0);

  return (
    <div className="stack profile-page" data-testid="following-page">
      <div>
        <h1 className="profile-name"><HeartOutlined /> {t('page.title')}</h1>
        <div className="profile-sub">{t('page.subtitle')}</div>
      </div>
      {sections.length === 0 ? (
        <Empty description={<><div>{t('page.empty')}</div><div className="profile-sub">{t('page.emptyHint')}</div></>} data-testid="following-empty">
          <Link to="/live"><Button type="primary">{t('page.toLive')}</Button></Link>
        </Empty>
      ) : null}
      {sections.map((section) => (
        <section key={section.testId} className="profile-section" data-testid={section.testId}>
          <h2 className="profile-section-title">{section.title}</h2>
          <div className="stack">
            {section.items.map((item) => <FollowedCard key={item.key} item={item} onUnfollow={reload} />)}
          </div>
        </section>
      ))}
    </div>
  );
}
