import { Card, Empty, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { formatCount } from '../analytics/view-model';
import { bestSessionsOption } from './chart-options';
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

  return (
    <Card title={<h2 className="impact-section-title" style={{ fontSize: 17 }}>{t('open.title')}</h2>} size="small" data-testid="impact-open">
      <div className="stack" style={{ gap: 12 }}>
        <div className="impact-tiles">
          {COUNTS.map((key) => <FigureTile key={key} label={t(`open.${key}`)} value={count(open[key])} testId={`impact-open-${key}`} />)}
        </div>
        <Typography.Text strong>{t('open.efficiency')}</Typography.Text>
        <div className="impact-tiles">
          {EFFICIENCY.map((key) => (
            <FigureTile key={key} label={t(`open.${key}`)} value={formatFigure(open.efficiency[key], isWithheld(report, `open.efficiency.${key}`), formatters[key], labels)} testId={`impact-open-${key}`} />
          ))}
        </div>
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
        <DefinitionsPanel definitions={open.definitions} labels={{ ...(t('open', { returnObjects: true }) as Record<string, string>), bestSessionsByWeeklyHires: t('open.bestSessions'), campaign: t('filters.campaign') }} testId="impact-open-definitions" />
      </div>
    </Card>
  );
}
