/** Messages between the app and its media child process (node-media-server), over Node's IPC channel. */

export type MediaWorkerOptions = {
  bind: string;
  rtmpPort: number;
  httpPort: number;
  /** Recordings go under <recordingsDir>/recordings/live/<sessionId>/, live HLS under <recordingsDir>/hls/<sessionId>/. */
  recordingsDir: string;
  /** ffmpeg for live HLS, or null when it is not installed or HLS is off. */
  ffmpegPath: string | null;
  /** Verifies the viewers' playback tokens (play-tokens.ts). */
  playSecret: string;
  playTokenTtlSeconds: number;
  /** Players that received nothing for this long are closed. */
  idlePlayerMs: number;
};

/** A deny entry's session for a banned account: refused on every session. */
export const ALL_SESSIONS = '*';

export type ParentToWorker =
  /** Sessions that may publish, with their secrets (replace = the full list; otherwise an upsert). */
  | { type: 'allow'; entries: Array<{ sessionId: string; secret: string }>; replace: boolean }
  /** The session may no longer publish (ended, key rotated): forget it and drop a current publisher. */
  | { type: 'revoke'; sessionId: string; dropPublisher: boolean }
  /** Viewers banned from a session's video (replace = the full list): refused from now on, open playback closed.
   *  sessionId ALL_SESSIONS: a banned account, refused on every session. */
  | { type: 'deny'; entries: Array<{ sessionId: string; viewer: string }>; replace: boolean }
  /** A ban was lifted. */
  | { type: 'undeny'; sessionId: string; viewer: string }
  | { type: 'stop' };

export type WorkerToParent =
  | { type: 'ready'; rtmpPort: number; httpPort: number }
  | { type: 'fatal'; message: string }
  | { type: 'publish-started'; sessionId: string }
  | { type: 'publish-stopped'; sessionId: string }
  | { type: 'publish-rejected'; sessionId: string; reason: string }
  /** A publish for a session the worker has no entry for: the parent looks it up (a session made by another process). */
  | { type: 'lookup'; sessionId: string }
  | { type: 'recording-finished'; sessionId: string; filePath: string; startedAt: number; endedAt: number; bytes: number }
  | { type: 'log'; level: 'warn' | 'error'; message: string };
