import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ANALYTICS_NS } from './i18n';

/** A chart or table with its title, an optional hint, and the figure's CSV (when it has one). */
export function FigureCard({ title, hint, csvUrl, testId, children }: { title: string; hint?: string; csvUrl?: string; testId: string; children: ReactNode }) {
  const { t } = useTranslation(ANALYTICS_NS);
  return (
    <Card
      size="small"
      title={title}
      data-testid={testId}
      extra={csvUrl ? <Button size="small" type="link" icon={<DownloadOutlined />} href={csvUrl} download data-testid={`${testId}-csv`}>{t('csv')}</Button> : null}
      style={{ height: '100%' }}
    >
      {hint ? <Typography.Paragraph type="secondary" style={{ marginTop: -4, fontSize: 12 }}>{hint}</Typography.Paragraph> : null}
      {children}
    </Card>
  );
}
