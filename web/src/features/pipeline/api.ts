// The pipeline's API as the web app sees it (server/src/modules/pipeline, reports, privacy).
import { api, withQuery, type QueryValue } from '../../app/api';
import type { OutcomeGroupBy } from '../../../../contracts/outcomes';

export type ApplicationStatus =
  | 'submitted' | 'viewed' | 'contacted' | 'interview' | 'hired' | 'onboarded'
  | 'stayed_7_days' | 'left_within_7_days' | 'rejected' | 'withdrawn';
export const APPLICATION_STATUSES: ApplicationStatus[] = [
  'submitted', 'viewed', 'contacted', 'interview', 'hired', 'onboarded', 'stayed_7_days', 'left_within_7_days', 'rejected', 'withdrawn',
];

export type PipelineAction =
  | 'view' | 'contact' | 'schedule_interview' | 'accept_interview' | 'decline_interview'
  | 'hire' | 'onboard' | 'confirm_stay' | 'record_left' | 'reject' | 'withdraw';

export type Label = { code: string; zh: string; en: string };
export type Interview = { at: string; place: string | null; videoUrl: string | null; response: 'pending' | 'accepted' | 'declined' | null };
export type PhoneView = { viewerName: string | null; companyName: string | null; unmaskedAt: string };
export type Handoff = {
  id: number; applicationId: number; recipientCompanyId: string; recipientCompanyName: string; requestedByRole: 'host' | 'employer';
  requestedByName: string | null; purpose: string; status: 'pending' | 'granted' | 'refused'; requestedAt: string; decidedAt: string | null;
};
export type PipelineEvent = {
  id: number; action: PipelineAction | 'undo'; fromStatus: ApplicationStatus; toStatus: ApplicationStatus; actorRole: string; actorName: string | null;
  reason: string | null; details: Record<string, unknown>; undoesEventId: number | null; isUndone: boolean; occurredAt: string;
};
export type Note = { id: number; body: string; authorName: string | null; createdAt: string };

export type EmployerApplication = {
  id: number;
  job: { id: string | null; title: string | null };
  companyName: string | null;
  session: { id: string; title: string | null } | null;
  source: string;
  seeker: { name: string; phoneMasked: string | null; cityName: string | null; isAnonymised: boolean };
  status: ApplicationStatus;
  statusLabel: Label;
  appliedAt: string;
  statusChangedAt: string;
  hiredAt: string | null;
  interview: Interview | null;
  startDate: string | null;
  closingReason: string | null;
  isShared: boolean;
  availableActions: PipelineAction[];
  canUnmask: boolean;
  canUndo: boolean;
};
/** seeker.phone: the full number when the seeker consented (the server logged this opening as a look), else null. */
export type EmployerApplicationDetail = Omit<EmployerApplication, 'seeker'> & {
  seeker: EmployerApplication['seeker'] & { phone: string | null };
  events: PipelineEvent[];
  notes: Note[];
  phoneViews: PhoneView[];
  handoffs: Handoff[];
};

export type ApplicationFilter = { jobId?: string; sessionId?: string; status?: ApplicationStatus; appliedFrom?: string; appliedTo?: string };

/** The body of an employer's change; the server's state machine checks it. */
export type ChangeBody =
  | { action: 'view' | 'contact' | 'hire' | 'confirm_stay' }
  | { action: 'schedule_interview'; interviewAt: string; place?: string | null; videoUrl?: string | null }
  | { action: 'onboard'; startDate: string }
  | { action: 'record_left' | 'reject'; reason: string };

export type BulkResult = { results: Array<{ id: number; ok: boolean; status?: ApplicationStatus; error?: { code: string; message: string } }>; succeeded: number; failed: number };

export type SevenDayCheck = { id: number; applicationId: number; dueOn: string; isDue: boolean; seekerName: string | null; jobTitle: string | null; startDate: string | null };

export type SeekerApplication = {
  id: number;
  job: { id: string | null; title: string | null };
  companyName: string | null;
  session: { id: string; title: string | null } | null;
  status: ApplicationStatus;
  statusLabel: Label;
  appliedAt: string;
  statusChangedAt: string;
  interview: Interview | null;
  startDate: string | null;
  closingReason: string | null;
  nextStep: Label;
  availableActions: PipelineAction[];
  phoneViews: PhoneView[];
  handoffs: Handoff[];
};

export type OutcomeRow = {
  key: string; label: string | null; applications: number; interviews: number; hires: number; onboarded: number; stayed7Days: number;
  leftWithin7Days: number; pendingChecks: number; sevenDayAttrition: number | null; contacted: number; medianHoursToHire: number | null;
  meanHoursToHire: number | null; medianHoursToFirstContact: number | null; meanHoursToFirstContact: number | null;
};
/** company, host, session, category or campaign (contracts/outcomes.ts). */
export type { OutcomeGroupBy };
export type Funnel = {
  sessionId: string; title: string; startsAt: string; status: string; hostName: string | null; viewers: number; jobCardOpens: number;
  applications: number; interviews: number; hires: number; stayed7Days: number; leftWithin7Days: number; onboarded: number;
  steps: Array<{ key: string; zh: string; en: string; value: number }>;
  rates: { applicationsPerViewer: number | null; hiresPerApplication: number | null; stayedPerHire: number | null; sevenDayAttrition: number | null };
};
export type TrustSignals = {
  windowDays: number; minimumSample: number; applications: number | null; medianHoursToFirstContact: number | null; contactedShare: number | null;
  sevenDayOutcomes: number | null; sevenDayStayRate: number | null; hasEnoughData: boolean;
};

export type ReportReason = 'fee_request' | 'fake_job' | 'harassment' | 'other';
export type ReportTargetKind = 'job' | 'session' | 'company' | 'conversation';
/** A reported conversation's messages at the time of the report (conversations.service.ts report()). */
export type ConversationEvidence = {
  conversationId: number; job: { id: string | null; title: string | null }; companyName: string | null; hostName: string | null; seekerName: string | null;
  reportedBy: string; messages: Array<{ id: number; senderRole: string; senderName: string | null; kind: string; body: string; sentAt: string }>;
};
export type Report = {
  id: number; targetKind: ReportTargetKind; jobId: string | null; jobTitle: string | null; sessionId: string | null; sessionTitle: string | null;
  companyId: string | null; companyName: string | null; companyStatus: string | null; hostUserId: string | null; hostName: string | null; isHostBanned: boolean;
  reason: ReportReason; details: string; status: 'open' | 'resolved' | 'dismissed'; resolution: string | null; resolvedAt: string | null; createdAt: string;
  reporterName: string | null; openReportsOnTarget: number; conversationId: number | null; evidence: ConversationEvidence | null;
};

/** GET /api/seeker/contact-consents (pipeline.schemas.ts contactConsentsSchema). */
export type ContactKind = 'phone' | 'wechat';
export type ContactConsent = { id: number; kind: ContactKind; companyId: string; companyName: string | null; source: 'apply' | 'conversation'; applicationId: number | null; grantedAt: string; withdrawnAt: string | null };
export type PhoneLook = { kind: ContactKind; viewerName: string | null; companyName: string | null; jobTitle: string | null; applicationId: number | null; conversationId: number | null; unmaskedAt: string };
export type ContactConsents = { consents: ContactConsent[]; looks: PhoneLook[] };

const id = (value: number) => encodeURIComponent(String(value));

export const pipelineApi = {
  listEmployerApplications: (filter: ApplicationFilter, page: number, pageSize: number) =>
    api.get<{ applications: EmployerApplication[]; total: number; countsByStatus: Record<string, number> }>('/api/employer/applications', { ...filter, page, pageSize }),
  exportCsvUrl: (filter: ApplicationFilter) => withQuery('/api/employer/applications/export.csv', filter as Record<string, QueryValue>),
  openApplication: (applicationId: number) => api.get<EmployerApplicationDetail>(`/api/employer/applications/${id(applicationId)}`),
  change: (applicationId: number, body: ChangeBody) => api.post<EmployerApplicationDetail>(`/api/employer/applications/${id(applicationId)}/transitions`, body),
  undo: (applicationId: number) => api.post<EmployerApplicationDetail>(`/api/employer/applications/${id(applicationId)}/undo`),
  bulk: (applicationIds: number[], change: ChangeBody) => api.post<BulkResult>('/api/employer/applications/bulk', { applicationIds, change }),
  addNote: (applicationId: number, body: string) => api.post<{ notes: Note[] }>(`/api/employer/applications/${id(applicationId)}/notes`, { body }),
  unmask: (applicationId: number) => api.post<{ phone: string; unmaskedAt: string }>(`/api/employer/applications/${id(applicationId)}/unmask`),
  listChecks: (onlyDue: boolean) => api.get<{ tasks: SevenDayCheck[] }>('/api/employer/tasks', { due: onlyDue }),

  listMyApplications: () => api.get<{ applications: SeekerApplication[]; total: number }>('/api/seeker/applications', { pageSize: 200 }),
  withdraw: (applicationId: number, reason: string | null) => api.post<SeekerApplication>(`/api/seeker/applications/${id(applicationId)}/withdraw`, { reason }),
  answerInterview: (applicationId: number, answer: 'accept' | 'decline') => api.post<SeekerApplication>(`/api/seeker/applications/${id(applicationId)}/interview/${answer}`),
  decideHandoff: (handoffId: number, decision: 'grant' | 'refuse') => api.post<Handoff>(`/api/seeker/handoffs/${id(handoffId)}`, { decision }),
  deleteAccount: (proof: { password: string } | { code: string }) => api.post<{ deletedAt: string }>('/api/me/delete-account', { ...proof, confirm: 'DELETE' }),
  personalDataUrl: '/api/me/personal-data',

  listOutcomes: (groupBy: OutcomeGroupBy, from?: string, to?: string) =>
    api.get<{ groupBy: string; window: { from: string; to: string }; rows: OutcomeRow[] }>('/api/pipeline/outcomes', { groupBy, from, to }),
  sessionFunnel: (sessionId: string) => api.get<{ funnel: Funnel; isCompanyView: boolean }>(`/api/pipeline/sessions/${encodeURIComponent(sessionId)}/funnel`),
  compareFunnels: (from?: string, to?: string) => api.get<{ window: { from: string; to: string }; sessions: Funnel[] }>('/api/pipeline/session-funnels', { from, to }),
  companyTrust: (companyId: string) => api.get<TrustSignals>(`/api/companies/${encodeURIComponent(companyId)}/trust-signals`),
  hostTrust: (hostUserId: string) => api.get<TrustSignals>(`/api/hosts/${encodeURIComponent(hostUserId)}/trust-signals`),

  fileReport: (body: { targetKind: ReportTargetKind; targetId: string; reason: ReportReason; details: string }) => api.post<Report>('/api/reports', body),
  listReports: (status: Report['status']) => api.get<{ reports: Report[] }>('/api/admin/reports', { status, pageSize: 200 }),
  resolveReport: (reportId: number, body: { decision: 'resolve' | 'dismiss'; note: string; suspendCompany: boolean; banHost: boolean }) =>
    api.post<Report>(`/api/admin/reports/${id(reportId)}/resolve`, body),
};
