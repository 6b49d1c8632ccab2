// Browser tests of live rooms need more than support.ts's server: Socket.IO and the embedded media server
// (node-media-server in its child process) on random loopback ports, and a real ffmpeg encoder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createApp, startLiveRuntime, type LiveRuntime } from '../server/src/app.js';
import { createTestContext, type TestContext } from '../server/src/test/harness.js';
import { ensureWebBuilt } from './support.js';

/** Whether ffmpeg runs here. Locally a missing ffmpeg skips the live tests; with CI=true it fails them. */
export function ffmpegAvailability(isCi = process.env.CI === 'true'): { shouldSkip: boolean; reason: string } {
  if (spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status === 0) return { shouldSkip: false, reason: '' };
  const reason = 'ffmpeg is not installed (apt-get install -y ffmpeg)';
  if (isCi) return { shouldSkip: false, reason };
  console.warn(`[e2e] skipping live-room tests: ${reason}`);
  return { shouldSkip: true, reason };
}

export function requireFfmpeg() {
  if (spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status !== 0) {
    throw new Error('ffmpeg is required for the live-room end-to-end tests: install it with apt-get install -y ffmpeg');
  }
}

export type RunningLiveServer = {
  baseUrl: string;
  context: TestContext;
  runtime: LiveRuntime;
  rtmpPort: number;
  close: () => Promise<void>;
};

/**
 * The real composition root with Socket.IO and the embedded media server (RTMP in, HTTP-FLV out, recordings
 * and HLS in a temporary data folder), all on random loopback ports, serving the built web app.
 */
export async function startLiveServer(env: Record<string, string> = {}): Promise<RunningLiveServer> {
  ensureWebBuilt();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jobcast-e2e-live-'));
  const context = await createTestContext({
    JOBCAST_DATA_DIR: dataDir,
    MEDIA_BIND: '127.0.0.1',
    RTMP_PORT: '0',
    MEDIA_HTTP_PORT: '0',
    // Playback and RTMP URLs are built from PUBLIC_URL's host; the port part is not used for them.
    PUBLIC_URL: 'http://127.0.0.1:3999',
    LIVE_END_GRACE_SECONDS: '2',
    ...env,
  });
  const app = await createApp(context);
  let runtime: LiveRuntime;
  try {
    runtime = await startLiveRuntime(app, context, { withMedia: true });
  } catch (error) {
    await app.close();
    await context.drop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    context,
    runtime,
    rtmpPort: runtime.media!.rtmpPort,
    async close() {
      await runtime.stop();
      await app.close();
      await context.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
