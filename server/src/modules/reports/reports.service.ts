import type { Db, Queryable } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { EventBus } from '../../platform/events.js';
import type { AuthUser } from '../../platform/http.js';
import type { CompaniesService } from '../companies/index.js';
import type { NotificationsService } from '../notifications/index.js';
import * as repository from './reports.repository.js';
import { REASON_LABELS, type FileReportInput, type Report, type ReportReason, type ResolveReportInput } from './reports.schemas.js';

export type ReportsDeps = { db: Db; companies: CompaniesService; notifications: NotificationsService; events: EventBus };

export function createReportsService(deps: ReportsDeps) {
  const { db, companies, notifications, events } = deps;

  async function banUserInTransaction(tx: Queryable, admin: AuthUser, userId: string, reason: string, reportId: number | null) {
    const target = await repository.findUserForModeration(tx, userId);
    if (!target) throw notFound('User');
    if (target.role === 'admin') throw new AppError('forbidden', 'Admins cannot be banned here / 不能封禁管理员');
    const phones = [...new Set([target.phone, target.profilePhone].filter((phone): phone is string => Boolean(phone)))];
    await repository.banUser(tx, userId, phones, reason, admin.id);
    await repository.insertModerationAction(tx, { adminUserId: admin.id, action: 'ban_user', reportId, userId, reason });
    return { userId, bannedPhones: phones.length };
  }

  return {
    /** A seeker (or anyone signed in) reports a job, a session or a company; filing twice while open is the same report. */
    async fileReport(user: AuthUser, input: FileReportInput): Promise<Report> {
      let target: { jobId: string | null; sessionId: string | null; companyId: string | null; hostUserId: string | null };
      if (input.targetKind === 'job') {
        const job = await repository.findJobTarget(db, input.targetId);
        if (!job) throw new AppError('validation_failed', 'body.targetId: no such job', { fields: [{ path: 'body.targetId', message: 'no such job' }] });
        target = { jobId: job.id, sessionId: null, companyId: job.companyId, hostUserId: null };
      } else if (input.targetKind === 'company') {
        const company = await repository.findCompanyTarget(db, input.targetId);
        if (!company) throw new AppError('validation_failed', 'body.targetId: no such company', { fields: [{ path: 'body.targetId', message: 'no such company' }] });
        target = { jobId: null, sessionId: null, companyId: company.id, hostUserId: null };
      } else {
        const session = await repository.findSessionTarget(db, input.targetId);
        if (!session) throw new AppError('validation_failed', 'body.targetId: no such session', { fields: [{ path: 'body.targetId', message: 'no such session' }] });
        target = { jobId: null, sessionId: session.id, companyId: null, hostUserId: session.hostUserId };
      }
      const { id } = await repository.insertReport(db, { reporterUserId: user.id, targetKind: input.targetKind, ...target, reason: input.reason, details: input.details });
      return (await repository.findReportById(db, id))!;
    },

    /** Either side of a conversation reports it (conversations module); filing twice while open is the same report. */
    async fileConversationReport(input: { reporter: AuthUser; conversationId: number; companyId: string | null; hostUserId: string | null; reason: ReportReason; details: string; evidence: unknown }): Promise<Report> {
      const { reporter, ...rest } = input;
      const { id } = await repository.insertConversationReport(db, { reporterUserId: reporter.id, ...rest });
      return (await repository.findReportById(db, id))!;
    },

    listMyReports(user: AuthUser) {
      return repository.listReportsByReporter(db, user.id);
    },

    /** The admin queue: oldest open first, each with how many open reports its target has. */
    listReports(status: 'open' | 'resolved' | 'dismissed' | null, page: number, pageSize: number) {
      return repository.listReportsByStatus(db, status, pageSize, (page - 1) * pageSize);
    },

    async getReport(reportId: number) {
      const report = await repository.findReportById(db, reportId);
      if (!report) throw notFound('Report');
      return report;
    },

    /** Closes a report, optionally suspending the job's company or banning the session's host; the reporter is told. */
    async resolveReport(admin: AuthUser, reportId: number, input: ResolveReportInput): Promise<Report> {
      const report = await repository.findReportById(db, reportId);
      if (!report) throw notFound('Report');
      if (report.status !== 'open') throw new AppError('conflict', `This report is already ${report.status} / 该举报已处理`);
      if (input.suspendCompany && !report.companyId) {
        throw new AppError('validation_failed', 'body.suspendCompany: this report is not about a company', { fields: [{ path: 'body.suspendCompany', message: 'only for reports on a job or a company' }] });
      }
      if (input.banHost && !report.hostUserId) {
        throw new AppError('validation_failed', 'body.banHost: this report is not about a session', { fields: [{ path: 'body.banHost', message: 'only for reports on a session' }] });
      }
      if (input.decision === 'dismiss' && (input.suspendCompany || input.banHost)) {
        throw new AppError('validation_failed', 'body.decision: a dismissed report takes no action', { fields: [{ path: 'body.decision', message: 'resolve to take action' }] });
      }
      const status = input.decision === 'resolve' ? 'resolved' : 'dismissed';
      // The company's own rules (status change, event for its jobs) stay in the companies module. It runs
      // first: if recording the decision then fails, suspending again on retry does no harm.
      if (input.suspendCompany) await companies.reviewCompany(admin, report.companyId!, { decision: 'suspend', reason: input.note });
      const stored = await db.transaction(async (tx) => {
        await repository.updateReportStatus(tx, reportId, status, input.note, admin.id);
        await repository.insertModerationAction(tx, { adminUserId: admin.id, action: `${input.decision}_report`, reportId, companyId: report.companyId, userId: report.hostUserId, reason: input.note });
        if (input.banHost) await banUserInTransaction(tx, admin, report.hostUserId!, input.note, reportId);
        if (input.suspendCompany) await repository.insertModerationAction(tx, { adminUserId: admin.id, action: 'suspend_company', reportId, companyId: report.companyId, reason: input.note });
        const reason = REASON_LABELS[report.reason];
        return report.reporterUserId
          ? notifications.notify([{
              userId: report.reporterUserId,
              kind: 'report.closed',
              title: status === 'resolved' ? `你的举报已处理：${reason.zh}` : `你的举报未被采纳：${reason.zh}`,
              body: input.note,
              payload: { reportId, status, en: status === 'resolved' ? 'Your report was acted on' : 'Your report was dismissed' },
            }], tx)
          : [];
      });
      notifications.announce(stored);
      if (input.banHost) events.emit('AccountBanChanged', { userId: report.hostUserId!, isBanned: true });
      return (await repository.findReportById(db, reportId))!;
    },

    /** Bans the account: its sign-in sessions end (in the transaction), then its sockets and video on every node. */
    async banUser(admin: AuthUser, userId: string, reason: string) {
      const result = await db.transaction((tx) => banUserInTransaction(tx, admin, userId, reason, null));
      events.emit('AccountBanChanged', { userId, isBanned: true });
      return result;
    },

    async unbanUser(admin: AuthUser, userId: string, reason: string) {
      const target = await repository.findUserForModeration(db, userId);
      if (!target) throw notFound('User');
      await db.transaction(async (tx) => {
        await repository.unbanUser(tx, userId);
        await repository.insertModerationAction(tx, { adminUserId: admin.id, action: 'unban_user', userId, reason });
      });
      events.emit('AccountBanChanged', { userId, isBanned: false });
      return { userId };
    },

    listBannedPhones(page: number, pageSize: number) {
      return repository.listBannedPhones(db, pageSize, (page - 1) * pageSize);
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
