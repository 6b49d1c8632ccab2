import { Card, Empty, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { formatCount } from '../analytics/view-model';
import { attritionSeriesOption, bestSessionsOption, periodLabel, type AttritionPeriod } from './chart-options';
import { DefinitionsPanel } from './definitions-panel';
import { FigureTile } from './figure-tile';
import { formatFigure, formatPercent, isWithheld, type ImpactView } from './format';
import { IMPACT_NS } from './i18n';
import { EChart } from './impact-echart';

const COUNTS = ['sessions', 'bureauSessions', 'companies', 'jobs', 'viewers', 'applications', 'hires'] as const;
const EFFICIENCY = ['medianHoursToFirstContact', 'medianHoursToHire', 'sevenDayAttrition'] as const;

type SessionRow = ImpactView['open']['efficiency']['bestSessionsByWeeklyHires'][number];

/** Part 3, Open: the live-recruitment scale, the pipeline's efficiency, and the best sessions by hires within a week. */
export function OpenSection({ report }: { report: ImpactView }) {
  const { t } = useTranslation(IMPACT_NS);
  const language = currentLanguage();
  const count = (value: number | null) => formatCount(value, language);
  const { open } = report;
  const labels = { withheld: t('withheld'), noData: t('noData') };
  const formatters = {
    medianHoursToFirstContact: (value: number) => t('hours', { value }),
    medianHoursToHire: (value: number) => t('hours', { value }),
    sevenDayAttrition: formatPercent,
  };
  const sessions = open.efficiency.bestSessionsByWeeklyHires;
  const option = useMemo(() => bestSessionsOption(sessions, t('open.weeklyHires')), [sessions, t]);
  const series = open.efficiency.sevenDayAttritionSeries;
  const seriesPath = (index: number) => `open.efficiency.sevenDayAttritionSeries.periods.${index}.attrition`;
  const seriesOption = useMemo(
    () => attritionSeriesOption(series.periods, series.grain, { seriesName: t('open.sevenDayAttrition'), noData: t('noData'), withheld: t('withheld') }, (index) => isWithheld(report, seriesPath(index))),
    [series, t, report],
  );
  // No outcome yet but onboardings waiting for their check: 待回访, not 数据不足 (and never 0 %).
  const isAwaitingCheck = open.efficiency.sevenDayAttrition === null && !isWithheld(report, 'open.efficiency.sevenDayAttrition') && open.efficiency.awaitingSevenDayCheck !== 0;
  const efficiencyValue = (key: (typeof EFFICIENCY)[number]) =>
    key === 'sevenDayAttrition' && isAwaitingCheck ? t('open.awaiting') : formatFigure(open.efficiency[key], isWithheld(report, `open.efficiency.${key}`), formatters[key], labels);

  return (
    <Card title={<h2 className="impact-section-title" style={{ fontSize: 17 }}>{t('open.title')}</h2>} size="small" data-testid="impact-open">
      <div className="stack" style={{ gap: 12 }}>
        <div className="impact-tiles">
          {COUNTS.map((key) => <FigureTile key={key} label={t(`open.${key}`)} value={count(open[key])} testId={`impact-open-${key}`} />)}
        </div>
        <Typography.Text strong>{t('open.efficiency')}</Typography.Text>
        <div className="impact-tiles">
          {EFFICIENCY.map((key) => <FigureTile key={key} label={t(`open.${key}`)} value={efficiencyValue(key)} testId={`impact-open-${key}`} />)}
          <FigureTile label={t('open.awaitingSevenDayCheck')} value={count(open.efficiency.awaitingSevenDayCheck)} testId="impact-open-awaitingSevenDayCheck" />
        </div>
        <Typography.Text strong>{t(series.grain === 'month' ? 'open.attritionByMonth' : 'open.attritionByWeek')}</Typography.Text>
        <EChart option={seriesOption} height={220} testId="impact-attrition-chart" />
        <Table<AttritionPeriod>
          size="small"
          rowKey="from"
          pagination={{ pageSize: 12, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          dataSource={series.periods}
          data-testid="impact-attrition-series"
          columns={[
            { title: t('open.period'), dataIndex: 'from', render: (_value: string, row) => (series.grain === 'month' ? periodLabel(row, 'month') : `${row.from} – ${row.to.slice(5)}`) },
            { title: t('open.left'), dataIndex: 'left', align: 'right', render: count },
            { title: t('open.stayed'), dataIndex: 'stayed', align: 'right', render: count },
            { title: t('open.sevenDayAttrition'), dataIndex: 'attrition', align: 'right', render: (value: number | null, _row, index) => formatFigure(value, isWithheld(report, seriesPath(index)), formatPercent, labels) },
          ]}
        />
        <Typography.Text strong>{t('open.bestSessions')}</Typography.Text>
        {sessions.length === 0 ? <Empty description={t('open.noSessions')} /> : (
          <>
            {sessions.some((row) => row.hires !== null) ? <EChart option={option} height={Math.max(120, 36 * sessions.length + 24)} testId="impact-best-sessions-chart" /> : null}
            <Table<SessionRow>
              size="small"
              rowKey="sessionId"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={sessions}
              data-testid="impact-best-sessions"
              columns={[
                { title: t('open.session'), dataIndex: 'title' },
                { title: t('open.startedAt'), dataIndex: 'startedAt', render: (value: string) => new Date(value).toLocaleDateString(language === 'en' ? 'en' : 'zh-CN', { timeZone: 'Asia/Shanghai' }) },
                { title: t('open.weeklyHires'), dataIndex: 'hires', align: 'right', render: count },
              ]}
            />
          </>
        )}
        <DefinitionsPanel definitions={open.definitions} labels={{ ...(t('open', { returnObjects: true }) as Record<string, string>), bestSessionsByWeeklyHires: t('open.bestSessions'), sevenDayAttritionSeries: t('open.attritionOverTime'), campaign: t('filters.campaign') }} testId="impact-open-definitions" />
      </div>
    </Card>
  );
}
