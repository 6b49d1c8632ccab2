import { describe, expect, it } from 'vitest';
import { computeEstimate, IMPACT_FORMULA, type ImpactInputs, type ImpactMethod } from './impact-method.js';
import { suppressImpactCounts, type UnpublishedCounts } from './impact-suppression.js';
import type { ImpactReport } from './impact.schemas.js';

const method: ImpactMethod = {
  version: 3,
  name: 'test',
  formula: IMPACT_FORMULA,
  multiPlatformAdjustment: { value: 0.5, source: 'assumption', isAssumption: true },
  components: [
    { name: 'people', label: '从业者', inputs: ['activeHosts', 'activeRecruiters'], coefficient: 1, source: 's', isAssumption: true, multiPlatform: true },
    { name: 'firms', label: '企业', inputs: ['companies'], coefficient: 1, source: 's', isAssumption: true, multiPlatform: false },
    { name: 'agencies', label: '中介', inputs: ['agencyCompanies'], coefficient: 1, source: 's', isAssumption: true, multiPlatform: false },
  ],
  note: '',
  createdBy: null,
  createdAt: new Date(0),
};

/** A report with every count well above 10 unless a test says otherwise. */
function buildReport(changes: { roles?: ImpactReport['measured']['activeHostsByRole']; types?: ImpactReport['measured']['activeRecruitersByAccountType']; occupationJobs?: number[]; jobs?: number; agencyCompanies?: number; attrition?: Array<[left: number, stayed: number]> } = {}) {
  const roles = changes.roles ?? { host: 30, employer: 20, bureau: 10 };
  const types = changes.types ?? { direct: 40, agency: 20, dispatch: 0, public: 0 };
  const activeHosts = roles.host + roles.employer + roles.bureau;
  const activeRecruiters = types.direct + types.agency + types.dispatch + types.public;
  const open = { sessions: 80, bureauSessions: 20, companies: 50, jobs: changes.jobs ?? 300, viewers: 900, applications: 1000, hires: 200 };
  const inputs: ImpactInputs = {
    activeHosts, activeRecruiters, bureauHosts: roles.bureau, sessions: open.sessions, bureauSessions: open.bureauSessions, companies: open.companies,
    agencyCompanies: changes.agencyCompanies ?? 15, jobs: open.jobs, applications: open.applications, hires: open.hires, onboarded: 150, stayed7Days: 120,
  };
  // Three weeks: 12 left of 72, 18 of 48 (120 stayed, 30 left in all), and a week with no outcome yet.
  const periods = (changes.attrition ?? [[12, 60], [18, 60], [0, 0]]).map(([left, stayed], index) => ({
    from: `2026-01-${String(1 + 7 * index).padStart(2, '0')}`, to: `2026-01-${String(7 + 7 * index).padStart(2, '0')}`, left, stayed,
    attrition: left + stayed === 0 ? null : Math.round((left / (left + stayed)) * 10_000) / 10_000,
  }));
  const report: ImpactReport = {
    window: { from: '2026-01-01', to: '2026-01-31' },
    region: null,
    campaign: null,
    measured: { hires: 200, onboarded: 150, stayed7Days: 120, activeHosts, activeRecruiters, activeHostsByRole: roles, activeRecruitersByAccountType: types, definitions: {} },
    estimated: computeEstimate(method, inputs),
    occupations: (changes.occupationJobs ?? [40, 30]).map((jobs, index) => ({ id: index + 1, name: `o${index}`, group: '内容造物师', groupKey: 'content_creator', classificationCode: null, announcementBatch: null, people: 20, jobs })),
    open: {
      ...open,
      efficiency: { medianHoursToFirstContact: 3, medianHoursToHire: 40, sevenDayAttrition: 0.2, bestSessionsByWeeklyHires: [{ sessionId: 's1', title: 'S1', startedAt: '2026-01-02', hires: 35 }, { sessionId: 's2', title: 'S2', startedAt: '2026-01-03', hires: 4 }], awaitingSevenDayCheck: 0, sevenDayAttritionSeries: { grain: 'week', periods } },
      definitions: {},
    },
    containsSyntheticData: false,
  };
  return report;
}

const counts: UnpublishedCounts = { firstContacts: 300, timedHires: 200, left7Days: 30, agencyCompanies: 15 };

describe('suppressImpactCounts (the public /impact)', () => {
  it('publishes zeros and counts of 10 and more as they are, and withholds 1–9 by path', () => {
    const result = suppressImpactCounts(buildReport(), counts, 10);
    expect(result.measured).toMatchObject({ hires: 200, activeHosts: 60, activeHostsByRole: { host: 30, employer: 20, bureau: 10 } });
    expect(result.estimated.total).toBe(buildReport().estimated.total);
    // dispatch and public are 0: published (a zero singles no one out).
    expect(result.measured.activeRecruitersByAccountType).toEqual({ direct: 40, agency: 20, dispatch: 0, public: 0 });
    expect(result.open.efficiency.bestSessionsByWeeklyHires.map((row) => row.hires)).toEqual([35, null]);
    expect(result.suppressed).toEqual(['open.efficiency.bestSessionsByWeeklyHires.1.hires']);
    expect(result.suppression).toEqual({ threshold: 10, cells: result.suppressed.length });
  });

  it('withholds a second part when one small part could be worked out from the total', () => {
    // 33 hosts = 30 + 3 + 0: the employers' 3 would be 33 − 30 − 0, so the hosts' 30 goes too.
    const result = suppressImpactCounts(buildReport({ roles: { host: 30, employer: 3, bureau: 0 } }), counts, 10);
    expect(result.measured.activeHosts).toBe(33);
    expect(result.measured.activeHostsByRole).toEqual({ host: null, employer: null, bureau: 0 });
    // jobs 100 ≥ 95 + 3 per occupation: the 3 would be bounded by 100 − 95 = 5 < 10, so the 95 goes too.
    const jobs = suppressImpactCounts(buildReport({ jobs: 100, occupationJobs: [95, 3] }), counts, 10);
    expect(jobs.open.jobs).toBe(100);
    expect(jobs.occupations.map((row) => row.jobs)).toEqual([null, null]);
  });

  it('withholds an estimate component with a withheld input, and the total when it would give that component back', () => {
    const result = suppressImpactCounts(buildReport({ agencyCompanies: 4 }), { ...counts, agencyCompanies: 4 }, 10);
    const agencies = result.estimated.components.find((component) => component.name === 'agencies')!;
    expect(agencies).toMatchObject({ value: null, formula: null, inputs: { agencyCompanies: null } });
    expect(result.estimated.total).toBeNull();
    expect(result.estimated.components.find((component) => component.name === 'firms')).toMatchObject({ value: 50, inputs: { companies: 50 } });
    expect(result.suppressed).toEqual(expect.arrayContaining(['estimated.total', 'estimated.components.2.value']));
  });

  it('withholds what the public analytics withheld, and efficiency figures over few applications', () => {
    const result = suppressImpactCounts(buildReport(), { ...counts, firstContacts: 9, left7Days: 5 }, 10, new Set(['applications']));
    expect(result.open.applications).toBeNull();
    expect(result.open.efficiency).toMatchObject({ medianHoursToFirstContact: null, medianHoursToHire: 40, sevenDayAttrition: null });
    expect(result.suppressed).toEqual(expect.arrayContaining(['open.applications', 'open.efficiency.medianHoursToFirstContact', 'open.efficiency.sevenDayAttrition']));
    // 数据不足 (null in the report) stays null and is not a withheld value.
    const empty = buildReport();
    empty.open.efficiency.medianHoursToHire = null;
    expect(suppressImpactCounts(empty, counts, 10).suppressed).not.toContain('open.efficiency.medianHoursToHire');
  });

  it('the 7-day attrition series: a rate per period only over 10+ leavers and 10+ stayers; a small count covered by another', () => {
    const full = suppressImpactCounts(buildReport(), counts, 10).open.efficiency.sevenDayAttritionSeries;
    expect(full.periods.map((period) => [period.left, period.stayed, period.attrition])).toEqual([[12, 60, 0.1667], [18, 60, 0.2308], [0, 0, null]]);
    // 3 leavers in week 1: withheld, and so is week 2's 27 (30 in all is given by the overall rate and the stayed count).
    const small = suppressImpactCounts(buildReport({ attrition: [[3, 60], [27, 60], [0, 0]] }), counts, 10);
    const periods = small.open.efficiency.sevenDayAttritionSeries.periods;
    expect(periods.map((period) => [period.left, period.stayed, period.attrition])).toEqual([[null, 60, null], [null, 60, null], [0, 0, null]]);
    expect(small.open.efficiency.sevenDayAttrition).toBe(0.2);
    expect(small.suppressed).toEqual(expect.arrayContaining(['open.efficiency.sevenDayAttritionSeries.periods.0.left', 'open.efficiency.sevenDayAttritionSeries.periods.0.attrition', 'open.efficiency.sevenDayAttritionSeries.periods.1.left']));
    // A week without outcomes is 数据不足 (null), not a withheld value.
    expect(small.suppressed).not.toContain('open.efficiency.sevenDayAttritionSeries.periods.2.attrition');
  });
});
