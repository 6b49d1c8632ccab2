import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { SyntheticNotice } from '../../components/synthetic-notice';
import type { ImpactQuery } from './api';
import type { ImpactView } from './format';
import { GatherSection } from './gather-section';
import { IMPACT_NS } from './i18n';
import { OpenSection } from './open-section';
import { RenovateSection } from './renovate-section';
import { WidespreadSection } from './widespread-section';
import './impact.css';

/** The four GROW parts, the same on the public page and the console (the public report has withheld cells). */
export function ImpactReportView({ report, query, isPublic }: { report: ImpactView; query: ImpactQuery; isPublic: boolean }) {
  const { t } = useTranslation(IMPACT_NS);
  return (
    <div className="stack" data-testid="impact-report">
      <SyntheticNotice isShown={report.containsSyntheticData} />
      {'suppression' in report ? <Alert type="info" showIcon title={t('publicNotice', { threshold: report.suppression.threshold, cells: report.suppression.cells })} data-testid="impact-public-notice" /> : null}
      <GatherSection report={report} />
      <RenovateSection report={report} />
      <OpenSection report={report} />
      <WidespreadSection query={query} isPublic={isPublic} />
    </div>
  );
}
