// No zod here: the web app imports this value (contracts/impact.ts is types only for the web).
/** The figures a method may name as inputs (all measured for the same window, region and campaign). */
export const IMPACT_INPUT_NAMES = [
  'activeHosts', 'activeRecruiters', 'bureauHosts', 'sessions', 'bureauSessions', 'companies', 'agencyCompanies',
  'jobs', 'applications', 'hires', 'onboarded', 'stayed7Days',
] as const;
export type ImpactInputName = (typeof IMPACT_INPUT_NAMES)[number];
