import { Option } from 'commander';
import type { FieldPaths } from '../../server/src/modules/analytics/index.js';
import type { ImpactReport, ImpactRequest } from '../../server/src/modules/impact/index.js';
import type { CommandRegistrar } from '../program.js';
import { formatTable } from './analytics-commands.js';

export const IMPACT_OPTION_PATHS: FieldPaths & { campaignId: string; methodVersion: string } = {
  from: '--from', to: '--to', province: '--province', city: '--city', minSent: '--min-sent', campaignId: '--campaign', methodVersion: '--method-version',
};

type ImpactOptions = { from: string; to: string; province?: string; city?: string; campaign?: string; methodVersion?: number; json?: boolean };

function parseVersion(value: string) {
  if (!/^[1-9]\d{0,6}$/.test(value)) throw new Error(`--method-version "${value}" must be a version number (1, 2, …)`);
  return Number(value);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The request of `jobcast impact` and `jobcast report --kind impact` from their options (checked here). */
export function impactRequest(options: { from: string; to: string; province?: string; city?: string; campaign?: string; methodVersion?: number | string }): ImpactRequest {
  if (options.campaign !== undefined && !UUID.test(options.campaign)) throw new Error(`--campaign "${options.campaign}" is not a campaign id`);
  const methodVersion = typeof options.methodVersion === 'string' ? parseVersion(options.methodVersion) : options.methodVersion;
  return { from: options.from, to: options.to, province: options.province, city: options.city, campaignId: options.campaign ?? null, methodVersion: methodVersion ?? null };
}

/** The contract's keys first (issue 12), then what says where the figures come from. */
export function toImpactJson(report: ImpactReport) {
  return {
    window: report.window,
    measured: report.measured,
    estimated: report.estimated,
    occupations: report.occupations,
    open: report.open,
    region: report.region,
    campaign: report.campaign,
    containsSyntheticData: report.containsSyntheticData,
  };
}

export function formatImpact(report: ImpactReport): string {
  const region = report.region ? `${report.region.name} (${report.region.code})` : '全国 all of China';
  const campaign = report.campaign ? ` · 活动 ${report.campaign.name}` : '';
  const measured = report.measured;
  const estimated = report.estimated;
  const sections = [
    `就业带动报告 Employment impact (GROW) · ${report.window.from} … ${report.window.to} (China time) · ${region}${campaign}\n`,
    `Gather 实测 Measured\n${formatTable(
      ['hires 录用', 'onboarded 入职', 'stayed 7 days 7天留存', 'active hosts 活跃主播', 'active recruiters 活跃招聘官'],
      [[measured.hires, measured.onboarded, measured.stayed7Days, measured.activeHosts, measured.activeRecruiters]],
    )}`,
    `Gather 估算 Estimated: ${estimated.total.toLocaleString('en')} (method v${estimated.methodVersion} ${estimated.methodName})\n${formatTable(
      ['component 分项', 'arithmetic 计算', 'assumption 假设'],
      estimated.components.map((component) => [component.label, component.formula, component.isAssumption ? 'yes 是' : 'no 否']),
    )}`,
    `Renovate 新职业 Occupations (people or jobs > 0)\n${formatTable(
      ['group 分组', 'occupation 职业', 'people 人数', 'jobs 岗位'],
      report.occupations.filter((row) => row.people > 0 || row.jobs > 0).map((row) => [row.group, row.name, row.people, row.jobs]),
    )}`,
    `Open 直播带岗\n${formatTable(
      ['sessions 场次', 'by bureaus 人社场次', 'companies 企业', 'jobs 岗位', 'viewers 观众', 'applications 报名', 'hires 录用'],
      [[report.open.sessions, report.open.bureauSessions, report.open.companies, report.open.jobs, report.open.viewers, report.open.applications, report.open.hires]],
    )}`,
    '口径 Definitions: docs/IMPACT.md, or --json (measured.definitions, open.definitions, estimated.components[].source)\n',
  ];
  return sections.join('\n');
}

export const registerImpactCommands: CommandRegistrar = (program, io, withContext) => {
  program
    .command('impact')
    .description('The employment impact report (GROW, issue 12) for a window, region and campaign: tables, or --json')
    .requiredOption('--from <date>', 'first day, China time (YYYY-MM-DD)')
    .requiredOption('--to <date>', 'last day, included (YYYY-MM-DD)')
    .addOption(new Option('--province <province>', 'a province: 2-digit code, 江苏 or 江苏省').conflicts('city'))
    .option('--city <city>', 'a city: 6-digit code, 苏州 or 苏州市')
    .option('--campaign <id>', 'only what came through this campaign’s sessions (campaign id)')
    .option('--method-version <n>', 'the estimate’s method version (default: the latest)', parseVersion)
    .option('--json', 'print one JSON object (window, measured, estimated, occupations, open, region, campaign, containsSyntheticData)')
    .action(async (options: ImpactOptions) => {
      const request = impactRequest(options);
      await withContext(async (context) => {
        const report = await context.impact.getReport(request, IMPACT_OPTION_PATHS);
        io.out(options.json ? `${JSON.stringify(toImpactJson(report), null, 2)}\n` : formatImpact(report));
      });
    });
};
