import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { isAllowedOrigin } from '../origin.js';

/**
 * 网页开播 — the browser studio's ingest. The studio records the camera with MediaRecorder (WebM, 250 ms chunks)
 * and sends the chunks over a WebSocket to `STUDIO_INGEST_PATH?token=…` (the token comes from
 * POST /api/sessions/:id/studio, signed for the session's host, one minute to connect). Each connection
 * feeds one `ffmpeg` that publishes the session's stream to the RTMP ingest with the session's own stream
 * key, so the media server sees an ordinary encoder: the same key check, live state, recording, replay,
 * thumbnails and players as an OBS stream. H.264 is passed through; other video (VP8/VP9) is transcoded;
 * audio becomes AAC.
 *
 * Protocol: the studio's first message is text, `{"type":"start","mimeType":"video/webm;codecs=h264,opus"}`;
 * then binary chunks. The server answers text messages: `{"type":"ready"}` once ffmpeg runs, and
 * `{"type":"error","code","message"}` before it closes. A new connection for the same session replaces the
 * old one (the studio reconnecting after a dropped network): its ffmpeg stops, the new one publishes again
 * within the session's end grace period, so the session stays live.
 */
export const STUDIO_INGEST_PATH = '/api/studio/ingest';

/** The publish target for an authorised studio connection, or null when the token is bad or the session over. */
export type StudioGate = {
  /** `publishUrl`: where ffmpeg publishes (the embedded server on its bind address, or MEDIA_RTMP_URL) with the key. */
  resolveStudioPublish(token: string, sessionId: string): Promise<{ publishUrl: string } | null>;
};

export type StudioIngestOptions = {
  gate: StudioGate;
  ffmpegPath: string | null;
  allowedOrigins: readonly string[];
  log: { info(message: string): void; warn(message: string): void };
  /** Most bytes a chunk may have (a 250 ms chunk of 1080p is ~200 KB). */
  maxChunkBytes?: number;
  /** Most bytes waiting for ffmpeg before the studio is told its upload is too fast for the server. */
  maxBufferedBytes?: number;
};

type Connection = { socket: WebSocket; ffmpeg: ChildProcessWithoutNullStreams | null; userStopped: boolean };

const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MIME = /^(video|audio)\/(webm|x-matroska|mp4)(;[a-z0-9=,.; -]{0,80})?$/i;

/** ffmpeg's arguments: WebM (or Matroska/MP4) on stdin → FLV on the RTMP ingest. */
export function studioFfmpegArgs(mimeType: string, publishUrl: string): string[] {
  const isH264 = /h264|avc1/i.test(mimeType);
  const isMp4 = /mp4/i.test(mimeType);
  return [
    '-hide_banner', '-loglevel', 'error', '-nostdin',
    '-fflags', '+genpts+nobuffer', '-probesize', '64k', '-analyzeduration', '500000',
    '-f', isMp4 ? 'mp4' : 'matroska', '-i', 'pipe:0',
    ...(isH264
      ? ['-c:v', 'copy']
      : ['-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p', '-g', '50', '-b:v', '2000k', '-maxrate', '2500k', '-bufsize', '2000k']),
    '-c:a', 'aac', '-b:a', '96k', '-ar', '44100', '-ac', '2',
    '-f', 'flv', '-flvflags', 'no_duration_filesize', publishUrl,
  ];
}

/**
 * Attaches the studio's WebSocket endpoint to the app's HTTP server (beside Socket.IO, which keeps its own
 * path). Returns close(), which stops every studio's ffmpeg.
 */
export function attachStudioIngest(httpServer: HttpServer, options: StudioIngestOptions) {
  const maxChunkBytes = options.maxChunkBytes ?? 4 * 1024 * 1024;
  const maxBufferedBytes = options.maxBufferedBytes ?? 16 * 1024 * 1024;
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxChunkBytes, perMessageDeflate: false });
  const bySession = new Map<string, Connection>();

  const refuse = (socket: Duplex, status: number, reason: string) => {
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  };

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/socket.io/')) return; // Socket.IO's own
    if (url.pathname !== STUDIO_INGEST_PATH) return refuse(socket, 404, 'Not Found');
    if (!isAllowedOrigin(request.headers, options.allowedOrigins)) return refuse(socket, 403, 'Forbidden');
    const sessionId = url.searchParams.get('sessionId') ?? '';
    const token = url.searchParams.get('token') ?? '';
    if (!SESSION_ID.test(sessionId) || token.length === 0 || token.length > 200) return refuse(socket, 400, 'Bad Request');
    if (!options.ffmpegPath) return refuse(socket, 503, 'Service Unavailable');
    options.gate.resolveStudioPublish(token, sessionId).then((target) => {
      if (!target) return refuse(socket, 403, 'Forbidden');
      wss.handleUpgrade(request, socket, head, (ws) => accept(ws, sessionId, target.publishUrl));
    }).catch(() => refuse(socket, 503, 'Service Unavailable'));
  };
  httpServer.on('upgrade', onUpgrade);

  const stopFfmpeg = (connection: Connection) => {
    const child = connection.ffmpeg;
    connection.ffmpeg = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.stdin.end();
    // ffmpeg flushes and leaves on the end of its input; one that hangs on the network is stopped.
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    timer.unref();
    child.once('exit', () => clearTimeout(timer));
  };

  const sendJson = (ws: WebSocket, message: Record<string, unknown>) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };

  const fail = (connection: Connection, code: string, message: string) => {
    sendJson(connection.socket, { type: 'error', code, message });
    connection.socket.close(1011, code);
  };

  function accept(ws: WebSocket, sessionId: string, publishUrl: string) {
    const previous = bySession.get(sessionId);
    if (previous) {
      // The studio reconnected (or opened in a second tab): the newest connection publishes.
      previous.userStopped = true;
      sendJson(previous.socket, { type: 'error', code: 'replaced', message: 'Another studio took over this session / 已在其他页面开播' });
      stopFfmpeg(previous);
      previous.socket.close(4000, 'replaced');
    }
    const connection: Connection = { socket: ws, ffmpeg: null, userStopped: false };
    bySession.set(sessionId, connection);
    options.log.info(`studio: a browser studio connected for session ${sessionId}`);

    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (!isBinary) {
        if (connection.ffmpeg) return;
        let mimeType = '';
        try {
          const message = JSON.parse(String(data)) as { type?: unknown; mimeType?: unknown };
          if (message.type === 'start' && typeof message.mimeType === 'string') mimeType = message.mimeType;
        } catch {
          // handled below
        }
        if (!MIME.test(mimeType)) return fail(connection, 'bad_start', 'The first message must be {"type":"start","mimeType":"video/webm;…"}');
        const child = spawn(options.ffmpegPath!, studioFfmpegArgs(mimeType, publishUrl), { stdio: ['pipe', 'ignore', 'pipe'] }) as unknown as ChildProcessWithoutNullStreams;
        connection.ffmpeg = child;
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => { stderr = (stderr + String(chunk)).slice(-2_000); });
        child.stdin.on('error', () => { /* ffmpeg left; its exit is reported below */ });
        child.once('exit', (code, signal) => {
          if (connection.ffmpeg === child) connection.ffmpeg = null;
          if (connection.userStopped || ws.readyState !== ws.OPEN) return;
          // Never log the publish URL: it holds the stream key.
          options.log.warn(`studio: ffmpeg for session ${sessionId} exited (${signal ?? code}): ${stderr.replaceAll(/key=[^\s&]+/g, 'key=***').trim().slice(-300)}`);
          fail(connection, 'encoder_stopped', 'The stream could not be published / 推流失败，请重试');
        });
        sendJson(ws, { type: 'ready' });
        return;
      }
      const child = connection.ffmpeg;
      if (!child) return fail(connection, 'not_started', 'Send the start message first');
      if (child.stdin.writableLength > maxBufferedBytes) {
        return fail(connection, 'too_slow', 'The server cannot keep up with this upload / 服务器处理不过来，请降低画质');
      }
      const chunk = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      child.stdin.write(chunk);
    });

    ws.on('close', () => {
      connection.userStopped = true;
      stopFfmpeg(connection);
      if (bySession.get(sessionId) === connection) bySession.delete(sessionId);
    });
    ws.on('error', () => ws.terminate());
  }

  return {
    /** Sessions with a studio connected now. */
    activeSessionIds: () => [...bySession.keys()],
    /** Disconnects the studio of a session that ended (结束直播 from the console or the CLI). */
    disconnect(sessionId: string) {
      const connection = bySession.get(sessionId);
      if (!connection) return;
      connection.userStopped = true;
      sendJson(connection.socket, { type: 'error', code: 'ended', message: 'The session has ended / 直播已结束' });
      stopFfmpeg(connection);
      connection.socket.close(1000, 'ended');
    },
    async close() {
      httpServer.off('upgrade', onUpgrade);
      const children = [...bySession.values()].map((connection) => connection.ffmpeg).filter((child) => child !== null);
      for (const connection of bySession.values()) {
        connection.userStopped = true;
        stopFfmpeg(connection);
        connection.socket.terminate();
      }
      bySession.clear();
      await Promise.all(children.map((child) => new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
      })));
      wss.close();
    },
  };
}

export type StudioIngest = ReturnType<typeof attachStudioIngest>;
