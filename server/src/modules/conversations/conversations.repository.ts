import type { Queryable } from '../../platform/db.js';
import type { ContactKind, ConversationSide, MessageKind, SenderRole } from '../../../../contracts/conversations.js';

export type ConversationRow = {
  id: number;
  kind: 'company' | 'host';
  seekerUserId: string;
  jobId: string;
  jobTitle: string;
  jobStatus: string;
  companyId: string | null;
  companyName: string | null;
  hostUserId: string | null;
  hostName: string | null;
  applicationId: number | null;
  seekerName: string | null;
  seekerPhone: string | null;
  seekerWechatId: string | null;
  seekerCityName: string | null;
  createdAt: Date;
  lastMessageAt: Date | null;
  seekerLastReadId: number;
  counterpartLastReadId: number;
  seekerNotifiedAt: Date | null;
  counterpartNotifiedAt: Date | null;
  hasPhoneConsent: boolean;
  hasWechatConsent: boolean;
  blockedBy: 'seeker' | 'counterpart' | null;
  /** Pending contact requests, oldest first (at most one per kind). */
  pendingRequests: Array<{ id: number; kind: ContactKind; requestedAt: string }>;
};

export type ConversationListRow = ConversationRow & {
  unread: number;
  lastBody: string | null;
  lastKind: MessageKind | null;
  lastSenderRole: SenderRole | null;
  lastSentAt: Date | null;
};

export type MessageRow = {
  id: number;
  conversationId: number;
  kind: MessageKind;
  senderRole: SenderRole;
  senderUserId: string | null;
  senderName: string | null;
  body: string;
  payload: Record<string, unknown>;
  clientKey: string | null;
  sentAt: Date;
};

const CONVERSATION_COLUMNS = `
  v.id, v.kind, v.seeker_user_id as "seekerUserId", v.job_id as "jobId", j.title as "jobTitle", j.status as "jobStatus",
  v.company_id as "companyId", coalesce(c.name, jc.name) as "companyName", v.host_user_id as "hostUserId", h.display_name as "hostName",
  v.application_id as "applicationId", coalesce(p.name, su.display_name) as "seekerName", coalesce(p.phone, su.phone) as "seekerPhone", p.wechat_id as "seekerWechatId",
  sc.short_name as "seekerCityName", v.created_at as "createdAt", v.last_message_at as "lastMessageAt",
  v.seeker_last_read_id as "seekerLastReadId", v.counterpart_last_read_id as "counterpartLastReadId",
  v.seeker_notified_at as "seekerNotifiedAt", v.counterpart_notified_at as "counterpartNotifiedAt",
  (v.kind = 'company' and exists (select 1 from contact_consents k where k.seeker_user_id = v.seeker_user_id and k.company_id = v.company_id
     and k.kind = 'phone' and k.withdrawn_at is null)) as "hasPhoneConsent",
  (v.kind = 'company' and exists (select 1 from contact_consents k where k.seeker_user_id = v.seeker_user_id and k.company_id = v.company_id
     and k.kind = 'wechat' and k.withdrawn_at is null)) as "hasWechatConsent",
  (select b.blocked_by from conversation_blocks b where b.seeker_user_id = v.seeker_user_id and b.company_id is not distinct from v.company_id
     and b.host_user_id is not distinct from v.host_user_id order by b.blocked_by desc limit 1) as "blockedBy",
  (select coalesce(jsonb_agg(jsonb_build_object('id', cr.id, 'kind', cr.kind, 'requestedAt', cr.requested_at) order by cr.id), '[]'::jsonb)
     from conversation_contact_requests cr where cr.conversation_id = v.id and cr.status = 'pending') as "pendingRequests"`;

const CONVERSATION_FROM = `
  from conversations v
  join jobs j on j.id = v.job_id
  left join companies c on c.id = v.company_id
  left join companies jc on jc.id = j.company_id
  left join users h on h.id = v.host_user_id
  left join users su on su.id = v.seeker_user_id
  left join seeker_profiles p on p.user_id = v.seeker_user_id
  left join cities sc on sc.code = p.home_city_code`;

export async function findConversationById(db: Queryable, conversationId: number): Promise<ConversationRow | null> {
  const [row] = await db.query<ConversationRow>(`select ${CONVERSATION_COLUMNS} ${CONVERSATION_FROM} where v.id = $1`, [conversationId]);
  return row ?? null;
}

export type ConversationScope = { kind: 'seeker'; userId: string } | { kind: 'company'; companyId: string } | { kind: 'host'; userId: string };

const scopeCondition = (scope: ConversationScope) =>
  scope.kind === 'seeker' ? 'v.seeker_user_id = $1' : scope.kind === 'company' ? "v.kind = 'company' and v.company_id = $1" : "v.kind = 'host' and v.host_user_id = $1";
const scopeValue = (scope: ConversationScope) => (scope.kind === 'company' ? scope.companyId : scope.userId);

/** The caller's conversations, latest activity first, with the unread count of the caller's side and the last message. */
export function listConversations(db: Queryable, scope: ConversationScope, limit: number) {
  const side: ConversationSide = scope.kind === 'seeker' ? 'seeker' : 'counterpart';
  return db.query<ConversationListRow>(
    `select ${CONVERSATION_COLUMNS},
       (select count(*) from conversation_messages m where m.conversation_id = v.id
          and ${unreadCondition(side)}) as unread,
       lm.body as "lastBody", lm.kind as "lastKind", lm.sender_role as "lastSenderRole", lm.sent_at as "lastSentAt"
     ${CONVERSATION_FROM}
     left join lateral (select m.body, m.kind, m.sender_role, m.sent_at from conversation_messages m where m.conversation_id = v.id order by m.id desc limit 1) lm on true
     where ${scopeCondition(scope)}
     order by coalesce(v.last_message_at, v.created_at) desc, v.id desc
     limit $2`,
    [scopeValue(scope), limit],
  );
}

export async function countUnread(db: Queryable, scope: ConversationScope) {
  const side: ConversationSide = scope.kind === 'seeker' ? 'seeker' : 'counterpart';
  const [row] = await db.query<{ count: number }>(
    `select count(*) as count from conversations v join conversation_messages m on m.conversation_id = v.id
     where ${scopeCondition(scope)}
       and ${unreadCondition(side)}`,
    [scopeValue(scope)],
  );
  return row.count;
}

const unreadCondition = (side: ConversationSide) =>
  side === 'seeker' ? "m.sender_role in ('employer', 'host') and m.id > v.seeker_last_read_id" : "m.sender_role = 'seeker' and m.id > v.counterpart_last_read_id";

export async function countUnreadInConversation(db: Queryable, conversationId: number, side: ConversationSide) {
  const [row] = await db.query<{ count: number }>(
    `select count(*) as count from conversations v join conversation_messages m on m.conversation_id = v.id where v.id = $1 and ${unreadCondition(side)}`,
    [conversationId],
  );
  return row.count;
}

/** Starts a seeker × company conversation about a job, or returns the existing one (idempotent). */
export async function upsertCompanyConversation(db: Queryable, input: { seekerUserId: string; jobId: string; companyId: string; applicationId: number | null }) {
  const [inserted] = await db.query<{ id: number }>(
    `insert into conversations (kind, seeker_user_id, job_id, company_id, application_id) values ('company', $1, $2, $3, $4)
     on conflict (seeker_user_id, job_id) where kind = 'company' do nothing returning id`,
    [input.seekerUserId, input.jobId, input.companyId, input.applicationId],
  );
  if (inserted) return { id: inserted.id, isNew: true };
  const [existing] = await db.query<{ id: number }>(`select id from conversations where kind = 'company' and seeker_user_id = $1 and job_id = $2`, [input.seekerUserId, input.jobId]);
  if (input.applicationId) await db.query('update conversations set application_id = $2 where id = $1 and application_id is null', [existing.id, input.applicationId]);
  return { id: existing.id, isNew: false };
}

export async function upsertHostConversation(db: Queryable, input: { seekerUserId: string; jobId: string; hostUserId: string; applicationId: number }) {
  const [inserted] = await db.query<{ id: number }>(
    `insert into conversations (kind, seeker_user_id, job_id, host_user_id, application_id) values ('host', $1, $2, $3, $4)
     on conflict (seeker_user_id, job_id, host_user_id) where kind = 'host' do nothing returning id`,
    [input.seekerUserId, input.jobId, input.hostUserId, input.applicationId],
  );
  if (inserted) return { id: inserted.id, isNew: true };
  const [existing] = await db.query<{ id: number }>(`select id from conversations where kind = 'host' and seeker_user_id = $1 and job_id = $2 and host_user_id = $3`, [input.seekerUserId, input.jobId, input.hostUserId]);
  return { id: existing.id, isNew: false };
}

export async function findJobForConversation(db: Queryable, jobId: string) {
  const [row] = await db.query<{ id: string; title: string; status: string; companyId: string; companyStatus: string; cityName: string | null; payMonthlyMin: number | null; payMonthlyMax: number | null }>(
    `select j.id, j.title, j.status, j.company_id as "companyId", c.status as "companyStatus", ci.short_name as "cityName",
            j.pay_monthly_min as "payMonthlyMin", j.pay_monthly_max as "payMonthlyMax"
     from jobs j join companies c on c.id = j.company_id left join cities ci on ci.code = j.city_code where j.id = $1`,
    [jobId],
  );
  return row ?? null;
}

export async function findApplicationForConversation(db: Queryable, applicationId: number) {
  const [row] = await db.query<{ id: number; jobId: string | null; seekerUserId: string | null; companyId: string | null; hostUserId: string | null }>(
    `select a.id, a.job_id as "jobId", a.seeker_user_id as "seekerUserId", a.company_id as "companyId", s.host_user_id as "hostUserId"
     from applications a left join live_sessions s on s.id = a.session_id where a.id = $1`,
    [applicationId],
  );
  return row ?? null;
}

export async function findApplicationIdBySeekerAndJob(db: Queryable, seekerUserId: string, jobId: string) {
  const [row] = await db.query<{ id: number }>('select id from applications where seeker_user_id = $1 and job_id = $2', [seekerUserId, jobId]);
  return row?.id ?? null;
}

const MESSAGE_COLUMNS = `m.id, m.conversation_id as "conversationId", m.kind, m.sender_role as "senderRole", m.sender_user_id as "senderUserId",
  case when m.sender_role = 'seeker' then coalesce(p.name, u.display_name) else u.display_name end as "senderName",
  m.body, m.payload, m.client_key as "clientKey", m.sent_at as "sentAt"`;
const MESSAGE_FROM = `from conversation_messages m left join users u on u.id = m.sender_user_id left join seeker_profiles p on p.user_id = m.sender_user_id`;

/** Stores a message; with a client key a resend returns the stored one (isNew false) instead of a second row. */
export async function insertMessage(
  db: Queryable,
  input: { conversationId: number; senderUserId: string | null; senderRole: SenderRole; kind: MessageKind; body: string; payload?: Record<string, unknown>; clientKey?: string | null; at: Date },
): Promise<{ message: MessageRow; isNew: boolean }> {
  const [inserted] = await db.query<{ id: number }>(
    `insert into conversation_messages (conversation_id, sender_user_id, sender_role, kind, body, payload, client_key, sent_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict do nothing returning id`,
    [input.conversationId, input.senderUserId, input.senderRole, input.kind, input.body, JSON.stringify(input.payload ?? {}), input.clientKey ?? null, input.at],
  );
  const [message] = inserted
    ? await db.query<MessageRow>(`select ${MESSAGE_COLUMNS} ${MESSAGE_FROM} where m.id = $1`, [inserted.id])
    : await db.query<MessageRow>(`select ${MESSAGE_COLUMNS} ${MESSAGE_FROM} where m.conversation_id = $1 and m.sender_user_id = $2 and m.client_key = $3`, [input.conversationId, input.senderUserId, input.clientKey]);
  return { message, isNew: !!inserted };
}

/** After a message: the conversation's activity time, and the sender's side has read up to its own message. */
export async function touchConversation(db: Queryable, conversationId: number, senderSide: ConversationSide | null, messageId: number, at: Date) {
  const readColumn = senderSide === 'seeker' ? 'seeker_last_read_id' : senderSide === 'counterpart' ? 'counterpart_last_read_id' : null;
  await db.query(
    `update conversations set last_message_at = $2${readColumn ? `, ${readColumn} = greatest(${readColumn}, $3)` : ''} where id = $1`,
    readColumn ? [conversationId, at, messageId] : [conversationId, at],
  );
}

/** Oldest first: the newest `limit` messages before `beforeId`. */
export function listMessages(db: Queryable, conversationId: number, limit: number, beforeId: number | null) {
  return db.query<MessageRow>(
    `select * from (select ${MESSAGE_COLUMNS} ${MESSAGE_FROM} where m.conversation_id = $1 and ($2::bigint is null or m.id < $2) order by m.id desc limit $3) recent order by id`,
    [conversationId, beforeId, limit],
  );
}

/** Moves a side's read pointer forward (never back, never past the last message) and clears its offline notice. */
export async function markRead(db: Queryable, conversationId: number, side: ConversationSide, upToId: number | null) {
  const column = side === 'seeker' ? 'seeker_last_read_id' : 'counterpart_last_read_id';
  const notified = side === 'seeker' ? 'seeker_notified_at' : 'counterpart_notified_at';
  const [row] = await db.query<{ lastReadId: number; changed: boolean }>(
    `with target as (
       select least(coalesce($2::bigint, 9223372036854775807), coalesce((select max(id) from conversation_messages where conversation_id = $1), 0)) as id
     ), before as (select ${column} as old from conversations where id = $1)
     update conversations v set ${column} = greatest(v.${column}, target.id), ${notified} = null
     from target, before where v.id = $1
     returning v.${column} as "lastReadId", (v.${column} <> before.old) as changed`,
    [conversationId, upToId],
  );
  return row ?? null;
}

/** Claims the right to send one offline notice to a side (true once until that side reads). */
export async function claimOfflineNotice(db: Queryable, conversationId: number, side: ConversationSide, at: Date) {
  const column = side === 'seeker' ? 'seeker_notified_at' : 'counterpart_notified_at';
  const rows = await db.query<{ id: number }>(`update conversations set ${column} = $2 where id = $1 and ${column} is null returning id`, [conversationId, at]);
  return rows.length > 0;
}

export function listCompanyMemberIds(db: Queryable, companyId: string) {
  return db.query<{ id: string }>("select id from users where company_id = $1 and role = 'employer' and banned_at is null", [companyId]).then((rows) => rows.map((row) => row.id));
}

// ---- contact requests ----

export async function insertContactRequest(db: Queryable, conversationId: number, kind: ContactKind, requestedByUserId: string, at: Date) {
  const [inserted] = await db.query<{ id: number }>(
    `insert into conversation_contact_requests (conversation_id, kind, requested_by_user_id, requested_at) values ($1, $2, $3, $4) on conflict do nothing returning id`,
    [conversationId, kind, requestedByUserId, at],
  );
  if (inserted) return { id: inserted.id, isNew: true };
  const [pending] = await db.query<{ id: number }>(`select id from conversation_contact_requests where conversation_id = $1 and kind = $2 and status = 'pending'`, [conversationId, kind]);
  return { id: pending.id, isNew: false };
}

export type ContactRequestRow = { id: number; conversationId: number; kind: ContactKind; status: 'pending' | 'accepted' | 'refused'; requestedAt: Date; decidedAt: Date | null };

export async function findContactRequest(db: Queryable, conversationId: number, requestId: number, options: { lock?: boolean } = {}) {
  const [row] = await db.query<ContactRequestRow>(
    `select id, conversation_id as "conversationId", kind, status, requested_at as "requestedAt", decided_at as "decidedAt"
     from conversation_contact_requests where id = $1 and conversation_id = $2 ${options.lock ? 'for update' : ''}`,
    [requestId, conversationId],
  );
  return row ?? null;
}

export async function decideContactRequest(db: Queryable, requestId: number, status: 'accepted' | 'refused', at: Date) {
  await db.query('update conversation_contact_requests set status = $2, decided_at = $3 where id = $1', [requestId, status, at]);
}

export function listContactRequests(db: Queryable, conversationId: number) {
  return db.query<ContactRequestRow>(
    `select id, conversation_id as "conversationId", kind, status, requested_at as "requestedAt", decided_at as "decidedAt"
     from conversation_contact_requests where conversation_id = $1 order by id`,
    [conversationId],
  );
}

// ---- blocks ----

export async function insertBlock(db: Queryable, input: { seekerUserId: string; companyId: string | null; hostUserId: string | null; blockedBy: ConversationSide; blockerUserId: string }) {
  await db.query(
    `insert into conversation_blocks (seeker_user_id, company_id, host_user_id, blocked_by, blocker_user_id) values ($1, $2, $3, $4, $5) on conflict do nothing`,
    [input.seekerUserId, input.companyId, input.hostUserId, input.blockedBy, input.blockerUserId],
  );
}

export async function deleteBlock(db: Queryable, input: { seekerUserId: string; companyId: string | null; hostUserId: string | null; blockedBy: ConversationSide }) {
  await db.query(
    `delete from conversation_blocks where seeker_user_id = $1 and company_id is not distinct from $2 and host_user_id is not distinct from $3 and blocked_by = $4`,
    [input.seekerUserId, input.companyId, input.hostUserId, input.blockedBy],
  );
}

// ---- quick replies ----

export async function findQuickReplies(db: Queryable, userId: string) {
  const [row] = await db.query<{ replies: string[] }>('select replies from conversation_quick_replies where user_id = $1', [userId]);
  return row?.replies ?? null;
}

export async function saveQuickReplies(db: Queryable, userId: string, replies: string[]) {
  await db.query(
    `insert into conversation_quick_replies (user_id, replies) values ($1, $2) on conflict (user_id) do update set replies = excluded.replies, updated_at = now()`,
    [userId, JSON.stringify(replies)],
  );
}

// ---- personal data ----

export function listConversationIdsOfSeeker(db: Queryable, seekerUserId: string) {
  return db.query<{ id: number }>('select id from conversations where seeker_user_id = $1 order by id', [seekerUserId]).then((rows) => rows.map((row) => row.id));
}

/** Account deletion: the seeker's conversations go with their messages, requests and blocks. */
export async function deleteConversationsOfSeeker(db: Queryable, seekerUserId: string) {
  await db.query('update contact_consents set contact_request_id = null where seeker_user_id = $1', [seekerUserId]);
  await db.query('delete from conversation_blocks where seeker_user_id = $1', [seekerUserId]);
  await db.query('delete from conversations where seeker_user_id = $1', [seekerUserId]);
}
