// Menu entries by role. A later feature adds one entry here (and one route in router.tsx);
// entries with isImplemented: false stay hidden until their feature lands.
import type { Role } from './types';

export type NavigationEntry = {
  path: string;
  /** A key in the common namespace (app/locales/common.ts → nav). */
  labelKey: string;
  /** Who sees it: 'everyone', signed-out visitors too, or these roles. */
  audience: 'everyone' | readonly Role[];
  isImplemented: boolean;
};

export const NAVIGATION: readonly NavigationEntry[] = [
  { path: '/', labelKey: 'nav.jobs', audience: 'everyone', isImplemented: true },
  { path: '/live', labelKey: 'nav.live', audience: 'everyone', isImplemented: true },
  { path: '/me/profile', labelKey: 'nav.profile', audience: ['seeker'], isImplemented: true },
  { path: '/me/applications', labelKey: 'nav.applications', audience: ['seeker'], isImplemented: true },
  { path: '/following', labelKey: 'nav.following', audience: ['seeker'], isImplemented: true },
  { path: '/messages', labelKey: 'nav.messages', audience: ['seeker'], isImplemented: true },
  { path: '/employer', labelKey: 'nav.employerHome', audience: ['employer'], isImplemented: true },
  { path: '/employer/jobs', labelKey: 'nav.employerJobs', audience: ['employer'], isImplemented: true },
  // 发布岗位 is a button on 企业中心 and 岗位管理, not a menu entry: an employer's ten entries must fit a 1366 px header.
  { path: '/employer/applications', labelKey: 'nav.employerApplications', audience: ['employer'], isImplemented: true },
  { path: '/inbox', labelKey: 'nav.inbox', audience: ['employer', 'host'], isImplemented: true },
  { path: '/outcomes', labelKey: 'nav.outcomes', audience: ['employer', 'host', 'bureau', 'admin'], isImplemented: true },
  { path: '/host/leads', labelKey: 'nav.hostLeads', audience: ['host'], isImplemented: true },
  { path: '/host/sessions', labelKey: 'nav.hostConsole', audience: ['host', 'bureau'], isImplemented: true },
  // Employers (agencies too) and admins schedule and run sessions from the same pages.
  { path: '/host/sessions', labelKey: 'nav.liveSessions', audience: ['employer', 'admin'], isImplemented: true },
  { path: '/admin/companies', labelKey: 'nav.adminCompanies', audience: ['admin'], isImplemented: true },
  { path: '/admin/reports', labelKey: 'nav.adminReports', audience: ['admin'], isImplemented: true },
  { path: '/admin/word-filters', labelKey: 'nav.adminWordFilters', audience: ['admin'], isImplemented: true },
  { path: '/analytics', labelKey: 'nav.analytics', audience: ['admin', 'bureau'], isImplemented: true },
  { path: '/console/campaigns', labelKey: 'nav.campaigns', audience: ['bureau', 'admin'], isImplemented: true },
  { path: '/console/impact', labelKey: 'nav.impactConsole', audience: ['bureau', 'admin'], isImplemented: true },
  { path: '/analytics/public', labelKey: 'nav.publicAnalytics', audience: 'everyone', isImplemented: true },
  { path: '/impact', labelKey: 'nav.impact', audience: 'everyone', isImplemented: true },
];

export function navigationFor(role: Role | null): NavigationEntry[] {
  return NAVIGATION.filter((entry) => entry.isImplemented && (entry.audience === 'everyone' || (role !== null && entry.audience.includes(role))));
}
