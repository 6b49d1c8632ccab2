// 网页开播 (issue 11): a host on a 390×844 phone opens the studio from the console, sees the fake camera's
// picture, taps 开始直播 — the browser's MediaRecorder chunks go over a WebSocket to ffmpeg and on to the
// embedded RTMP ingest — and a viewer on another phone watches it play (currentTime advancing, a portrait frame
// of the studio's size). The host ends the session from the studio; the replay appears on the viewer's page.
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

    const viewerContext = await newPhoneContext(browser, server.baseUrl);
    viewerPage = await viewerContext.newPage();
    problems.push(watchPageProblems(viewerPage));
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
    expect(problems.flatMap((item) => item.errors)).toEqual([]);
  });
});
