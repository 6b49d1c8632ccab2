/**
 * 1:1 conversations under load (issue 8): C concurrent conversations (a seeker and a company each; 20
 * conversations per company), M messages/s for S seconds through the real socket route (`conversation:send`:
 * cookie auth at the handshake, validation, rate limit, the safety checks, the insert, the push after commit)
 * on PostgreSQL. 90 % of messages come from seekers, 10 % from the company's employer, each user well within
 * the per-user limit. Checks: every acknowledged message is stored exactly once (by its client key) and
 * delivered to the other side's socket; prints p50/p99 delivery latency (send → the other side's
 * `conversation:message`) and the server's CPU per message. Same-run baseline: the same number of
 * `conversation:read` acks at the same rate over the same sockets (auth, validation, one small write, a push):
 * the socket + database floor. The server is this process (the real app); both sides run in a forked process
 * (bench/conversations-clients.ts). Loopback only.
 *
 *   npm run bench -- conversations [--conversations 2000] [--rate 200] [--seconds 30]
 *   # BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres): a fresh database, dropped at the end
 */
import { fork } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import argon2 from 'argon2';
import pg from 'pg';
import { createApp, createContext, startLiveRuntime } from '../server/src/app.js';
import { loadConfig } from '../server/src/platform/config.js';
import { openPostgres } from '../server/src/platform/db.js';
import { buildCompany, buildJob } from '../server/src/test/factories.js';
import type { ConversationsCommand, ConversationsReport, PlannedMessage } from './conversations-clients.js';

const { values: options } = parseArgs({
  options: {
    conversations: { type: 'string', default: process.env.BENCH_CONVERSATIONS ?? '2000' },
    rate: { type: 'string', default: process.env.BENCH_RATE ?? '200' },
    seconds: { type: 'string', default: process.env.BENCH_SECONDS ?? '30' },
  },
});
const CONVERSATIONS = Number(options.conversations);
const RATE = Number(options.rate);
const SECONDS = Number(options.seconds);
const PER_COMPANY = 20;
const EMPLOYER_SHARE = 10; // every 10th message is the employer's
const DRAIN_MS = 5000;
const BASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);
const round = (value: number) => Math.round(value * 10) / 10;
const loadAverage = () => os.loadavg().map(round).join(' / ');

async function main() {
  const databaseName = `jobcast_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`create database ${databaseName}`);
  const url = new URL(BASE_URL);
  url.pathname = `/${databaseName}`;
  const db = openPostgres(url.toString(), { maxConnections: 20 });
  const loadBefore = loadAverage();
  const clients = fork(path.join(path.dirname(fileURLToPath(import.meta.url)), 'conversations-clients.ts'), [], { execArgv: ['--import', 'tsx'] });
  try {
    const config = loadConfig({ LOG_LEVEL: 'silent', JOBCAST_DEMO_DATA: 'off', PORT: '0', MEDIA_BIND: '127.0.0.1', DATABASE_URL: url.toString() });
    const context = await createContext(config, { db });

    // Companies (an employer and an open job each) through the factories; seekers, sign-in sessions and the
    // conversations in bulk (seeding goes the raw path; the measured traffic goes through the sockets).
    const companyCount = Math.ceil(CONVERSATIONS / PER_COMPANY);
    const companies: Array<{ companyId: string; jobId: string; employerToken: string }> = [];
    for (let index = 0; index < companyCount; index += 1) {
      const { company, employer } = await buildCompany(context, { name: `压测企业${index}` });
      const job = await buildJob(context, employer, { title: `普工${index}` });
      companies.push({ companyId: company.id, jobId: job.id, employerToken: (await context.auth.startSession(employer.id)).token });
    }
    const passwordHash = await argon2.hash('bench-password');
    const seekerIds = (await db.query<{ id: string }>(
      `insert into users (role, email, password_hash, display_name)
       select 'seeker', 'talk-' || n || '@example.test', $1, '求职者' || n from generate_series(1, $2::int) n order by n returning id`,
      [passwordHash, CONVERSATIONS],
    )).map((row) => row.id);
    await db.query(
      `insert into seeker_profiles (user_id, name, phone, home_city_code)
       select id, '张' || ord, '138' || lpad(ord::text, 8, '0'), '411600' from unnest($1::uuid[]) with ordinality as t(id, ord)`,
      [seekerIds],
    );
    const seekerTokens = seekerIds.map(() => randomBytes(32).toString('base64url'));
    await db.query(
      `insert into auth_sessions (token_hash, user_id, expires_at) select * from unnest($1::text[], $2::uuid[], $3::timestamptz[])`,
      [seekerTokens.map((token) => createHash('sha256').update(token).digest('hex')), seekerIds, seekerIds.map(() => new Date(Date.now() + 86_400_000))],
    );
    const companyOf = (index: number) => companies[Math.floor(index / PER_COMPANY)];
    const conversationIds = (await db.query<{ id: number }>(
      `insert into conversations (kind, seeker_user_id, job_id, company_id)
       select 'company', seeker, job, company from unnest($1::uuid[], $2::uuid[], $3::uuid[]) with ordinality as t(seeker, job, company, ord) order by ord returning id`,
      [seekerIds, seekerIds.map((_, index) => companyOf(index).jobId), seekerIds.map((_, index) => companyOf(index).companyId)],
    )).map((row) => row.id);
    // One first message per conversation, for the baseline's read receipts.
    const firstMessageIds = (await db.query<{ id: number }>(
      `insert into conversation_messages (conversation_id, sender_user_id, sender_role, body)
       select conversation, seeker, 'seeker', '你好' from unnest($1::bigint[], $2::uuid[]) with ordinality as t(conversation, seeker, ord) order by ord returning id`,
      [conversationIds, seekerIds],
    )).map((row) => row.id);

    const app = await createApp(context);
    const runtime = await startLiveRuntime(app, context, { withMedia: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const serverUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    const nextReport = <Type extends ConversationsReport['type']>(type: Type) =>
      new Promise<Extract<ConversationsReport, { type: Type }>>((resolve) => {
        const listener = (report: ConversationsReport) => {
          if (report.type !== type) return;
          clients.off('message', listener);
          resolve(report as Extract<ConversationsReport, { type: Type }>);
        };
        clients.on('message', listener);
      });
    const command = (message: ConversationsCommand) => clients.send(message);

    command({
      type: 'connect',
      url: serverUrl,
      seekers: seekerTokens.map((token) => ({ cookie: `jobcast_session=${token}` })),
      employers: companies.map((company) => ({ cookie: `jobcast_session=${company.employerToken}` })),
    });
    const connected = await nextReport('connected');
    console.error(`${connected.sockets} sockets connected (${connected.failed} failed) in ${(connected.ms / 1000).toFixed(1)} s`);
    await new Promise((resolve) => setTimeout(resolve, 1000));

    // The plan: RATE × SECONDS messages spread evenly, conversations in turn (each sees one every
    // CONVERSATIONS / RATE seconds), every EMPLOYER_SHARE-th message from the company's employer.
    const runId = randomBytes(3).toString('hex');
    const plan = (prefix: string): PlannedMessage[] => Array.from({ length: RATE * SECONDS }, (_, index) => {
      const conversation = index % CONVERSATIONS;
      return {
        conversationId: conversationIds[conversation],
        sender: index % EMPLOYER_SHARE === EMPLOYER_SHARE - 1 ? 'employer' : 'seeker',
        seekerIndex: conversation,
        employerIndex: Math.floor(conversation / PER_COMPANY),
        clientKey: `${prefix}-${runId}-${index}`,
        readMessageId: firstMessageIds[conversation],
      };
    });

    const measure = async (operation: 'read' | 'message', planned: PlannedMessage[]) => {
      const cpuBefore = process.cpuUsage();
      const wallBefore = Date.now();
      command({ type: 'send', plan: planned, seconds: SECONDS, drainMs: DRAIN_MS, operation });
      const result = await nextReport('result');
      const cpu = process.cpuUsage(cpuBefore);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      return { result, cpuMs, serverCpuPercent: (cpuMs / (Date.now() - wallBefore)) * 100 };
    };

    // Baseline first: read receipts (seekers mark the first message read) at the same rate.
    const baseline = await measure('read', plan('read').map((item) => ({ ...item, sender: 'seeker' })));
    const messages = await measure('message', plan('msg'));

    // Stored exactly once, delivered to the other side.
    const acked = messages.result.acked;
    const stored = await db.query<{ clientKey: string; id: number; copies: number }>(
      `select client_key as "clientKey", min(id)::bigint as id, count(*)::int as copies from conversation_messages where client_key like $1 group by client_key`,
      [`msg-${runId}-%`],
    );
    const storedByKey = new Map(stored.map((row) => [row.clientKey, row]));
    const missing = acked.filter((item) => storedByKey.get(item.clientKey)?.id !== item.id).length;
    const duplicated = stored.filter((row) => row.copies > 1).length;
    const undelivered = acked.filter((item) => messages.result.deliveredMs[item.id] === undefined).length;
    const delivery = acked.map((item) => messages.result.deliveredMs[item.id]).filter((value): value is number => value !== undefined).sort((a, b) => a - b);
    const ackSorted = (items: typeof acked) => items.map((item) => item.ackMs).sort((a, b) => a - b);
    const baselineAcks = ackSorted(baseline.result.acked);
    const messageAcks = ackSorted(acked);

    command({ type: 'disconnect' });
    await nextReport('disconnected');
    await runtime.stop();
    await app.close();

    const row = (name: string, run: typeof messages, latencies: number[], extra: Record<string, unknown>) => ({
      phase: name,
      sent: run.result.sent,
      acked: run.result.acked.length,
      failed: run.result.failed.length,
      ...extra,
      p50Ms: round(percentile(latencies, 50)),
      p99Ms: round(percentile(latencies, 99)),
      maxMs: round(latencies.at(-1) ?? NaN),
      serverCpuPercentOfOneCore: Math.round(run.serverCpuPercent),
      serverCpuMsPerOperation: round(run.cpuMs / Math.max(1, run.result.acked.length)),
      clientProcessCpuPercent: Math.round(run.result.clientCpuPercent),
    });
    const results = [
      row('baseline: conversation:read ack', baseline, baselineAcks, {}),
      row('conversation:send ack', messages, messageAcks, {}),
      row('delivery to the other side', messages, delivery, { storedOnce: stored.length - duplicated, missing, duplicated, undelivered }),
    ];
    const firstFailure = messages.result.failed[0] ?? baseline.result.failed[0];
    console.log(`conversations: ${CONVERSATIONS} conversations (${companyCount} companies), ${RATE} msgs/s for ${SECONDS} s on PostgreSQL, 1 in ${EMPLOYER_SHARE} from the employer`);
    console.log(`load average (1 / 5 / 15 min) before: ${loadBefore}, after: ${loadAverage()} on ${os.cpus().length} cores; ${new Date().toISOString()}`);
    console.table(results);
    if (firstFailure) console.log(`first failure: ${firstFailure.error}`);
    console.log(JSON.stringify({ bench: 'conversations', conversations: CONVERSATIONS, rate: RATE, seconds: SECONDS, results }));
  } finally {
    clients.disconnect();
    await db.close();
    await admin.query(`drop database if exists ${databaseName} with (force)`);
    await admin.end();
  }
}

await main();
process.exit(0);
