/**
 * The estimate of jobs driven (GROW: Gather), from a stored method version. Pure: the inputs are the
 * report's own measured figures, the method is a row of impact_methods (migration 0093). Each component is
 * (sum of its inputs) × its coefficient × the multi-platform adjustment where the component is marked; the
 * estimate is the sum of the components, rounded to whole jobs. Components keep two decimals so the
 * arithmetic shown next to each can be checked by hand.
 */
import { IMPACT_INPUT_NAMES, type ImpactInputName } from '../../../../contracts/impact-inputs.js';

export { IMPACT_INPUT_NAMES, type ImpactInputName };
export type ImpactInputs = Record<ImpactInputName, number>;

/** The one formula every version follows (stored with each version so a report quotes it). */
export const IMPACT_FORMULA =
  '估算 = Σ 分项；分项 = (各输入之和) × 系数 × (多平台调整系数，仅标注的分项) / estimate = Σ components; component = (sum of its inputs) × coefficient × (multi-platform adjustment, where marked)';

export type MethodComponent = {
  name: string;
  label: string;
  inputs: ImpactInputName[];
  coefficient: number;
  /** Where the coefficient comes from (quoted text and reference). */
  source: string;
  /** True when the number itself has no published source. */
  isAssumption: boolean;
  /** Whether the multi-platform adjustment applies (people who also work on other platforms). */
  multiPlatform: boolean;
};

export type ImpactMethod = {
  version: number;
  name: string;
  formula: string;
  multiPlatformAdjustment: { value: number; source: string; isAssumption: boolean };
  components: MethodComponent[];
  note: string;
  createdBy: { id: string; displayName: string } | null;
  createdAt: Date;
};

export type EstimateComponent = {
  name: string;
  label: string;
  inputs: Partial<ImpactInputs>;
  coefficient: number;
  multiPlatformAdjustment: number | null;
  value: number;
  /** The arithmetic with the figures filled in: (activeHosts 3 + activeRecruiters 5) × 1 × 0.5 = 4 */
  formula: string;
  source: string;
  isAssumption: boolean;
};

export type Estimate = {
  total: number;
  methodVersion: number;
  methodName: string;
  formula: string;
  multiPlatformAdjustment: ImpactMethod['multiPlatformAdjustment'];
  note: string;
  components: EstimateComponent[];
};

// Epsilon first: 1.005 × 100 is 100.49999… in binary and would round down.
const roundTo = (value: number, places: number) => Math.round((value + Number.EPSILON) * 10 ** places) / 10 ** places;

export function computeEstimate(method: ImpactMethod, inputs: ImpactInputs): Estimate {
  const components = method.components.map((component): EstimateComponent => {
    const sum = component.inputs.reduce((total, name) => total + inputs[name], 0);
    const adjustment = component.multiPlatform ? method.multiPlatformAdjustment.value : null;
    const value = roundTo(sum * component.coefficient * (adjustment ?? 1), 2);
    const terms = component.inputs.map((name) => `${name} ${inputs[name]}`).join(' + ');
    return {
      name: component.name,
      label: component.label,
      inputs: Object.fromEntries(component.inputs.map((name) => [name, inputs[name]])),
      coefficient: component.coefficient,
      multiPlatformAdjustment: adjustment,
      value,
      formula: `(${terms}) × ${component.coefficient}${adjustment === null ? '' : ` × ${adjustment}`} = ${value}`,
      source: component.source,
      isAssumption: component.isAssumption,
    };
  });
  return {
    total: Math.round(roundTo(components.reduce((total, component) => total + component.value, 0), 2)),
    methodVersion: method.version,
    methodName: method.name,
    formula: method.formula,
    multiPlatformAdjustment: method.multiPlatformAdjustment,
    note: method.note,
    components,
  };
}
