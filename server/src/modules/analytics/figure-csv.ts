import type { AnalyticsFigures, FigureName, PublicAnalyticsFigures } from '../../../../contracts/analytics.js';

type Cell = string | number | boolean | null;
type AnyFigures = AnalyticsFigures | PublicAnalyticsFigures;

function escapeCell(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 text with a BOM, so spreadsheet programs read the Chinese names as UTF-8. */
export function toCsv(header: string[], rows: Cell[][]): string {
  const lines = [header, ...rows].map((row) => row.map(escapeCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const isPublic = (figures: AnyFigures): figures is PublicAnalyticsFigures => 'suppression' in figures;

/** One figure as a table: the same columns as its JSON keys; public tables add a `suppressed` column. */
export function figureTable(figures: AnyFigures, figure: FigureName): { header: string[]; rows: Cell[][] } {
  const publicFigures = isPublic(figures);
  const flag = (item: object): Cell[] => (publicFigures ? [(item as { suppressed: boolean }).suppressed] : []);
  const withFlag = (header: string[]) => (publicFigures ? [...header, 'suppressed'] : header);
  switch (figure) {
    case 'totals': {
      const totals = figures.totals;
      const keys = ['applications', 'sessions', 'companies', 'jobs', 'hires'] as const;
      return {
        header: ['from', 'to', ...keys],
        rows: [[figures.window.from, figures.window.to, ...keys.map((key) => totals[key])]],
      };
    }
    case 'industries':
      return { header: withFlag(['industry', 'applications', 'share']), rows: figures.industries.map((item) => [item.industry, item.applications, item.share, ...flag(item)]) };
    case 'topCategories':
      return { header: withFlag(['rank', 'category', 'applications']), rows: figures.topCategories.map((item, index) => [index + 1, item.category, item.applications, ...flag(item)]) };
    case 'topCitiesByCategory':
      return {
        header: withFlag(['category', 'rank', 'city', 'cityCode', 'applications']),
        rows: figures.topCitiesByCategory.flatMap((group) => group.cities.map((city, index): Cell[] => [group.category, index + 1, city.city, city.cityCode, city.applications, ...flag(city)])),
      };
    case 'topProvinces':
      return { header: withFlag(['rank', 'province', 'provinceCode', 'applications']), rows: figures.topProvinces.map((item, index) => [index + 1, item.province, item.provinceCode, item.applications, ...flag(item)]) };
    case 'attractiveness':
      return { header: withFlag(['rank', 'city', 'cityCode', 'received', 'sent', 'index']), rows: figures.attractiveness.map((item, index) => [index + 1, item.city, item.cityCode, item.received, item.sent, item.index, ...flag(item)]) };
    case 'tierFlows':
      return { header: withFlag(['from', 'to', 'applications']), rows: figures.tierFlows.map((item) => [item.from, item.to, item.applications, ...flag(item)]) };
  }
}

export function figureCsv(figures: AnyFigures, figure: FigureName): string {
  const table = figureTable(figures, figure);
  return toCsv(table.header, table.rows);
}
