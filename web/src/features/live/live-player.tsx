// The <video> of a live room or replay. mpegts.js (HTTP-FLV) and hls.js are loaded only when the plan needs
// them, so a phone on native HLS never downloads either.
import { useEffect, useRef, useState } from 'react';
import type { BrowserCapabilities, PlaybackPlan } from './playback-plan';

export type PlayerState = 'idle' | 'connecting' | 'playing' | 'blocked' | 'error';

const RETRY_MS = 1500;

/** What this browser can play (see playback-plan.ts). */
export function detectCapabilities(): BrowserCapabilities {
  const probe = document.createElement('video');
  // Plain MediaSource only: iOS 17's ManagedMediaSource plays HLS natively instead, which is the safer path there.
  const hasMse = typeof window.MediaSource !== 'undefined' && window.MediaSource.isTypeSupported('video/mp4; codecs="avc1.42E01E,mp4a.40.2"');
  return {
    canPlayFlvWithMse: hasMse,
    canPlayNativeHls: probe.canPlayType('application/vnd.apple.mpegurl') !== '',
    canPlayHlsWithScript: hasMse || 'ManagedMediaSource' in window,
  };
}

type Detach = () => void;

/** The poster first, then the stream: a recent frame of a few KB shows at once, where the stream would take the whole
 * of a slow link for its first seconds. Resolves once the poster has loaded and had a frame to paint, or after
 * `limitMs` (a poster that is slow or missing never holds the video back for long). */
function whenPosterShown(url: string | undefined, limitMs: number): Promise<void> {
  if (!url) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, limitMs);
    const done = () => requestAnimationFrame(() => setTimeout(() => {
      clearTimeout(timer);
      resolve();
    }, 0));
    const image = new Image();
    image.onload = done;
    image.onerror = done;
    image.src = url;
  });
}
const POSTER_WAIT_MS = 1000;

async function attachFlv(video: HTMLVideoElement, url: string, isLive: boolean, onFatal: () => void): Promise<Detach> {
  const { default: mpegts } = await import('mpegts.js');
  mpegts.LoggingControl.enableAll = false;
  const player = mpegts.createPlayer(
    { type: 'flv', isLive, url },
    isLive
      ? {
          enableStashBuffer: false,
          lazyLoad: false,
          // Stay close to the live edge (glass-to-glass target < 3 s). A viewer joining mid-stream starts at the
          // last keyframe, up to a GOP behind: play at 1.2× until 0.6 s behind; jump only when 2.5 s behind (stalls).
          liveSync: true,
          liveSyncMaxLatency: 1.0,
          liveSyncTargetLatency: 0.6,
          liveSyncPlaybackRate: 1.2,
          liveBufferLatencyChasing: true,
          liveBufferLatencyMaxLatency: 2.5,
          liveBufferLatencyMinRemain: 0.5,
          autoCleanupSourceBuffer: true,
        }
      : { lazyLoad: true },
  );
  player.on(mpegts.Events.ERROR, onFatal);
  if (isLive) player.on(mpegts.Events.LOADING_COMPLETE, onFatal);
  player.attachMediaElement(video);
  player.load();
  return () => {
    player.off(mpegts.Events.ERROR, onFatal);
    player.off(mpegts.Events.LOADING_COMPLETE, onFatal);
    player.destroy();
  };
}

async function attachHlsScript(video: HTMLVideoElement, url: string, onFatal: () => void): Promise<Detach> {
  const { default: Hls } = await import('hls.js');
  const hls = new Hls({ lowLatencyMode: true, liveSyncDurationCount: 2, liveMaxLatencyDurationCount: 5 });
  hls.on(Hls.Events.ERROR, (_event, data) => {
    if (data.fatal) onFatal();
  });
  hls.loadSource(url);
  hls.attachMedia(video);
  return () => hls.destroy();
}

function attachSource(video: HTMLVideoElement, url: string): Detach {
  video.src = url;
  video.load();
  return () => {
    video.removeAttribute('src');
    video.load();
  };
}

type Props = {
  plan: PlaybackPlan;
  isMuted: boolean;
  className?: string;
  onStateChange?: (state: PlayerState) => void;
  onEnded?: () => void;
  /** Portrait streams fill the screen; landscape ones are letterboxed. */
  onOrientation?: (orientation: 'portrait' | 'landscape') => void;
  /** A recent frame of the stream, shown while the player connects (on a slow link, seconds). */
  poster?: string;
};

/**
 * Plays the plan; a live stream that drops (encoder reconnecting, network) is retried until it comes back.
 * Autoplay starts muted (browsers allow that); the room offers a tap to turn the sound on.
 */
export function LivePlayer({ plan, isMuted, className, onStateChange, onEnded, onOrientation, poster }: Props) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [attempt, setAttempt] = useState(0);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const callbacks = useRef({ onStateChange, onEnded, onOrientation });
  callbacks.current = { onStateChange, onEnded, onOrientation };
  const planKey = 'url' in plan ? `${plan.kind}:${plan.url}` : plan.kind;
  const isPlayable = 'url' in plan;

  useEffect(() => {
    const video = videoRef.current;
    if (!video || !isPlayable) {
      callbacks.current.onStateChange?.('idle');
      return;
    }
    let isCurrent = true;
    let detach: Detach | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    const isLive = plan.kind === 'flv' ? plan.isLive : plan.kind !== 'file';
    let lastState: PlayerState | null = null;
    const report = (state: PlayerState) => {
      if (!isCurrent || state === lastState) return;
      lastState = state;
      callbacks.current.onStateChange?.(state);
    };
    const handleFatal = () => {
      if (!isCurrent) return;
      report(isLive ? 'connecting' : 'error');
      if (isLive && !retryTimer) retryTimer = setTimeout(() => isCurrent && setAttempt((value) => value + 1), RETRY_MS);
    };
    // A latency-chasing seek does not fire 'playing' again; time moving on is what counts.
    const handlePlaying = () => {
      if (!video.paused && video.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA) report('playing');
    };
    const handleWaiting = () => report('connecting');
    const handleMetadata = () => callbacks.current.onOrientation?.(video.videoHeight > video.videoWidth ? 'portrait' : 'landscape');
    const handleEnded = () => callbacks.current.onEnded?.();
    video.addEventListener('playing', handlePlaying);
    video.addEventListener('timeupdate', handlePlaying);
    video.addEventListener('waiting', handleWaiting);
    video.addEventListener('loadedmetadata', handleMetadata);
    video.addEventListener('ended', handleEnded);
    video.addEventListener('error', handleFatal);
    report('connecting');

    // Attaching and detaching are queued one after the other: a player torn down late must never clear the
    // source of the player that replaced it on the same <video>.
    const start = async () => {
      if (attempt === 0) await whenPosterShown(poster, POSTER_WAIT_MS);
      if (!isCurrent) return;
      let attached: Detach | null = null;
      if (plan.kind === 'flv') attached = await attachFlv(video, plan.url, plan.isLive, handleFatal);
      else if (plan.kind === 'hls-script') attached = await attachHlsScript(video, plan.url, handleFatal);
      else if (plan.kind === 'native-hls' || plan.kind === 'file') attached = attachSource(video, plan.url);
      if (!isCurrent) {
        attached?.();
        return;
      }
      detach = attached;
      // Not awaited: play() settles only when media arrives, and the queue must not wait for that.
      video.play().catch((error: unknown) => {
        // NotAllowedError: autoplay refused; AbortError: a newer load replaced this one.
        if (error instanceof DOMException && error.name === 'NotAllowedError') report('blocked');
      });
    };
    queue.current = queue.current.then(start).catch(handleFatal);

    return () => {
      isCurrent = false;
      if (retryTimer) clearTimeout(retryTimer);
      video.removeEventListener('playing', handlePlaying);
      video.removeEventListener('timeupdate', handlePlaying);
      video.removeEventListener('waiting', handleWaiting);
      video.removeEventListener('loadedmetadata', handleMetadata);
      video.removeEventListener('ended', handleEnded);
      video.removeEventListener('error', handleFatal);
      queue.current = queue.current.then(() => detach?.()).catch(() => undefined);
    };
    // planKey stands for the plan's content; attempt restarts a dropped live stream.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [planKey, attempt]);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    video.muted = isMuted;
    if (!isMuted && video.paused && isPlayable) video.play().catch(() => undefined);
  }, [isMuted, isPlayable]);

  return (
    <video
      ref={videoRef}
      className={className}
      data-testid="live-video"
      data-plan={plan.kind}
      poster={poster}
      muted={isMuted}
      autoPlay
      playsInline
      // WeChat's and QQ's in-app browsers: play inline rather than in their own full-screen player.
      {...{ 'webkit-playsinline': 'true', 'x5-playsinline': 'true', 'x5-video-player-type': 'h5' }}
      controls={plan.kind === 'file' || (plan.kind === 'flv' && !plan.isLive)}
    />
  );
}
