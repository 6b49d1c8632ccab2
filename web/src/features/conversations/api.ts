// 沟通: the conversations module's calls (server/src/modules/conversations, shapes in contracts/conversations.ts).
// Types only from contracts: a value import would bring zod into the web bundle.
import type { ContactKind, ContactRequest, Conversation, ConversationMessage, SentMessage } from '../../../../contracts/conversations';
import { api } from '../../app/api';

export type { ContactKind, ContactRequest, Conversation, ConversationMessage, SentMessage };

/** The server's MESSAGE_MAX_LENGTH (contracts/conversations.ts). */
export const MESSAGE_MAX_LENGTH = 1000;
export const REPORT_REASONS = ['fee_request', 'fake_job', 'harassment', 'other'] as const;
export type ConversationReportReason = (typeof REPORT_REASONS)[number];

export type ConversationList = { conversations: Conversation[]; unread: number };
export type MessagePage = { messages: ConversationMessage[]; conversation: Conversation };

const base = (conversationId: number) => `/api/conversations/${encodeURIComponent(String(conversationId))}`;

export const conversationsApi = {
  /** A seeker starts (or reopens: the same id for the same job) a conversation about a job; employers about an application. */
  start: (target: { jobId: string } | { applicationId: number }) => api.post<Conversation>('/api/conversations', target),
  list: () => api.get<ConversationList>('/api/conversations'),
  get: (conversationId: number) => api.get<Conversation>(base(conversationId)),
  /** Oldest first; reading the latest page marks the conversation read for the caller's side. */
  messages: (conversationId: number) => api.get<MessagePage>(`${base(conversationId)}/messages`),
  send: (conversationId: number, body: string, clientKey: string) => api.post<SentMessage>(`${base(conversationId)}/messages`, { body, clientKey }),
  markRead: (conversationId: number, messageId?: number) => api.post<{ lastReadId: number }>(`${base(conversationId)}/read`, messageId ? { messageId } : {}),
  /** 交换电话 (no body, as the original contract) or 交换微信. */
  requestContact: (conversationId: number, kind: ContactKind = 'phone') =>
    api.post<ContactRequest>(`${base(conversationId)}/contact-requests`, kind === 'phone' ? undefined : { kind }),
  /** Accepting 交换微信 without a WeChat ID in the profile answers 409 (reason wechat_id_missing): pass `wechatId`. */
  decideContact: (conversationId: number, requestId: number, decision: 'accept' | 'refuse', wechatId?: string) =>
    api.post<ContactRequest>(`${base(conversationId)}/contact-requests/${requestId}`, wechatId ? { decision, wechatId } : { decision }),
  revealPhone: (conversationId: number) => api.post<{ phone: string; unmaskedAt: string }>(`${base(conversationId)}/phone`),
  revealWechat: (conversationId: number) => api.post<{ wechatId: string; viewedAt: string }>(`${base(conversationId)}/wechat`),
  sendJobCard: (conversationId: number, jobId: string) => api.post<ConversationMessage>(`${base(conversationId)}/job-cards`, { jobId }),
  inviteToInterview: (conversationId: number, body: { interviewAt: string; place?: string | null; videoUrl?: string | null }) =>
    api.post<ConversationMessage>(`${base(conversationId)}/interview-invitations`, body),
  block: (conversationId: number) => api.post<Conversation>(`${base(conversationId)}/block`),
  unblock: (conversationId: number) => api.delete<Conversation>(`${base(conversationId)}/block`),
  report: (conversationId: number, body: { reason: ConversationReportReason; details: string }) => api.post<{ id: number; status: string }>(`${base(conversationId)}/report`, body),
  quickReplies: () => api.get<{ replies: string[] }>('/api/conversations/quick-replies'),
  saveQuickReplies: (replies: string[]) => api.put<{ replies: string[] }>('/api/conversations/quick-replies', { replies }),
};
