// Scheduled work with several nodes: every node sweeps (7-day checks, missed sessions, due ends of live
// sessions), and each piece of work is done once, because each sweep is a claim in PostgreSQL. Two contexts
// (two "nodes") on one PostgreSQL database sweep at the same moment, many times over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type Context } from '../app.js';
import { loadConfig } from './config.js';
import { buildCompany, buildJob } from '../test/factories.js';
import { createPostgresDatabase } from '../test/harness.js';
import { buildApplication, buildSeeker, buildSession } from '../test/pipeline-factories.js';
import { buildUser } from '../test/factories.js';

const baseUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!baseUrl)('scheduled work runs once across two nodes (PostgreSQL)', () => {
  let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let nodes: Context[];

  beforeAll(async () => {
    database = await createPostgresDatabase(baseUrl!);
    const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent', JOBCAST_DEMO_DATA: 'off', LIVE_MISSED_AFTER_MINUTES: '60', LIVE_END_GRACE_SECONDS: '1' });
    nodes = [await createContext(config), await createContext(config)];
  });
  afterAll(async () => {
    for (const node of nodes ?? []) await node.close();
    await database?.drop();
  });

  it('announces each due 7-day check once, marks each missed session once and ends each due session once', async () => {
    const [first, second] = nodes;
    const { company, employer } = await buildCompany(first);
    const job = await buildJob(first, employer);
    const host = await buildUser(first, { role: 'host' });
    const tasks = 20;
    for (let index = 0; index < tasks; index += 1) {
      const seeker = await buildSeeker(first, { name: `王${index}` });
      const applicationId = await buildApplication(first, { jobId: job.id, seekerUserId: seeker.id });
      await first.db.query(`insert into pipeline_tasks (kind, application_id, company_id, due_on) values ('seven_day_check', $1, $2, current_date - 1)`, [applicationId, company.id]);
    }
    const missed = await Promise.all(Array.from({ length: 10 }, () => buildSession(first, host, { status: 'scheduled', startsAt: new Date(Date.now() - 3 * 3600_000) })));
    const live = await Promise.all(Array.from({ length: 10 }, () => buildSession(first, host, { status: 'live', startsAt: new Date(Date.now() - 600_000) })));
    await first.db.query(`update live_sessions set end_due_at = now() - interval '1 second' where id = any($1::uuid[])`, [live.map((session) => session.id)]);

    const endedEvents: string[] = [];
    const missedEvents: string[] = [];
    for (const node of nodes) {
      node.events.on('LiveSessionStatusChanged', ({ sessionId, status }) => (status === 'ended' ? endedEvents : status === 'missed' ? missedEvents : []).push(sessionId));
    }
    // Both nodes sweep together, three times each.
    const rounds = await Promise.all([first, second, first, second, first, second].map(async (node) => ({
      announced: await node.pipeline.announceDueTasks(),
      missed: (await node.live.markMissedSessions()).length,
      ended: (await node.live.endDueSessions()).length,
    })));

    expect(rounds.reduce((sum, round) => sum + round.announced, 0)).toBe(tasks);
    expect(rounds.reduce((sum, round) => sum + round.missed, 0)).toBe(missed.length);
    expect(rounds.reduce((sum, round) => sum + round.ended, 0)).toBe(live.length);
    const [{ count }] = await first.db.query<{ count: string }>(`select count(*) from notifications where kind = 'pipeline.seven_day_check_due' and user_id = $1`, [employer.id]);
    expect(Number(count)).toBe(tasks);
    expect(new Set(endedEvents).size).toBe(live.length);
    expect(endedEvents).toHaveLength(live.length);
    expect(missedEvents).toHaveLength(missed.length);
  });

  it('a publish on one node cancels the end another node scheduled', async () => {
    const [first, second] = nodes;
    const host = await buildUser(first, { role: 'host' });
    const session = await buildSession(first, host, { status: 'live', startsAt: new Date() });
    await first.live.handlePublishStopped(session.id); // on_publish_done reached node 1
    await second.live.handlePublishStarted(session.id); // the encoder's reconnect reached node 2
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // node 1's timer (1 s grace) has fired
    expect(await Promise.all(nodes.map((node) => node.live.endDueSessions()))).toEqual([[], []]);
    const [row] = await first.db.query<{ status: string }>('select status from live_sessions where id = $1', [session.id]);
    expect(row.status).toBe('live');
  });
});
