import { describe, expect, it } from 'vitest';
import { computeEstimate, IMPACT_FORMULA, IMPACT_INPUT_NAMES, type ImpactInputs, type ImpactMethod } from './impact-method.js';

const inputs = Object.fromEntries(IMPACT_INPUT_NAMES.map((name) => [name, 0])) as ImpactInputs;

const method = (overrides: Partial<ImpactMethod> = {}): ImpactMethod => ({
  version: 7,
  name: 'test',
  formula: IMPACT_FORMULA,
  multiPlatformAdjustment: { value: 0.45, source: 'assumption', isAssumption: true },
  components: [
    { name: 'people', label: '从业者', inputs: ['activeHosts', 'activeRecruiters', 'bureauHosts'], coefficient: 1.2, source: 's1', isAssumption: true, multiPlatform: true },
    { name: 'firms', label: '企业', inputs: ['agencyCompanies'], coefficient: 0.333, source: 's2', isAssumption: false, multiPlatform: false },
  ],
  note: '',
  createdBy: null,
  createdAt: new Date(0),
  ...overrides,
});

describe('computeEstimate', () => {
  it('works component by component as computed by hand', () => {
    const estimate = computeEstimate(method(), { ...inputs, activeHosts: 7, activeRecruiters: 11, bureauHosts: 2, agencyCompanies: 5, hires: 1000 });
    // (7 + 11 + 2) × 1.2 × 0.45 = 10.8; 5 × 0.333 = 1.665 → 1.67 (two places); 12.47 → 12. hires is no input.
    expect(estimate.components.map((component) => component.value)).toEqual([10.8, 1.67]);
    expect(estimate.components[0]).toMatchObject({ inputs: { activeHosts: 7, activeRecruiters: 11, bureauHosts: 2 }, multiPlatformAdjustment: 0.45, formula: '(activeHosts 7 + activeRecruiters 11 + bureauHosts 2) × 1.2 × 0.45 = 10.8' });
    expect(estimate.components[1]).toMatchObject({ inputs: { agencyCompanies: 5 }, multiPlatformAdjustment: null, formula: '(agencyCompanies 5) × 0.333 = 1.67', isAssumption: false });
    expect(estimate).toMatchObject({ total: 12, methodVersion: 7, formula: IMPACT_FORMULA });
  });

  it('rounds half up at both steps (1.005 stays 1.01; 0.25 + 0.25 → 1)', () => {
    const halves = method({
      multiPlatformAdjustment: { value: 1, source: 'x', isAssumption: true },
      components: [
        { name: 'a', label: 'a', inputs: ['jobs'], coefficient: 1.005, source: 'x', isAssumption: true, multiPlatform: false },
        { name: 'b', label: 'b', inputs: ['sessions'], coefficient: 0.25, source: 'x', isAssumption: true, multiPlatform: false },
        { name: 'c', label: 'c', inputs: ['hires'], coefficient: 0.25, source: 'x', isAssumption: true, multiPlatform: true },
      ],
    });
    const estimate = computeEstimate(halves, { ...inputs, jobs: 1, sessions: 1, hires: 1 });
    expect(estimate.components.map((component) => component.value)).toEqual([1.01, 0.25, 0.25]);
    expect(estimate.total).toBe(2);
    expect(computeEstimate(halves, inputs).total).toBe(0);
  });
});
