// 网页开播 (issue 11): a host on a 390×844 phone opens the studio from the console, sees the fake camera's
// picture, taps 开始直播 — the browser's MediaRecorder chunks go over a WebSocket to ffmpeg and on to the
// embedded RTMP ingest — and a viewer on another phone watches it play (currentTime advancing, a portrait frame
// of the studio's size). 连麦: the viewer (signed in) raises a hand, the host invites, the viewer accepts on the
// consent screen, and the stream every viewer watches splits into host and guest; the host removes the guest. The
// host ends the session from the studio; the replay appears on the viewer's page.
import { spawnSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCompany, buildJob, buildUser, TEST_PASSWORD } from '../server/src/test/factories.js';
import { ffmpegAvailability, requireFfmpeg, startLiveServer, type RunningLiveServer } from './live-support.js';
import {
  browserAvailability, expectAttribute, expectText, FAKE_MEDIA_ARGS, launchChromium, newPhoneContext, saveScreenshot,
  signInThroughForm, waitForValue, watchPageProblems, type PageProblems,
} from './support.js';

const browser$ = browserAvailability();
const ffmpeg$ = ffmpegAvailability();

/**
 * How white the broadcast's middle rows are (0–255) in the viewer's video: the studio draws an 8 px white line
 * between host and guest across the portrait frame's middle while a guest is on stage.
 */
async function dividerBrightness(page: Page) {
  return page.getByTestId('live-video').evaluate((element) => {
    const video = element as HTMLVideoElement;
    if (video.videoWidth === 0) return 0;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(video, 0, 0);
    const rows = context.getImageData(0, Math.round(video.videoHeight / 2) - 2, video.videoWidth, 4).data;
    let darkest = 255;
    // The line's darkest stretch (the fake camera's picture is never white across a whole row).
    for (let x = 0; x < video.videoWidth; x += 8) {
      let sum = 0;
      for (let row = 0; row < 4; row += 1) {
        const index = (row * video.videoWidth + x) * 4;
        sum += (rows[index]! + rows[index + 1]! + rows[index + 2]!) / 3;
      }
      darkest = Math.min(darkest, sum / 4);
    }
    return darkest;
  });
}

async function videoState(page: Page) {
  return page.getByTestId('live-video').evaluate((element) => {
    const video = element as HTMLVideoElement;
    return { currentTime: video.currentTime, width: video.videoWidth, height: video.videoHeight };
  });
}

describe.skipIf(browser$.shouldSkip || ffmpeg$.shouldSkip)('网页开播: going live from the phone\'s browser', { timeout: 180_000 }, () => {
  let server: RunningLiveServer;
  let browser: Browser;
  let host: { id: string; email: string | null };
  let seeker: { id: string; email: string | null; displayName: string };
  let sessionId: string;
  let hostPage: Page;
  let viewerPage: Page;
  const problems: PageProblems[] = [];

  beforeAll(async () => {
    requireFfmpeg();
    server = await startLiveServer();
    browser = await launchChromium(undefined, FAKE_MEDIA_ARGS);
    const { context } = server;
    host = await buildUser(context, { role: 'host', displayName: '车间主播阿芳' });
    seeker = await buildUser(context, { role: 'seeker', displayName: '周口小李' });
    const { employer } = await buildCompany(context, { name: '昆山精密电子有限公司' });
    const job = await buildJob(context, employer, { title: '手机装配普工', housing: 'dormitory', meals: 'free' });
    const session = await context.live.scheduleSession(host as never, {
      title: '车间实拍｜手机直播开播',
      startsAt: new Date(Date.now() + 5 * 60_000).toISOString(),
      jobIds: [job.id],
      coverText: '主播用手机带你看车间',
      cityCode: '320500',
    });
    sessionId = session.id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the host opens the studio from the console on a phone, sees the camera, and goes live; a viewer watches it play', async () => {
    const hostContext = await newPhoneContext(browser, server.baseUrl, { permissions: ['camera', 'microphone'] });
    hostPage = await hostContext.newPage();
    problems.push(watchPageProblems(hostPage));
    await signInThroughForm(hostPage, host.email!, TEST_PASSWORD);
    await hostPage.waitForURL('**/host/sessions');
    await hostPage.goto(`/host/sessions/${sessionId}`);
    await hostPage.getByTestId('open-studio').click();
    await hostPage.waitForURL(`**/host/sessions/${sessionId}/studio`);

    // The preview is the canvas viewers will see: portrait on a phone, with the camera drawn on it.
    const preview = hostPage.getByTestId('studio-preview');
    await expectAttribute(preview, 'width', '720', 'the portrait studio canvas width');
    await expectAttribute(preview, 'height', '1280', 'the portrait studio canvas height');
    const start = hostPage.getByRole('button', { name: /开始直播/ });
    await waitForValue(async () => (await start.isEnabled()) || null, 'the camera to open (开始直播 enabled)');
    await waitForValue(async () => {
      // A drawn frame: the fake camera's picture is not all black.
      const lit = await preview.evaluate((canvas) => {
        const pixels = (canvas as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, 720, 1280).data;
        let sum = 0;
        for (let index = 0; index < pixels.length; index += 4 * 997) sum += pixels[index]! + pixels[index + 1]! + pixels[index + 2]!;
        return sum;
      });
      return lit > 0 || null;
    }, 'the camera picture on the studio canvas');
    await saveScreenshot(hostPage, 'studio-before-live');

    await start.click();
    await expectText(hostPage.getByTestId('studio-on-air'), /直播中/, 'the on-air badge', { contains: true, timeout: 45_000 });
    const detail = await waitForValue(async () => {
      const response = await fetch(`${server.baseUrl}/api/sessions/${sessionId}`);
      const body = await response.json() as { status: string; playback: { flvUrl: string | null } };
      return body.status === 'live' && body.playback.flvUrl ? body : null;
    }, 'GET /api/sessions/:id to report live with a flvUrl');
    expect(detail.status).toBe('live');

    // The viewer is signed in (so they can raise a hand for 连麦 later) and allows the camera when asked.
    const viewerContext = await newPhoneContext(browser, server.baseUrl, { permissions: ['camera', 'microphone'] });
    viewerPage = await viewerContext.newPage();
    problems.push(watchPageProblems(viewerPage));
    await signInThroughForm(viewerPage, seeker.email!, TEST_PASSWORD);
    await viewerPage.goto(`/live/${sessionId}`);
    const first = await waitForValue(async () => {
      const state = await videoState(viewerPage);
      return state.currentTime > 0 ? state : null;
    }, 'the viewer\'s first video frame', 45_000);
    const later = await waitForValue(async () => {
      const state = await videoState(viewerPage);
      return state.currentTime >= first.currentTime + 2 ? state : null;
    }, 'the viewer\'s video to advance 2 s', 45_000);
    // The frame the studio drew: 720×1280 portrait, passed through as H.264.
    expect({ width: later.width, height: later.height }).toEqual({ width: 720, height: 1280 });
    // The room counts its connections: the viewer and the host's own studio (as in the host console).
    await expectText(hostPage.getByTestId('studio-viewers'), '2', 'the studio\'s viewer count', { timeout: 30_000 });
    await saveScreenshot(hostPage, 'studio-live');
    await saveScreenshot(viewerPage, 'studio-viewer');
  });

  it('连麦: the viewer raises a hand, the host invites, the viewer consents, every viewer sees the split picture; the host removes the guest', async () => {
    // Alone on air: no white line across the middle.
    const alone = await waitForValue(async () => {
      const brightness = await dividerBrightness(viewerPage);
      return brightness > 0 ? brightness : null;
    }, 'a frame of the host alone');
    expect(alone).toBeLessThan(200);

    await viewerPage.getByTestId('stage-hand').click();
    await expectAttribute(viewerPage.getByTestId('stage-hand'), 'aria-pressed', 'true', 'the raised hand');
    await hostPage.getByTestId('stage-open').click();
    const candidate = hostPage.getByTestId('stage-candidate').filter({ hasText: '周口小李' });
    await candidate.waitFor();
    await expectText(candidate, /举手/, 'the raised-hand tag', { contains: true });
    await saveScreenshot(hostPage, 'stage-host-list');
    await candidate.getByRole('button', { name: /邀请连麦/ }).click();
    await expectAttribute(hostPage.getByTestId('stage-guest'), 'data-status', 'invited', 'the invitation on the host\'s studio');
    await hostPage.locator('.ant-drawer-close').click();

    // The consent screen says what going on stage means; the guest accepts and the camera opens.
    const consent = viewerPage.getByTestId('stage-consent');
    await expectText(consent, /所有观众都能看到/, 'the consent text', { contains: true });
    await saveScreenshot(viewerPage, 'stage-consent');
    await viewerPage.getByTestId('stage-accept').click();
    await waitForValue(async () => (await viewerPage.getByTestId('stage-host-video').evaluate((video) => (video as HTMLVideoElement).videoWidth)) || null, 'the host\'s picture on the guest\'s screen', 45_000);
    await expectAttribute(hostPage.getByTestId('stage-guest'), 'data-connected', 'true', 'the guest\'s picture reaching the studio', 45_000);
    await expectText(hostPage.getByTestId('stage-guest'), /连麦中：周口小李/, 'the host\'s on-stage line', { contains: true });

    // The stream every viewer watches (the guest's own room below their screen plays it too) is split in two.
    await waitForValue(async () => ((await dividerBrightness(viewerPage)) > 200) || null, 'the white line between host and guest in the viewers\' stream', 45_000);
    await expectText(viewerPage.getByTestId('stage-pill'), /连麦中：周口小李/, 'the room\'s on-stage pill', { contains: true });
    await saveScreenshot(hostPage, 'stage-host-composite');
    await saveScreenshot(viewerPage, 'stage-guest-screen');

    // The host removes the guest: the guest's screen closes and the stream is the host's alone again.
    await hostPage.getByTestId('stage-remove').click();
    await hostPage.locator('.ant-popconfirm:visible .ant-btn-dangerous').click();
    await viewerPage.getByTestId('stage-guest-screen').waitFor({ state: 'detached', timeout: 15_000 });
    await hostPage.getByTestId('stage-guest').waitFor({ state: 'detached' });
    await waitForValue(async () => ((await dividerBrightness(viewerPage)) < 200) || null, 'the host alone again in the viewers\' stream', 45_000);
  });

  it('the host ends the session from the studio; the viewer\'s page turns to the replay', async () => {
    await hostPage.getByTestId('studio-end').click();
    await hostPage.locator('.ant-popconfirm:visible .ant-btn-dangerous').click();
    await hostPage.getByTestId('studio-ended').waitFor();
    // The camera and microphone are released when the session ends.
    await expectAttribute(hostPage.getByTestId('studio'), 'data-camera', 'off', 'the camera released after the end');
    await viewerPage.locator('[data-testid="live-room"][data-status="ended"]').waitFor({ timeout: 30_000 });
    await expectAttribute(viewerPage.getByTestId('live-video'), 'data-plan', 'file', 'the replay', 45_000);
    await waitForValue(async () => ((await videoState(viewerPage)).currentTime > 0.5) || null, 'the replay to play', 45_000);
    await saveScreenshot(hostPage, 'studio-ended');
    // The broadcast carried sound: the studio's mixer (microphone, and the guest's voice while on stage) reached the
    // recording — Chromium's fake microphone beeps, so the replay's loudest moment is far above silence.
    const replay = await server.context.live.findReplayFile(sessionId);
    const detected = spawnSync('ffmpeg', ['-hide_banner', '-i', replay!, '-map', '0:a:0', '-af', 'volumedetect', '-f', 'null', '-'], { encoding: 'utf8' }).stderr;
    const maxVolume = Number(/max_volume: (-?[\d.]+) dB/.exec(detected)?.[1] ?? Number.NaN);
    expect(maxVolume, detected.slice(-600)).toBeGreaterThan(-40);
    expect(problems.flatMap((item) => item.errors)).toEqual([]);
  });
});
