import { App, Button, Card, Empty, List, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { pickLanguage } from '../../app/server-errors';
import { useApi } from '../../app/use-api';
import { PageError, PageLoading } from '../../components/page-states';
import type { ContactConsent, ContactConsents } from './api';
import { consentsApi } from './consents-api';
import { formatDateTime } from './format';
import { CONSENTS_NS } from './consents-i18n';

/**
 * 谁能看我的手机号: the companies the seeker allowed to see the full number or the WeChat ID (交换微信), each
 * with 撤回 (which ends both), and every logged look at either (docs/CONVERSATIONS.md, the consent rule). Phone-sized: one column of cards.
 */
export default function ContactConsentsPage() {
  const { t } = useTranslation(CONSENTS_NS);
  const { message } = App.useApp();
  const language = currentLanguage();
  const { data, error, isLoading, reload } = useApi(consentsApi.listContactConsents, 'contact-consents');
  const [updated, setUpdated] = useState<ContactConsents | null>(null);
  const [withdrawingId, setWithdrawingId] = useState<number | null>(null);
  if (isLoading && !data) return <PageLoading />;
  if (error) return <PageError error={error} onRetry={reload} />;
  const { consents, looks } = updated ?? data ?? { consents: [], looks: [] };

  const handleWithdraw = async (consent: ContactConsent) => {
    setWithdrawingId(consent.id);
    try {
      setUpdated(await consentsApi.withdrawContactConsent(consent.id));
      message.success(t('consents.withdrawDone'));
    } catch (caught) {
      message.error(pickLanguage((caught as Error).message, language));
    } finally {
      setWithdrawingId(null);
    }
  };

  return (
    <div className="stack" style={{ maxWidth: 640, margin: '0 auto', width: '100%' }} data-testid="contact-consents">
      <Typography.Title level={3} className="page-title">{t('consents.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('consents.intro')}</Typography.Paragraph>
      <Card size="small">
        {consents.length === 0 ? <Empty description={t('consents.noConsents')} /> : (
          <List
            dataSource={consents}
            renderItem={(consent) => {
              const company = consent.companyName ?? t('consents.company');
              return (
                <List.Item
                  data-testid="contact-consent"
                  actions={consent.withdrawnAt ? [] : [
                    <Popconfirm key="withdraw" title={t('consents.withdrawConfirm', { company })} onConfirm={() => handleWithdraw(consent)} okText={t('consents.withdraw')}>
                      <Button danger size="large" loading={withdrawingId === consent.id} data-testid="withdraw-consent">{t('consents.withdraw')}</Button>
                    </Popconfirm>,
                  ]}
                >
                  <List.Item.Meta
                    title={<>{company} <Tag data-testid="consent-kind" data-kind={consent.kind ?? 'phone'}>{consent.kind === 'wechat' ? t('consents.kindWechat') : t('consents.kindPhone')}</Tag>{consent.withdrawnAt ? <Tag>{t('consents.withdrawn', { time: formatDateTime(consent.withdrawnAt, language) })}</Tag> : <Tag color="green">{t('consents.active')}</Tag>}</>}
                    description={`${consent.source === 'apply' ? t('consents.fromApply') : t('consents.fromConversation')} · ${t('consents.grantedAt', { time: formatDateTime(consent.grantedAt, language) })}`}
                  />
                </List.Item>
              );
            }}
          />
        )}
      </Card>
      <Card size="small" title={t('consents.looksTitle')}>
        {looks.length === 0 ? <Empty description={t('consents.noLooks')} /> : (
          <List
            dataSource={looks}
            renderItem={(look) => (
              <List.Item data-testid="phone-look" data-kind={look.kind ?? 'phone'}>
                <List.Item.Meta
                  title={`${t('consents.look', { who: look.viewerName ?? t('consents.someone'), company: look.companyName ?? t('consents.company') })} · ${look.kind === 'wechat' ? t('consents.lookWechat') : t('consents.lookPhone')}`}
                  description={[formatDateTime(look.unmaskedAt, language), look.jobTitle ? t('consents.lookJob', { job: look.jobTitle }) : null].filter(Boolean).join(' · ')}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </div>
  );
}
