import { protectLinks, type SuppressionCell as Cell, type SuppressionLink as Link } from '../analytics/index.js';
import type { ImpactInputName } from './impact-method.js';
import type { ImpactReport, PublicImpactReport } from './impact.schemas.js';

/** Counts the report does not publish but its figures rest on: each efficiency figure's applications, agency companies. */
export type UnpublishedCounts = { firstContacts: number; timedHires: number; left7Days: number; agencyCompanies: number };

const OPEN_COUNTS = ['sessions', 'bureauSessions', 'companies', 'jobs', 'viewers', 'applications', 'hires'] as const;
const MEASURED_COUNTS = ['onboarded', 'stayed7Days', 'activeHosts', 'activeRecruiters'] as const;
const ROLES = ['host', 'employer', 'bureau'] as const;
const ACCOUNT_TYPES = ['direct', 'agency', 'dispatch', 'public'] as const;

/**
 * The public impact report: every count from 1 to below the threshold withheld, and linked cells withheld with it so that
 * no single response gives a withheld count back by subtraction (the analytics' protectLinks):
 * - active hosts = hosts + employers + bureau staff, active recruiters = the sum of the four account types (exact);
 * - sessions ≥ bureau sessions, companies ≥ agency companies, jobs ≥ Σ jobs per occupation, active hosts +
 *   recruiters ≥ Σ people per occupation (bounds);
 * - the estimate: a component is withheld when one of its inputs is (value ÷ coefficient gives the inputs' sum),
 *   and the total when any component is (total − the others gives it, or the sum of the withheld ones);
 * - a median is shown only over at least `threshold` applications, the 7-day attrition only when both those who
 *   left and those who stayed number `threshold` or more (with the stayed count, the rate gives the leavers); so is
 *   each period's rate in its series, whose left and stayed counts add up to the leavers and the stayed count.
 * `sharedHidden` names the figures the public analytics withheld (applications, sessions, companies, jobs, hires
 * are the same counts on both pages, so they are withheld on both). The same counts appear twice in the report
 * (hires in measured and open; the estimate's inputs): each path reads the one cell.
 */
export function suppressImpactCounts(
  report: ImpactReport,
  counts: UnpublishedCounts,
  threshold: number,
  sharedHidden: ReadonlySet<string> = new Set(),
): PublicImpactReport {
  // Zeros are published: no one is singled out by a count of none, and a withheld zero protects nothing in a link
  // (protectLinks ignores it). So "no one states this occupation" reads 0, and a withheld one is 1–9.
  const cell = (value: number, isShared = false): Cell => ({ value, hidden: (value > 0 && value < threshold) || isShared });
  const open = Object.fromEntries(OPEN_COUNTS.map((key) => [key, cell(report.open[key], sharedHidden.has(key))])) as Record<(typeof OPEN_COUNTS)[number], Cell>;
  const measured = Object.fromEntries(MEASURED_COUNTS.map((key) => [key, cell(report.measured[key])])) as Record<(typeof MEASURED_COUNTS)[number], Cell>;
  const roles = Object.fromEntries(ROLES.map((key) => [key, cell(report.measured.activeHostsByRole[key])])) as Record<(typeof ROLES)[number], Cell>;
  const types = Object.fromEntries(ACCOUNT_TYPES.map((key) => [key, cell(report.measured.activeRecruitersByAccountType[key])])) as Record<(typeof ACCOUNT_TYPES)[number], Cell>;
  const agencyCompanies = cell(counts.agencyCompanies);
  const occupationPeople = report.occupations.map((row) => cell(row.people));
  const occupationJobs = report.occupations.map((row) => cell(row.jobs));
  // The 7-day outcomes: leavers in all are not published, but the overall rate with the stayed count gives them.
  const efficiency = report.open.efficiency;
  const stayedCount = report.measured.stayed7Days;
  const leftTotal: Cell = { value: counts.left7Days, hidden: !(counts.left7Days >= threshold && stayedCount >= threshold) };
  const periods = efficiency.sevenDayAttritionSeries.periods.map((period) => ({ left: cell(period.left), stayed: cell(period.stayed) }));

  const links: Link[] = [
    { whole: [measured.activeHosts], parts: Object.values(roles) },
    { whole: [measured.activeRecruiters], parts: Object.values(types) },
    { whole: [open.sessions], parts: [open.bureauSessions] },
    { whole: [open.companies], parts: [agencyCompanies] },
    { whole: [open.jobs], parts: occupationJobs },
    { whole: [measured.activeHosts, measured.activeRecruiters], parts: occupationPeople },
    { whole: [measured.stayed7Days], parts: periods.map((period) => period.stayed) },
    { whole: [leftTotal], parts: periods.map((period) => period.left) },
  ];
  protectLinks(links, threshold);

  // The estimate's inputs are the report's own cells.
  const inputCells: Record<ImpactInputName, Cell> = {
    activeHosts: measured.activeHosts,
    activeRecruiters: measured.activeRecruiters,
    bureauHosts: roles.bureau,
    sessions: open.sessions,
    bureauSessions: open.bureauSessions,
    companies: open.companies,
    agencyCompanies,
    jobs: open.jobs,
    applications: open.applications,
    hires: open.hires,
    onboarded: measured.onboarded,
    stayed7Days: measured.stayed7Days,
  };
  const componentHidden = report.estimated.components.map((component) => Object.keys(component.inputs).some((name) => inputCells[name as ImpactInputName]?.hidden ?? true));
  // Withheld with any component: the total less the published components would give that component (or the sum
  // of the withheld ones, counts below the threshold each).
  const isTotalHidden = componentHidden.some(Boolean);

  const suppressed: string[] = [];
  const show = (path: string, value: Cell) => {
    if (!value.hidden) return value.value;
    suppressed.push(path);
    return null;
  };
  const showFigure = (path: string, value: number | null, isShown: boolean) => {
    if (value === null || isShown) return value;
    suppressed.push(path);
    return null;
  };
  const isOverallAttritionShown = !leftTotal.hidden && !measured.stayed7Days.hidden;

  const result: PublicImpactReport = {
    window: report.window,
    region: report.region,
    campaign: report.campaign,
    measured: {
      hires: show('measured.hires', open.hires),
      onboarded: show('measured.onboarded', measured.onboarded),
      stayed7Days: show('measured.stayed7Days', measured.stayed7Days),
      activeHosts: show('measured.activeHosts', measured.activeHosts),
      activeRecruiters: show('measured.activeRecruiters', measured.activeRecruiters),
      activeHostsByRole: { host: show('measured.activeHostsByRole.host', roles.host), employer: show('measured.activeHostsByRole.employer', roles.employer), bureau: show('measured.activeHostsByRole.bureau', roles.bureau) },
      activeRecruitersByAccountType: {
        direct: show('measured.activeRecruitersByAccountType.direct', types.direct),
        agency: show('measured.activeRecruitersByAccountType.agency', types.agency),
        dispatch: show('measured.activeRecruitersByAccountType.dispatch', types.dispatch),
        public: show('measured.activeRecruitersByAccountType.public', types.public),
      },
      definitions: report.measured.definitions,
    },
    estimated: {
      ...report.estimated,
      total: isTotalHidden ? (suppressed.push('estimated.total'), null) : report.estimated.total,
      components: report.estimated.components.map((component, index) => ({
        ...component,
        inputs: Object.fromEntries(Object.keys(component.inputs).map((name) => [name, show(`estimated.components.${index}.inputs.${name}`, inputCells[name as ImpactInputName])])),
        value: componentHidden[index] ? (suppressed.push(`estimated.components.${index}.value`), null) : component.value,
        formula: componentHidden[index] ? null : component.formula,
      })),
    },
    occupations: report.occupations.map((row, index) => ({
      ...row,
      people: show(`occupations.${index}.people`, occupationPeople[index]),
      jobs: show(`occupations.${index}.jobs`, occupationJobs[index]),
    })),
    open: {
      sessions: show('open.sessions', open.sessions),
      bureauSessions: show('open.bureauSessions', open.bureauSessions),
      companies: show('open.companies', open.companies),
      jobs: show('open.jobs', open.jobs),
      viewers: show('open.viewers', open.viewers),
      applications: show('open.applications', open.applications),
      hires: show('open.hires', open.hires),
      efficiency: {
        medianHoursToFirstContact: showFigure('open.efficiency.medianHoursToFirstContact', efficiency.medianHoursToFirstContact, counts.firstContacts >= threshold),
        medianHoursToHire: showFigure('open.efficiency.medianHoursToHire', efficiency.medianHoursToHire, counts.timedHires >= threshold),
        sevenDayAttrition: showFigure('open.efficiency.sevenDayAttrition', efficiency.sevenDayAttrition, isOverallAttritionShown),
        awaitingSevenDayCheck: show('open.efficiency.awaitingSevenDayCheck', cell(efficiency.awaitingSevenDayCheck)),
        bestSessionsByWeeklyHires: efficiency.bestSessionsByWeeklyHires.map((row, index) => ({ ...row, hires: show(`open.efficiency.bestSessionsByWeeklyHires.${index}.hires`, cell(row.hires)) })),
        // A period's rate only when both its leavers and stayers are published and number the threshold or more.
        sevenDayAttritionSeries: {
          grain: efficiency.sevenDayAttritionSeries.grain,
          periods: efficiency.sevenDayAttritionSeries.periods.map((period, index) => {
            const path = `open.efficiency.sevenDayAttritionSeries.periods.${index}`;
            const isRateShown = !periods[index].left.hidden && !periods[index].stayed.hidden && period.left >= threshold && period.stayed >= threshold;
            return {
              ...period,
              left: show(`${path}.left`, periods[index].left),
              stayed: show(`${path}.stayed`, periods[index].stayed),
              attrition: showFigure(`${path}.attrition`, period.attrition, isRateShown),
            };
          }),
        },
      },
      definitions: report.open.definitions,
    },
    containsSyntheticData: report.containsSyntheticData,
    suppressed: [],
    suppression: { threshold, cells: 0 },
  };
  return { ...result, suppressed, suppression: { threshold, cells: suppressed.length } };
}
