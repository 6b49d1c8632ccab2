// Which technique plays a session on this browser. Pure, so that the choice is tested without a browser.
import type { Playback, SessionStatus } from '../../../../contracts/live';

export type BrowserCapabilities = {
  /** Media Source Extensions usable for live FLV (mpegts.js): desktop browsers, Android, iPadOS. */
  canPlayFlvWithMse: boolean;
  /** `video.canPlayType('application/vnd.apple.mpegurl')`: Safari on iPhone plays HLS natively. */
  canPlayNativeHls: boolean;
  /** hls.js works (MSE or ManagedMediaSource). */
  canPlayHlsWithScript: boolean;
};

export type PlaybackPlan =
  | { kind: 'flv'; url: string; isLive: boolean }
  | { kind: 'native-hls'; url: string }
  | { kind: 'hls-script'; url: string }
  | { kind: 'file'; url: string }
  | { kind: 'waiting' }
  | { kind: 'unsupported' }
  | { kind: 'no-replay' }
  /** The host never went live (未开播). */
  | { kind: 'missed' }
  /** This viewer was banned from the live session: the media server refuses their video (你已被移出直播间). */
  | { kind: 'removed' };

/**
 * Live: HTTP-FLV through mpegts.js when the browser has MSE (lowest latency), else HLS — native on iOS Safari,
 * hls.js elsewhere. Replay: one recording (by index) — MP4 plays natively, FLV through mpegts.js.
 */
export function choosePlayback(status: SessionStatus, playback: Playback, capabilities: BrowserCapabilities, replayIndex = 0): PlaybackPlan {
  if (status === 'scheduled') return { kind: 'waiting' };
  if (status === 'missed') return { kind: 'missed' };
  if (status === 'live') {
    if (playback.flvUrl && capabilities.canPlayFlvWithMse) return { kind: 'flv', url: playback.flvUrl, isLive: true };
    if (playback.hlsUrl && capabilities.canPlayNativeHls) return { kind: 'native-hls', url: playback.hlsUrl };
    if (playback.hlsUrl && capabilities.canPlayHlsWithScript) return { kind: 'hls-script', url: playback.hlsUrl };
    return { kind: 'unsupported' };
  }
  const recording = playback.replay[replayIndex];
  if (!recording) return { kind: 'no-replay' };
  if (recording.format === 'mp4') return { kind: 'file', url: recording.url };
  return capabilities.canPlayFlvWithMse ? { kind: 'flv', url: recording.url, isLive: false } : { kind: 'unsupported' };
}

/**
 * `?player=hls` on a room's address plays HLS even where HTTP-FLV would work (natively when the browser can,
 * as on iPhones), `?player=hlsjs` forces hls.js: for support ("the video does not start") and for testing the
 * fallbacks. Anything else leaves the browser's own capabilities.
 */
export function withPlayerOverride(capabilities: BrowserCapabilities, player: string | null): BrowserCapabilities {
  if (player === 'hls') return { ...capabilities, canPlayFlvWithMse: false };
  if (player === 'hlsjs') return { ...capabilities, canPlayFlvWithMse: false, canPlayNativeHls: false };
  return capabilities;
}
