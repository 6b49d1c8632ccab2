/**
 * Glass-to-glass latency of 网页开播 (issue 11): from the moment the browser studio draws a frame to the moment a
 * viewer's phone shows it. The studio runs with `?clock=1` (延迟测试): every frame carries the wall clock as a strip
 * of blocks (studio-recorder.ts, drawClock). Headless Chromium with the fake camera is the host on a 390×844 phone;
 * a second phone watches the session's HTTP-FLV in the live room; each frame the viewer presents
 * (requestVideoFrameCallback) is read back (readClock's layout) and compared with the viewer's clock — the same
 * machine, so the same clock. The path: canvas → MediaRecorder (250 ms slices) → WebSocket → ffmpeg → RTMP →
 * media server → HTTP-FLV → mpegts.js → the video element.
 *
 * Baseline in the same run: the same strip read from the studio's own canvas right after it is drawn (the host's
 * preview; the floor of the measurement itself — a frame interval and the read-back).
 *
 *   npm run bench -- studio-glass            # BENCH_SECONDS=30 of measurement after 10 s of warm-up
 */
import { chromium, type Page } from 'playwright-core';
import { CLOCK_STRIP } from '../web/src/features/live/host/studio-recorder.js';
import { buildUser } from '../server/src/test/factories.js';
import { sessionCookie } from '../server/src/test/pipeline-factories.js';
import { startLiveServer } from '../e2e/live-support.js';
import { CHROMIUM_PATH, FAKE_MEDIA_ARGS, PHONE_VIEWPORT } from '../e2e/support.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const WARM_UP_SECONDS = 10;

function summary(label: string, samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return `${label.padEnd(34)} n=${String(sorted.length).padStart(4)}  p50 ${at(0.5).toFixed(0).padStart(5)} ms  p95 ${at(0.95).toFixed(0).padStart(5)} ms  max ${(sorted.at(-1) ?? Number.NaN).toFixed(0).padStart(5)} ms`;
}

/**
 * Collects, in the page, `now − clock in the frame` for every frame the element presents, for `seconds`.
 * The strip's layout is passed in (the page has no access to the module); a frame without a readable strip is skipped.
 */
async function collect(page: Page, selector: string, seconds: number): Promise<number[]> {
  // tsx keeps function names with a `__name` helper that the page does not have.
  await page.evaluate('self.__name = (fn) => fn');
  return page.evaluate(async ({ selector, seconds, strip }) => {
    const source = document.querySelector(selector) as HTMLVideoElement | HTMLCanvasElement;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    const read = (): number | null => {
      const width = source instanceof HTMLVideoElement ? source.videoWidth : source.width;
      const height = source instanceof HTMLVideoElement ? source.videoHeight : source.height;
      if (width === 0 || height === 0) return null;
      canvas.width = width;
      canvas.height = strip.y + strip.block + 8;
      context.drawImage(source, 0, 0, width, height, 0, 0, width, height);
      const pixels = context.getImageData(0, 0, width, canvas.height).data;
      let value = 0;
      for (let bit = 0; bit < strip.bits; bit += 1) {
        const index = ((strip.y + strip.block / 2) * width + strip.x + bit * strip.block + strip.block / 2) * 4;
        const luma = (pixels[index]! + pixels[index + 1]! + pixels[index + 2]!) / 3;
        if (luma > 96 && luma < 160) return null;
        value = value * 2 + (luma >= 160 ? 1 : 0);
      }
      return value;
    };
    const samples: number[] = [];
    const until = performance.now() + seconds * 1000;
    await new Promise<void>((resolve) => {
      const sample = () => {
        const shown = Date.now() % 2 ** strip.bits;
        const drawn = read();
        // A misread strip (a frame mid-transition) gives an absurd delay: kept out.
        if (drawn !== null && shown - drawn >= 0 && shown - drawn < 30_000) samples.push(shown - drawn);
        if (performance.now() >= until) return resolve();
        if (source instanceof HTMLVideoElement) source.requestVideoFrameCallback(sample);
        else setTimeout(sample, 40);
      };
      sample();
    });
    return samples;
  }, { selector, seconds, strip: CLOCK_STRIP });
}

const server = await startLiveServer();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', '--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required', ...FAKE_MEDIA_ARGS] });
try {
  const { context } = server;
  const host = await buildUser(context, { role: 'host', displayName: '延迟测试主播' });
  const session = await context.live.scheduleSession(host as never, { title: '延迟测试', startsAt: new Date(Date.now() + 60_000).toISOString(), jobIds: [], coverText: '' });
  const phone = { viewport: PHONE_VIEWPORT, isMobile: true, hasTouch: true, deviceScaleFactor: 2, baseURL: server.baseUrl, locale: 'zh-CN' };

  const hostContext = await browser.newContext({ ...phone, permissions: ['camera', 'microphone'] });
  const token = (await sessionCookie(context, host.id)).jobcast_session;
  await hostContext.addCookies([{ name: 'jobcast_session', value: token, url: server.baseUrl }]);
  const studio = await hostContext.newPage();
  await studio.goto(`/host/sessions/${session.id}/studio?clock=1`);
  const start = studio.getByTestId('studio-start');
  await studio.waitForFunction(() => !(document.querySelector('[data-testid="studio-start"]') as HTMLButtonElement | null)?.disabled, undefined, { timeout: 30_000 });
  await start.click();
  await studio.getByTestId('studio-on-air').waitFor({ timeout: 60_000 });

  const viewer = await (await browser.newContext(phone)).newPage();
  await viewer.goto(`/live/${session.id}`);
  await viewer.waitForFunction(() => ((document.querySelector('[data-testid="live-video"]') as HTMLVideoElement | null)?.currentTime ?? 0) > 1, undefined, { timeout: 60_000 });
  console.log(`warming up ${WARM_UP_SECONDS} s, then ${SECONDS} s of frames (${new Date().toISOString()}, ${process.platform}, load ${(await import('node:os')).loadavg().map((value) => value.toFixed(1)).join(' ')})`);
  await new Promise((resolve) => setTimeout(resolve, WARM_UP_SECONDS * 1000));

  const [baseline, glass] = await Promise.all([
    collect(studio, '[data-testid="studio-preview"]', SECONDS),
    collect(viewer, '[data-testid="live-video"]', SECONDS),
  ]);
  console.log(summary('baseline: studio canvas read back', baseline));
  console.log(summary('glass to glass: studio → viewer', glass));
  if (glass.length === 0) process.exitCode = 1;
} finally {
  await browser.close();
  await server.close();
}
