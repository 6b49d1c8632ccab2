/**
 * The employment impact report (GROW, issue 12): the shapes shared by the server (zod, OpenAPI), the CLI and
 * the web app (types only). Definitions of every figure: docs/IMPACT.md.
 */
import { z } from 'zod';

/** The report's three groups of new occupations (seed report, Part 2 Renovate). */
export const OCCUPATION_GROUPS = { tech_explorer: '科技探索者', content_creator: '内容造物师', business_trainer: '商业训练家' } as const;
export type OccupationGroupKey = keyof typeof OCCUPATION_GROUPS;
export const groupKeySchema = z.enum(Object.keys(OCCUPATION_GROUPS) as [OccupationGroupKey, ...OccupationGroupKey[]]);

export const occupationSchema = z.object({
  id: z.number(),
  name: z.string(),
  group: z.string(),
  groupKey: groupKeySchema,
  classificationCode: z.string().nullable(),
  announcementBatch: z.string().nullable(),
  source: z.string(),
});
export type Occupation = z.infer<typeof occupationSchema>;

const count = z.number();
const definitions = z.record(z.string(), z.string());

const regionSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('province'), code: z.string(), name: z.string() }),
    z.object({ kind: z.literal('city'), code: z.string(), name: z.string(), provinceCode: z.string() }),
  ])
  .nullable();

/**
 * The 7-day attrition over time: one period per week (windows up to 62 days) or month, clipped to the window
 * (`from`/`to` China dates); left and stayed as in sevenDayAttrition, attrition null when neither was recorded.
 */
const attritionSeriesSchema = <Counted extends z.ZodType>(counted: Counted) => z.object({
  grain: z.enum(['week', 'month']),
  periods: z.array(z.object({ from: z.string(), to: z.string(), left: counted, stayed: counted, attrition: z.number().nullable() })),
});

const adjustmentSchema = z.object({ value: z.number(), source: z.string(), isAssumption: z.boolean() });

export const impactReportSchema = z.object({
  window: z.object({ from: z.string(), to: z.string() }),
  region: regionSchema,
  campaign: z.object({ id: z.string(), name: z.string() }).nullable(),
  measured: z.object({
    hires: count,
    onboarded: count,
    stayed7Days: count,
    activeHosts: count,
    activeRecruiters: count,
    activeHostsByRole: z.object({ host: count, employer: count, bureau: count }),
    activeRecruitersByAccountType: z.object({ direct: count, agency: count, dispatch: count, public: count }),
    definitions,
  }),
  estimated: z.object({
    total: count,
    methodVersion: z.number(),
    methodName: z.string(),
    formula: z.string(),
    multiPlatformAdjustment: adjustmentSchema,
    note: z.string(),
    components: z.array(z.object({
      name: z.string(),
      label: z.string(),
      inputs: z.record(z.string(), z.number()),
      coefficient: z.number(),
      multiPlatformAdjustment: z.number().nullable(),
      value: z.number(),
      formula: z.string(),
      source: z.string(),
      isAssumption: z.boolean(),
    })),
  }),
  occupations: z.array(occupationSchema.omit({ source: true }).extend({ people: count, jobs: count })),
  open: z.object({
    sessions: count,
    bureauSessions: count,
    companies: count,
    jobs: count,
    viewers: count,
    applications: count,
    hires: count,
    efficiency: z.object({
      medianHoursToFirstContact: z.number().nullable(),
      medianHoursToHire: z.number().nullable(),
      sevenDayAttrition: z.number().nullable(),
      bestSessionsByWeeklyHires: z.array(z.object({ sessionId: z.string(), title: z.string(), startedAt: z.string(), hires: count })),
      awaitingSevenDayCheck: count,
      sevenDayAttritionSeries: attritionSeriesSchema(count),
    }),
    definitions,
  }),
  containsSyntheticData: z.boolean(),
});
export type ImpactReport = z.infer<typeof impactReportSchema>;

export const impactMethodSchema = z.object({
  version: z.number(),
  name: z.string(),
  formula: z.string(),
  multiPlatformAdjustment: adjustmentSchema,
  components: z.array(z.object({
    name: z.string(),
    label: z.string(),
    inputs: z.array(z.string()),
    coefficient: z.number(),
    source: z.string(),
    isAssumption: z.boolean(),
    multiPlatform: z.boolean(),
  })),
  note: z.string(),
  createdBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  createdAt: z.date(),
});
export type ImpactMethodView = Omit<z.infer<typeof impactMethodSchema>, 'createdAt'> & { createdAt: string };

/** Counts on the public report below this are withheld (the public analytics' threshold). */
export const PUBLIC_IMPACT_MIN_COUNT = 10;

const shown = z.number().nullable();

/**
 * The public /impact report: the same figures with small counts withheld (null) and `suppressed` naming the
 * path of every withheld value (`measured.hires`, `occupations.3.people`, `open.efficiency.medianHoursToHire`),
 * so a withheld value is never read as 0 or as 数据不足.
 */
export const publicImpactReportSchema = z.object({
  window: z.object({ from: z.string(), to: z.string() }),
  region: regionSchema,
  campaign: z.object({ id: z.string(), name: z.string() }).nullable(),
  measured: z.object({
    hires: shown,
    onboarded: shown,
    stayed7Days: shown,
    activeHosts: shown,
    activeRecruiters: shown,
    activeHostsByRole: z.object({ host: shown, employer: shown, bureau: shown }),
    activeRecruitersByAccountType: z.object({ direct: shown, agency: shown, dispatch: shown, public: shown }),
    definitions,
  }),
  estimated: z.object({
    total: shown,
    methodVersion: z.number(),
    methodName: z.string(),
    formula: z.string(),
    multiPlatformAdjustment: adjustmentSchema,
    note: z.string(),
    components: z.array(z.object({
      name: z.string(),
      label: z.string(),
      inputs: z.record(z.string(), shown),
      coefficient: z.number(),
      multiPlatformAdjustment: z.number().nullable(),
      value: shown,
      formula: z.string().nullable(),
      source: z.string(),
      isAssumption: z.boolean(),
    })),
  }),
  occupations: z.array(occupationSchema.omit({ source: true }).extend({ people: shown, jobs: shown })),
  open: z.object({
    sessions: shown,
    bureauSessions: shown,
    companies: shown,
    jobs: shown,
    viewers: shown,
    applications: shown,
    hires: shown,
    efficiency: z.object({
      medianHoursToFirstContact: z.number().nullable(),
      medianHoursToHire: z.number().nullable(),
      sevenDayAttrition: z.number().nullable(),
      bestSessionsByWeeklyHires: z.array(z.object({ sessionId: z.string(), title: z.string(), startedAt: z.string(), hires: shown })),
      awaitingSevenDayCheck: shown,
      sevenDayAttritionSeries: attritionSeriesSchema(shown),
    }),
    definitions,
  }),
  containsSyntheticData: z.boolean(),
  suppressed: z.array(z.string()),
  suppression: z.object({ threshold: z.number(), cells: z.number() }),
});
export type PublicImpactReport = z.infer<typeof publicImpactReportSchema>;

/** Either report, as the page shows it: counts may be withheld (null) on the public one. */
export type ImpactView = PublicImpactReport | ImpactReport;
