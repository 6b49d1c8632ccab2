import { EventEmitter } from 'node:events';
import type { Notification } from '../modules/notifications/index.js';
import type { ConversationMessage, ConversationSide } from '../../../contracts/conversations.js';

/** Who takes part in a conversation (the realtime layer addresses the seeker's and the other side's sockets). */
export type ConversationParties = { conversationId: number; seekerUserId: string; companyId: string | null; hostUserId: string | null };

/** In-process domain events: side effects cross modules through these, never through repositories. */
export type DomainEvents = {
  CompanyStatusChanged: { companyId: string; status: string };
  JobPublished: { jobId: string; companyId: string };
  NotificationCreated: { notification: Notification };
  /** A pipeline change (server/src/modules/pipeline): an employer's or seeker's transition, or an undo. */
  ApplicationStatusChanged: { applicationId: number; companyId: string | null; sessionId: string | null; fromStatus: string; toStatus: string; action: string };
  LiveSessionStatusChanged: { sessionId: string; status: 'scheduled' | 'live' | 'ended' | 'missed'; wentLiveAt: Date | null; endedAt: Date | null };
  /** A session was scheduled (after it committed): followers of its host and companies hear of it. */
  LiveSessionScheduled: { sessionId: string };
  /** A session's stream key was issued, rotated or revoked: the media server refreshes its allow-list. */
  LiveStreamKeyChanged: { sessionId: string };
  /** A viewer was banned from a session (or the ban lifted): the media server refuses and closes their playback. */
  LiveViewerBanChanged: { sessionId: string; userId: string; isBanned: boolean };
  /** An admin banned an account (or lifted it), after commit: its sockets close, its playback stops everywhere. */
  AccountBanChanged: { userId: string; isBanned: boolean };
  /** A recording of an ended session was stored: viewers waiting on 回放生成中 get the replay. */
  LiveReplayReady: { sessionId: string };
  /** A seeker deleted their account (after the deletion committed): live rooms drop what they still hold in memory. */
  AccountDeleted: { userId: string };
  /** New messages in a conversation (a message and its platform tip), after commit. */
  ConversationMessageSent: ConversationParties & { messages: ConversationMessage[] };
  ConversationRead: ConversationParties & { side: ConversationSide; lastReadId: number };
  /** A contact request answered, a block set or lifted. */
  ConversationChanged: ConversationParties;
  ApplicationSubmitted: { applicationId: number; jobId: string; seekerUserId: string; sessionId: string | null; source: 'live' | 'replay' | 'job_page'; companyId: string | null };
};

/**
 * Events that every server node must hear, not only the one where they happened: each node runs its own media
 * server and holds its own sockets, so a ban told to one node alone would stop the video on that node only.
 * Their payloads are plain JSON (they travel between nodes).
 */
export const CLUSTER_EVENTS = ['LiveViewerBanChanged', 'AccountBanChanged'] as const satisfies ReadonlyArray<keyof DomainEvents>;
export type ClusterEventName = (typeof CLUSTER_EVENTS)[number];
export type ClusterEvent = { [Name in ClusterEventName]: { name: Name; payload: DomainEvents[Name] } }[ClusterEventName];

export class EventBus {
  private readonly emitter = new EventEmitter();
  private sendToOtherNodes: ((event: ClusterEvent) => void) | null = null;

  emit<Name extends keyof DomainEvents>(name: Name, payload: DomainEvents[Name]): void {
    this.emitter.emit(name, payload);
    if (this.sendToOtherNodes && (CLUSTER_EVENTS as ReadonlyArray<string>).includes(name)) this.sendToOtherNodes({ name, payload } as ClusterEvent);
  }

  /** Several nodes (REDIS_URL): cluster events emitted here are also sent through `send` (the realtime layer). */
  shareAcrossNodes(send: (event: ClusterEvent) => void): void {
    this.sendToOtherNodes = send;
  }

  /** A cluster event from another node: heard by this node's listeners, not sent on again. */
  receiveFromOtherNode(event: ClusterEvent): void {
    if ((CLUSTER_EVENTS as ReadonlyArray<string>).includes(event.name)) this.emitter.emit(event.name, event.payload);
  }

  on<Name extends keyof DomainEvents>(name: Name, listener: (payload: DomainEvents[Name]) => void): void {
    this.emitter.on(name, listener);
  }

  off<Name extends keyof DomainEvents>(name: Name, listener: (payload: DomainEvents[Name]) => void): void {
    this.emitter.off(name, listener);
  }
}
