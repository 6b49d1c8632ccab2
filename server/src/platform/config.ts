import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseLimitRules, type LimitRules } from './rate-limit.js';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const TRUSTED_PROXY_ENTRY = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/;

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const iceServersSchema = z.array(z.object({
  urls: z.union([z.string().regex(/^(stuns?|turns?):/), z.array(z.string().regex(/^(stuns?|turns?):/)).min(1)]),
  username: z.string().optional(),
  credential: z.string().optional(),
}).strict()).max(10);

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.string().regex(/^postgres(?:ql)?:\/\/\S+$/, 'must be a PostgreSQL URL, postgres://user@host:5432/database').optional(),
  JOBCAST_DATA_DIR: z.string().min(1).default('./data'),
  JOBCAST_DEMO_DATA: z.enum(['auto', 'off']).default('auto'),
  JOBCAST_DEMO_SEED: z.coerce.number().int().default(20260101),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  COOKIE_SECURE: booleanFromEnv.default(false),
  PUBLIC_URL: z.string().url().optional(),
  // Pipeline: trust signals shown to seekers need this many cases; how often due 7-day checks are announced (0: never).
  TRUST_SIGNAL_MIN_SAMPLE: z.coerce.number().int().min(1).max(1000).default(5),
  PIPELINE_SWEEP_SECONDS: z.coerce.number().int().min(0).max(86400).default(300),
  // Live rooms (media server, realtime).
  MEDIA_MODE: z.enum(['embedded', 'external']).default('embedded'),
  RTMP_PORT: z.coerce.number().int().min(0).max(65535).default(1935),
  MEDIA_HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  MEDIA_BIND: z.string().min(1).default('0.0.0.0'),
  MEDIA_RTMP_URL: z.string().regex(/^rtmps?:\/\//, 'must start with rtmp:// or rtmps://').optional(),
  MEDIA_FLV_URL_TEMPLATE: z.string().includes('{sessionId}', { message: 'must contain {sessionId}' }).optional(),
  // MEDIA_MODE=external: nginx-rtmp's control module (rtmp_control), e.g. http://127.0.0.1:8080/control. When set, an
  // ended session's publisher is dropped there (结束直播 stops the encoder, as in embedded mode).
  MEDIA_CONTROL_URL: z.string().url().optional(),
  // MEDIA_MODE=external: nginx-rtmp's record_path, readable by the app nodes (the same machine or shared storage).
  // When set, on_record_done turns each recording into the session's replay (FLV moved in, MP4 remux with ffmpeg).
  MEDIA_RECORD_DIR: z.string().min(1).optional(),
  // Where replays are kept (default <JOBCAST_DATA_DIR>/media). Several app nodes share one folder, so that any node
  // serves any replay, whichever node stored it.
  MEDIA_REPLAY_DIR: z.string().min(1).optional(),
  MEDIA_HLS_URL_TEMPLATE: z.string().includes('{sessionId}', { message: 'must contain {sessionId}' }).optional(),
  MEDIA_HLS: z.enum(['auto', 'off']).default('auto'),
  // Playback tokens: the app signs each viewer's live playback URL (HMAC-SHA256); the media side checks it. Set the
  // same MEDIA_PLAY_SECRET on every node (and for the nginx on_play callback); unset, each process draws its own.
  MEDIA_PLAY_SECRET: z.string().min(16).optional(),
  MEDIA_PLAY_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(7 * 86400).default(6 * 3600),
  // A player (HTTP-FLV, WS-FLV, RTMP play) that has received nothing for this long is closed.
  MEDIA_IDLE_PLAYER_SECONDS: z.coerce.number().min(1).max(3600).default(30),
  FFMPEG_PATH: z.string().min(1).default('ffmpeg'),
  LIVE_END_GRACE_SECONDS: z.coerce.number().min(0).max(600).default(20),
  // Honest session states: a scheduled session this long past its start without going live shows 主播暂未开播;
  // this long after, it is marked missed (未开播, not counted as held); checked every LIVE_STATE_SWEEP_SECONDS.
  LIVE_LATE_AFTER_MINUTES: z.coerce.number().min(0).max(1440).default(30),
  LIVE_MISSED_AFTER_MINUTES: z.coerce.number().min(1).max(10080).default(180),
  LIVE_STATE_SWEEP_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  // Thumbnails of live streams (a frame with ffmpeg every THUMBNAIL_INTERVAL_SECONDS per room, at most
  // THUMBNAIL_CONCURRENCY ffmpeg processes at once, niced); off: session cards show the cover.
  THUMBNAILS: z.enum(['auto', 'off']).default('auto'),
  THUMBNAIL_INTERVAL_SECONDS: z.coerce.number().min(1).max(600).default(5),
  THUMBNAIL_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  THUMBNAIL_WIDTH: z.coerce.number().int().min(64).max(1080).default(360),
  THUMBNAIL_NICE: z.coerce.number().int().min(0).max(19).default(10),
  CHAT_RATE_LIMIT_COUNT: z.coerce.number().int().min(1).max(1000).default(5),
  CHAT_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().min(1).max(3600).default(10),
  CHAT_FLUSH_MS: z.coerce.number().int().min(0).max(5000).default(200),
  REALTIME_FLUSH_MS: z.coerce.number().int().min(50).max(10000).default(1000),
  // New applications reach the host's lead feed and the room's ticker in batches this often.
  APPLICATION_PUSH_MS: z.coerce.number().int().min(20).max(10000).default(200),
  REDIS_URL: z.string().url().optional(),
  // Abuse limits (server/src/platform/rate-limit.ts): every max multiplied by the scale; "name=max/seconds,…" overrides.
  RATE_LIMIT_SCALE: z.coerce.number().positive().max(1_000_000).default(1),
  RATE_LIMITS: z.string().optional(),
  // The proxies whose X-Forwarded-For is believed (addresses, CIDR ranges, or loopback/linklocal/uniquelocal).
  // Off by default: the client address is the socket's, so nobody can pick their own with a forged header.
  TRUST_PROXY: z
    .string()
    .transform((value, context) => {
      if (['false', 'off', 'no', '0', 'none'].includes(value.trim().toLowerCase())) return [];
      const entries = value.split(',').map((item) => item.trim()).filter(Boolean);
      for (const entry of entries) {
        if (!TRUSTED_PROXY_ENTRY.test(entry)) {
          context.addIssue({ code: 'custom', message: `"${entry}" is not a proxy address, CIDR range or loopback/linklocal/uniquelocal (name the proxies; "true" is not allowed)` });
          return z.NEVER;
        }
      }
      return entries;
    })
    .optional(),
  // Origins besides PUBLIC_URL's that may send state-changing requests and open sockets (comma-separated).
  ALLOWED_ORIGINS: z
    .string()
    .transform((value, context) => {
      const origins: string[] = [];
      for (const entry of value.split(',').map((item) => item.trim()).filter(Boolean)) {
        try {
          const url = new URL(entry);
          if (url.origin === 'null') throw new Error('opaque');
          origins.push(url.origin);
        } catch {
          context.addIssue({ code: 'custom', message: `"${entry}" is not an origin such as https://jobs.example.cn` });
          return z.NEVER;
        }
      }
      return origins;
    })
    .optional(),
  // Analytics: the China map (GeoJSON of provinces). A map shown to the public in China needs an approved
  // base map (审图号): point this at the approved file. Chromium prints the report to PDF.
  ANALYTICS_MAP_GEOJSON: z.string().min(1).optional(),
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  // 远程面试 (WebRTC between the two browsers): STUN/TURN servers as JSON, e.g.
  // [{"urls":"turn:turn.example.cn:3478","username":"jobcast","credential":"…"}] (coturn: README). Empty: direct only.
  // relay: every interview goes through TURN (networks where direct paths must not be tried; also the TURN test).
  ICE_TRANSPORT_POLICY: z.enum(['all', 'relay']).default('all'),
  // Webhooks (docs/INTEGRATIONS.md): each delivery waits this long for an answer; retries back off from BASE,
  // doubling up to MAX, for RETRY_FOR_SECONDS (24 h), then the delivery is marked failed. The worker looks for due
  // deliveries every POLL_MS. Private and loopback targets are refused unless ALLOW_PRIVATE_TARGETS (tests, local
  // development; docs/SECURITY.md). ENCRYPTION_KEY (32 bytes, hex or base64) encrypts the signing secrets at rest.
  WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(60).default(10),
  WEBHOOK_RETRY_BASE_SECONDS: z.coerce.number().min(0.01).max(3600).default(10),
  WEBHOOK_RETRY_MAX_SECONDS: z.coerce.number().min(0.01).max(86400).default(3600),
  WEBHOOK_RETRY_FOR_SECONDS: z.coerce.number().min(1).max(7 * 86400).default(86400),
  WEBHOOK_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  WEBHOOK_ALLOW_PRIVATE_TARGETS: booleanFromEnv.default(false),
  WEBHOOK_ENCRYPTION_KEY: z.string().optional().transform((value, context) => {
    if (value === undefined) return null;
    const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
    if (key.length !== 32) {
      context.addIssue({ code: 'custom', message: 'must be 32 bytes, as 64 hex characters or base64 (openssl rand -hex 32)' });
      return z.NEVER;
    }
    return key;
  }),
  ICE_SERVERS: z.string().default('[]').transform((value, context) => {
    try {
      const parsed = iceServersSchema.parse(JSON.parse(value));
      return parsed;
    } catch {
      context.addIssue({ code: 'custom', message: 'must be a JSON array of {"urls", "username"?, "credential"?}' });
      return z.NEVER;
    }
  }),
  // Sign-in codes by SMS: `log` writes the code to the server log (development, demo); `aliyun` sends it
  // through Alibaba Cloud SMS (dysmsapi SendSms) with a template whose variable is ${code}.
  SMS_PROVIDER: z.enum(['log', 'aliyun']).default('log'),
  ALIYUN_SMS_ACCESS_KEY_ID: z.string().min(1).optional(),
  ALIYUN_SMS_ACCESS_KEY_SECRET: z.string().min(1).optional(),
  ALIYUN_SMS_SIGN_NAME: z.string().min(1).optional(),
  ALIYUN_SMS_TEMPLATE_CODE: z.string().min(1).optional(),
  ALIYUN_SMS_ENDPOINT: z.string().url().default('https://dysmsapi.aliyuncs.com/'),
  ALIYUN_SMS_REGION_ID: z.string().min(1).default('cn-hangzhou'),
  // Email (the confirmation link of an email given at sign-up): `log` writes it to the server log; `smtp` sends
  // through SMTP_URL (e.g. smtps://user:password@smtp.example.com:465) from MAIL_FROM.
  MAIL_PROVIDER: z.enum(['log', 'smtp']).default('log'),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).optional(),
  PHONE_CODE_DAILY_LIMIT_PER_PHONE: z.coerce.number().int().min(1).max(1000).default(10),
  PHONE_CODE_DAILY_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).max(100000).default(50),
}).superRefine((values, context) => {
  if (values.MAIL_PROVIDER === 'smtp') {
    for (const name of ['SMTP_URL', 'MAIL_FROM'] as const) {
      if (!values[name]) context.addIssue({ code: 'custom', path: [name], message: 'is required when MAIL_PROVIDER=smtp' });
    }
  }
  if (values.SMS_PROVIDER !== 'aliyun') return;
  for (const name of ['ALIYUN_SMS_ACCESS_KEY_ID', 'ALIYUN_SMS_ACCESS_KEY_SECRET', 'ALIYUN_SMS_SIGN_NAME', 'ALIYUN_SMS_TEMPLATE_CODE'] as const) {
    if (!values[name]) context.addIssue({ code: 'custom', path: [name], message: 'is required when SMS_PROVIDER=aliyun' });
  }
});

/**
 * Connections the kernel holds for the server while its event loop is busy: a 报名 burst opens thousands
 * within seconds, and past Node's default of 511 Linux drops or resets them (the seekers see a failed tap).
 * Linux caps it at net.core.somaxconn (4096 on current kernels).
 */
export const LISTEN_BACKLOG = 8192;

export type Config = {
  /** 远程面试's WebRTC ICE servers (ICE_SERVERS). */
  iceServers: Array<{ urls: string | string[]; username?: string; credential?: string }>;
  iceTransportPolicy: 'all' | 'relay';
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  dataDir: string;
  demoData: 'auto' | 'off';
  demoSeed: number;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  cookieSecure: boolean;
  publicUrl: string;
  pipeline: { trustSignalMinSample: number; sweepSeconds: number };
  media: {
    mode: 'embedded' | 'external';
    rtmpPort: number;
    httpPort: number;
    bind: string;
    /** OBS "server" override; by default rtmp://<PUBLIC_URL host>:<RTMP_PORT>/live. */
    rtmpUrl: string | null;
    /** Playback URL templates with {sessionId}; embedded defaults use the media HTTP port. */
    flvUrlTemplate: string | null;
    /** nginx-rtmp's control module (external mode): where an ended session's publisher is dropped. */
    controlUrl: string | null;
    /** nginx-rtmp's record_path (external mode): its finished recordings become replays (on_record_done). */
    externalRecordDir: string | null;
    hlsUrlTemplate: string | null;
    hls: 'auto' | 'off';
    /** Signs playback tokens; random per process unless MEDIA_PLAY_SECRET is set. */
    playSecret: string;
    playTokenTtlSeconds: number;
    idlePlayerMs: number;
    ffmpegPath: string;
    endGraceMs: number;
    recordingsDir: string;
    thumbnails: { mode: 'auto' | 'off'; intervalMs: number; concurrency: number; width: number; nice: number; dir: string };
  };
  live: {
    chatRateLimit: { count: number; windowMs: number };
    chatFlushMs: number;
    realtimeFlushMs: number;
    applicationPushMs: number;
    lateAfterMs: number;
    missedAfterMs: number;
    stateSweepMs: number;
  };
  redisUrl: string | null;
  /** Abuse limits by name (rate-limit.ts). */
  rateLimits: LimitRules;
  /** Proxies whose X-Forwarded-For is trusted; false: none (the socket's address is the client's). */
  trustProxy: false | string[];
  /** Origins allowed to change state and open sockets: PUBLIC_URL's plus ALLOWED_ORIGINS. */
  allowedOrigins: string[];
  analytics: { mapGeoJsonPath: string };
  chromiumPath: string;
  sms: {
    provider: 'log' | 'aliyun';
    aliyun: { accessKeyId: string; accessKeySecret: string; signName: string; templateCode: string; endpoint: string; regionId: string } | null;
  };
  phoneCodes: { dailyLimitPerPhone: number; dailyLimitPerAddress: number };
  mail: { provider: 'log' | 'smtp'; smtp: { url: string; from: string } | null };
  webhooks: { timeoutMs: number; retryBaseMs: number; retryMaxMs: number; retryForSeconds: number; pollMs: number; allowPrivateTargets: boolean; encryptionKey: Buffer | null };
};

export class ConfigError extends Error {}

/** Parses the environment once; every problem is listed, and nothing else reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // A variable set to nothing (`PORT= npm start`, an empty line in a .env file) means "not set".
  const parsed = configSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const values = parsed.data;
  const limits = parseLimitRules(values.RATE_LIMIT_SCALE, values.RATE_LIMITS);
  if (limits.problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n${limits.problems.map((problem) => `  RATE_LIMITS: ${problem}`).join('\n')}`);
  }
  // Chat keeps its own variables (CHAT_RATE_LIMIT_*, not scaled) unless RATE_LIMITS names chat.
  if (!/(^|,)\s*chat=/.test(values.RATE_LIMITS ?? '')) {
    limits.rules.chat = { max: values.CHAT_RATE_LIMIT_COUNT, windowMs: Math.round(values.CHAT_RATE_LIMIT_WINDOW_SECONDS * 1000), growing: false };
  }
  const publicUrl = values.PUBLIC_URL ?? `http://localhost:${values.PORT}`;
  const dataDir = path.resolve(values.JOBCAST_DATA_DIR);
  return {
    iceServers: values.ICE_SERVERS,
    iceTransportPolicy: values.ICE_TRANSPORT_POLICY,
    port: values.PORT,
    host: values.HOST,
    database: values.DATABASE_URL
      ? { kind: 'postgres', url: values.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'pg') },
    dataDir,
    demoData: values.JOBCAST_DEMO_DATA,
    demoSeed: values.JOBCAST_DEMO_SEED,
    logLevel: values.LOG_LEVEL,
    cookieSecure: values.COOKIE_SECURE,
    publicUrl,
    pipeline: { trustSignalMinSample: values.TRUST_SIGNAL_MIN_SAMPLE, sweepSeconds: values.PIPELINE_SWEEP_SECONDS },
    media: {
      mode: values.MEDIA_MODE,
      rtmpPort: values.RTMP_PORT,
      httpPort: values.MEDIA_HTTP_PORT,
      bind: values.MEDIA_BIND,
      rtmpUrl: values.MEDIA_RTMP_URL ?? null,
      flvUrlTemplate: values.MEDIA_FLV_URL_TEMPLATE ?? null,
      controlUrl: values.MEDIA_CONTROL_URL ? values.MEDIA_CONTROL_URL.replace(/\/+$/, '') : null,
      externalRecordDir: values.MEDIA_RECORD_DIR ? path.resolve(values.MEDIA_RECORD_DIR) : null,
      hlsUrlTemplate: values.MEDIA_HLS_URL_TEMPLATE ?? null,
      hls: values.MEDIA_HLS,
      playSecret: values.MEDIA_PLAY_SECRET ?? randomBytes(32).toString('hex'),
      playTokenTtlSeconds: values.MEDIA_PLAY_TOKEN_TTL_SECONDS,
      idlePlayerMs: Math.round(values.MEDIA_IDLE_PLAYER_SECONDS * 1000),
      ffmpegPath: values.FFMPEG_PATH,
      endGraceMs: Math.round(values.LIVE_END_GRACE_SECONDS * 1000),
      recordingsDir: values.MEDIA_REPLAY_DIR ? path.resolve(values.MEDIA_REPLAY_DIR) : path.join(dataDir, 'media'),
      thumbnails: {
        mode: values.THUMBNAILS,
        intervalMs: Math.round(values.THUMBNAIL_INTERVAL_SECONDS * 1000),
        concurrency: values.THUMBNAIL_CONCURRENCY,
        width: values.THUMBNAIL_WIDTH,
        nice: values.THUMBNAIL_NICE,
        dir: path.join(dataDir, 'media', 'thumbnails'),
      },
    },
    live: {
      chatRateLimit: { count: limits.rules.chat.max, windowMs: limits.rules.chat.windowMs },
      chatFlushMs: values.CHAT_FLUSH_MS,
      realtimeFlushMs: values.REALTIME_FLUSH_MS,
      applicationPushMs: values.APPLICATION_PUSH_MS,
      lateAfterMs: Math.round(values.LIVE_LATE_AFTER_MINUTES * 60_000),
      missedAfterMs: Math.round(values.LIVE_MISSED_AFTER_MINUTES * 60_000),
      stateSweepMs: values.LIVE_STATE_SWEEP_SECONDS * 1000,
    },
    redisUrl: values.REDIS_URL ?? null,
    rateLimits: limits.rules,
    trustProxy: values.TRUST_PROXY && values.TRUST_PROXY.length > 0 ? values.TRUST_PROXY : false,
    allowedOrigins: [...new Set([new URL(publicUrl).origin, ...(values.ALLOWED_ORIGINS ?? [])])],
    analytics: { mapGeoJsonPath: path.resolve(values.ANALYTICS_MAP_GEOJSON ?? path.join(PROJECT_ROOT, 'reference/geo/china-provinces.geojson')) },
    chromiumPath: values.CHROMIUM_PATH,
    mail: {
      provider: values.MAIL_PROVIDER,
      smtp: values.MAIL_PROVIDER === 'smtp' ? { url: values.SMTP_URL!, from: values.MAIL_FROM! } : null,
    },
    sms: {
      provider: values.SMS_PROVIDER,
      aliyun: values.SMS_PROVIDER === 'aliyun'
        ? {
            accessKeyId: values.ALIYUN_SMS_ACCESS_KEY_ID!,
            accessKeySecret: values.ALIYUN_SMS_ACCESS_KEY_SECRET!,
            signName: values.ALIYUN_SMS_SIGN_NAME!,
            templateCode: values.ALIYUN_SMS_TEMPLATE_CODE!,
            endpoint: values.ALIYUN_SMS_ENDPOINT,
            regionId: values.ALIYUN_SMS_REGION_ID,
          }
        : null,
    },
    webhooks: {
      timeoutMs: Math.round(values.WEBHOOK_TIMEOUT_SECONDS * 1000),
      retryBaseMs: Math.round(values.WEBHOOK_RETRY_BASE_SECONDS * 1000),
      retryMaxMs: Math.round(values.WEBHOOK_RETRY_MAX_SECONDS * 1000),
      retryForSeconds: values.WEBHOOK_RETRY_FOR_SECONDS,
      pollMs: values.WEBHOOK_POLL_MS,
      allowPrivateTargets: values.WEBHOOK_ALLOW_PRIVATE_TARGETS,
      encryptionKey: values.WEBHOOK_ENCRYPTION_KEY,
    },
    phoneCodes: { dailyLimitPerPhone: values.PHONE_CODE_DAILY_LIMIT_PER_PHONE, dailyLimitPerAddress: values.PHONE_CODE_DAILY_LIMIT_PER_ADDRESS },
  };
}
