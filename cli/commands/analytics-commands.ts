import { createReadStream } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { TIER_NAMES, type AnalyticsFigures, type AnalyticsResponse } from '../../contracts/analytics.js';
import { DEFAULT_MIN_SENT, type FieldPaths } from '../../server/src/modules/analytics/index.js';
import type { CliIo, CommandRegistrar } from '../program.js';
import { IMPACT_OPTION_PATHS, impactRequest } from './impact-commands.js';

const OPTION_PATHS: FieldPaths = { from: '--from', to: '--to', province: '--province', city: '--city', minSent: '--min-sent' };

type FigureOptions = { from: string; to: string; province?: string; city?: string; minSent: number };

function parseWholeNumber(value: string) {
  if (!/^\d+$/.test(value)) throw new Error(`--min-sent "${value}" must be a whole number`);
  return Number(value);
}

function addFigureOptions(command: Command) {
  return command
    .requiredOption('--from <date>', 'first day, China time (YYYY-MM-DD)')
    .requiredOption('--to <date>', 'last day, included (YYYY-MM-DD)')
    .addOption(new Option('--province <province>', 'a province: 2-digit code, 江苏 or 江苏省').conflicts('city'))
    .option('--city <city>', 'a city: 6-digit code, 苏州 or 苏州市')
    .option('--min-sent <n>', 'cities need this many sent applications to be ranked by attractiveness', parseWholeNumber, DEFAULT_MIN_SENT);
}

/** Exactly the keys the issue lists, in its order. */
export function toFigureJson(figures: AnalyticsResponse): Omit<AnalyticsFigures, 'regionFlows'> {
  return {
    window: figures.window,
    totals: figures.totals,
    industries: figures.industries,
    topCategories: figures.topCategories,
    topCitiesByCategory: figures.topCitiesByCategory,
    topProvinces: figures.topProvinces,
    attractiveness: figures.attractiveness,
    tierFlows: figures.tierFlows,
  };
}

// Terminal columns: CJK characters take two.
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;
const displayWidth = (text: string) => [...text].reduce((width, char) => width + (WIDE.test(char) ? 2 : 1), 0);

export function formatTable(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((row) => row.map((cell) => (typeof cell === 'number' ? cell.toLocaleString('en') : cell)))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => displayWidth(String(row[column] ?? '')))));
  const isNumeric = header.map((_, column) => rows.length > 0 && rows.every((row) => typeof row[column] === 'number'));
  const line = (row: Array<string | number>) =>
    row
      .map((cell, column) => {
        const text = String(cell);
        const padding = ' '.repeat(widths[column] - displayWidth(text));
        return isNumeric[column] ? padding + text : text + padding;
      })
      .join('  ')
      .trimEnd();
  return [line(cells[0]), widths.map((width) => '-'.repeat(width)).join('  '), ...cells.slice(1).map(line)].join('\n') + '\n';
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

export function formatFigures(figures: AnalyticsResponse): string {
  const region = figures.region ? `${figures.region.name} (${figures.region.code})` : '全国 all of China';
  const sections: string[] = [];
  sections.push(`简历流动分析 Resume-flow analytics · ${figures.window.from} … ${figures.window.to} (China time) · ${region}\n`);
  const totals = figures.totals;
  sections.push(`直播带岗规模 Scale\n${formatTable(
    ['applications 投递', 'sessions 场次', 'companies 企业', 'jobs 岗位', 'hires 录用'],
    [[totals.applications, totals.sessions, totals.companies, totals.jobs, totals.hires]],
  )}`);
  sections.push(`行业分布 Applications by industry\n${formatTable(['industry 行业', 'applications', 'share'], figures.industries.map((item) => [item.industry, item.applications, percent(item.share)]))}`);
  sections.push(`岗位 Top 10 Top categories\n${formatTable(['#', 'category 岗位', 'applications'], figures.topCategories.map((item, index) => [index + 1, item.category, item.applications]))}`);
  sections.push(`分岗位接收简历最多的城市 Top 3 receiving cities per category\n${formatTable(
    ['category 岗位', '①', '②', '③'],
    figures.topCitiesByCategory.map((group) => [group.category, ...[0, 1, 2].map((index) => (group.cities[index] ? `${group.cities[index].city} ${group.cities[index].applications.toLocaleString('en')}` : ''))]),
  )}`);
  sections.push(`接收简历最多的省份 Top provinces\n${formatTable(['#', 'province 省份', 'code', 'applications'], figures.topProvinces.map((item, index) => [index + 1, item.province, item.provinceCode, item.applications]))}`);
  sections.push(`城市就业吸引力指数 Attractiveness (received ÷ sent, sent ≥ ${figures.minSent})\n${formatTable(
    ['#', 'city 城市', 'code', 'received', 'sent', 'index'],
    figures.attractiveness.map((item, index) => [index + 1, item.city, item.cityCode, item.received, item.sent, item.index.toFixed(4)]),
  )}`);
  sections.push(`线级城市流动 Tier flows (seeker's city → job's city)\n${formatTable(
    ['from 投递', 'to 接收', 'applications'],
    figures.tierFlows.map((item) => [TIER_NAMES[item.from].zh, TIER_NAMES[item.to].zh, item.applications]),
  )}`);
  return sections.join('\n');
}

function resolveFile(io: CliIo, file: string) {
  return path.resolve(io.cwd, file);
}

export const registerAnalyticsCommands: CommandRegistrar = (program, io, withContext) => {
  addFigureOptions(program.command('analytics').description('Resume-flow figures for a window and region (issue 5): tables, or --json'))
    .option('--json', 'print one JSON object (window, totals, industries, topCategories, topCitiesByCategory, topProvinces, attractiveness, tierFlows)')
    .addOption(new Option('--source <source>', 'compute from the rollups or from the raw applications table').choices(['rollup', 'raw']).default('rollup'))
    .action(async (options: FigureOptions & { json?: boolean; source: 'rollup' | 'raw' }) => {
      await withContext(async (context) => {
        const figures = await context.analytics.getFigures(
          { from: options.from, to: options.to, province: options.province, city: options.city, minSent: options.minSent, source: options.source },
          OPTION_PATHS,
        );
        io.out(options.json ? `${JSON.stringify(toFigureJson(figures), null, 2)}\n` : formatFigures(figures));
      });
    });

  program
    .command('analytics-rebuild')
    .description('Recompute the analytics rollups from the applications table (after a city-tier change)')
    .action(async () => {
      await withContext(async (context) => {
        const started = performance.now();
        await context.analytics.rebuildRollups();
        const rows = await context.analytics.countRollupRows();
        io.out(`Rebuilt analytics rollups in ${((performance.now() - started) / 1000).toFixed(1)} s (${rows.categories.toLocaleString('en')} category, ${rows.industries.toLocaleString('en')} industry, ${rows.sent.toLocaleString('en')} sent, ${rows.flows.toLocaleString('en')} tier-flow, ${rows.hires.toLocaleString('en')} hire rows).\n`);
      });
    });

  addFigureOptions(program.command('report').description('Render a printable HTML report for a window and region: --kind analytics (resume flows, the default) or impact (the GROW report, issue 12); --pdf also prints it with headless Chromium'))
    .requiredOption('--out <file>', 'where to write the HTML report, e.g. report.html')
    .option('--pdf', 'also write a PDF beside it (needs Chromium; CHROMIUM_PATH)')
    .addOption(new Option('--kind <kind>', 'which report').choices(['analytics', 'impact']).default('analytics'))
    .option('--campaign <id>', 'impact: only what came through this campaign’s sessions')
    .option('--method-version <n>', 'impact: the estimate’s method version (default: the latest)')
    .addOption(new Option('--lang <language>', 'impact: the document’s language (one language per file)').choices(['zh', 'en']).default('zh'))
    .action(async (options: FigureOptions & { out: string; pdf?: boolean; kind: 'analytics' | 'impact'; campaign?: string; methodVersion?: string; lang: 'zh' | 'en' }) => {
      const htmlPath = resolveFile(io, options.out.replace(/\.pdf$/i, '.html'));
      await withContext(async (context) => {
        let html: string;
        if (options.kind === 'impact') {
          const request = impactRequest({ ...options, methodVersion: options.methodVersion });
          const report = await context.impact.renderReport(request, IMPACT_OPTION_PATHS, options.lang);
          html = report.html;
          await writeFile(htmlPath, html, 'utf8');
          io.out(`Wrote ${htmlPath} (${Math.round(html.length / 1024)} KB, impact report, method v${report.report.estimated.methodVersion}, ${options.lang})\n`);
        } else {
          const report = await context.analytics.renderReport(
            { from: options.from, to: options.to, province: options.province, city: options.city, minSent: options.minSent },
            OPTION_PATHS,
          );
          html = report.html;
          await writeFile(htmlPath, html, 'utf8');
          if (report.mapProblem) io.err(`Warning: the map was left out: ${report.mapProblem} (set ANALYTICS_MAP_GEOJSON)\n`);
          io.out(`Wrote ${htmlPath} (${Math.round(html.length / 1024)} KB, ${report.figures.totals.applications.toLocaleString('en')} applications)\n`);
        }
        if (options.pdf) {
          const pdfPath = htmlPath.replace(/\.html?$/i, '') + '.pdf';
          await context.analytics.printReportPdf(html, pdfPath);
          io.out(`Wrote ${pdfPath}\n`);
        }
      });
    });

  const importCommand = program.command('import').description('Import data from other channels');
  importCommand
    .command('applications <file>')
    .description('Import applications from a CSV (header applied_at,seeker_city,job_city,job_category,industry[,company,job_title,session_id]); all-or-nothing')
    .action(async (file: string) => {
      const fullPath = resolveFile(io, file);
      const size = (await stat(fullPath).catch(() => null))?.size;
      if (size === undefined) throw new Error(`Cannot read ${fullPath}`);
      await withContext(async (context) => {
        const started = performance.now();
        const result = await context.analytics.importApplications(createReadStream(fullPath), {
          fileName: path.basename(fullPath),
          onProgress: (progress) => {
            const rows = progress.rows.toLocaleString('en');
            if (progress.phase === 'reading') io.progress(`导入 Importing: ${rows} rows checked`, progress.bytes, size);
            else if (progress.phase === 'writing') io.progress(`写入 Writing ${rows} rows (one transaction)…`, size, size);
          },
        });
        const seconds = (performance.now() - started) / 1000;
        io.out(
          `Imported ${result.rows.toLocaleString('en')} applications (import #${result.importId}, applied ${result.firstAppliedAt} … ${result.lastAppliedAt}) in ${seconds.toFixed(1)} s ` +
            `(${Math.round(result.rows / seconds).toLocaleString('en')} rows/s).\n`,
        );
      });
    });
  for (const command of importCommand.commands) command.exitOverride();
};
