import { EditOutlined } from '@ant-design/icons';
import { App, Button, Collapse, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { useApi } from '../../app/use-api';
import { impactApi, type ImpactMethodView } from './api';
import { definitionIn } from './format';
import { IMPACT_NS } from './i18n';
import { MethodForm } from './method-form';

/** Admins: every method version with who stored it and when, and the editor that stores the next one. */
export function MethodAdmin({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation(IMPACT_NS);
  const { message } = App.useApp();
  const language = currentLanguage();
  const [attempt, setAttempt] = useState(0);
  const methods = useApi(() => impactApi.listMethods(), String(attempt));
  const [isEditing, setIsEditing] = useState(false);
  const latest = methods.data?.methods[0];

  const handleSaved = (method: ImpactMethodView) => {
    setIsEditing(false);
    setAttempt((value) => value + 1);
    void message.success(t('method.saved', { version: method.version }));
    onSaved();
  };

  return (
    <Collapse
      size="small"
      data-testid="impact-method-admin"
      items={[{
        key: 'method',
        label: `${t('method.title')}${latest ? ` · v${latest.version}` : ''}`,
        children: (
          <div className="stack" style={{ gap: 12 }}>
            <Table<ImpactMethodView>
              size="small"
              rowKey="version"
              pagination={{ pageSize: 5, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
              dataSource={methods.data?.methods ?? []}
              loading={methods.isLoading}
              data-testid="impact-method-versions"
              columns={[
                { title: t('method.version'), dataIndex: 'version', render: (version: number) => `v${version}` },
                { title: t('method.name'), dataIndex: 'name', render: (name: string) => definitionIn(name, language) },
                { title: t('method.createdBy'), dataIndex: 'createdBy', render: (createdBy: ImpactMethodView['createdBy']) => createdBy?.displayName ?? t('method.initial') },
                { title: t('method.createdAt'), dataIndex: 'createdAt', render: (value: string) => new Date(value).toLocaleString(language === 'en' ? 'en' : 'zh-CN', { timeZone: 'Asia/Shanghai' }) },
              ]}
            />
            {latest && !isEditing ? (
              <Button icon={<EditOutlined />} onClick={() => setIsEditing(true)} style={{ alignSelf: 'flex-start' }} data-testid="impact-method-edit">{t('method.edit')}</Button>
            ) : null}
            {latest && isEditing ? (
              <>
                <Typography.Text type="secondary">{t('method.immutableHint', { next: latest.version + 1 })}</Typography.Text>
                <MethodForm method={latest} onSaved={handleSaved} onCancel={() => setIsEditing(false)} />
              </>
            ) : null}
          </div>
        ),
      }]}
    />
  );
}
