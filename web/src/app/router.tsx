/*
 * The web app's routes. To add a feature's pages:
 *   1. put them in web/src/features/<domain>/ (a page module default-exports its component; the feature's
 *      words go in its own i18n.ts via registerTranslations — no central dictionary to edit);
 *   2. add ONE line to FEATURE_ROUTES, e.g.
 *        { path: 'live/:sessionId', loader: liveRoomLoader, lazy: page(() => import('../features/live/live-room-page')) },
 *      wrapping role-only pages: lazy: page(() => import('…'), ['host']);
 *   3. for a menu entry, flip or add its line in app/navigation.ts.
 * Reserved (hidden until implemented): /live, /live/:id (live rooms), /host (host console),
 * /analytics (dashboard), /me/applications (my applications).
 */
import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { AppLayout } from '../components/app-layout';
import { PageLoading } from '../components/page-states';
import RouteError from '../components/route-error';
import { jobListLoader, jobLoader } from '../features/jobs/prefetch';
import { liveListLoader, liveRoomLoader } from '../features/live/prefetch';
import { RequireRole } from '../components/require-role';
import type { Role } from './types';

type PageModule = { default: ComponentType };

/** A lazily loaded page (its code is fetched on first visit), optionally for some roles only. */
export function page(load: () => Promise<PageModule>, roles?: readonly Role[]): RouteObject['lazy'] {
  return async () => {
    const { default: Page } = await load();
    if (!roles) return { Component: Page };
    return { Component: () => <RequireRole roles={roles}><Page /></RequireRole> };
  };
}

const FEATURE_ROUTES: RouteObject[] = [
  { index: true, loader: jobListLoader, lazy: page(() => import('../features/jobs/job-list-page')) },
  { path: 'jobs/:jobId', loader: jobLoader, lazy: page(() => import('../features/jobs/job-detail-page')) },
  { path: 'live', loader: liveListLoader, lazy: page(() => import('../features/live/session-list-page')) },
  { path: 'feed', lazy: page(() => import('../features/live/feed-page')) },
  { path: 'live/:sessionId', loader: liveRoomLoader, lazy: page(() => import('../features/live/live-room-page')) },
  { path: 'host/sessions', lazy: page(() => import('../features/live/host/host-sessions-page'), ['host', 'employer', 'bureau', 'admin']) },
  { path: 'host/sessions/:sessionId', lazy: page(() => import('../features/live/host/host-console-page'), ['host', 'employer', 'bureau', 'admin']) },
  { path: 'host/sessions/:sessionId/studio', lazy: page(() => import('../features/live/host/studio-page'), ['host', 'employer', 'bureau', 'admin']) },
  { path: 'sign-in', lazy: page(() => import('../features/auth/sign-in-page')) },
  { path: 'sign-up', lazy: page(() => import('../features/auth/sign-up-page')) },
  { path: 'confirm-email', lazy: page(() => import('../features/auth/confirm-email-page')) },
  { path: 'console/integrations', lazy: page(() => import('../features/integrations/api-tokens-page'), ['employer', 'bureau']) },
  { path: 'me/profile', lazy: page(() => import('../features/seekers/profile-page'), ['seeker']) },
  { path: 'employer', lazy: page(() => import('../features/companies/employer-home-page'), ['employer']) },
  { path: 'employer/company', lazy: page(() => import('../features/companies/register-company-page'), ['employer']) },
  { path: 'employer/jobs', lazy: page(() => import('../features/jobs/employer/my-jobs-page'), ['employer']) },
  { path: 'employer/jobs/new', lazy: page(() => import('../features/jobs/employer/post-job-page'), ['employer']) },
  { path: 'employer/jobs/:jobId/edit', lazy: page(() => import('../features/jobs/employer/edit-job-page'), ['employer']) },
  { path: 'admin/companies', lazy: page(() => import('../features/admin/companies-queue-page'), ['admin']) },
  { path: 'interviews/:applicationId', lazy: page(() => import('../features/pipeline/interview-room-page'), ['seeker', 'employer']) },
  { path: 'me/applications', lazy: page(() => import('../features/pipeline/my-applications-page'), ['seeker']) },
  { path: 'me/contact-consents', lazy: page(() => import('../features/pipeline/contact-consents-page'), ['seeker']) },
  { path: 'employer/applications', lazy: page(() => import('../features/pipeline/employer-applications-page'), ['employer']) },
  { path: 'outcomes', lazy: page(() => import('../features/pipeline/outcomes-page'), ['employer', 'host', 'bureau', 'admin']) },
  { path: 'outcomes/sessions/:sessionId', lazy: page(() => import('../features/pipeline/session-funnel-page'), ['employer', 'host', 'bureau', 'admin']) },
  { path: 'host/leads', lazy: page(() => import('../features/pipeline/host-leads-page'), ['host']) },
  { path: 'admin/word-filters', lazy: page(() => import('../features/live/word-filters-page'), ['admin']) },
  { path: 'admin/reports', lazy: page(() => import('../features/pipeline/reports-queue-page'), ['admin']) },
  { path: 'analytics', lazy: page(() => import('../features/analytics/analytics-page'), ['admin', 'bureau']) },
  { path: 'analytics/public', lazy: page(() => import('../features/analytics/public-analytics-page')) },
  { path: 'impact', lazy: page(() => import('../features/impact/impact-page')) },
  { path: 'console/impact', lazy: page(() => import('../features/impact/impact-console-page'), ['bureau', 'admin']) },
  { path: 'campaigns', lazy: page(() => import('../features/campaigns/campaign-list-page')) },
  { path: 'campaigns/:campaignId', lazy: page(() => import('../features/campaigns/campaign-page')) },
  { path: 'console/campaigns', lazy: page(() => import('../features/campaigns/campaigns-console-page'), ['bureau', 'admin']) },
  { path: 'console/campaigns/:campaignId', lazy: page(() => import('../features/campaigns/campaign-console-page'), ['bureau', 'admin']) },
  { path: 'companies/:companyId', lazy: page(() => import('../features/profiles/company-page')) },
  { path: 'hosts/:hostUserId', lazy: page(() => import('../features/profiles/host-page')) },
  { path: 'for-you', lazy: page(() => import('../features/recommendations/for-you-page')) },
  { path: 'following', lazy: page(() => import('../features/follows/following-page'), ['seeker']) },
  // One chunk for the three conversation pages (each route of its own made the bundler split shared code off
  // the first screen: +3 KiB on every seeker page).
  { path: 'messages', lazy: page(() => import('../features/conversations/pages').then((pages) => ({ default: pages.MessagesPage })), ['seeker']) },
  { path: 'messages/:conversationId', lazy: page(() => import('../features/conversations/pages').then((pages) => ({ default: pages.ChatPage })), ['seeker', 'employer', 'host']) },
  { path: 'inbox', lazy: page(() => import('../features/conversations/pages').then((pages) => ({ default: pages.InboxPage })), ['employer', 'host']) },
  // Later features add their line here, e.g. live rooms, host console, analytics, my applications.
];

export const router = createBrowserRouter([
  {
    path: '/',
    element: <AppLayout />,
    // Shown while the first page's code loads.
    hydrateFallbackElement: <PageLoading />,
    // A page whose code or data cannot load shows a retry inside the layout (header and menu stay usable).
    children: [{ errorElement: <RouteError />, children: [...FEATURE_ROUTES, { path: '*', lazy: page(() => import('../pages/not-found-page')) }] }],
  },
]);
