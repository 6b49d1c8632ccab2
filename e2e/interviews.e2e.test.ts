// 远程面试 (issue 11): an employer invited a seeker to a video interview in the platform. The seeker on a
// 390×844 phone enters it from 我的报名, the employer from a desktop; Chromium's fake cameras go browser to browser
// over WebRTC with the offer, answer and candidates relayed by the server's Socket.IO; both see the other's
// video play. The employer ends it; both are told, and the application shows the interview held and who joined.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interviewRoomPath } from '../contracts/interviews.js';
import { buildCompany, buildJob, TEST_PASSWORD } from '../server/src/test/factories.js';
import { buildApplication, buildSeeker } from '../server/src/test/pipeline-factories.js';
import { startLiveServer, type RunningLiveServer } from './live-support.js';
import {
  browserAvailability, expectAttribute, expectCount, expectText, FAKE_MEDIA_ARGS, launchChromium, newDesktopContext, newPhoneContext, saveScreenshot,
  signInThroughForm, waitForValue, watchPageProblems, type PageProblems,
} from './support.js';

const browser$ = browserAvailability();

/** The remote picture is playing: frames of a size, and time advancing. */
async function expectRemoteVideoPlaying(page: Page, who: string) {
  const first = await waitForValue(() => page.getByTestId('remote-video').evaluate((element) => {
    const video = element as HTMLVideoElement;
    return video.videoWidth > 0 && video.currentTime > 0 ? video.currentTime : null;
  }), `${who}'s remote video to show a frame`, 45_000);
  await waitForValue(() => page.getByTestId('remote-video').evaluate((element, start) => ((element as HTMLVideoElement).currentTime > start + 1 ? true : null), first), `${who}'s remote video to advance`, 30_000);
}

describe.skipIf(browser$.shouldSkip)('远程面试: a video interview between a seeker\'s phone and an employer\'s desktop', { timeout: 180_000 }, () => {
  let server: RunningLiveServer;
  let browser: Browser;
  let applicationId: number;
  let seeker: { email: string | null };
  let employer: { email: string | null; displayName: string };
  let seekerPage: Page;
  let employerPage: Page;
  const problems: PageProblems[] = [];

  beforeAll(async () => {
    server = await startLiveServer({ THUMBNAILS: 'off' });
    browser = await launchChromium(undefined, FAKE_MEDIA_ARGS);
    const { context } = server;
    const company = await buildCompany(context, { name: '苏州远程面试电子有限公司' });
    employer = company.employer as never;
    const job = await buildJob(context, company.employer, { title: '设备维修工' });
    const built = await buildSeeker(context, { name: '周口王强' });
    seeker = built;
    applicationId = await buildApplication(context, { jobId: job.id, seekerUserId: built.id });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (kind: 'phone' | 'desktop') => {
    const options = { permissions: ['camera', 'microphone'] };
    const context = kind === 'phone' ? await newPhoneContext(browser, server.baseUrl, options) : await newDesktopContext(browser, server.baseUrl);
    if (kind === 'desktop') await context.grantPermissions(['camera', 'microphone']);
    const page = await context.newPage();
    problems.push(watchPageProblems(page));
    return page;
  };

  it('the employer invites to 视频面试（平台内） from the application', async () => {
    employerPage = await open('desktop');
    await signInThroughForm(employerPage, employer.email!, TEST_PASSWORD);
    await employerPage.goto('/employer/applications');
    await employerPage.getByTestId('open-application').first().click();
    const drawer = employerPage.getByTestId('application-drawer');
    await drawer.getByTestId('action-schedule_interview').click();
    const soon = new Date(Date.now() + 8 * 3600_000 + 10 * 60_000).toISOString().slice(0, 16);
    await employerPage.getByTestId('interview-at').fill(soon);
    await employerPage.getByTestId('interview-platform-video').check();
    await employerPage.getByTestId('action-dialog-ok').click();
    await drawer.locator('[data-testid="status-tag"][data-status="interview"]').waitFor();
    await expectText(drawer.getByTestId('interview-summary'), /视频面试（平台内）/, 'the interview summary', { contains: false });
    const [row] = await server.context.db.query<{ interview_video_url: string }>('select interview_video_url from application_progress where application_id = $1', [applicationId]);
    expect(row!.interview_video_url).toBe(interviewRoomPath(applicationId));
    await saveScreenshot(employerPage, 'interview-scheduled');
  });

  it('both sides join, and each sees the other\'s video playing', async () => {
    seekerPage = await open('phone');
    await signInThroughForm(seekerPage, seeker.email!, TEST_PASSWORD);
    await seekerPage.goto('/me/applications');
    await seekerPage.getByTestId('enter-interview').click();
    await seekerPage.waitForURL(`**/interviews/${applicationId}`);
    await expectText(seekerPage.getByTestId('interview-job'), /设备维修工/, 'the job beside the video');
    // Waiting for the employer: the device check shows the camera's picture and hears the (fake) microphone's beeps.
    await expectAttribute(seekerPage.getByTestId('device-camera'), 'data-ok', 'true', 'the camera check');
    await expectAttribute(seekerPage.getByTestId('device-microphone'), 'data-heard', 'true', 'the microphone check');
    await saveScreenshot(seekerPage, 'interview-device-check');

    await employerPage.getByTestId('application-drawer').getByTestId('enter-interview').click();
    await employerPage.waitForURL(`**/interviews/${applicationId}`);
    // The employer sees the seeker's quick profile, the phone masked.
    await expectText(employerPage.getByTestId('interview-seeker'), '周口王强', 'the seeker beside the video');

    await expectRemoteVideoPlaying(seekerPage, 'the seeker');
    await expectRemoteVideoPlaying(employerPage, 'the employer');
    await expectText(employerPage.getByTestId('interview-state'), /已接通/, 'the connected state');
    // On loopback with no TURN server the two browsers reach each other directly.
    await expectAttribute(employerPage.getByTestId('interview-room'), 'data-route', 'direct', 'the direct route');
    // Each side sees who is on the other end: the seeker by the name on the quick profile.
    await expectText(employerPage.getByTestId('interview-peer'), /周口王强（求职者）/, 'the seeker\'s name over the video', { contains: false });
    await saveScreenshot(seekerPage, 'interview-seeker');
    await saveScreenshot(employerPage, 'interview-employer');
  });

  it('the employer ends it; both are told and the application shows the interview held and who joined', async () => {
    await employerPage.getByTestId('interview-end').click();
    await employerPage.locator('.ant-popconfirm:visible .ant-btn-dangerous').click();
    await employerPage.getByTestId('interview-ended').waitFor();
    await seekerPage.getByTestId('interview-ended').waitFor();
    await seekerPage.goto('/me/applications');
    const record = seekerPage.getByTestId('video-interview-record');
    await expectCount(record, 1, 'one video interview in the application');
    await expectText(record, /周口王强（求职者）、.+（企业）/, 'who joined', { contains: false });
    await saveScreenshot(seekerPage, 'interview-record');
    const [row] = await server.context.db.query<{ ended_at: Date | null; participants: unknown[] }>('select ended_at, participants from video_interviews where application_id = $1', [applicationId]);
    expect(row!.ended_at).not.toBeNull();
    expect(row!.participants).toHaveLength(2);
    expect(problems.flatMap((item) => item.errors)).toEqual([]);
  });
});
