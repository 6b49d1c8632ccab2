import type { Config } from '../config.js';
import { createPlayTokens, type PlayTokens } from './play-tokens.js';

/**
 * Where encoders publish and players read. Embedded mode derives them from PUBLIC_URL's host and the ports the
 * media child process actually bound (tests use port 0); external mode uses the configured templates.
 */
export type MediaLinks = {
  readonly mode: 'embedded' | 'external';
  /** OBS "server": rtmp://host:port/live. */
  rtmpServerUrl(): string;
  /** Where the server's own encoders (the browser studio's ffmpeg) publish: the embedded server on its bind address. */
  internalRtmpUrl(): string;
  /**
   * Live playback for one viewer (a user id, `guest`, or `internal` for the server's own readers): the URL carries
   * the viewer's signed token (embedded mode always; a template only where it says `{token}`).
   */
  flvUrl(sessionId: string, viewer?: string): string | null;
  hlsUrl(sessionId: string, viewer?: string): string | null;
  readonly playTokens: PlayTokens;
  replayUrl(sessionId: string, fileName: string): string;
  /** Origins players read from besides the app's own (for the Content-Security-Policy). */
  playbackOrigins(): string[];
  /** Called by the embedded media server once its listeners are up. */
  setEmbedded(state: { rtmpPort: number; httpPort: number; isHlsEnabled: boolean }): void;
};

const fill = (template: string, sessionId: string, token = '') =>
  template.replaceAll('{sessionId}', encodeURIComponent(sessionId)).replaceAll('{token}', encodeURIComponent(token));

export function createMediaLinks(config: Config): MediaLinks {
  const publicHost = new URL(config.publicUrl).hostname;
  let rtmpPort = config.media.rtmpPort;
  let httpPort = config.media.httpPort;
  let isHlsEnabled = false;
  const playTokens = createPlayTokens(config.media.playSecret, config.media.playTokenTtlSeconds);
  return {
    mode: config.media.mode,
    playTokens,
    rtmpServerUrl() {
      if (config.media.rtmpUrl) return config.media.rtmpUrl.replace(/\/+$/, '');
      return `rtmp://${publicHost}${rtmpPort === 1935 ? '' : `:${rtmpPort}`}/live`;
    },
    internalRtmpUrl() {
      if (config.media.mode === 'external') return this.rtmpServerUrl();
      const bind = config.media.bind;
      const host = bind === '0.0.0.0' || bind === '::' || bind === '' ? '127.0.0.1' : bind.includes(':') ? `[${bind}]` : bind;
      return `rtmp://${host}:${rtmpPort}/live`;
    },
    flvUrl(sessionId, viewer = 'guest') {
      const token = playTokens.issue(sessionId, viewer);
      if (config.media.flvUrlTemplate) return fill(config.media.flvUrlTemplate, sessionId, token);
      if (config.media.mode === 'external') return null;
      return `http://${publicHost}:${httpPort}/live/${sessionId}.flv?token=${encodeURIComponent(token)}`;
    },
    hlsUrl(sessionId, viewer = 'guest') {
      // Embedded HLS is served by the app itself, which checks the viewer's cookie (segments carry no token).
      if (config.media.hlsUrlTemplate) return fill(config.media.hlsUrlTemplate, sessionId, playTokens.issue(sessionId, viewer));
      if (config.media.mode === 'external' || !isHlsEnabled) return null;
      return `/media/hls/${sessionId}/index.m3u8`;
    },
    replayUrl(sessionId, fileName) {
      return `/media/replay/${sessionId}/${encodeURIComponent(fileName)}`;
    },
    playbackOrigins() {
      const urls = [this.flvUrl('x'), config.media.hlsUrlTemplate ? fill(config.media.hlsUrlTemplate, 'x') : null];
      const origins = urls.flatMap((url) => {
        if (!url || url.startsWith('/')) return [];
        try {
          return [new URL(url).origin];
        } catch {
          return [];
        }
      });
      return [...new Set(origins)];
    },
    setEmbedded(state) {
      rtmpPort = state.rtmpPort;
      httpPort = state.httpPort;
      isHlsEnabled = state.isHlsEnabled;
    },
  };
}
