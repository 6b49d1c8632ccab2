import type { ImpactReport, PublicImpactReport } from './api';

export type ImpactView = ImpactReport | PublicImpactReport;

/** The public report names every withheld value by its path; the full report withholds nothing. */
export function isWithheld(report: ImpactView, path: string): boolean {
  return 'suppressed' in report && report.suppressed.includes(path);
}

export { definitionIn } from '../../../../contracts/bilingual';

/** A figure that can be withheld (public) or missing for lack of data: '*', 数据不足, or the formatted value. */
export function formatFigure(value: number | null, isHidden: boolean, format: (value: number) => string, labels: { withheld: string; noData: string }): string {
  if (isHidden) return labels.withheld;
  if (value === null) return labels.noData;
  return format(value);
}

export const formatPercent = (share: number) => `${(share * 100).toFixed(1)}%`;
