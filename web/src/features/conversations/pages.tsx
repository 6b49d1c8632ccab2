// The conversation pages, loaded together when one of their routes is first visited (see app/router.tsx).
export { default as ChatPage } from './chat-page';
export { default as InboxPage } from './inbox-page';
export { default as MessagesPage } from './messages-page';
