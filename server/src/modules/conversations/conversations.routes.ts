import { z } from 'zod';
import type { App } from '../../platform/http.js';
import type { ConversationsService } from './conversations.service.js';
import {
  contactDecisionBodySchema,
  contactRequestBodySchema,
  contactRequestSchema,
  conversationMessageSchema,
  conversationParams,
  conversationSchema,
  interviewInvitationBodySchema,
  jobCardBodySchema,
  listMessagesQuerySchema,
  quickRepliesBodySchema,
  readBodySchema,
  reportConversationBodySchema,
  sendMessageBodySchema,
  sentMessageSchema,
  startConversationBodySchema,
} from './conversations.schemas.js';

const PARTIES = ['seeker', 'employer', 'host'] as const;
const COUNTERPARTS = ['employer', 'host'] as const;
const tags = ['conversations'];
const quickRepliesSchema = z.object({ replies: z.array(z.string()) });

export function registerConversationsRoutes(app: App, conversations: ConversationsService) {
  app.post('/api/conversations', {
    config: { access: [...PARTIES] },
    schema: {
      tags,
      summary: 'Start a conversation about a job (seeker: jobId) or an application (employer, host, seeker: applicationId); the same id again for the same seeker and job',
      body: startConversationBodySchema,
      response: { 200: conversationSchema, 201: conversationSchema },
    },
  }, async (request, reply) => {
    const { conversation, isNew } = await conversations.startConversation(request.user!, request.body);
    return reply.status(isNew ? 201 : 200).send(conversation);
  });

  app.get('/api/conversations', {
    config: { access: [...PARTIES] },
    schema: {
      tags,
      summary: "Your side's conversations, latest first, each with its unread count; `unread` is the total (the tab bar's badge)",
      response: { 200: z.object({ conversations: z.array(conversationSchema), unread: z.number() }) },
    },
  }, async (request) => conversations.listConversations(request.user!));

  app.get('/api/conversations/quick-replies', {
    config: { access: [...COUNTERPARTS] },
    schema: { tags, summary: 'Your quick replies (常用语); defaults until you edit them', response: { 200: quickRepliesSchema } },
  }, async (request) => conversations.getQuickReplies(request.user!));

  app.put('/api/conversations/quick-replies', {
    config: { access: [...COUNTERPARTS] },
    schema: { tags, summary: 'Replace your quick replies (each checked against the posting rules)', body: quickRepliesBodySchema, response: { 200: quickRepliesSchema } },
  }, async (request) => conversations.saveQuickReplies(request.user!, request.body.replies));

  app.get('/api/conversations/:id', {
    config: { access: [...PARTIES] },
    schema: { tags, summary: 'One conversation (404 for anyone outside it)', params: conversationParams, response: { 200: conversationSchema } },
  }, async (request) => conversations.getConversation(request.user!, request.params.id));

  app.get('/api/conversations/:id/messages', {
    config: { access: [...PARTIES] },
    schema: {
      tags,
      summary: 'Messages oldest first (the newest `limit` before `beforeId`); reading the latest marks them read for your side',
      params: conversationParams,
      querystring: listMessagesQuerySchema,
      response: { 200: z.object({ messages: z.array(conversationMessageSchema), conversation: conversationSchema }) },
    },
  }, async (request) => conversations.listMessages(request.user!, request.params.id, request.query.limit, request.query.beforeId ?? null));

  app.post('/api/conversations/:id/messages', {
    config: { access: [...PARTIES] },
    schema: {
      tags,
      summary: "Send a message (an employer's or host's is checked against the posting rules; a seeker's question about fees gets the platform's tip); `clientKey` makes a resend idempotent",
      params: conversationParams,
      body: sendMessageBodySchema,
      response: { 201: sentMessageSchema },
    },
  }, async (request, reply) => reply.status(201).send(await conversations.sendMessage(request.user!, request.params.id, request.body)));

  app.post('/api/conversations/:id/read', {
    config: { access: [...PARTIES] },
    schema: { tags, summary: 'Mark messages read up to messageId (or all)', params: conversationParams, body: readBodySchema, response: { 200: z.object({ lastReadId: z.number() }) } },
  }, async (request) => conversations.markRead(request.user!, request.params.id, request.body.messageId ?? null));

  app.post('/api/conversations/:id/contact-requests', {
    config: { access: ['employer'] },
    schema: {
      tags,
      summary: 'Ask the seeker to exchange phone numbers (交换电话; no body) or WeChat (交换微信: { "kind": "wechat" }); asking again returns the pending request of that kind',
      params: conversationParams,
      body: contactRequestBodySchema,
      response: { 200: contactRequestSchema },
    },
  }, async (request) => conversations.requestContact(request.user!, request.params.id, request.body.kind));

  app.post('/api/conversations/:id/contact-requests/:requestId', {
    config: { access: ['seeker'] },
    schema: {
      tags,
      summary: 'Accept (the company may see your full number, or WeChat ID, from now on; every look is logged) or refuse a contact request; accepting 交换微信 without a WeChat ID in your profile needs `wechatId` (409 reason wechat_id_missing)',
      params: conversationParams.extend({ requestId: z.coerce.number().int().positive() }),
      body: contactDecisionBodySchema,
      response: { 200: contactRequestSchema },
    },
  }, async (request) => conversations.decideContact(request.user!, request.params.id, request.params.requestId, request.body.decision, request.body.wechatId));

  app.post('/api/conversations/:id/phone', {
    config: { access: ['employer'] },
    schema: {
      tags,
      summary: "The seeker's full number, only with the seeker's consent (403 says how to ask); logged and shown to the seeker",
      params: conversationParams,
      response: { 200: z.object({ phone: z.string(), unmaskedAt: z.string() }) },
    },
  }, async (request) => conversations.revealPhone(request.user!, request.params.id));

  app.post('/api/conversations/:id/wechat', {
    config: { access: ['employer'] },
    schema: {
      tags,
      summary: "The seeker's WeChat ID, only after 交换微信 was accepted and not withdrawn (403 says how to ask); logged and shown to the seeker",
      params: conversationParams,
      response: { 200: z.object({ wechatId: z.string(), viewedAt: z.string() }) },
    },
  }, async (request) => conversations.revealWechat(request.user!, request.params.id));

  app.post('/api/conversations/:id/job-cards', {
    config: { access: ['employer'] },
    schema: { tags, summary: 'Send one of your open jobs as a card', params: conversationParams, body: jobCardBodySchema, response: { 201: conversationMessageSchema } },
  }, async (request, reply) => reply.status(201).send(await conversations.sendJobCard(request.user!, request.params.id, request.body.jobId)));

  app.post('/api/conversations/:id/interview-invitations', {
    config: { access: ['employer'] },
    schema: {
      tags,
      summary: "Invite to an interview: the seeker's application moves to 面试 (pipeline rules) and the invitation appears in the chat",
      params: conversationParams,
      body: interviewInvitationBodySchema,
      response: { 201: conversationMessageSchema },
    },
  }, async (request, reply) => reply.status(201).send(await conversations.inviteToInterview(request.user!, request.params.id, request.body)));

  app.post('/api/conversations/:id/block', {
    config: { access: [...PARTIES] },
    schema: { tags, summary: 'Block the other side (no more messages either way until you unblock)', params: conversationParams, response: { 200: conversationSchema } },
  }, async (request) => conversations.setBlocked(request.user!, request.params.id, true));

  app.delete('/api/conversations/:id/block', {
    config: { access: [...PARTIES] },
    schema: { tags, summary: 'Lift your block', params: conversationParams, response: { 200: conversationSchema } },
  }, async (request) => conversations.setBlocked(request.user!, request.params.id, false));

  app.post('/api/conversations/:id/report', {
    config: { access: [...PARTIES] },
    schema: {
      tags,
      summary: "Report the conversation to the platform (the admin queue gets its messages)",
      params: conversationParams,
      body: reportConversationBodySchema,
      response: { 201: z.object({ id: z.number(), status: z.string() }) },
    },
  }, async (request, reply) => {
    const report = await conversations.report(request.user!, request.params.id, request.body);
    return reply.status(201).send({ id: report.id, status: report.status });
  });
}
