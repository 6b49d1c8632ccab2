import type { Queryable } from '../../platform/db.js';
import type { Report, ReportReason, ReportStatus, ReportTargetKind } from './reports.schemas.js';

const REPORT_SELECT = `
  select r.id, r.target_kind as "targetKind", r.job_id as "jobId", j.title as "jobTitle", r.session_id as "sessionId", s.title as "sessionTitle",
         r.company_id as "companyId", c.name as "companyName", c.status as "companyStatus",
         r.host_user_id as "hostUserId", hu.display_name as "hostName", (hu.banned_at is not null) as "isHostBanned",
         r.reason, r.details, r.status, r.resolution, r.resolved_at as "resolvedAt", r.created_at as "createdAt",
         r.reporter_user_id as "reporterUserId", ru.display_name as "reporterName",
         r.conversation_id as "conversationId", r.evidence,
         (select count(*) from reports o where o.status = 'open' and (
            (r.job_id is not null and o.job_id = r.job_id) or (r.session_id is not null and o.session_id = r.session_id)
            or (r.target_kind = 'company' and o.target_kind = 'company' and o.company_id = r.company_id)
            or (r.conversation_id is not null and o.conversation_id = r.conversation_id))) as "openReportsOnTarget"
  from reports r
  left join jobs j on j.id = r.job_id
  left join live_sessions s on s.id = r.session_id
  left join companies c on c.id = r.company_id
  left join users hu on hu.id = r.host_user_id
  left join users ru on ru.id = r.reporter_user_id`;

export async function findReportById(db: Queryable, reportId: number, options: { lock?: boolean } = {}): Promise<Report | null> {
  const [row] = await db.query<Report>(`${REPORT_SELECT} where r.id = $1 ${options.lock ? 'for update of r' : ''}`, [reportId]);
  return row ?? null;
}

export function listReportsByStatus(db: Queryable, status: ReportStatus | null, limit: number, offset: number) {
  return db.query<Report>(`${REPORT_SELECT} where ($1::text is null or r.status = $1) order by r.created_at, r.id limit $2 offset $3`, [status, limit, offset]);
}

export function listReportsByReporter(db: Queryable, reporterUserId: string) {
  return db.query<Report>(`${REPORT_SELECT} where r.reporter_user_id = $1 order by r.id desc`, [reporterUserId]);
}

/** Files a report, or returns the reporter's open report on the same target (filing twice is one report). */
export async function insertReport(
  db: Queryable,
  input: { reporterUserId: string; targetKind: ReportTargetKind; jobId: string | null; sessionId: string | null; companyId: string | null; hostUserId: string | null; reason: ReportReason; details: string },
) {
  const [inserted] = await db.query<{ id: number }>(
    `insert into reports (reporter_user_id, target_kind, job_id, session_id, company_id, host_user_id, reason, details)
     values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict do nothing returning id`,
    [input.reporterUserId, input.targetKind, input.jobId, input.sessionId, input.companyId, input.hostUserId, input.reason, input.details],
  );
  if (inserted) return { id: inserted.id, isNew: true };
  const [existing] = await db.query<{ id: number }>(
    `select id from reports where reporter_user_id = $1 and status = 'open' and target_kind = $2
       and (job_id = $3 or session_id = $4 or (target_kind = 'company' and company_id = $5))`,
    [input.reporterUserId, input.targetKind, input.jobId, input.sessionId, input.companyId],
  );
  return { id: existing.id, isNew: false };
}

export async function findJobTarget(db: Queryable, jobId: string) {
  const [row] = await db.query<{ id: string; companyId: string }>('select id, company_id as "companyId" from jobs where id = $1', [jobId]);
  return row ?? null;
}

export async function findCompanyTarget(db: Queryable, companyId: string) {
  const [row] = await db.query<{ id: string }>('select id from companies where id = $1', [companyId]);
  return row ?? null;
}

export async function findSessionTarget(db: Queryable, sessionId: string) {
  const [row] = await db.query<{ id: string; hostUserId: string }>('select id, host_user_id as "hostUserId" from live_sessions where id = $1', [sessionId]);
  return row ?? null;
}

export async function updateReportStatus(db: Queryable, reportId: number, status: 'resolved' | 'dismissed', resolution: string, adminUserId: string) {
  await db.query('update reports set status = $2, resolution = $3, resolved_by_user_id = $4, resolved_at = now() where id = $1', [reportId, status, resolution, adminUserId]);
}

export async function insertModerationAction(
  db: Queryable,
  input: { adminUserId: string; action: string; reportId?: number | null; companyId?: string | null; userId?: string | null; reason: string },
) {
  await db.query(
    'insert into moderation_actions (admin_user_id, action, report_id, company_id, user_id, reason) values ($1, $2, $3, $4, $5, $6)',
    [input.adminUserId, input.action, input.reportId ?? null, input.companyId ?? null, input.userId ?? null, input.reason],
  );
}

export async function findUserForModeration(db: Queryable, userId: string) {
  const [row] = await db.query<{ id: string; role: string; displayName: string; phone: string | null; profilePhone: string | null; bannedAt: Date | null }>(
    `select u.id, u.role, u.display_name as "displayName", u.phone, p.phone as "profilePhone", u.banned_at as "bannedAt"
     from users u left join seeker_profiles p on p.user_id = u.id where u.id = $1`,
    [userId],
  );
  return row ?? null;
}

/** Bans the account (sign-in and sessions end) and blacklists its phone numbers for good. */
export async function banUser(db: Queryable, userId: string, phones: string[], reason: string, adminUserId: string) {
  await db.query('update users set banned_at = coalesce(banned_at, now()) where id = $1', [userId]);
  await db.query('delete from auth_sessions where user_id = $1', [userId]);
  if (phones.length > 0) {
    await db.query(
      `insert into banned_phones (phone, user_id, reason, banned_by_user_id) select unnest($1::text[]), $2, $3, $4 on conflict (phone) do nothing`,
      [phones, userId, reason, adminUserId],
    );
  }
}

export async function unbanUser(db: Queryable, userId: string) {
  await db.query('update users set banned_at = null where id = $1', [userId]);
  await db.query('delete from banned_phones where user_id = $1', [userId]);
}

export async function isPhoneBanned(db: Queryable, phone: string): Promise<boolean> {
  const [row] = await db.query<{ isBanned: boolean }>('select exists (select 1 from banned_phones where phone = $1) as "isBanned"', [phone]);
  return row.isBanned;
}

export function listBannedPhones(db: Queryable, limit: number, offset: number) {
  return db.query<{ phone: string; userId: string | null; reason: string; bannedAt: Date }>(
    'select phone, user_id as "userId", reason, banned_at as "bannedAt" from banned_phones order by banned_at desc limit $1 offset $2',
    [limit, offset],
  );
}

/**
 * Account deletion: the report stays (the complaint record: target, reason, status, the admin's decision, and
 * the count of reports on the target) without its reporter and without the reporter's own words.
 */
export async function unlinkReporter(db: Queryable, userId: string) {
  await db.query(`update reports set reporter_user_id = null, details = '' where reporter_user_id = $1`, [userId]);
}

/** A report on a conversation, with its messages as evidence (kept even if the conversation is later deleted). */
export async function insertConversationReport(
  db: Queryable,
  input: { reporterUserId: string; conversationId: number; companyId: string | null; hostUserId: string | null; reason: ReportReason; details: string; evidence: unknown },
) {
  const [inserted] = await db.query<{ id: number }>(
    `insert into reports (reporter_user_id, target_kind, conversation_id, company_id, host_user_id, reason, details, evidence)
     values ($1, 'conversation', $2, $3, $4, $5, $6, $7) on conflict do nothing returning id`,
    [input.reporterUserId, input.conversationId, input.companyId, input.hostUserId, input.reason, input.details, JSON.stringify(input.evidence)],
  );
  if (inserted) return { id: inserted.id, isNew: true };
  const [existing] = await db.query<{ id: number }>(
    `select id from reports where reporter_user_id = $1 and status = 'open' and target_kind = 'conversation' and conversation_id = $2`,
    [input.reporterUserId, input.conversationId],
  );
  return { id: existing.id, isNew: false };
}
