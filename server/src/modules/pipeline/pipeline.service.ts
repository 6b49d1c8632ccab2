import type { Db, Queryable } from '../../platform/db.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import type { EventBus } from '../../platform/events.js';
import type { AuthUser } from '../../platform/http.js';
import { NO_OUTBOX, type Outbox, type OutboxEvent } from '../../platform/outbox.js';
import type { NewNotification, Notification, NotificationsService } from '../notifications/index.js';
import { csvCell, maskPhone } from './masking.js';
import { createPhoneAccess, type PhoneLookTarget } from './unmask.js';
import {
  applyTransition,
  availableActions,
  chinaDate,
  decideUndo,
  nextStepForSeeker,
  sevenDayCheckDueOn,
  type ApplicationStatus,
  type PipelineAction,
  type PipelineActor,
  type PipelineState,
  type TransitionRefusal,
} from './pipeline-state.js';
import * as repository from './pipeline.repository.js';
import type { ApplicationFilter, ApplicationRecord, HandoffView } from './pipeline.repository.js';
import { STATUS_LABELS, type EmployerActionBody, type EmployerApplication, type Handoff, type HostLead, type SeekerApplication } from './pipeline.schemas.js';
import { interviewRoomPath } from '../../../../contracts/interviews.js';

const DELETED_SEEKER_NAME = '已注销用户';
const CSV_MAX_ROWS = 10_000;

export type PipelineDeps = { db: Db; events: EventBus; notifications: NotificationsService; outbox?: Outbox; now?: () => Date };

/** How a user may see an application: the owning company acts on it; the others only read. */
type Access = 'owner' | 'shared' | 'host' | 'seeker';

function toState(record: ApplicationRecord): PipelineState {
  return {
    status: record.status,
    hiredAt: record.hiredAt ? record.hiredAt.toISOString() : null,
    interviewAt: record.interviewAt ? record.interviewAt.toISOString() : null,
    interviewPlace: record.interviewPlace,
    interviewVideoUrl: record.interviewVideoUrl,
    interviewResponse: record.interviewResponse,
    startDate: record.startDate,
    closingReason: record.closingReason,
    appliedOn: record.appliedOn,
  };
}

function refusalToError(refusal: TransitionRefusal): AppError {
  if (refusal.code === 'invalid') {
    const path = `body.${refusal.field ?? 'action'}`;
    return new AppError('validation_failed', `${path}: ${refusal.message}`, { fields: [{ path, message: refusal.message }] });
  }
  return new AppError(refusal.code === 'wrong_actor' ? 'forbidden' : 'conflict', refusal.message);
}

function toAction(body: EmployerActionBody): PipelineAction {
  const { action, ...rest } = body;
  return { type: action, ...rest } as PipelineAction;
}

const statusLabel = (status: ApplicationStatus) => ({ code: status, ...STATUS_LABELS[status] });

function interviewOf(record: ApplicationRecord) {
  if (!record.interviewAt) return null;
  return { at: record.interviewAt, place: record.interviewPlace, videoUrl: record.interviewVideoUrl, response: record.interviewResponse };
}

function toHandoff(view: HandoffView): Handoff {
  const { seekerUserId: _seeker, requestedByUserId: _requester, ...rest } = view;
  return rest;
}

const chinaTime = (instant: Date) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(instant);

/** The webhooks a change announces (written by the caller in the change's transaction): every status change, and the milestones. */
function webhookEventsOf(applicationId: number, action: string, from: ApplicationStatus, to: ApplicationStatus, state: PipelineState, at: Date): OutboxEvent[] {
  const facts = { fromStatus: from, toStatus: to, action, occurredAt: at.toISOString() };
  const announced: OutboxEvent[] = from === to ? [] : [{ type: 'application.status_changed', applicationId, facts }];
  if (action === 'hire') announced.push({ type: 'application.hired', applicationId, facts });
  if (action === 'onboard') announced.push({ type: 'application.onboarded', applicationId, facts: { ...facts, startDate: state.startDate } });
  if (action === 'confirm_stay' || action === 'record_left') {
    announced.push({ type: 'application.stay_7d', applicationId, facts: { ...facts, outcome: action === 'confirm_stay' ? 'stayed' : 'left', startDate: state.startDate } });
  }
  return announced;
}

export function createPipelineService(deps: PipelineDeps) {
  const { db, events, notifications } = deps;
  const outbox = deps.outbox ?? NO_OUTBOX;
  const now = deps.now ?? (() => new Date());
  const phoneAccess = createPhoneAccess({ db, notifications, now });

  const lookTarget = (record: ApplicationRecord): PhoneLookTarget => ({
    seekerUserId: record.seekerUserId,
    seekerPhone: record.seekerPhone,
    companyId: record.companyId,
    companyName: record.companyName,
    jobTitle: record.jobTitle,
    applicationId: record.id,
    conversationId: null,
    link: `/me/applications/${record.id}`,
  });

  /** Who the user is to this application; unrelated users get "not found" (no probing for ids). */
  async function resolveAccess(tx: Queryable, user: AuthUser, record: ApplicationRecord | null): Promise<Access> {
    if (record) {
      if (user.role === 'employer' && user.companyId) {
        if (record.companyId === user.companyId) return 'owner';
        const handoffs = await repository.listHandoffsByApplication(tx, record.id);
        if (handoffs.some((handoff) => handoff.recipientCompanyId === user.companyId && handoff.status === 'granted')) return 'shared';
      }
      if (user.role === 'host' && record.sessionHostUserId === user.id) return 'host';
      if (user.role === 'seeker' && record.seekerUserId === user.id) return 'seeker';
    }
    throw notFound('Application');
  }

  async function loadForActor(tx: Queryable, user: AuthUser, applicationId: number, lock: boolean) {
    const record = await repository.findApplicationById(tx, applicationId, { lock });
    const access = await resolveAccess(tx, user, record);
    if (access === 'shared' || access === 'host') {
      throw new AppError('forbidden', 'Only the company that posted the job can change this application / 仅发布岗位的企业可以处理该报名');
    }
    const actor: PipelineActor = access === 'owner' ? 'employer' : 'seeker';
    return { record: record!, actor };
  }

  function seekerNotification(record: ApplicationRecord, kind: string, title: string, body: string, payload: Record<string, unknown>): NewNotification[] {
    if (!record.seekerUserId) return [];
    return [{ userId: record.seekerUserId, kind, title, body, link: `/me/applications/${record.id}`, payload: { applicationId: record.id, ...payload } }];
  }

  async function employerNotifications(tx: Queryable, record: ApplicationRecord, kind: string, title: string, body: string, payload: Record<string, unknown>) {
    if (!record.companyId) return [];
    const memberIds = await repository.listCompanyMemberIds(tx, record.companyId);
    return memberIds.map((userId) => ({ userId, kind, title, body, link: `/employer/applications/${record.id}`, payload: { applicationId: record.id, ...payload } }));
  }

  /** Every change tells the other side. */
  async function notificationsForChange(tx: Queryable, record: ApplicationRecord, action: PipelineAction, next: PipelineState): Promise<NewNotification[]> {
    const company = record.companyName ?? '企业';
    const job = record.jobTitle ?? '岗位';
    const seeker = record.seekerName ?? DELETED_SEEKER_NAME;
    const payload = { action: action.type, status: next.status };
    const toSeeker = (title: string, en: string, body = '') => seekerNotification(record, 'application.status_changed', title, body, { ...payload, en });
    switch (action.type) {
      case 'view':
        return toSeeker(`「${company}」查看了你的报名：${job}`, `${company} viewed your application`);
      case 'contact':
        return toSeeker(`「${company}」将联系你：${job}`, `${company} will contact you`);
      case 'schedule_interview': {
        const video = next.interviewVideoUrl === interviewRoomPath(record.id) ? '视频面试（平台内，到时在报名详情里点「进入视频面试」）' : next.interviewVideoUrl;
        const where = [next.interviewPlace, video].filter(Boolean).join(' / ');
        return toSeeker(`面试邀请：${job}`, `Interview invitation from ${company}`, `「${company}」邀请你 ${chinaTime(new Date(next.interviewAt!))} 面试，${where}。请确认是否参加。`);
      }
      case 'hire':
        return toSeeker(`恭喜！「${company}」录用了你：${job}`, `${company} hired you`);
      case 'onboard':
        return toSeeker(`已记录入职：${job}（${next.startDate}）`, `Onboarding recorded (${next.startDate})`);
      case 'confirm_stay':
        return toSeeker(`入职满7天：${job}`, 'You have stayed 7 days');
      case 'record_left':
        return toSeeker(`已记录离职：${job}`, 'Your leaving was recorded', next.closingReason ?? '');
      case 'reject':
        return toSeeker(`「${company}」未通过你的报名：${job}`, `${company} did not select you`, next.closingReason ?? '');
      case 'withdraw':
        return employerNotifications(tx, record, 'application.withdrawn', `${seeker} 撤回了报名：${job}`, next.closingReason ?? '', { ...payload, en: `${seeker} withdrew` });
      case 'accept_interview':
        return employerNotifications(tx, record, 'application.interview_answered', `${seeker} 接受了面试邀请：${job}`, '', { ...payload, response: 'accepted', en: `${seeker} accepted the interview` });
      case 'decline_interview':
        return employerNotifications(tx, record, 'application.interview_answered', `${seeker} 拒绝了面试邀请：${job}`, (action.reason ?? '').trim(), { ...payload, response: 'declined', en: `${seeker} declined the interview` });
    }
  }

  async function finish(stored: Notification[], record: ApplicationRecord, from: ApplicationStatus, to: ApplicationStatus, action: string) {
    notifications.announce(stored);
    events.emit('ApplicationStatusChanged', { applicationId: record.id, companyId: record.companyId, sessionId: record.sessionId, fromStatus: from, toStatus: to, action });
  }

  /** One transition, checked by the state machine, recorded with its side effects in one transaction. */
  async function transition(user: AuthUser, applicationId: number, action: PipelineAction) {
    const outcome = await db.transaction(async (tx) => {
      const { record, actor } = await loadForActor(tx, user, applicationId, true);
      const at = now();
      const before = toState(record);
      if (action.type === 'schedule_interview' && action.videoUrl?.trim().startsWith('/') && action.videoUrl.trim() !== interviewRoomPath(applicationId)) {
        throw invalid('body.videoUrl', `the platform's interview room of this application is ${interviewRoomPath(applicationId)}`);
      }
      const result = applyTransition(before, action, actor, at);
      if (!result.ok) throw refusalToError(result);
      const { type: _type, ...details } = action;
      await repository.insertEvent(tx, {
        applicationId,
        action: action.type,
        fromStatus: result.from,
        toStatus: result.to,
        actorUserId: user.id,
        actorRole: actor,
        reason: 'reason' in action ? action.reason?.trim() || null : null,
        details,
        stateBefore: before,
        undoesEventId: null,
        occurredAt: at,
      });
      await repository.saveState(tx, applicationId, result.state, at);
      for (const event of webhookEventsOf(applicationId, action.type, result.from, result.to, result.state, at)) await outbox.record(tx, event);
      if (action.type === 'onboard') await repository.insertSevenDayCheck(tx, applicationId, record.companyId, sevenDayCheckDueOn(result.state.startDate!));
      if (action.type === 'confirm_stay' || action.type === 'record_left') await repository.completeOpenTask(tx, applicationId, user.id, at);
      const stored = await notifications.notify(await notificationsForChange(tx, record, action, result.state), tx);
      return { record, result, stored };
    });
    await finish(outcome.stored, outcome.record, outcome.result.from, outcome.result.to, action.type);
    return outcome.result.state.status;
  }

  async function undo(user: AuthUser, applicationId: number) {
    const outcome = await db.transaction(async (tx) => {
      const { record, actor } = await loadForActor(tx, user, applicationId, true);
      const latest = await repository.findLatestEffectiveEvent(tx, applicationId);
      const decision = decideUndo(latest, actor);
      if (!decision.ok) throw refusalToError(decision);
      const at = now();
      const current = toState(record);
      const restored = latest!.stateBefore;
      await repository.insertEvent(tx, {
        applicationId,
        action: 'undo',
        fromStatus: current.status,
        toStatus: restored.status,
        actorUserId: user.id,
        actorRole: 'employer',
        reason: null,
        details: { undoneAction: latest!.action },
        stateBefore: current,
        undoesEventId: latest!.id,
        occurredAt: at,
      });
      await repository.saveState(tx, applicationId, restored, at);
      for (const event of webhookEventsOf(applicationId, 'undo', current.status, restored.status, restored, at)) await outbox.record(tx, event);
      if (latest!.action === 'onboard') await repository.cancelOpenTask(tx, applicationId, at);
      if (latest!.action === 'confirm_stay' || latest!.action === 'record_left') await repository.reopenLatestTask(tx, applicationId);
      const label = STATUS_LABELS[restored.status];
      const stored = await notifications.notify(
        seekerNotification(record, 'application.status_changed', `「${record.companyName ?? '企业'}」更正了你的报名状态：${label.zh}`, record.jobTitle ?? '', {
          action: 'undo',
          undoneAction: latest!.action,
          status: restored.status,
          en: `${record.companyName ?? 'The employer'} corrected your application: ${label.en}`,
        }),
        tx,
      );
      return { record, from: current.status, to: restored.status, stored };
    });
    await finish(outcome.stored, outcome.record, outcome.from, outcome.to, 'undo');
    return outcome.to;
  }

  function toEmployerView(record: ApplicationRecord, access: 'owner' | 'shared', latest: repository.EffectiveEvent | null): EmployerApplication {
    const state = toState(record);
    const isOwner = access === 'owner';
    return {
      id: record.id,
      job: { id: record.jobId, title: record.jobTitle },
      companyName: record.companyName,
      session: record.sessionId ? { id: record.sessionId, title: record.sessionTitle } : null,
      source: record.source,
      seeker: { name: record.seekerName ?? DELETED_SEEKER_NAME, phoneMasked: maskPhone(record.seekerPhone), phone: null, cityName: record.seekerCityName, isAnonymised: record.anonymisedAt !== null },
      status: record.status,
      statusLabel: statusLabel(record.status),
      appliedAt: record.appliedAt,
      statusChangedAt: record.statusChangedAt,
      hiredAt: record.hiredAt,
      interview: interviewOf(record),
      startDate: record.startDate,
      closingReason: record.closingReason,
      isShared: !isOwner,
      availableActions: isOwner ? availableActions(state, 'employer') : [],
      hasPhoneConsent: isOwner && record.hasPhoneConsent,
      canUnmask: isOwner && record.hasPhoneConsent && record.seekerPhone !== null,
      canUndo: isOwner && decideUndo(latest, 'employer').ok,
    };
  }

  async function toSeekerView(record: ApplicationRecord): Promise<SeekerApplication> {
    const state = toState(record);
    const [phoneViews, handoffs] = await Promise.all([repository.listUnmasks(db, record.id), repository.listHandoffsByApplication(db, record.id)]);
    return {
      id: record.id,
      job: { id: record.jobId, title: record.jobTitle },
      companyName: record.companyName,
      session: record.sessionId ? { id: record.sessionId, title: record.sessionTitle } : null,
      status: record.status,
      statusLabel: statusLabel(record.status),
      appliedAt: record.appliedAt,
      statusChangedAt: record.statusChangedAt,
      interview: interviewOf(record),
      startDate: record.startDate,
      closingReason: record.closingReason,
      nextStep: nextStepForSeeker(state),
      availableActions: availableActions(state, 'seeker'),
      phoneViews,
      handoffs: handoffs.map(toHandoff),
    };
  }

  async function getEmployerApplication(user: AuthUser, applicationId: number) {
    const record = await repository.findApplicationById(db, applicationId);
    const access = await resolveAccess(db, user, record);
    if (access !== 'owner' && access !== 'shared') throw notFound('Application');
    const isOwner = access === 'owner';
    const [latest, history, notes, phoneViews, handoffs] = await Promise.all([
      isOwner ? repository.findLatestEffectiveEvent(db, applicationId) : Promise.resolve(null),
      repository.listEvents(db, applicationId),
      isOwner ? repository.listNotes(db, applicationId) : Promise.resolve([]),
      isOwner ? repository.listUnmasks(db, applicationId) : Promise.resolve([]),
      repository.listHandoffsByApplication(db, applicationId),
    ]);
    const view = toEmployerView(record!, access, latest);
    // With the seeker's consent the detail carries the full number: a look, logged like an unmask — once per
    // viewer and application in an hour, so re-opening the drawer does not count again (pipeline/unmask.ts).
    if (view.canUnmask) {
      const look = await db.transaction((tx) => phoneAccess.recordLook(tx, user, lookTarget(record!), { isImplicit: true }));
      notifications.announce(look.stored);
      view.seeker.phone = look.phone;
      if (look.isLogged) phoneViews.push({ viewerName: user.displayName, companyName: record!.companyName, unmaskedAt: look.unmaskedAt });
    }
    return { ...view, events: isOwner ? history : [], notes, phoneViews, handoffs: handoffs.map(toHandoff) };
  }

  function requireCompany(user: AuthUser): string {
    if (!user.companyId) throw new AppError('forbidden', 'Register your company first / 请先登记企业信息');
    return user.companyId;
  }

  function toHostLead(record: ApplicationRecord, handoffs: HandoffView[]): HostLead {
    return {
      id: record.id,
      job: { id: record.jobId, title: record.jobTitle },
      companyName: record.companyName,
      session: { id: record.sessionId!, title: record.sessionTitle },
      seeker: { name: record.seekerName ?? DELETED_SEEKER_NAME, phoneMasked: maskPhone(record.seekerPhone), cityName: record.seekerCityName },
      status: record.status,
      statusLabel: statusLabel(record.status),
      appliedAt: record.appliedAt,
      handoffs: handoffs.map(toHandoff),
    };
  }

  return {
    transition,
    undo,
    /** Consent to see a seeker's number, and the look log (used by conversations, applications and privacy). */
    phoneAccess,

    // ---- employer ----

    async listEmployerApplications(user: AuthUser, filter: ApplicationFilter, page: number, pageSize: number) {
      const companyId = requireCompany(user);
      const scope = { kind: 'company' as const, companyId };
      const [{ applications, total }, counts] = await Promise.all([
        repository.listApplications(db, scope, filter, { limit: pageSize, offset: (page - 1) * pageSize }),
        repository.countApplicationsByStatus(db, scope, filter),
      ]);
      const latestById = await repository.listLatestEffectiveEvents(db, applications.filter((record) => !record.isShared).map((record) => record.id));
      const views = applications.map((record) => toEmployerView(record, record.isShared ? 'shared' : 'owner', latestById.get(record.id) ?? null));
      return { applications: views, total, countsByStatus: Object.fromEntries(counts.map((row) => [row.status, row.count])) };
    },

    /** The detail page; opening a new application marks it viewed (recorded like any other change). */
    async openEmployerApplication(user: AuthUser, applicationId: number) {
      const detail = await getEmployerApplication(user, applicationId);
      if (!detail.isShared && detail.status === 'submitted') {
        await transition(user, applicationId, { type: 'view' });
        return getEmployerApplication(user, applicationId);
      }
      return detail;
    },

    getEmployerApplication,

    /**
     * An application as a webhook carries it (the webhooks module asks when it sends): what the API shows that
     * recipient. A company's webhook gets the employer's list view — the number masked — and the full number only
     * while the seeker consents, logged as a look by the webhook's maker exactly as opening the application in the
     * console is (pipeline/unmask.ts; the seeker sees it). A province's webhook (a bureau) gets no person, as a
     * bureau's API has none. Null when the application is gone.
     */
    async describeForWebhook(applicationId: number, recipient: { companyId: string; maker: AuthUser | null } | null) {
      const record = await repository.findApplicationById(db, applicationId);
      if (!record) return null;
      const { seeker, ...view } = toEmployerView(record, 'owner', null);
      const application = {
        id: view.id, job: view.job, companyId: record.companyId, companyName: view.companyName, session: view.session, source: view.source,
        status: view.status, appliedAt: view.appliedAt, hiredAt: view.hiredAt, startDate: view.startDate, categoryCode: record.categoryCode, seekerCityCode: record.seekerCityCode,
      };
      if (!recipient || recipient.companyId !== record.companyId) return { ...application, seeker: null };
      const shown = { name: seeker.name, phoneMasked: seeker.phoneMasked, phone: null as string | null, cityName: seeker.cityName, hasPhoneConsent: record.hasPhoneConsent, isAnonymised: seeker.isAnonymised };
      const maker = recipient.maker;
      if (maker && maker.role === 'employer' && maker.companyId === record.companyId && record.hasPhoneConsent && record.seekerPhone && record.seekerUserId) {
        const look = await db.transaction((tx) => phoneAccess.recordLook(tx, maker, lookTarget(record), { isImplicit: true }));
        notifications.announce(look.stored);
        shown.phone = look.phone;
      }
      return { ...application, seeker: shown };
    },

    async changeStatus(user: AuthUser, applicationId: number, body: EmployerActionBody) {
      await transition(user, applicationId, toAction(body));
      return getEmployerApplication(user, applicationId);
    },

    async undoLatestChange(user: AuthUser, applicationId: number) {
      await undo(user, applicationId);
      return getEmployerApplication(user, applicationId);
    },

    /** The same change for many applicants; each is its own transaction and reports its own result. */
    async bulkChangeStatus(user: AuthUser, applicationIds: number[], body: EmployerActionBody) {
      const results: Array<{ id: number; ok: boolean; status?: ApplicationStatus; error?: { code: string; message: string } }> = [];
      for (const id of [...new Set(applicationIds)]) {
        try {
          results.push({ id, ok: true, status: await transition(user, id, toAction(body)) });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          results.push({ id, ok: false, error: { code: error.code, message: error.message } });
        }
      }
      const succeeded = results.filter((result) => result.ok).length;
      return { results, succeeded, failed: results.length - succeeded };
    },

    async addNote(user: AuthUser, applicationId: number, body: string) {
      const record = await repository.findApplicationById(db, applicationId);
      if ((await resolveAccess(db, user, record)) !== 'owner') throw notFound('Application');
      await repository.insertNote(db, applicationId, user.id, body.trim());
      return repository.listNotes(db, applicationId);
    },

    /** Shows the full number to the owning employer while the seeker consents (pipeline/unmask.ts); 403 otherwise. */
    async unmaskPhone(user: AuthUser, applicationId: number) {
      const outcome = await db.transaction(async (tx) => {
        const record = await repository.findApplicationById(tx, applicationId);
        if ((await resolveAccess(tx, user, record)) !== 'owner') {
          throw new AppError('forbidden', 'Only the company that posted the job can see the number / 仅发布岗位的企业可查看号码');
        }
        return phoneAccess.recordLook(tx, user, lookTarget(record!));
      });
      notifications.announce(outcome.stored);
      return { phone: outcome.phone, unmaskedAt: outcome.unmaskedAt };
    },

    /** CSV of the filtered applications: phone numbers stay masked (no bulk export of contacts). */
    async exportCsv(user: AuthUser, filter: ApplicationFilter) {
      const companyId = requireCompany(user);
      const { applications } = await repository.listApplications(db, { kind: 'company', companyId }, filter, { limit: CSV_MAX_ROWS, offset: 0 });
      const header = ['id', 'applied_at', 'job', 'session', 'source', 'seeker_name', 'phone_masked', 'seeker_city', 'status', 'status_label', 'status_changed_at', 'interview_at', 'start_date', 'hired_at', 'reason', 'shared'];
      const lines = applications.map((record) =>
        [
          record.id, record.appliedAt, record.jobTitle, record.sessionTitle, record.source, record.seekerName ?? DELETED_SEEKER_NAME,
          maskPhone(record.seekerPhone), record.seekerCityName, record.status, STATUS_LABELS[record.status].zh, record.statusChangedAt,
          record.interviewAt, record.startDate, record.hiredAt, record.closingReason, record.isShared,
        ].map(csvCell).join(','),
      );
      // The BOM lets spreadsheet programs read the Chinese text as UTF-8.
      return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
    },

    async listTasks(user: AuthUser, onlyDue: boolean) {
      const today = chinaDate(now());
      return repository.listOpenTasks(db, requireCompany(user), today, onlyDue ? today : null);
    },

    /**
     * Announces 7-day checks that came due. The tasks table is the truth; this only sends each due task's
     * notification once (idempotent), so it can run on a timer, at start-up and from the CLI.
     */
    async announceDueTasks() {
      const outcome = await db.transaction(async (tx) => {
        const at = now();
        const due = await repository.claimDueUnnotifiedTasks(tx, chinaDate(at), at);
        const toSend: NewNotification[] = [];
        for (const task of due) {
          if (!task.companyId) continue;
          const record = await repository.findApplicationById(tx, task.applicationId);
          const name = record?.seekerName ?? DELETED_SEEKER_NAME;
          for (const userId of await repository.listCompanyMemberIds(tx, task.companyId)) {
            toSend.push({
              userId,
              kind: 'pipeline.seven_day_check_due',
              title: `7天回访到期：${name} · ${record?.jobTitle ?? ''}`,
              body: '请确认该员工是否在岗满7天 / Record whether the hire stayed 7 days',
              link: `/employer/applications/${task.applicationId}`,
              payload: { applicationId: task.applicationId, taskId: task.id, dueOn: task.dueOn },
            });
          }
        }
        return { count: due.length, stored: await notifications.notify(toSend, tx) };
      });
      notifications.announce(outcome.stored);
      return outcome.count;
    },

    // ---- host ----

    async listHostLeads(user: AuthUser, filter: ApplicationFilter, page: number, pageSize: number) {
      const { applications, total } = await repository.listApplications(db, { kind: 'host', hostUserId: user.id }, filter, { limit: pageSize, offset: (page - 1) * pageSize });
      const handoffsById = await repository.listHandoffsByApplications(db, applications.map((record) => record.id));
      return { leads: applications.map((record) => toHostLead(record, handoffsById.get(record.id) ?? [])), total };
    },

    // ---- seeker ----

    async listMyApplications(user: AuthUser, page: number, pageSize: number) {
      const { applications, total } = await repository.listApplications(db, { kind: 'seeker', seekerUserId: user.id }, {}, { limit: pageSize, offset: (page - 1) * pageSize });
      const views = [];
      for (const record of applications) views.push(await toSeekerView(record));
      return { applications: views, total };
    },

    async getMyApplication(user: AuthUser, applicationId: number) {
      const record = await repository.findApplicationById(db, applicationId);
      if ((await resolveAccess(db, user, record)) !== 'seeker') throw notFound('Application');
      return { ...(await toSeekerView(record!)), events: await repository.listEvents(db, applicationId) };
    },

    async seekerAction(user: AuthUser, applicationId: number, action: Extract<PipelineAction, { type: 'withdraw' | 'accept_interview' | 'decline_interview' }>) {
      await transition(user, applicationId, action);
      const record = await repository.findApplicationById(db, applicationId);
      return { ...(await toSeekerView(record!)), events: await repository.listEvents(db, applicationId) };
    },

    // ---- lead handoffs with consent (PIPL art. 23) ----

    /** A host (its session's lead) or an agency (its own job's lead) asks the seeker to let another company have the lead. */
    async requestHandoff(user: AuthUser, applicationId: number, input: { recipientCompanyId: string; purpose: string }): Promise<Handoff> {
      const outcome = await db.transaction(async (tx) => {
        const record = await repository.findApplicationById(tx, applicationId, { lock: true });
        const access = await resolveAccess(tx, user, record);
        let requestedByRole: 'host' | 'employer';
        if (access === 'host') {
          requestedByRole = 'host';
        } else if (access === 'owner') {
          const own = await repository.findCompanyForHandoff(tx, user.companyId!);
          if (own?.accountType !== 'agency' && own?.accountType !== 'dispatch') {
            throw new AppError('forbidden', 'Only hosts and agencies hand leads to other companies / 仅主播或中介可转交线索');
          }
          requestedByRole = 'employer';
        } else {
          throw new AppError('forbidden', 'Only hosts and agencies hand leads to other companies / 仅主播或中介可转交线索');
        }
        if (!record!.seekerUserId) throw new AppError('conflict', 'The seeker deleted the account / 求职者已注销');
        const recipient = await repository.findCompanyForHandoff(tx, input.recipientCompanyId);
        if (!recipient || recipient.status !== 'verified') {
          throw new AppError('validation_failed', 'body.recipientCompanyId: must be a verified company', { fields: [{ path: 'body.recipientCompanyId', message: 'must be a verified company / 须为已认证企业' }] });
        }
        if (recipient.id === record!.companyId) {
          throw new AppError('validation_failed', 'body.recipientCompanyId: the lead already belongs to this company', { fields: [{ path: 'body.recipientCompanyId', message: 'the lead already belongs to this company' }] });
        }
        const inserted = await repository.insertHandoff(tx, { applicationId, recipientCompanyId: recipient.id, requestedByUserId: user.id, requestedByRole, purpose: input.purpose.trim() });
        const stored = inserted.isNew
          ? await notifications.notify(
              seekerNotification(record!, 'application.handoff_requested', `是否同意将你的报名信息提供给「${recipient.name}」？`, `用途：${input.purpose.trim()}（${user.displayName} 申请）`, {
                handoffId: inserted.id,
                en: `May ${user.displayName} pass your application to ${recipient.name}?`,
              }),
              tx,
            )
          : [];
        return { handoff: (await repository.findHandoffById(tx, inserted.id))!, stored };
      });
      notifications.announce(outcome.stored);
      return toHandoff(outcome.handoff);
    },

    async decideHandoff(user: AuthUser, handoffId: number, decision: 'grant' | 'refuse'): Promise<Handoff> {
      const outcome = await db.transaction(async (tx) => {
        const handoff = await repository.findHandoffById(tx, handoffId, { lock: true });
        if (!handoff || handoff.seekerUserId !== user.id) throw notFound('Handoff request');
        const status = decision === 'grant' ? 'granted' : 'refused';
        if (handoff.status === status) return { handoff, stored: [] };
        if (handoff.status !== 'pending') throw new AppError('conflict', `You already ${handoff.status} this request / 已处理过该请求`);
        await repository.decideHandoff(tx, handoffId, status, now());
        const stored = handoff.requestedByUserId
          ? await notifications.notify([{
              userId: handoff.requestedByUserId,
              kind: 'application.handoff_decided',
              title: decision === 'grant' ? `求职者同意将报名信息提供给「${handoff.recipientCompanyName}」` : `求职者拒绝将报名信息提供给「${handoff.recipientCompanyName}」`,
              payload: { handoffId, applicationId: handoff.applicationId, status },
            }], tx)
          : [];
        return { handoff: (await repository.findHandoffById(tx, handoffId))!, stored };
      });
      notifications.announce(outcome.stored);
      return toHandoff(outcome.handoff);
    },

    async listMyHandoffs(user: AuthUser) {
      return (await repository.listHandoffsBySeeker(db, user.id)).map(toHandoff);
    },

    // ---- personal data (used by the privacy module) ----

    /** Everything the pipeline holds about a seeker: applications with history, notes, number views, handoffs. */
    async collectSeekerData(tx: Queryable, seekerUserId: string) {
      const applications = [];
      for (const id of await repository.listApplicationIdsBySeeker(tx, seekerUserId)) {
        const record = (await repository.findApplicationById(tx, id))!;
        applications.push({
          id,
          job: { id: record.jobId, title: record.jobTitle },
          companyName: record.companyName,
          session: record.sessionId ? { id: record.sessionId, title: record.sessionTitle } : null,
          source: record.source,
          status: record.status,
          appliedAt: record.appliedAt,
          hiredAt: record.hiredAt,
          interview: interviewOf(record),
          startDate: record.startDate,
          closingReason: record.closingReason,
          history: await repository.listEvents(tx, id),
          employerNotes: await repository.listNotes(tx, id),
          phoneViews: await repository.listUnmasks(tx, id),
          handoffs: (await repository.listHandoffsByApplication(tx, id)).map(toHandoff),
        });
      }
      return applications;
    },

    /**
     * Account deletion: open applications are withdrawn (recorded as a system change), then every
     * application loses its link to the seeker; statistics keep their snapshot columns.
     */
    async anonymiseSeeker(tx: Queryable, seekerUserId: string, at: Date) {
      for (const id of await repository.listApplicationIdsBySeeker(tx, seekerUserId)) {
        const record = (await repository.findApplicationById(tx, id, { lock: true }))!;
        const before = toState(record);
        const result = applyTransition(before, { type: 'withdraw', reason: null }, 'seeker', at);
        if (!result.ok) continue;
        await repository.insertEvent(tx, {
          applicationId: id, action: 'withdraw', fromStatus: result.from, toStatus: result.to, actorUserId: null, actorRole: 'system',
          reason: 'account deleted / 账号已注销', details: {}, stateBefore: before, undoesEventId: null, occurredAt: at,
        });
        await repository.saveState(tx, id, result.state, at);
        for (const event of webhookEventsOf(id, 'withdraw', result.from, result.to, result.state, at)) await outbox.record(tx, event);
      }
      return repository.anonymiseApplicationsOfSeeker(tx, seekerUserId, at);
    },
  };
}

export type PipelineService = ReturnType<typeof createPipelineService>;
