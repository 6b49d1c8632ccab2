// /live arrives with its sessions in the server's first answer (live.pages.ts), as the job list does: the same
// cards the app draws, only what a guest may see, escaped, no inline script; replays and other pages get the app.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { buildCompany, buildJob, buildUser } from '../../test/factories.js';
import { createTestContext } from '../../test/harness.js';
import { buildSession, sessionCookie } from '../../test/pipeline-factories.js';
import { formatStartZh } from './live.pages.js';

const DAY = 86_400_000;
const dist = mkdtempSync(path.join(os.tmpdir(), 'jobcast-live-pages-'));
writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html><head><title>Jobcast 直播带岗</title><script type="module" src="/assets/index-1.js"></script></head><body><div id="root"></div></body></html>');

describe('/live arrives with the sessions on now and upcoming in the first answer', () => {
  let context: Awaited<ReturnType<typeof createTestContext>>;
  let app: Awaited<ReturnType<typeof createApp>>;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    context = await createTestContext();
    app = await createApp(context, { webDistDir: dist });
    await app.ready();
    const { employer } = await buildCompany(context, { name: '昆山<仓储>物流' });
    const job = await buildJob(context, employer, { title: '仓库分拣员' });
    const host = await buildUser(context, { role: 'host', displayName: '小李带岗', phone: '13912340000' });
    ids.live = (await buildSession(context, host, { title: '直播中 <b>专场</b>', jobIds: [job.id], status: 'live' })).id;
    ids.scheduled = (await buildSession(context, host, { title: '明晚专场 & "包住"', jobIds: [job.id], status: 'scheduled', startsAt: new Date(Date.now() + DAY) })).id;
    ids.ended = (await buildSession(context, host, { title: '上周的回放', jobIds: [job.id], status: 'ended', startsAt: new Date(Date.now() - DAY) })).id;
    ids.seeker = (await buildUser(context, { role: 'seeker', displayName: '王秘密', phone: '13812345678' })).id;
  });
  afterAll(async () => {
    await app.close();
    await context.drop();
    rmSync(dist, { recursive: true, force: true });
  });

  it('draws the live tab first when someone is live, the upcoming tab on ?tab=upcoming, escaped, without inline script', async () => {
    const live = await app.inject({ url: '/live' });
    expect(live.statusCode).toBe(200);
    expect(live.headers['cache-control']).toBe('no-cache');
    expect(live.body).toContain(`data-session-id="${ids.live}"`);
    expect(live.body).toContain('直播中 &lt;b&gt;专场&lt;/b&gt;');
    expect(live.body).not.toContain('<b>专场</b>');
    expect(live.body).toContain(`href="/live/${ids.live}"`);
    expect(live.body).toContain('<span class="tab-count">1</span>');
    expect(live.body).not.toContain(`data-session-id="${ids.scheduled}"`);
    expect(live.body).not.toContain(`data-session-id="${ids.ended}"`);
    expect(live.body.match(/<script/g)).toHaveLength(1);

    const upcoming = await app.inject({ url: '/live?tab=upcoming' });
    expect(upcoming.body).toContain(`data-session-id="${ids.scheduled}"`);
    expect(upcoming.body).toContain('明晚专场 &amp; &quot;包住&quot;');
    expect(upcoming.body).toContain('距开播');
    expect(upcoming.body).toContain('昆山&lt;仓储&gt;物流');
    expect(upcoming.body).not.toContain(`data-session-id="${ids.live}"`);
  });

  it('shows the upcoming sessions when nobody is live', async () => {
    await context.db.query(`update live_sessions set status = 'ended', ended_at = now() where id = $1`, [ids.live]);
    try {
      const response = await app.inject({ url: '/live' });
      expect(response.body).toContain(`data-session-id="${ids.scheduled}"`);
      expect(response.body).toMatch(/class="is-selected" aria-current="page">即将开播/);
    } finally {
      await context.db.query(`update live_sessions set status = 'live', ended_at = null where id = $1`, [ids.live]);
    }
  });

  it('sends the plain app for replays and unknown tabs, and the same HTML to a signed-in seeker as to a guest', async () => {
    for (const url of ['/live?tab=replay', '/live?tab=%3Cx%3E', `/live/${ids.scheduled}`, '/live/00000000-0000-4000-8000-000000000000', '/live/not-a-session']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain('<div id="root"></div>');
    }
    const cookies = await sessionCookie(context, ids.seeker);
    const guest = await app.inject({ url: '/live' });
    const signedIn = await app.inject({ url: '/live', cookies });
    expect(signedIn.body).toBe(guest.body);
    for (const personal of ['王秘密', '13812345678', '13912340000', ids.seeker]) expect(signedIn.body).not.toContain(personal);
  });

  it('draws a live room that has a frame as its picture and title (escaped), the same for everyone', async () => {
    const noFrame = await app.inject({ url: `/live/${ids.live}` });
    expect(noFrame.body).toContain('<div id="root"></div>');
    mkdirSync(context.thumbnails.dir, { recursive: true });
    writeFileSync(context.thumbnails.pathFor(ids.live), Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
    const room = await app.inject({ url: `/live/${ids.live}` });
    expect(room.statusCode).toBe(200);
    expect(room.body).toContain('data-prerendered="live-room"');
    expect(room.body).toMatch(new RegExp(`<img fetchpriority="high" src="/media/thumbnails/${ids.live}\\.jpg\\?v=\\d+"`));
    expect(room.body).toMatch(/<title>直播中 [^<]*专场[^<]* · Jobcast 直播带岗<\/title>/);
    expect(room.body).not.toContain('<b>专场</b>');
    const cookies = await sessionCookie(context, ids.seeker);
    expect((await app.inject({ url: `/live/${ids.live}`, cookies })).body).toBe(room.body);
  });

  it('writes start times in China\'s time: 今天, 明天, a date, the year when it is not this year\'s', () => {
    const now = new Date('2026-12-08T02:00:00Z'); // 10:00 in Beijing
    expect(formatStartZh('2026-12-08T11:30:00Z', now)).toBe('今天 19:30');
    expect(formatStartZh('2026-12-08T16:30:00Z', now)).toBe('明天 00:30');
    expect(formatStartZh('2026-12-12T01:05:00Z', now)).toBe('12月12日 09:05');
    expect(formatStartZh('2027-01-23T02:00:00Z', now)).toBe('2027年1月23日 10:00');
  });
});
