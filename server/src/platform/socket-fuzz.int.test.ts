import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ZodObject } from 'zod';
import { readConversationPayload, sendMessagePayload } from '../../../contracts/conversations.js';
import { endInterviewPayload, interviewRoomPath, interviewSignalPayload, joinInterviewPayload, leaveInterviewPayload } from '../../../contracts/interviews.js';
import {
  deleteMessagePayload,
  joinSessionPayload,
  leaveSessionPayload,
  liftRestrictionPayload,
  likePayload,
  openJobCardPayload,
  pinJobPayload,
  restrictUserPayload,
  sendChatPayload,
  type ClientToServerEvents,
} from '../../../contracts/live.js';
import { raiseHandPayload, stageEndPayload, stageInvitePayload, stageListPayload, stageRespondPayload, stageSignalPayload } from '../../../contracts/stage.js';
import { buildCompany, buildJob, buildUser } from '../test/factories.js';
import { buildLiveSession, startLiveTestServer, type LiveClient } from '../test/live-helpers.js';
import { buildSeeker, sessionCookie } from '../test/pipeline-factories.js';

/**
 * The socket fuzz sweep (issue 10): every client → server event of the contract, as a seeker, a host, an
 * employer and a guest, over real Socket.IO connections to the real server and database, with malformed,
 * oversized, wrongly typed and hostile payloads and every way of passing (or not passing) the
 * acknowledgement. What must hold: the server never throws or drops the connection, a refused payload is
 * answered with a validation error (never silence, never `internal`), and nothing is stored from it.
 *
 * The runs are random (fast-check; a failure prints its seed and the smallest payload that fails), plus a fixed
 * set of examples per event so every kind of hostile value is sent on every run. SOCKET_FUZZ_RUNS raises
 * the random runs per event and role (default 15).
 */
const RUNS = Number(process.env.SOCKET_FUZZ_RUNS ?? 15);
const ACK_TIMEOUT_MS = 5_000;

type EventName = keyof ClientToServerEvents;
type Ids = {
  sessionId: string;
  jobId: string;
  victimId: string;
  chatMessageId: string;
  conversationId: number;
  conversationMessageId: number;
  applicationId: number;
  /** The employer's socket, in the interview room with the seeker (a signal's addressee). */
  employerSocketId: string;
  /** The seeker (a 连麦 guest) and the host's socket (the guest's signals go to it). */
  seekerId: string;
  hostSocketId: string;
};
type RoleName = 'seeker' | 'host' | 'employer' | 'guest';
/** `allowed`: a role whose unchanged payload is accepted (the control: a refusal in the sweep comes from the hostile part). */
type EventSpec = { schema: ZodObject; allowed: RoleName; valid: (ids: Ids) => Record<string, unknown> };

/** Every event, its contract schema and a payload that would be accepted (the base each hostile value replaces a part of). */
const EVENTS = {
  'session:join': { allowed: 'guest', schema: joinSessionPayload, valid: (ids) => ({ sessionId: ids.sessionId }) },
  'session:leave': { allowed: 'guest', schema: leaveSessionPayload, valid: (ids) => ({ sessionId: ids.sessionId }) },
  'chat:send': { allowed: 'seeker', schema: sendChatPayload, valid: (ids) => ({ sessionId: ids.sessionId, text: '这个岗位包住吗' }) },
  'like': { allowed: 'seeker', schema: likePayload, valid: (ids) => ({ sessionId: ids.sessionId, count: 3 }) },
  'job:open': { allowed: 'seeker', schema: openJobCardPayload, valid: (ids) => ({ sessionId: ids.sessionId, jobId: ids.jobId }) },
  'host:pin': { allowed: 'host', schema: pinJobPayload, valid: (ids) => ({ sessionId: ids.sessionId, jobId: ids.jobId }) },
  'host:delete-message': { allowed: 'host', schema: deleteMessagePayload, valid: (ids) => ({ sessionId: ids.sessionId, messageId: ids.chatMessageId }) },
  'host:mute': { allowed: 'host', schema: restrictUserPayload, valid: (ids) => ({ sessionId: ids.sessionId, userId: ids.victimId, minutes: 5, reason: '刷屏' }) },
  'host:ban': { allowed: 'host', schema: restrictUserPayload, valid: (ids) => ({ sessionId: ids.sessionId, userId: ids.victimId, reason: '发广告' }) },
  'host:lift': { allowed: 'host', schema: liftRestrictionPayload, valid: (ids) => ({ sessionId: ids.sessionId, userId: ids.victimId, kind: 'mute' }) },
  'conversation:send': { allowed: 'seeker', schema: sendMessagePayload, valid: (ids) => ({ conversationId: ids.conversationId, body: '宿舍几人间？', clientKey: 'fuzz-client-key' }) },
  'conversation:read': { allowed: 'employer', schema: readConversationPayload, valid: (ids) => ({ conversationId: ids.conversationId, messageId: ids.conversationMessageId }) },
  'interview:join': { allowed: 'seeker', schema: joinInterviewPayload, valid: (ids) => ({ applicationId: ids.applicationId }) },
  'interview:signal': { allowed: 'seeker', schema: interviewSignalPayload, valid: (ids) => ({ applicationId: ids.applicationId, to: ids.employerSocketId, data: { type: 'offer', sdp: 'v=0' } }) },
  'interview:leave': { allowed: 'seeker', schema: leaveInterviewPayload, valid: (ids) => ({ applicationId: ids.applicationId }) },
  'stage:hand': { allowed: 'seeker', schema: raiseHandPayload, valid: (ids) => ({ sessionId: ids.sessionId, isRaised: true }) },
  'stage:list': { allowed: 'host', schema: stageListPayload, valid: (ids) => ({ sessionId: ids.sessionId }) },
  'stage:invite': { allowed: 'host', schema: stageInvitePayload, valid: (ids) => ({ sessionId: ids.sessionId, userId: ids.seekerId }) },
  'stage:respond': { allowed: 'seeker', schema: stageRespondPayload, valid: (ids) => ({ sessionId: ids.sessionId, accept: true }) },
  'stage:signal': { allowed: 'seeker', schema: stageSignalPayload, valid: (ids) => ({ sessionId: ids.sessionId, to: ids.hostSocketId, data: { type: 'offer', sdp: 'v=0' } }) },
  'stage:end': { allowed: 'host', schema: stageEndPayload, valid: (ids) => ({ sessionId: ids.sessionId }) },
  // Last: the control ends the call and empties the room.
  'interview:end': { allowed: 'employer', schema: endInterviewPayload, valid: (ids) => ({ applicationId: ids.applicationId }) },
} satisfies Record<EventName, EventSpec> as Record<EventName, EventSpec>;

/**
 * The events the contract declares, read from its source with the TypeScript checker at test time (the
 * intersection with the conversations' events included): an event added there without a line in EVENTS fails.
 * Only contracts/ is loaded (no libraries, no imports followed): the names of the properties are all we need.
 */
function contractEventNames(): string[] {
  const folder = fileURLToPath(new URL('../../../contracts/', import.meta.url));
  const files = readdirSync(folder).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).map((name) => join(folder, name));
  const program = ts.createProgram(files, { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, noResolve: true, noLib: true, types: [], noEmit: true });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(join(folder, 'live.ts'))!)!;
  const declared = checker.getExportsOfModule(module).find((symbol) => symbol.name === 'ClientToServerEvents');
  if (!declared) throw new Error('ClientToServerEvents is not exported by contracts/live.ts');
  return checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(declared)).map((property) => property.name).sort();
}

// ---------------------------------------------------------------- hostile values

/** Written here, not imported from the text helper, so that a helper that lets one through fails this test. */
const HOSTILE_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL_SAMPLES = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000B', '\u001B', '\u007F', '\u0085', '\u009F', '\u202E', '\u2066', '\uD800', '\uDFFF'];
const hostileText = fc.tuple(fc.string({ maxLength: 12 }), fc.constantFrom(...CONTROL_SAMPLES), fc.string({ maxLength: 12 })).map(([before, control, after]) => `${before}${control}${after}`);
/** Longer than any field allows, yet under the 16 KiB frame limit (a larger frame closes the connection: see below). */
const hugeText = fc.oneof(
  fc.integer({ min: 2_001, max: 12_000 }).map((length) => 'x'.repeat(length)),
  fc.integer({ min: 2_001, max: 4_000 }).map((length) => '招'.repeat(length)),
  fc.integer({ min: 1_001, max: 2_500 }).map((length) => '😀'.repeat(length)),
);
const binary = fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes));
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(-1, 0, 2 ** 53, Number.MAX_VALUE, 1e-9),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  fc.string({ maxLength: 40 }),
  binary,
);
const hostileValue = fc.oneof(hostileText, hugeText, wrongType);
const deeplyNested = fc.integer({ min: 50, max: 400 }).map((depth) => Array.from({ length: depth }).reduce<unknown>((inner) => [inner], 'x'));

type PayloadCase = { kind: string; payload: unknown };

function payloadCases(base: Record<string, unknown>, schema: ZodObject): fc.Arbitrary<PayloadCase> {
  const fields = [...new Set([...Object.keys(base), ...Object.keys(schema.shape)])];
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ field: fc.constantFrom(...fields), value: hostileValue }).map(({ field, value }) => ({ kind: `${field} ← hostile`, payload: { ...base, [field]: value } })) },
    { weight: 1, arbitrary: fc.subarray(fields, { minLength: 1 }).map((missing) => ({ kind: `missing ${missing.join(', ')}`, payload: Object.fromEntries(Object.entries(base).filter(([key]) => !missing.includes(key))) })) },
    {
      weight: 2,
      arbitrary: fc
        // No huge values here: three of them would pass the frame limit, which closes the connection by design.
      .dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString')), fc.oneof(hostileText, wrongType, deeplyNested), { minKeys: 1, maxKeys: 3 })
        .map((extra) => ({ kind: 'extra fields', payload: { ...base, ...extra } })),
    },
    { weight: 1, arbitrary: fc.oneof(fc.jsonValue({ maxDepth: 3 }), binary, deeplyNested, hostileText, fc.constant(undefined)).map((payload) => ({ kind: 'not an object', payload })) },
  );
}

/** How the acknowledgement is passed: last (as the client library does), not at all, a non-function, only an ack (no payload), or after extra arguments. */
const ACK_FORMS = ['function', 'none', 'not-a-function', 'ack-without-payload', 'extra-arguments'] as const;
type AckForm = (typeof ACK_FORMS)[number];

/** True when a field of the contract (not an extra one, which is dropped) holds a hostile character. */
function holdsHostileText(payload: unknown, schema: ZodObject): boolean {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload) || Buffer.isBuffer(payload)) return false;
  const deep = (value: unknown): boolean =>
    typeof value === 'string' ? HOSTILE_CHARACTER.test(value) : typeof value === 'object' && value !== null ? Object.values(value).some(deep) : false;
  return Object.keys(schema.shape).some((key) => Object.hasOwn(payload, key) && deep((payload as Record<string, unknown>)[key]));
}

// ---------------------------------------------------------------- the sweep

type Server = Awaited<ReturnType<typeof startLiveTestServer>>;
const ROLES: RoleName[] = ['seeker', 'host', 'employer', 'guest'];

describe('socket fuzz: every client event, every role, hostile payloads', () => {
  let server: Server;
  let ids: Ids;
  const cookies = {} as Record<RoleName, string | undefined>;
  const clients = {} as Record<RoleName, LiveClient>;
  const disconnects: string[] = [];
  const tally = new Map<EventName, { runs: number; refused: number }>();
  let logErrors: { mock: { calls: unknown[][] }; mockRestore(): void };

  const rawEmit = (socket: LiveClient, event: string, ...args: unknown[]) => (socket.emit as unknown as (...all: unknown[]) => void).apply(socket, [event, ...args]);

  /** What the events can store: rows and the mutable columns they touch. */
  async function storedState() {
    const [row] = await server.context.db.query<Record<string, string>>(
      `select (select count(*) from live_chat_messages)::text as chat_messages,
              (select count(*) from live_chat_messages where deleted_at is not null)::text as chat_deleted,
              (select count(*) from live_job_card_opens)::text as card_opens,
              (select count(*) from live_session_viewers)::text as viewers,
              (select string_agg(session_id::text || user_id::text || kind || coalesce(until::text, '') || reason, ',' order by session_id::text, user_id::text, kind) from live_session_restrictions) as restrictions,
              (select string_agg(id::text || ':' || like_count || ':' || coalesce(pinned_job_id::text, '-'), ',' order by id) from live_sessions) as sessions,
              (select count(*) from conversation_messages)::text as conversation_messages,
              (select string_agg(id || ':' || seeker_last_read_id || ':' || counterpart_last_read_id, ',' order by id) from conversations) as reads,
              (select count(*) from notifications)::text as notifications,
              (select string_agg(id || ':' || coalesce(ended_at::text, '-') || ':' || participants::text, ',' order by id) from video_interviews) as video_interviews,
              (select string_agg(id || ':' || status || ':' || coalesce(ended_at::text, '-'), ',' order by id) from stage_guests) as stage_guests`,
    );
    return row;
  }

  /** Settles every write in flight (chat batches, counters, card opens) so a snapshot sees what the last event did. */
  async function settle(socket: LiveClient) {
    // Events of one socket are handled in order: once this refused join is answered, the events before it have run.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('barrier: no answer')), ACK_TIMEOUT_MS);
      rawEmit(socket, 'session:join', {}, () => {
        clearTimeout(timer);
        resolve();
      });
    });
    await Promise.all([server.runtime.liveRealtime.flush(), server.runtime.conversationsRealtime.flush(), server.runtime.interviewsRealtime.flush(), server.runtime.stageRealtime.flush()]);
  }

  function emitWithForm(socket: LiveClient, event: EventName, payload: unknown, form: AckForm): Promise<unknown> | null {
    const withAck = (send: (ack: (result: unknown) => void) => void) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${event}: no acknowledgement within ${ACK_TIMEOUT_MS} ms (${form})`)), ACK_TIMEOUT_MS);
        send((result) => {
          clearTimeout(timer);
          resolve(result);
        });
      });
    switch (form) {
      case 'function':
        return withAck((ack) => rawEmit(socket, event, payload, ack));
      case 'ack-without-payload':
        return withAck((ack) => rawEmit(socket, event, ack));
      case 'extra-arguments':
        return withAck((ack) => rawEmit(socket, event, payload, 'extra', { more: '\u0000' }, ack));
      case 'not-a-function':
        rawEmit(socket, event, payload, { callback: 'not a function' });
        return null;
      case 'none':
        rawEmit(socket, event, payload);
        return null;
    }
  }

  beforeAll(async () => {
    server = await startLiveTestServer();
    const { context } = server;
    logErrors = vi.spyOn(server.app.log, 'error');
    const { host, employer, jobA, session } = await buildLiveSession(context);
    // On air: 连麦 is only possible while live.
    await context.live.handlePublishStarted(session.id);
    const seeker = await buildSeeker(context, { name: '模糊测试' });
    const victim = await buildUser(context, { role: 'seeker' });
    for (const [role, user] of [['seeker', seeker], ['host', host], ['employer', employer]] as const) {
      cookies[role] = `jobcast_session=${(await sessionCookie(context, user.id)).jobcast_session}`;
    }
    cookies.guest = undefined;
    for (const role of ROLES) {
      clients[role] = await server.connect(cookies[role]);
      clients[role].on('disconnect', (reason) => disconnects.push(`${role}: ${reason}`));
      expect(await clients[role].emitWithAck('session:join', { sessionId: session.id })).toMatchObject({ ok: true });
    }
    const chat = await clients.seeker.emitWithAck('chat:send', { sessionId: session.id, text: '有人吗' });
    if (!chat.ok) throw new Error(`chat refused: ${chat.error.message}`);
    await server.runtime.liveRealtime.flush();
    const inject = (role: RoleName, url: string, payload: unknown) => server.app.inject({ method: 'POST', url, payload: payload as never, headers: { cookie: cookies[role]! } });
    const conversationId = (await inject('seeker', '/api/conversations', { jobId: jobA.id })).json().id as number;
    const message = (await inject('seeker', `/api/conversations/${conversationId}/messages`, { body: '你好' })).json();
    // An application in the interview stage with the platform's room, the seeker and the employer in it.
    const applied = await inject('seeker', '/api/applications', { jobId: jobA.id, idempotencyKey: 'fuzz-apply-0001' });
    const applicationId = applied.json().id as number;
    expect(applicationId, applied.body).toEqual(expect.any(Number));
    const scheduled = await inject('employer', `/api/employer/applications/${applicationId}/transitions`, { action: 'schedule_interview', interviewAt: new Date(Date.now() + 3600_000).toISOString(), videoUrl: interviewRoomPath(applicationId) });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    for (const role of ['seeker', 'employer'] as const) expect(await clients[role].emitWithAck('interview:join', { applicationId })).toMatchObject({ ok: true });
    ids = { sessionId: session.id, jobId: jobA.id, victimId: victim.id, chatMessageId: chat.data.message.id, conversationId, conversationMessageId: message.id ?? message.message?.id, applicationId, employerSocketId: clients.employer.id!, seekerId: seeker.id, hostSocketId: clients.host.id! };
    expect(ids.conversationMessageId).toEqual(expect.any(Number));
    // A company outside the session, so the employer's socket is not its manager.
    await buildJob(context, (await buildCompany(context)).employer);
  });
  afterAll(async () => {
    // The figures docs/SECURITY.md quotes.
    console.info(`socket fuzz: ${[...tally].map(([event, counts]) => `${event} ${counts.runs} runs (${counts.refused} refused)`).join(', ')}`);
    logErrors?.mockRestore();
    await server?.close();
  });

  it('covers exactly the events of the contract, and the server handles exactly those', async () => {
    const declared = contractEventNames();
    expect(declared.length).toBeGreaterThanOrEqual(12);
    expect(Object.keys(EVENTS).sort()).toEqual(declared);
    // What the server registered on a connected socket (Socket.IO's own events aside).
    const [serverSocket] = [...server.runtime.io.of('/').sockets.values()];
    const handled = serverSocket!.eventNames().map(String).filter((name) => !['disconnect', 'disconnecting', 'error'].includes(name)).sort();
    expect([...new Set(handled)]).toEqual(declared);
  }, 60_000);

  it.each(Object.keys(EVENTS) as EventName[])('%s: refused with a validation error, nothing stored, nobody dropped', async (event) => {
    const spec = EVENTS[event];
    const base = spec.valid(ids);
    const firstText = Object.keys(base).find((key) => typeof base[key] === 'string') ?? Object.keys(base)[0]!;
    const examples: Array<[PayloadCase, AckForm]> = [
      [{ kind: 'NUL', payload: { ...base, [firstText]: `a\u0000b` } }, 'function'],
      [{ kind: 'control characters', payload: { ...base, [firstText]: `\u001b[31m\u0007\u202e` } }, 'extra-arguments'],
      [{ kind: 'huge', payload: { ...base, [firstText]: 'x'.repeat(12_000) } }, 'none'],
      [{ kind: 'wrong type', payload: { ...base, [firstText]: { nested: ['\u0000'] } } }, 'not-a-function'],
      [{ kind: 'empty', payload: {} }, 'function'],
      [{ kind: 'no payload', payload: undefined }, 'ack-without-payload'],
      [{ kind: 'extra fields', payload: { ...base, ['__proto__']: { isAdmin: true }, extra: 'a\u0000b' } }, 'function'],
      [{ kind: 'binary', payload: Buffer.from([0, 1, 2]) }, 'function'],
    ];
    // The control: unchanged, the payload is accepted from the role allowed to send it.
    // 连麦's controls need a raised hand (an invitation) and a fresh invitation (an answer) first.
    if (event === 'stage:invite' || event === 'stage:respond') {
      await clients.host.emitWithAck('stage:end', { sessionId: ids.sessionId });
      expect(await clients.seeker.emitWithAck('stage:hand', { sessionId: ids.sessionId, isRaised: true })).toMatchObject({ ok: true });
      if (event === 'stage:respond') expect(await clients.host.emitWithAck('stage:invite', { sessionId: ids.sessionId, userId: ids.seekerId })).toMatchObject({ ok: true });
    }
    const control = await emitWithForm(clients[spec.allowed], event, base, 'function');
    expect(control, `${event} as ${spec.allowed}`).toMatchObject({ ok: true });
    if (event === 'session:leave') await clients[spec.allowed].emitWithAck('session:join', { sessionId: ids.sessionId });
    if (event === 'interview:leave') await clients[spec.allowed].emitWithAck('interview:join', { applicationId: ids.applicationId });
    const counts = { runs: 0, refused: 0 };
    tally.set(event, counts);
    for (const role of ROLES) {
      const socket = clients[role];
      await fc.assert(
        fc.asyncProperty(payloadCases(base, spec.schema), fc.constantFrom(...ACK_FORMS), async ({ kind, payload }, form) => {
          const isRefused = form === 'ack-without-payload' || holdsHostileText(payload, spec.schema) || !spec.schema.safeParse(payload).success;
          counts.runs += 1;
          if (isRefused) counts.refused += 1;
          await settle(socket);
          const before = await storedState();
          const errorsBefore = logErrors.mock.calls.length;
          const answer = await emitWithForm(socket, event, form === 'ack-without-payload' ? undefined : payload, form);
          await settle(socket);
          const context = `${event} as ${role}, ${kind}, ack ${form}`;
          expect(disconnects, context).toEqual([]);
          expect(socket.connected, context).toBe(true);
          expect(logErrors.mock.calls.slice(errorsBefore), context).toEqual([]);
          if (answer !== null) {
            expect(answer, context).toMatchObject({ ok: expect.any(Boolean) });
            const result = answer as { ok: boolean; error?: { code: string; message: string } };
            if (!result.ok) expect(result.error!.code, context).not.toBe('internal');
            if (isRefused) expect(result, context).toMatchObject({ ok: false, error: { code: 'validation_failed', message: expect.any(String) } });
          }
          if (isRefused) expect(await storedState(), context).toEqual(before);
          // A valid leave (extra fields are dropped) leaves the room: join again so the next run reaches as deep.
          if (event === 'session:leave') await socket.emitWithAck('session:join', { sessionId: ids.sessionId });
          if (event === 'interview:leave') await socket.emitWithAck('interview:join', { applicationId: ids.applicationId });
        }),
        // fast-check counts the examples in numRuns: RUNS random payloads come on top of them.
        { numRuns: examples.length + RUNS, examples },
      );
    }
  }, 120_000);

  it('drops only the client whose frame is past the 16 KiB limit; the others and the server go on', async () => {
    const before = await storedState();
    const big = await server.connect(cookies.seeker);
    const closed = new Promise<string>((resolve) => big.once('disconnect', (reason) => resolve(reason)));
    rawEmit(big, 'chat:send', { sessionId: ids.sessionId, text: 'x'.repeat(100_000) }, () => undefined);
    expect(await closed).toBe('transport close');
    await settle(clients.seeker);
    expect(await storedState()).toEqual(before);
    expect(disconnects).toEqual([]);
    expect(await clients.guest.emitWithAck('session:join', { sessionId: ids.sessionId })).toMatchObject({ ok: true });
  });

  it('treats a malformed session cookie in the handshake as no cookie: a guest, never a refused connection', async () => {
    const cookie = fc.oneof(
      fc.constantFrom('jobcast_session=%E0%A4%A', 'jobcast_session=%', 'jobcast_session=%zz', `jobcast_session=${'a'.repeat(4_000)}`, 'jobcast_session', '=;=;;'),
      fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 200 }).map((text) => `jobcast_session=${text}`),
    );
    await fc.assert(
      fc.asyncProperty(cookie, async (header) => {
        const socket = await server.connect(header);
        // A guest may watch but not chat: the refusal says who the server took the socket for.
        const answer = await socket.emitWithAck('chat:send', { sessionId: ids.sessionId, text: '你好' });
        socket.disconnect();
        expect(answer, header).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      }),
      { numRuns: 20 },
    );
  });
});
