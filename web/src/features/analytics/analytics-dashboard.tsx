import { Alert, Card, Col, Empty, Row, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FigureName, Tier } from '../../../../contracts/analytics';
import { currentLanguage } from '../../app/i18n';
import { useReference } from '../../app/reference';
import { SyntheticNotice } from '../../components/synthetic-notice';
import { analyticsApi, type AnalyticsQuery } from './api';
import { attractivenessMapOption, categoryOption, industryOption, provinceOption, tierSankeyOption } from './chart-options';
import { RegionFlowsCards } from './region-flows-cards';
import { EChart } from './echart';
import { FigureCard } from './figure-card';
import { ANALYTICS_NS } from './i18n';
import { MethodPanel } from './method-panel';
import { formatCount, WITHHELD, type FiguresView } from './view-model';

type Props = {
  view: FiguresView;
  query: AnalyticsQuery;
  isPublic: boolean;
  /** Whether a province or city is shown (the map then frames its cities). */
  hasRegion: boolean;
  map: { isReady: boolean; error: Error | null };
};

const TOTALS = ['applications', 'sessions', 'companies', 'jobs', 'hires'] as const;

/** Every figure of the issue as cards: totals, industry mix, categories, top-3 cities, provinces, attractiveness (ranking and map), tier flows. */
export function AnalyticsDashboard({ view, query, isPublic, hasRegion, map }: Props) {
  const { t } = useTranslation(ANALYTICS_NS);
  const language = currentLanguage();
  const { reference } = useReference();
  const csv = (figure: FigureName) => analyticsApi.csvUrl(figure, query, isPublic);
  const count = (value: number | null) => formatCount(value, language);
  const points = useMemo(() => new Map((reference?.cities ?? []).map((city) => [city.code, { longitude: city.longitude, latitude: city.latitude }])), [reference]);
  const options = useMemo(() => ({
    industries: industryOption(view),
    categories: categoryOption(view),
    provinces: provinceOption(view),
    map: map.isReady ? attractivenessMapOption(view, points, { zoomToCities: hasRegion, seriesName: t('columns.index') }) : null,
    flows: tierSankeyOption(view, (tier: Tier) => t(`tiers.${tier}`), { sent: t('sent'), received: t('receivedSide') }),
  }), [view, points, map.isReady, hasRegion, t]);
  const isEmpty = view.totals.applications === 0;
  const hasMapPoints = view.attractiveness.some((item) => item.index !== null);

  return (
    <div className="stack" data-testid="analytics-dashboard">
      <SyntheticNotice isShown={view.containsSyntheticData} />
      {view.threshold !== null ? <Alert type="info" showIcon title={t('publicNotice', { threshold: view.threshold })} data-testid="analytics-public-notice" /> : null}
      <Row gutter={[12, 12]}>
        {TOTALS.map((key) => (
          <Col key={key} xs={12} sm={8} lg={{ flex: '20%' }}>
            <Card size="small"><Statistic title={t(`totals.${key}`)} value={count(view.totals[key])} data-testid={`total-${key}`} /></Card>
          </Col>
        ))}
      </Row>
      {isEmpty ? <Card><Empty description={t('empty')} /></Card> : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <FigureCard title={t('charts.industries')} csvUrl={csv('industries')} testId="figure-industries">
              <EChart option={options.industries} height={300} />
            </FigureCard>
          </Col>
          <Col xs={24} lg={12}>
            <FigureCard title={t('charts.topCategories')} csvUrl={csv('topCategories')} testId="figure-top-categories">
              <EChart option={options.categories} height={300} />
            </FigureCard>
          </Col>
          <Col xs={24} lg={12}>
            <FigureCard title={t('charts.topCitiesByCategory')} csvUrl={csv('topCitiesByCategory')} testId="figure-top-cities">
              <Table
                size="small"
                pagination={false}
                rowKey="category"
                // English category names are long: on a phone the table scrolls inside its card, not the page.
                scroll={{ x: 'max-content' }}
                dataSource={view.topCities}
                columns={[
                  { title: t('columns.category'), dataIndex: 'category', width: 120 },
                  ...[0, 1, 2].map((index) => ({
                    title: ['①', '②', '③'][index],
                    key: `city${index}`,
                    render: (_value: unknown, group: FiguresView['topCities'][number]) => {
                      const city = group.cities[index];
                      return city ? <>{city.name} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{count(city.applications)}</Typography.Text></> : '—';
                    },
                  })),
                ]}
              />
            </FigureCard>
          </Col>
          {/* A region is never a one-bar chart: a province shows its cities and its flows instead, a city neither. */}
          {view.regionFlows ? <RegionFlowsCards region={view.regionFlows} points={points} isMapReady={map.isReady} /> : !hasRegion ? (
            <Col xs={24} lg={12}>
              <FigureCard title={t('charts.topProvinces')} csvUrl={csv('topProvinces')} testId="figure-top-provinces">
                <EChart option={options.provinces} height={320} />
              </FigureCard>
            </Col>
          ) : null}
          <Col xs={24} xl={14}>
            <FigureCard title={t('charts.map')} hint={t('charts.attractivenessHint', { minSent: view.minSent })} csvUrl={csv('attractiveness')} testId="figure-map">
              {map.error ? <Alert type="warning" title={`${t('mapMissing')}${map.error.message}`} /> : null}
              {!map.error && options.map ? <EChart option={options.map} height={460} testId="analytics-map" /> : null}
              {!hasMapPoints ? <Typography.Text type="secondary">{view.attractiveness.length ? t('allWithheld') : t('noRankedCities', { minSent: view.minSent })}</Typography.Text> : null}
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>{t('mapNote')}</Typography.Paragraph>
            </FigureCard>
          </Col>
          <Col xs={24} xl={10}>
            <FigureCard title={t('charts.attractiveness')} hint={t('charts.attractivenessHint', { minSent: view.minSent })} csvUrl={csv('attractiveness')} testId="figure-attractiveness">
              <Table
                size="small"
                rowKey="code"
                scroll={{ x: 'max-content' }}
                dataSource={view.attractiveness}
                pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
                columns={[
                  { title: t('columns.rank'), key: 'rank', width: 56, render: (_value, _row, index) => index + 1 },
                  { title: t('columns.city'), dataIndex: 'name' },
                  { title: t('columns.received'), dataIndex: 'received', align: 'right', render: count },
                  { title: t('columns.sent'), dataIndex: 'sent', align: 'right', render: count },
                  { title: t('columns.index'), dataIndex: 'index', align: 'right', render: (value: number | null) => <Typography.Text strong>{value === null ? WITHHELD : value.toFixed(2)}</Typography.Text> },
                ]}
                locale={{ emptyText: t('empty') }}
                data-testid="attractiveness-table"
              />
            </FigureCard>
          </Col>
          <Col xs={24}>
            <FigureCard title={t('charts.tierFlows')} hint={t('charts.tierFlowsHint')} csvUrl={csv('tierFlows')} testId="figure-tier-flows">
              {view.tierFlows.some((flow) => flow.applications) ? <EChart option={options.flows} height={380} testId="analytics-sankey" /> : <Empty description={t('allWithheld')} />}
            </FigureCard>
          </Col>
        </Row>
      )}
      <MethodPanel />
    </div>
  );
}
