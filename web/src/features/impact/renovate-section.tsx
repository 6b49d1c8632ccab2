import { Button, Card, Empty, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { formatCount } from '../analytics/view-model';
import type { ImpactView } from './format';
import { IMPACT_NS } from './i18n';

type Row = ImpactView['occupations'][number];

/** Part 2, Renovate: the occupations in use (people who state one, jobs tagged with one), by the report's three groups. */
export function RenovateSection({ report }: { report: ImpactView }) {
  const { t } = useTranslation(IMPACT_NS);
  const language = currentLanguage();
  const [isShowingAll, setIsShowingAll] = useState(false);
  const count = (value: number | null) => formatCount(value, language);
  // A withheld count (null) may be in use: it stays in the list, never read as 0.
  const inUse = report.occupations.filter((row) => row.people !== 0 || row.jobs !== 0);
  const rows = isShowingAll ? report.occupations : inUse;
  const groupTotals = (['tech_explorer', 'content_creator', 'business_trainer'] as const).map((groupKey) => ({
    groupKey,
    occupations: report.occupations.filter((row) => row.groupKey === groupKey).length,
    inUse: inUse.filter((row) => row.groupKey === groupKey).length,
  }));

  return (
    <Card title={<h2 className="impact-section-title" style={{ fontSize: 17 }}>{t('renovate.title')}</h2>} size="small" data-testid="impact-renovate">
      <div className="stack" style={{ gap: 12 }}>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>{t('renovate.hint')}</Typography.Text>
        <div className="impact-tiles">
          {groupTotals.map((group) => (
            <div key={group.groupKey} className="impact-tile" data-testid={`impact-group-${group.groupKey}`}>
              <div className="impact-tile-label">{t(`renovate.groups.${group.groupKey}`)}</div>
              <div className="impact-tile-value">{group.inUse} / {group.occupations}</div>
              <div className="impact-tile-note">{t('renovate.inUse')}</div>
            </div>
          ))}
        </div>
        {rows.length === 0 ? <Empty description={t('renovate.noneInUse')} /> : (
          <Table<Row>
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={rows}
            data-testid="impact-occupations"
            columns={[
              { title: t('renovate.occupation'), dataIndex: 'name', render: (name: string, row) => <>{name} {row.classificationCode ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{row.classificationCode}</Typography.Text> : null}{row.announcementBatch ? <div className="impact-tile-note">{t('renovate.batch')}: {row.announcementBatch}</div> : null}</> },
              { title: t('renovate.group'), dataIndex: 'groupKey', render: (groupKey: Row['groupKey']) => <Tag>{t(`renovate.groups.${groupKey}`)}</Tag> },
              { title: t('renovate.people'), dataIndex: 'people', align: 'right', render: count },
              { title: t('renovate.jobs'), dataIndex: 'jobs', align: 'right', render: count },
            ]}
          />
        )}
        {!isShowingAll && report.occupations.length > rows.length ? (
          <Button type="link" style={{ alignSelf: 'flex-start', padding: 0 }} onClick={() => setIsShowingAll(true)} data-testid="impact-occupations-all">{t('renovate.showAll', { count: report.occupations.length })}</Button>
        ) : null}
      </div>
    </Card>
  );
}
