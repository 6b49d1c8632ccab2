import type { Db, Queryable } from '../../platform/db.js';
import { AppError, invalid } from '../../platform/errors.js';
import type { EventBus } from '../../platform/events.js';
import type { AuthUser } from '../../platform/http.js';
import { NO_OUTBOX, type Outbox } from '../../platform/outbox.js';
import type { JobsService } from '../jobs/index.js';
import type { LiveService } from '../live/index.js';
import type { SeekersService } from '../seekers/index.js';
import { maskName, maskPhone, type ApplicationReceipt, type ApplyBody, type HostApplication, type JobCount, type TickerItem } from '../../../../contracts/live.js';
import * as repository from './applications.repository.js';

const toReceipt = (row: repository.ApplicationRow, created: boolean): ApplicationReceipt => ({
  id: row.id,
  jobId: row.jobId,
  sessionId: row.sessionId,
  source: row.source,
  status: row.status,
  appliedAt: new Date(row.appliedAt).toISOString(),
  created,
});

const toHostView = (row: repository.HostApplicationRow): HostApplication => ({
  id: row.id,
  jobId: row.jobId,
  jobTitle: row.jobTitle,
  seekerName: row.seekerName,
  maskedPhone: maskPhone(row.seekerPhone),
  seekerCityName: row.seekerCityName,
  source: row.source,
  status: row.status,
  appliedAt: new Date(row.appliedAt).toISOString(),
});

export type RoomApplication = { sessionId: string; application: HostApplication; jobCount: number; ticker: TickerItem };

/** The seeker's apply-time choice to share the number (pipeline/unmask.ts). */
export type ApplyConsents = { grantAtApply(seekerUserId: string, applicationId: number): Promise<void> };

export function createApplicationsService(deps: { db: Db; events: EventBus; jobs: JobsService; seekers: SeekersService; live: LiveService; consents?: ApplyConsents; outbox?: Outbox }) {
  const { db, events, jobs, seekers, live } = deps;
  const outbox = deps.outbox ?? NO_OUTBOX;

  return {
    /**
     * One-tap apply (留资). Idempotent twice over: the unique (job, seeker) index makes a second tap the same
     * application, and a client key makes a retried request return exactly what the first one did.
     */
    async apply(user: AuthUser, body: ApplyBody): Promise<ApplicationReceipt> {
      if (user.role !== 'seeker') throw new AppError('forbidden', 'Only job seekers apply / 仅求职者可报名');
      if (body.idempotencyKey) {
        const previous = await repository.findApplicationByRequestKey(db, user.id, body.idempotencyKey);
        if (previous) {
          if (previous.requestJobId !== body.jobId) throw new AppError('conflict', 'This idempotency key was used for another job', { fields: [{ path: 'body.idempotencyKey', message: 'already used for another job' }] });
          return toReceipt(previous, false);
        }
      }
      const input = { jobId: body.jobId, seekerUserId: user.id, sessionId: body.sessionId ?? null, idempotencyKey: body.idempotencyKey ?? null };
      // One statement checks the job and the session, and stores the application, its key and its analytics
      // delta together: one round trip on the way that matters, and nothing waits on another seeker's
      // application. Asked twice only when a concurrent first tap committed after the first one's snapshot. The
      // statement also writes a new application's webhook event (application.submitted) — the outbox, in the same
      // transaction, still one round trip — and nothing when no webhook listens.
      const outboxCtes = outbox.applicationCtes('application.submitted');
      const attempt = async () => (await repository.storeApplication(db, input, outboxCtes)) ?? (await repository.storeApplication(db, input, outboxCtes));
      let result = await attempt();
      if (!result) {
        // Nothing stored or found: the modules that own the rules say which one failed, with their messages.
        if (body.sessionId) await live.getApplicationSource(body.sessionId, body.jobId);
        await jobs.checkAcceptsApplications(body.jobId);
        // A ban ends the account's sessions, but a request already past the cookie check must not apply either.
        if (await repository.isUserBanned(db, user.id)) throw new AppError('forbidden', 'This account is banned and cannot apply / 账号已被封禁，无法报名', { reason: 'account_banned' });
        // Nothing inserted and nothing there: the seeker has no quick profile yet (the insert reads it).
        if (await seekers.findProfile(user.id)) throw new AppError('internal', 'Application was neither stored nor found');
        if (!body.profile) throw invalid('body.profile', 'fill in your name, phone and home city first / 请先填写姓名、手机号和所在城市');
        await seekers.saveProfile(user, { ...body.profile, desiredCategories: [] });
        result = await attempt();
        if (!result) throw new AppError('internal', 'Application was neither stored nor found');
      }
      const source = result.application.source as 'live' | 'replay' | 'job_page';
      if (body.sharePhone) await deps.consents?.grantAtApply(user.id, result.application.id);
      if (result.created) {
        events.emit('ApplicationSubmitted', {
          applicationId: result.application.id,
          jobId: body.jobId,
          seekerUserId: user.id,
          sessionId: body.sessionId ?? null,
          source,
          companyId: result.application.companyId,
        });
      }
      return toReceipt(result.application, result.created);
    },

    /** Every job this seeker has applied to (已报名 on job cards, job pages and live rooms). */
    listAppliedJobIds(user: AuthUser): Promise<string[]> {
      return repository.listAppliedJobIdsOfSeeker(db, user.id);
    },

    /** The host console's lead feed: newest first, phones masked. */
    async listSessionApplications(user: AuthUser, sessionId: string, limit: number, beforeId: number | null): Promise<{ applications: HostApplication[]; counts: JobCount[] }> {
      await live.getManagedSession(user, sessionId);
      const [rows, counts] = await Promise.all([
        repository.listApplicationsBySession(db, sessionId, limit, beforeId),
        repository.countApplicationsByJobForSession(db, sessionId),
      ]);
      return { applications: rows.map(toHostView), counts };
    },

    /**
     * What the realtime layer pushes for a batch of new applications (one flush tick): the host's rows, each
     * with its job's count in the session, and the viewers' ticker — two queries for the whole batch, however
     * many applications and sessions it holds. A count is the job's total at the flush minus the batch's later
     * applications to the same job, so a burst's pushes count up and the last one carries the total.
     */
    async describeForRoom(applicationIds: number[]): Promise<RoomApplication[]> {
      if (applicationIds.length === 0) return [];
      const rows = (await repository.listHostApplicationsByIds(db, applicationIds)).filter((row) => row.sessionId);
      if (rows.length === 0) return [];
      const sessionIds = [...new Set(rows.map((row) => row.sessionId as string))];
      const totals = new Map((await repository.countApplicationsBySessionJob(db, sessionIds)).map((row) => [`${row.sessionId}:${row.jobId}`, row.count]));
      const laterInBatch = new Map<string, number>();
      const described: RoomApplication[] = [];
      for (const row of [...rows].sort((a, b) => b.id - a.id)) {
        const key = `${row.sessionId}:${row.jobId}`;
        const later = laterInBatch.get(key) ?? 0;
        laterInBatch.set(key, later + 1);
        described.push({
          sessionId: row.sessionId as string,
          application: toHostView(row),
          jobCount: Math.max(1, (totals.get(key) ?? 0) - later),
          ticker: { maskedName: maskName(row.seekerName || '求职者'), jobTitle: row.jobTitle, at: new Date(row.appliedAt).toISOString() },
        });
      }
      return described.reverse();
    },

    /**
     * For the privacy module: the retry keys of one-tap applications tie the account to its applications, so
     * the download lists them and account deletion removes them (the applications are anonymised elsewhere).
     */
    personalDataSource: {
      name: 'applyRequests',
      collect: (tx: Queryable, userId: string) => repository.listApplicationRequestsOfSeeker(tx, userId),
      erase: (tx: Queryable, userId: string) => repository.deleteApplicationRequestsOfSeeker(tx, userId),
    },
  };
}

export type ApplicationsService = ReturnType<typeof createApplicationsService>;
