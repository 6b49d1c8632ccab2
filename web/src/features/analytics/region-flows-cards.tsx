import { Col, Empty, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { useReference } from '../../app/reference';
import { provinceFlowsOption, provinceMapOption, regionCitiesOption, type CityPoint } from './chart-options';
import { EChart } from './echart';
import { FigureCard } from './figure-card';
import { ANALYTICS_NS } from './i18n';
import { formatCount, type FiguresView } from './view-model';

type Props = { region: NonNullable<FiguresView['regionFlows']>; points: Map<string, CityPoint>; isMapReady: boolean };

/** A province's own figures in place of "top provinces": its cities (bars and a map) and the flows in and out of it. */
export function RegionFlowsCards({ region, points, isMapReady }: Props) {
  const { t } = useTranslation(ANALYTICS_NS);
  const language = currentLanguage();
  const { reference } = useReference();
  const count = (value: number | null) => formatCount(value, language);
  // The map's features are named by the Chinese short name (江苏), whatever the reader's language.
  const provinceName = reference?.provinceByCode.get(region.provinceCode)?.shortName ?? '';
  const options = useMemo(() => ({
    cities: regionCitiesOption(region, { received: t('columns.received'), sent: t('columns.sent') }),
    map: isMapReady ? provinceMapOption(region, provinceName, points, t('columns.received')) : null,
    inflows: provinceFlowsOption(region.inflows, '#0f766e'),
    outflows: provinceFlowsOption(region.outflows, '#b45309'),
  }), [region, provinceName, points, isMapReady, t]);
  const activeCities = region.cities.filter((city) => city.received !== 0 || city.sent !== 0).length;

  return (
    <>
      <Col xs={24} lg={12}>
        <FigureCard title={t('charts.regionCities')} hint={t('charts.regionCitiesHint')} testId="figure-region-cities">
          {activeCities === 0 ? <Empty description={t('empty')} /> : <EChart option={options.cities} height={Math.max(160, 40 * activeCities + 40)} testId="region-cities-chart" />}
        </FigureCard>
      </Col>
      <Col xs={24} lg={12}>
        <FigureCard title={t('charts.regionMap')} hint={t('charts.regionMapHint')} testId="figure-region-map">
          {options.map ? <EChart option={options.map} height={380} testId="region-map" /> : null}
        </FigureCard>
      </Col>
      <Col xs={24}>
        <FigureCard title={t('charts.regionFlows')} hint={t('charts.regionFlowsHint')} testId="figure-region-flows">
          <Statistic title={t('charts.within')} value={count(region.within)} data-testid="region-within" style={{ marginBottom: 8 }} />
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: 16 }}>
            <div data-testid="region-inflows">
              <Typography.Text strong>{t('charts.inflows')}</Typography.Text>
              {region.inflows.length ? <EChart option={options.inflows} height={Math.max(120, 28 * Math.min(10, region.inflows.length) + 24)} /> : <Empty description={t('charts.noFlows')} />}
              {/* The same numbers as text (screen readers, copying). */}
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }} data-testid="region-inflows-list">{region.inflows.map((row) => `${row.name} ${count(row.applications)}`).join(' · ')}</Typography.Paragraph>
            </div>
            <div data-testid="region-outflows">
              <Typography.Text strong>{t('charts.outflows')}</Typography.Text>
              {region.outflows.length ? <EChart option={options.outflows} height={Math.max(120, 28 * Math.min(10, region.outflows.length) + 24)} /> : <Empty description={t('charts.noFlows')} />}
              {/* The same numbers as text (screen readers, copying). */}
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }} data-testid="region-outflows-list">{region.outflows.map((row) => `${row.name} ${count(row.applications)}`).join(' · ')}</Typography.Paragraph>
            </div>
          </div>
        </FigureCard>
      </Col>
    </>
  );
}
