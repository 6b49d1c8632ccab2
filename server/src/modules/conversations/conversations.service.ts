import type { Db, Queryable } from '../../platform/db.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import type { ConversationParties, EventBus } from '../../platform/events.js';
import type { AuthUser } from '../../platform/http.js';
import type { NewNotification, NotificationsService } from '../notifications/index.js';
import { maskPhone, type PipelineService } from '../pipeline/index.js';
import type { REPORT_REASONS, ReportsService } from '../reports/index.js';
import * as repository from './conversations.repository.js';
import type { ConversationListRow, ConversationRow, MessageRow } from './conversations.repository.js';
import type { ContactKind } from '../../../../contracts/conversations.js';
import type { ContactRequest, Conversation, ConversationMessage, ConversationSide, InterviewInvitationBody, SentMessage, StartConversationBody } from './conversations.schemas.js';
import { FEE_TIP, checkCounterpartMessage, isAboutFees } from './message-safety.js';

export const DEFAULT_QUICK_REPLIES = [
  '你好，岗位还在招，欢迎报名',
  '方便的话留个电话，我们安排面试',
  '包吃住，工资按月发放，不收任何费用',
  '面试地址稍后发你，请留意消息',
];

/** Who may receive a push: one user's sockets, or every member of a company. */
export type PresenceTarget = { kind: 'user'; userId: string } | { kind: 'company'; companyId: string };

export type ConversationsDeps = {
  db: Db;
  events: EventBus;
  notifications: NotificationsService;
  pipeline: PipelineService;
  reports: ReportsService;
  /** The seeker's quick profile keeps the 微信号 given while accepting 交换微信. */
  seekers: { saveWechatId(tx: Queryable, userId: string, wechatId: string): Promise<boolean> };
  /** The live word filter (throws on a blocked word, masks the others; `isAllowed` exempts words). */
  filterText(text: string, options?: { isAllowed?: (word: string) => boolean }): Promise<string>;
  /** The shared abuse limits (platform/rate-limit.ts): 'conversations' counts messages per user (429 over it). */
  limiter: { check(name: 'conversations', key: string): Promise<void> };
  now?: () => Date;
};

const chinaTime = (instant: Date) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(instant);

/** The texts of a contact request and its answers, per kind (stored in Chinese with the English in the payload). */
const CONTACT_TEXTS = {
  phone: {
    request: '请求交换电话：同意后对方可以查看你的完整手机号',
    requestEn: 'Asks to exchange phone numbers: if you agree, they can see your full number',
    accepted: '已同意交换电话，对方现在可以查看我的手机号',
    acceptedEn: 'Agreed to exchange phone numbers',
    refused: '暂不交换电话',
    refusedEn: 'Declined to exchange phone numbers',
  },
  wechat: {
    request: '请求交换微信：同意后对方可以查看你的微信号',
    requestEn: 'Asks to exchange WeChat: if you agree, they can see your WeChat ID',
    accepted: '已同意交换微信，对方现在可以查看我的微信号',
    acceptedEn: 'Agreed to exchange WeChat',
    refused: '暂不交换微信',
    refusedEn: 'Declined to exchange WeChat',
  },
} satisfies Record<ContactKind, Record<string, string>>;

const toContactRequest = (request: repository.ContactRequestRow): ContactRequest => ({
  id: request.id,
  kind: request.kind,
  status: request.status,
  requestedAt: new Date(request.requestedAt).toISOString(),
  decidedAt: request.decidedAt ? new Date(request.decidedAt).toISOString() : null,
});

const partiesOf = (row: ConversationRow): ConversationParties => ({ conversationId: row.id, seekerUserId: row.seekerUserId, companyId: row.companyId, hostUserId: row.hostUserId });

function isReadBy(row: Pick<ConversationRow, 'seekerLastReadId' | 'counterpartLastReadId'>, message: MessageRow) {
  if (message.senderRole === 'system') return true;
  return message.senderRole === 'seeker' ? row.counterpartLastReadId >= message.id : row.seekerLastReadId >= message.id;
}

function toMessage(row: Pick<ConversationRow, 'seekerLastReadId' | 'counterpartLastReadId'>, message: MessageRow): ConversationMessage {
  return {
    id: message.id,
    conversationId: message.conversationId,
    kind: message.kind,
    senderRole: message.senderRole,
    senderName: message.senderRole === 'system' ? null : message.senderName,
    body: message.body,
    payload: message.payload,
    sentAt: new Date(message.sentAt).toISOString(),
    isRead: isReadBy(row, message),
    clientKey: message.clientKey,
  };
}

function toConversation(row: ConversationRow | ConversationListRow, side: ConversationSide, unread: number): Conversation {
  const list = row as Partial<ConversationListRow>;
  const pending: ContactRequest[] = (row.pendingRequests ?? []).map((request) => ({
    id: Number(request.id), kind: request.kind, status: 'pending', requestedAt: new Date(request.requestedAt).toISOString(), decidedAt: null,
  }));
  return {
    id: row.id,
    kind: row.kind,
    mySide: side,
    job: { id: row.jobId, title: row.jobTitle, isOpen: row.jobStatus === 'open' },
    companyId: row.kind === 'company' ? row.companyId : null,
    companyName: row.companyName,
    hostName: row.hostName,
    seeker: { name: row.seekerName ?? '求职者', phoneMasked: row.seekerPhone ? maskPhone(row.seekerPhone) : null, cityName: row.seekerCityName },
    applicationId: row.applicationId,
    lastMessage: list.lastBody != null && list.lastKind && list.lastSenderRole && list.lastSentAt
      ? { body: list.lastBody, kind: list.lastKind, senderRole: list.lastSenderRole, sentAt: new Date(list.lastSentAt).toISOString() }
      : null,
    unread,
    otherLastReadId: side === 'seeker' ? row.counterpartLastReadId : row.seekerLastReadId,
    pendingContactRequest: pending[0] ?? null,
    pendingContactRequests: pending,
    hasPhoneConsent: row.hasPhoneConsent,
    hasWechatConsent: row.hasWechatConsent,
    blockedBy: row.blockedBy,
    createdAt: new Date(row.createdAt).toISOString(),
    lastMessageAt: row.lastMessageAt ? new Date(row.lastMessageAt).toISOString() : null,
  };
}

export function createConversationsService(deps: ConversationsDeps) {
  const { db, events, notifications, pipeline, reports } = deps;
  const now = deps.now ?? (() => new Date());
  /** Set by the realtime layer; without it (CLI, tests without sockets) everyone counts as away. */
  let isOnline: (target: PresenceTarget) => Promise<boolean> = async () => false;

  /** Which side the user is on; anyone else gets "not found" (no probing for ids). */
  function sideOf(user: AuthUser, row: ConversationRow | null): ConversationSide {
    if (row) {
      if (user.role === 'seeker' && row.seekerUserId === user.id) return 'seeker';
      if (user.role === 'employer' && row.kind === 'company' && user.companyId !== null && row.companyId === user.companyId) return 'counterpart';
      if (user.role === 'host' && row.kind === 'host' && row.hostUserId === user.id) return 'counterpart';
    }
    throw notFound('Conversation');
  }

  async function load(user: AuthUser, conversationId: number, tx: Queryable = db) {
    const row = await repository.findConversationById(tx, conversationId);
    const side = sideOf(user, row);
    return { row: row!, side };
  }

  function requireEmployerSide(user: AuthUser, side: ConversationSide, row: ConversationRow, what: string) {
    if (side !== 'counterpart' || user.role !== 'employer' || row.kind !== 'company') {
      throw new AppError('forbidden', `Only the employer ${what} / 仅招聘企业可以操作`);
    }
  }

  function requireNotBlocked(row: ConversationRow) {
    if (row.blockedBy) throw new AppError('forbidden', row.blockedBy === 'seeker' ? 'The seeker blocked this conversation / 对方已屏蔽该会话' : 'The employer blocked this conversation / 对方已屏蔽该会话');
  }

  const counterpartRole = (user: AuthUser) => (user.role === 'host' ? 'host' : 'employer');

  /** Tells the other side by a durable notification when none of its sockets is connected (once until it reads). */
  async function notifyIfAway(row: ConversationRow, senderSide: ConversationSide, message: MessageRow) {
    const recipientSide: ConversationSide = senderSide === 'seeker' ? 'counterpart' : 'seeker';
    const target: PresenceTarget = recipientSide === 'seeker'
      ? { kind: 'user', userId: row.seekerUserId }
      : row.kind === 'company' ? { kind: 'company', companyId: row.companyId! } : { kind: 'user', userId: row.hostUserId! };
    if (await isOnline(target)) return;
    if (!(await repository.claimOfflineNotice(db, row.id, recipientSide, now()))) return;
    const snippet = message.body.length > 60 ? `${message.body.slice(0, 60)}…` : message.body;
    let toSend: NewNotification[];
    if (recipientSide === 'seeker') {
      const from = row.kind === 'company' ? row.companyName ?? '企业' : row.hostName ?? '主播';
      toSend = [{ userId: row.seekerUserId, kind: 'conversation.message', title: `「${from}」给你发来消息：${row.jobTitle}`, body: snippet, link: `/messages/${row.id}`, payload: { conversationId: row.id, en: `New message from ${from}` } }];
    } else {
      const recipients = row.kind === 'company' ? await repository.listCompanyMemberIds(db, row.companyId!) : [row.hostUserId!];
      const seeker = row.seekerName ?? '求职者';
      toSend = recipients.map((userId) => ({ userId, kind: 'conversation.message', title: `${seeker} 发来消息：${row.jobTitle}`, body: snippet, link: `/inbox?c=${row.id}`, payload: { conversationId: row.id, en: `New message from ${seeker}` } }));
    }
    await notifications.notify(toSend);
  }

  /** Stores messages in one transaction (the sender's read pointer moves past them), then pushes them. */
  async function post(
    user: AuthUser | null,
    row: ConversationRow,
    side: ConversationSide | null,
    items: Array<{ kind: MessageRow['kind']; body: string; payload?: Record<string, unknown>; clientKey?: string | null; role?: MessageRow['senderRole'] }>,
    extra?: (tx: Queryable) => Promise<void>,
  ) {
    const stored = await db.transaction(async (tx) => {
      const at = now();
      const results: Array<{ message: MessageRow; isNew: boolean }> = [];
      for (const item of items) {
        if (results.length > 0 && !results[0]!.isNew) break; // a resend: the first message was stored before, with its tip
        const role = item.role ?? (side === 'seeker' ? 'seeker' : user ? counterpartRole(user) : 'system');
        results.push(await repository.insertMessage(tx, { conversationId: row.id, senderUserId: role === 'system' ? null : user?.id ?? null, senderRole: role, kind: item.kind, body: item.body, payload: item.payload, clientKey: item.clientKey, at }));
      }
      const last = results.at(-1)!.message;
      if (results.some((result) => result.isNew)) await repository.touchConversation(tx, row.id, side, last.id, at);
      await extra?.(tx);
      return results;
    });
    const fresh = stored.filter((result) => result.isNew).map((result) => result.message);
    if (fresh.length > 0) {
      const readPointers = { ...row, [side === 'seeker' ? 'seekerLastReadId' : 'counterpartLastReadId']: fresh.at(-1)!.id };
      events.emit('ConversationMessageSent', { ...partiesOf(row), messages: fresh.map((message) => toMessage(readPointers, message)) });
      if (side) await notifyIfAway(row, side, fresh[0]!);
    }
    return stored.map((result) => toMessage(row, result.message));
  }

  async function getConversation(user: AuthUser, conversationId: number): Promise<Conversation> {
    const { row, side } = await load(user, conversationId);
    return toConversation(row, side, await repository.countUnreadInConversation(db, conversationId, side));
  }

  function scopeOf(user: AuthUser): repository.ConversationScope {
    if (user.role === 'seeker') return { kind: 'seeker', userId: user.id };
    if (user.role === 'host') return { kind: 'host', userId: user.id };
    if (user.role === 'employer') {
      if (!user.companyId) throw new AppError('forbidden', 'Register your company first / 请先登记企业信息');
      return { kind: 'company', companyId: user.companyId };
    }
    throw new AppError('forbidden', 'Conversations are between job seekers and employers or hosts / 仅求职者与企业、主播可以沟通');
  }

  async function sendMessage(user: AuthUser, conversationId: number, input: { body: string; clientKey?: string }): Promise<SentMessage> {
    const { row, side } = await load(user, conversationId);
    requireNotBlocked(row);
    await deps.limiter.check('conversations', user.id);
    const raw = input.body.trim();
    if (side === 'counterpart') checkCounterpartMessage(raw);
    // A seeker asking about fees (有押金吗) is never blocked, even where the live chat blocks 押金: it gets the tip.
    const isFeeQuestion = side === 'seeker' && isAboutFees(raw);
    let body: string;
    try {
      body = await deps.filterText(raw, isFeeQuestion ? { isAllowed: isAboutFees } : {});
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation_failed') throw invalid('body.body', 'contains a blocked word / 消息包含违规词');
      throw error;
    }
    const items: Parameters<typeof post>[3] = [{ kind: 'text', body, clientKey: input.clientKey ?? null }];
    if (isFeeQuestion) items.push({ kind: 'tip', body: FEE_TIP.zh, payload: { en: FEE_TIP.en }, role: 'system' });
    const [message, tip] = await post(user, row, side, items);
    return { ...message!, tip: tip ?? null };
  }

  return {
    /** The realtime layer tells the service who is connected (offline notifications). */
    setPresence(check: (target: PresenceTarget) => Promise<boolean>) {
      isOnline = check;
    },

    /** Starts a conversation, or returns the one that exists for the same seeker and job (idempotent). */
    async startConversation(user: AuthUser, body: StartConversationBody): Promise<{ conversation: Conversation; isNew: boolean }> {
      let started: { id: number; isNew: boolean };
      if (body.jobId) {
        if (user.role !== 'seeker') throw invalid('body.applicationId', 'employers and hosts start a conversation from an application / 企业和主播请从报名发起沟通');
        const job = await repository.findJobForConversation(db, body.jobId);
        const applicationId = job ? await repository.findApplicationIdBySeekerAndJob(db, user.id, job.id) : null;
        if (!job || job.companyStatus !== 'verified' || (job.status !== 'open' && !applicationId)) throw notFound('Job');
        started = await repository.upsertCompanyConversation(db, { seekerUserId: user.id, jobId: job.id, companyId: job.companyId, applicationId });
      } else {
        const application = await repository.findApplicationForConversation(db, body.applicationId!);
        if (!application?.jobId || !application.seekerUserId || !application.companyId) throw notFound('Application');
        if (user.role === 'host') {
          if (application.hostUserId !== user.id) throw notFound('Application');
          started = await repository.upsertHostConversation(db, { seekerUserId: application.seekerUserId, jobId: application.jobId, hostUserId: user.id, applicationId: application.id });
        } else {
          const isOwner = user.role === 'employer' ? application.companyId === user.companyId : user.role === 'seeker' && application.seekerUserId === user.id;
          if (!isOwner) throw notFound('Application');
          started = await repository.upsertCompanyConversation(db, { seekerUserId: application.seekerUserId, jobId: application.jobId, companyId: application.companyId, applicationId: application.id });
        }
      }
      return { conversation: await getConversation(user, started.id), isNew: started.isNew };
    },

    async listConversations(user: AuthUser) {
      const scope = scopeOf(user);
      const side: ConversationSide = scope.kind === 'seeker' ? 'seeker' : 'counterpart';
      const rows = await repository.listConversations(db, scope, 200);
      const conversations = rows.map((row) => toConversation(row, side, row.unread));
      return { conversations, unread: await repository.countUnread(db, scope) };
    },

    getConversation,

    /** The history, oldest first; reading the latest page marks the conversation read for the caller's side. */
    async listMessages(user: AuthUser, conversationId: number, limit: number, beforeId: number | null) {
      const { row, side } = await load(user, conversationId);
      if (beforeId === null) await markRead(user, conversationId, null, { row, side });
      const fresh = (await repository.findConversationById(db, conversationId))!;
      const messages = await repository.listMessages(db, conversationId, limit, beforeId);
      return { messages: messages.map((message) => toMessage(fresh, message)), conversation: toConversation(fresh, side, 0) };
    },

    sendMessage,

    markRead,

    /** 交换电话 (kind 'phone', the default) or 交换微信 (kind 'wechat'): asked by the employer, answered by the seeker. */
    async requestContact(user: AuthUser, conversationId: number, kind: ContactKind = 'phone'): Promise<ContactRequest> {
      const { row, side } = await load(user, conversationId);
      requireEmployerSide(user, side, row, kind === 'wechat' ? 'asks to exchange WeChat' : 'asks to exchange phone numbers');
      requireNotBlocked(row);
      if (kind === 'phone' && row.hasPhoneConsent) throw new AppError('conflict', 'The seeker already lets your company see the number / 求职者已同意查看手机号');
      if (kind === 'wechat' && row.hasWechatConsent) throw new AppError('conflict', 'The seeker already lets your company see the WeChat ID / 求职者已同意查看微信号');
      // A pending request is asked once per kind (asking again returns it); the question is a message in the conversation.
      const { id: requestId, isNew } = await repository.insertContactRequest(db, conversationId, kind, user.id, now());
      if (isNew) {
        const text = CONTACT_TEXTS[kind];
        await post(user, row, side, [{ kind: 'contact_request', body: text.request, payload: { requestId, status: 'pending', contactKind: kind, en: text.requestEn } }]);
      }
      return toContactRequest((await repository.findContactRequest(db, conversationId, requestId))!);
    },

    /**
     * The seeker accepts (consent recorded: the company sees the full number, or the WeChat ID, from now on, each
     * look logged) or refuses. Accepting 交换微信 needs a WeChat ID: the profile's, or `wechatId` (saved to it).
     */
    async decideContact(user: AuthUser, conversationId: number, requestId: number, decision: 'accept' | 'refuse', wechatId?: string): Promise<ContactRequest> {
      const { row, side } = await load(user, conversationId);
      if (side !== 'seeker') throw new AppError('forbidden', 'Only the seeker answers a contact request / 仅求职者可以回复交换请求');
      const status = decision === 'accept' ? 'accepted' : 'refused';
      const request = await repository.findContactRequest(db, conversationId, requestId);
      if (!request) throw notFound('Contact request');
      if (request.status === status) return toContactRequest(request);
      if (request.status !== 'pending') throw new AppError('conflict', `You already ${request.status} this request / 已回复过该请求`);
      const kind = request.kind;
      if (kind === 'wechat' && status === 'accepted' && !wechatId && !row.seekerWechatId) {
        throw new AppError('conflict', 'Fill in your WeChat ID to share it / 请先填写你的微信号', {
          reason: 'wechat_id_missing',
          fields: [{ path: 'body.wechatId', message: 'Fill in your WeChat ID / 请填写微信号' }],
        });
      }
      const at = now();
      const text = CONTACT_TEXTS[kind];
      await post(user, row, side, [{
        kind: 'contact_decision',
        body: status === 'accepted' ? text.accepted : text.refused,
        payload: { requestId, status, contactKind: kind, en: status === 'accepted' ? text.acceptedEn : text.refusedEn },
      }], async (tx) => {
        const locked = await repository.findContactRequest(tx, conversationId, requestId, { lock: true });
        if (locked?.status !== 'pending') throw new AppError('conflict', 'This request was already answered / 已回复过该请求');
        if (kind === 'wechat' && status === 'accepted' && wechatId && !(await deps.seekers.saveWechatId(tx, row.seekerUserId, wechatId))) {
          throw new AppError('conflict', 'Fill in your quick profile first / 请先填写快速简历', { reason: 'no_profile' });
        }
        await repository.decideContactRequest(tx, requestId, status, at);
        if (status === 'accepted') await pipeline.phoneAccess.grantFromConversation(tx, { seekerUserId: row.seekerUserId, companyId: row.companyId!, kind, applicationId: row.applicationId, contactRequestId: requestId });
      });
      events.emit('ConversationChanged', partiesOf(row));
      return { ...toContactRequest(request), status, decidedAt: at.toISOString() };
    },

    /** The full number from the inbox, with the seeker's consent only (403 says how to ask); logged and told to the seeker. */
    async revealPhone(user: AuthUser, conversationId: number) {
      const outcome = await reveal(user, conversationId, 'phone');
      return { phone: outcome.phone, unmaskedAt: outcome.unmaskedAt.toISOString() };
    },

    /** The seeker's WeChat ID, after 交换微信 was accepted and not withdrawn (403 says how to ask); logged like a look at the number. */
    async revealWechat(user: AuthUser, conversationId: number) {
      const outcome = await reveal(user, conversationId, 'wechat');
      return { wechatId: outcome.phone, viewedAt: outcome.unmaskedAt.toISOString() };
    },

    async sendJobCard(user: AuthUser, conversationId: number, jobId: string) {
      const { row, side } = await load(user, conversationId);
      requireEmployerSide(user, side, row, 'sends job cards');
      requireNotBlocked(row);
      const job = await repository.findJobForConversation(db, jobId);
      if (!job || job.companyId !== row.companyId || job.status !== 'open') throw invalid('body.jobId', 'must be an open job of your company / 须为本企业在招岗位');
      const [message] = await post(user, row, side, [{
        kind: 'job_card',
        body: `岗位推荐：${job.title}`,
        payload: { jobId: job.id, title: job.title, cityName: job.cityName, payMonthlyMin: job.payMonthlyMin, payMonthlyMax: job.payMonthlyMax },
      }]);
      return message!;
    },

    /** An interview invitation: the application moves to 面试 through the pipeline (same rules and notifications). */
    async inviteToInterview(user: AuthUser, conversationId: number, input: InterviewInvitationBody) {
      const { row, side } = await load(user, conversationId);
      requireEmployerSide(user, side, row, 'invites to interviews');
      requireNotBlocked(row);
      if (input.place) checkCounterpartMessage(input.place, 'body.place');
      const applicationId = row.applicationId ?? (await repository.findApplicationIdBySeekerAndJob(db, row.seekerUserId, row.jobId));
      if (!applicationId) throw new AppError('conflict', 'The seeker has not applied to this job yet: send the job card so they can apply / 求职者尚未报名该岗位，可先发送岗位卡片邀请报名');
      await pipeline.changeStatus(user, applicationId, { action: 'schedule_interview', interviewAt: input.interviewAt, place: input.place ?? null, videoUrl: input.videoUrl ?? null });
      const where = [input.place, input.videoUrl].filter(Boolean).join(' / ');
      const [message] = await post(user, row, side, [{
        kind: 'interview',
        body: `面试邀请：${chinaTime(new Date(input.interviewAt))}${where ? `，${where}` : ''}`,
        payload: { applicationId, interviewAt: input.interviewAt, place: input.place ?? null, videoUrl: input.videoUrl ?? null },
      }]);
      return message!;
    },

    async setBlocked(user: AuthUser, conversationId: number, isBlocked: boolean) {
      const { row, side } = await load(user, conversationId);
      const pair = { seekerUserId: row.seekerUserId, companyId: row.kind === 'company' ? row.companyId : null, hostUserId: row.kind === 'host' ? row.hostUserId : null, blockedBy: side };
      if (isBlocked) await repository.insertBlock(db, { ...pair, blockerUserId: user.id });
      else await repository.deleteBlock(db, pair);
      events.emit('ConversationChanged', partiesOf(row));
      return getConversation(user, conversationId);
    },

    /** Either side reports the conversation: the admin queue gets its messages as evidence. */
    async report(user: AuthUser, conversationId: number, input: { reason: (typeof REPORT_REASONS)[number]; details: string }) {
      const { row, side } = await load(user, conversationId);
      const messages = await repository.listMessages(db, conversationId, 200, null);
      const evidence = {
        conversationId,
        job: { id: row.jobId, title: row.jobTitle },
        companyName: row.companyName,
        hostName: row.hostName,
        seekerName: row.seekerName,
        reportedBy: side,
        messages: messages.map((message) => ({ id: message.id, senderRole: message.senderRole, senderName: message.senderName, kind: message.kind, body: message.body, sentAt: new Date(message.sentAt).toISOString() })),
      };
      return reports.fileConversationReport({
        reporter: user,
        conversationId,
        companyId: side === 'seeker' && row.kind === 'company' ? row.companyId : null,
        hostUserId: side === 'seeker' && row.kind === 'host' ? row.hostUserId : null,
        reason: input.reason,
        details: input.details,
        evidence,
      });
    },

    async getQuickReplies(user: AuthUser) {
      return { replies: (await repository.findQuickReplies(db, user.id)) ?? DEFAULT_QUICK_REPLIES };
    },

    async saveQuickReplies(user: AuthUser, replies: string[]) {
      replies.forEach((reply, index) => checkCounterpartMessage(reply, `body.replies.${index}`));
      await repository.saveQuickReplies(db, user.id, replies);
      return { replies };
    },

    personalDataSource: {
      name: 'conversations',
      async collect(tx: Queryable, userId: string) {
        const result = [];
        for (const id of await repository.listConversationIdsOfSeeker(tx, userId)) {
          const row = (await repository.findConversationById(tx, id))!;
          result.push({
            ...toConversation(row, 'seeker', 0),
            contactRequests: await repository.listContactRequests(tx, id),
            messages: (await repository.listMessages(tx, id, 100_000, null)).map((message) => toMessage(row, message)),
          });
        }
        return result;
      },
      erase: (tx: Queryable, userId: string) => repository.deleteConversationsOfSeeker(tx, userId),
    },
  };

  async function reveal(user: AuthUser, conversationId: number, kind: ContactKind) {
    const { row, side } = await load(user, conversationId);
    requireEmployerSide(user, side, row, kind === 'wechat' ? 'can see the WeChat ID' : 'can see the number');
    const outcome = await db.transaction((tx) => pipeline.phoneAccess.recordLook(tx, user, {
      seekerUserId: row.seekerUserId,
      seekerPhone: row.seekerPhone,
      seekerWechatId: row.seekerWechatId,
      companyId: row.companyId,
      companyName: row.companyName,
      jobTitle: row.jobTitle,
      applicationId: row.applicationId,
      conversationId: row.id,
      link: `/messages/${row.id}`,
    }, { kind }));
    notifications.announce(outcome.stored);
    return outcome;
  }

  async function markRead(user: AuthUser, conversationId: number, upToId: number | null, loaded?: { row: ConversationRow; side: ConversationSide }) {
    const { row, side } = loaded ?? (await load(user, conversationId));
    const result = await repository.markRead(db, conversationId, side, upToId);
    if (result?.changed) events.emit('ConversationRead', { ...partiesOf(row), side, lastReadId: result.lastReadId });
    return { lastReadId: result?.lastReadId ?? 0 };
  }
}

export type ConversationsService = ReturnType<typeof createConversationsService>;
