// The live feed (刷直播) on a 390×844 phone in headless Chromium, over the real server and embedded media
// server: two rooms pushed by real ffmpeg encoders (one portrait 720×1280, one landscape 1280×720). A new
// visitor opens the feed from the tab bar, the first room plays muted, a swipe brings the next room (which
// plays while the first player is torn down), and they sign up with a phone code (read from the log SMS
// provider) and apply from the feed in one sheet, follow the host (关注) from the feed and find the host's live
// room in the 关注 tab.
import { spawn } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompany, buildJob, buildUser } from '../server/src/test/factories.js';
import { ffmpegAvailability, requireFfmpeg, startLiveServer, type RunningLiveServer } from './live-support.js';
import { waitFor } from '../server/src/test/tools.js';
import { browserAvailability, chooseOption, createPageOpener, expectAttribute, expectCount, launchChromium, readLoggedCode, saveScreenshot, waitForNewCode } from './support.js';

const browser$ = browserAvailability();
const ffmpeg$ = ffmpegAvailability();
const suffix = Date.now().toString(36).slice(-4);

/** A low-bitrate test pattern of the given size, pushed until killed. */
function pushPattern(publishUrl: string, size: string) {
  const child = spawn('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-re',
    '-f', 'lavfi', '-i', `testsrc=size=${size}:rate=25`, '-f', 'lavfi', '-i', 'sine',
    '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', '25', '-b:v', '600k',
    '-c:a', 'aac', '-f', 'flv', publishUrl,
  ], { stdio: 'ignore' });
  return child;
}

/** performance.now() in the page when the active room's video has shown a frame (time moving on). */
function firstFrameAt(page: Page, index: number) {
  return page.evaluate((activeIndex) => new Promise<number>((resolve) => {
    const check = () => {
      const video = document.querySelector<HTMLVideoElement>(`[data-testid="feed-item"][data-index="${activeIndex}"] video`);
      if (video && video.currentTime > 0 && video.readyState >= 2) resolve(performance.now());
      else requestAnimationFrame(check);
    };
    check();
  }), index);
}

describe.skipIf(browser$.shouldSkip || ffmpeg$.shouldSkip)('the live feed on a phone', { timeout: 240_000 }, () => {
  let server: RunningLiveServer;
  let browser: Browser;
  const encoders: Array<ReturnType<typeof spawn>> = [];
  const opener = createPageOpener(() => ({ browser, baseUrl: server.baseUrl }));
  const rooms: Array<{ id: string; jobId: string }> = [];
  let hostId = '';

  beforeAll(async () => {
    requireFfmpeg();
    // Niceness 0: on a CI box loaded by other jobs a niced capture can starve (production keeps the default 10).
    server = await startLiveServer({ THUMBNAIL_INTERVAL_SECONDS: '2', THUMBNAIL_NICE: '0' });
    browser = await launchChromium();
    const { context } = server;
    const host = await buildUser(context, { role: 'host', displayName: '带岗主播阿强' });
    hostId = host.id;
    const { employer } = await buildCompany(context, { name: `昆山精密电子有限公司${suffix}` });
    const shapes = [
      { title: '竖屏｜手机带你逛车间', size: '720x1280', jobTitle: `SMT操作工${suffix}` },
      { title: '横屏｜仓库分拣岗位讲解', size: '1280x720', jobTitle: `仓库分拣员${suffix}` },
    ];
    for (const [index, shape] of shapes.entries()) {
      const job = await buildJob(context, employer, { title: shape.jobTitle, payMonthlyMin: 6500, payMonthlyMax: 8500 });
      // The earlier start is listed first in the feed.
      const session = await context.live.scheduleSession(host as never, {
        title: shape.title, startsAt: new Date(Date.now() + (5 + index) * 60_000).toISOString(), jobIds: [job.id], coverText: '', cityCode: '320500',
      });
      const { publishUrl } = await context.live.getStreamKey(host as never, session.id);
      encoders.push(pushPattern(publishUrl, shape.size));
      rooms.push({ id: session.id, jobId: job.id });
    }
    await waitFor(async () => (await Promise.all(rooms.map((room) => context.live.getSessionRow(room.id)))).every((row) => row.status === 'live'), 'both rooms live', 30_000);
    // The host presents the landscape room's job (讲解中) before anyone opens the feed.
    await context.live.pinJob(host as never, rooms[1]!.id, rooms[1]!.jobId);
  }, 240_000);

  afterAll(async () => {
    for (const encoder of encoders) encoder.kill('SIGKILL');
    await opener.closeAll();
    await browser?.close();
    await server?.close();
  });

  it('opens from the tab bar, plays the portrait room muted, swipes to the landscape room, and applies from the feed', async () => {
    const page = await opener.open('phone');
    await page.goto('/live');
    const startedAt = await page.evaluate(() => performance.now());
    await page.getByTestId('tab-feed').click();
    await page.waitForURL('**/feed');
    const first = page.locator('[data-testid="feed-item"][data-index="0"]');
    await expectAttribute(first, 'data-session-id', rooms[0]!.id, 'the first room');
    const firstFrame = await firstFrameAt(page, 0);
    console.info(`[e2e] feed: first video frame ${Math.round(firstFrame - startedAt)} ms after tapping 刷直播`);
    await expectAttribute(first.getByTestId('feed-room'), 'data-orientation', 'portrait', 'the portrait room');
    await expect(first.locator('video').evaluate((video: HTMLVideoElement) => video.muted)).resolves.toBe(true);
    // A portrait stream fills the phone screen.
    const box = await first.locator('video').boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
    await saveScreenshot(page, 'feed-portrait');

    // Swipe up (the wheel scrolls the snapped feed one screen): the next room plays, the first one's player is gone.
    await page.mouse.move(195, 400);
    await page.mouse.wheel(0, 844);
    const second = page.locator('[data-testid="feed-item"][data-index="1"]');
    await expectAttribute(second, 'data-active', 'true', 'the second room in view');
    await firstFrameAt(page, 1);
    await expectCount(first.locator('video'), 0, 'players left in the first room');
    await expectAttribute(second.getByTestId('feed-room'), 'data-orientation', 'landscape', 'the landscape room');
    const card = second.getByTestId('pinned-job');
    await expectAttribute(card, 'data-job-id', rooms[1]!.jobId, 'the pinned job');
    // Full-width video above the card: nothing covers the card or 报名.
    const video = (await second.locator('video').boundingBox())!;
    const cardBox = (await card.boundingBox())!;
    expect(video.width).toBe(390);
    expect(video.y + video.height).toBeLessThanOrEqual(cardBox.y);
    await saveScreenshot(page, 'feed-landscape');

    // The host's page is one tap away, 关注 beside it.
    await expectAttribute(second.getByTestId('feed-host'), 'href', `/hosts/${hostId}`, 'the host link');

    // One tap on 报名: a new visitor signs up in the apply sheet and the application is sent.
    await card.getByTestId('pinned-apply').click();
    await page.getByTestId('apply-name').fill('刘洋');
    await page.getByTestId('apply-phone').fill('13766668888');
    await chooseOption(page, 'apply-city', '郑州', '郑州');
    // Phone-code sign-up: the code is read from the log SMS provider.
    const readCode = readLoggedCode(server.context);
    const previousCode = readCode('13766668888');
    await page.getByTestId('apply-send-code').click();
    await page.getByTestId('apply-code').fill(await waitForNewCode(readCode, '13766668888', previousCode));
    await page.getByTestId('apply-submit').click();
    await page.getByTestId('apply-success').waitFor();
    const applications = await server.context.db.query<{ source: string; sessionId: string }>(
      `select a.source, a.session_id::text as "sessionId" from applications a join users u on u.id = a.seeker_user_id
        where a.job_id = $1 and u.phone = $2`,
      [rooms[1]!.jobId, '13766668888'],
    );
    expect(applications).toEqual([{ source: 'live', sessionId: rooms[1]!.id }]);
    await page.getByTestId('apply-close').click();
    await expectAttribute(card.getByTestId('pinned-apply'), 'data-applied', 'true', 'the applied button');

    // Signed in by the apply sheet: 关注 the host from the feed.
    const follow = second.getByTestId('feed-follow-slot').getByTestId('follow-button');
    await expectAttribute(follow, 'data-following', 'false', 'the feed\'s 关注 button');
    await follow.click();
    await expectAttribute(follow, 'data-following', 'true', 'the feed\'s 关注 button after the tap');
    const follows = await server.context.db.query<{ hostUserId: string }>(
      `select f.host_user_id::text as "hostUserId" from follows f join users u on u.id = f.follower_user_id where u.phone = $1`,
      ['13766668888'],
    );
    expect(follows).toEqual([{ hostUserId: hostId }]);

    // Back on the list, the cards show a real frame of each stream (a thumbnail URL that changes) and viewers.
    await page.getByTestId('feed-back').click();
    const thumbnails = server.runtime.thumbnailWorker!;
    for (const room of rooms) {
      await waitFor(async () => (await server.context.live.getSessionDetail(null, room.id)).thumbnailUrl, `a frame of ${room.id} (${JSON.stringify(thumbnails.stats())})`, 120_000, 500);
      await expectAttribute(page.locator(`[data-testid="session-card"][data-session-id="${room.id}"] [data-testid="session-cover"]`), 'data-thumbnail', /^\/media\/thumbnails\/.+\.jpg\?v=\d+$/, 'the card thumbnail', 20_000);
    }
    await saveScreenshot(page, 'feed-live-list-thumbnails');

    // The 关注 tab lists the followed host with the live rooms.
    await page.getByTestId('tab-following').click();
    await page.waitForURL('**/following');
    const followedHost = page.locator(`[data-testid="followed-item"][data-key="host:${hostId}"]`);
    for (const room of rooms) {
      await expectCount(followedHost.locator(`[data-testid="session-card"][data-session-id="${room.id}"]`), 1, `the followed host's room ${room.id} in 关注`);
    }
    await saveScreenshot(page, 'feed-following');

    expect(opener.problems.flatMap((problem) => problem.errors)).toEqual([]);
  });
});
