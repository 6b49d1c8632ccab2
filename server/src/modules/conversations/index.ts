export { createConversationsService, DEFAULT_QUICK_REPLIES, type ConversationsService, type PresenceTarget } from './conversations.service.js';
export { registerConversationsRoutes } from './conversations.routes.js';
export { attachConversationsRealtime } from './conversations.realtime.js';
export { FEE_TIP, checkCounterpartMessage, isAboutFees } from './message-safety.js';
