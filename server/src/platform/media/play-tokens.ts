import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed playback tokens: one per viewer and session, issued by the app with the session's details and checked by
 * the media side (the embedded worker, or the app's on_play callback for nginx) before any byte of video flows.
 * A token is `<viewer>.<expires>.<signature>`: viewer = a user id, `guest` or `internal` (thumbnails, HLS ffmpeg);
 * expires = unix seconds, rounded up to the next 5 minutes so that reading the details again gives the same URL
 * (the player is not restarted); signature = HMAC-SHA256(secret, sessionId|viewer|expires), 128 bits, base64url.
 * Bans are not in the token: the worker keeps the banned viewers per session and refuses (and closes) them.
 */
export type PlayTokens = {
  issue(sessionId: string, viewer: string, nowMs?: number): string;
  /** The viewer the token was issued to, or null (bad signature, another session, expired). */
  verify(token: unknown, sessionId: string, nowMs?: number): string | null;
};

const ROUND_SECONDS = 300;
const VIEWER = /^(guest|internal|[0-9a-f-]{36})$/;

export function createPlayTokens(secret: string, ttlSeconds: number): PlayTokens {
  const sign = (sessionId: string, viewer: string, expires: number) =>
    createHmac('sha256', secret).update(`${sessionId}|${viewer}|${expires}`).digest().subarray(0, 16).toString('base64url');
  return {
    issue(sessionId, viewer, nowMs = Date.now()) {
      const expires = Math.ceil((nowMs / 1000 + ttlSeconds) / ROUND_SECONDS) * ROUND_SECONDS;
      return `${viewer}.${expires}.${sign(sessionId, viewer, expires)}`;
    },
    verify(token, sessionId, nowMs = Date.now()) {
      if (typeof token !== 'string' || token.length > 200) return null;
      const [viewer, expiresText, signature, extra] = token.split('.');
      if (extra !== undefined || !viewer || !VIEWER.test(viewer) || !/^\d{1,12}$/.test(expiresText ?? '') || !signature) return null;
      const expires = Number(expiresText);
      if (expires * 1000 < nowMs) return null;
      const expected = Buffer.from(sign(sessionId, viewer, expires));
      const presented = Buffer.from(signature);
      return presented.length === expected.length && timingSafeEqual(presented, expected) ? viewer : null;
    },
  };
}
