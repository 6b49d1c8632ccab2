import net from 'node:net';
import { spawn, spawnSync } from 'node:child_process';

/** Whether a command-line tool runs here. With CI=true a missing tool is a failure, never a skip. */
export function requireTool(command: string, args: string[] = ['-version']): boolean {
  const isPresent = spawnSync(command, args, { stdio: 'ignore' }).status === 0;
  if (!isPresent && process.env.CI === 'true') throw new Error(`${command} is required in CI (apt-get install it): it is missing`);
  if (!isPresent) console.warn(`Skipping: ${command} is not installed (apt-get install -y ${command === 'nginx' ? 'nginx libnginx-mod-rtmp' : command})`);
  return isPresent;
}

/** The test Redis (TEST_REDIS_URL, else the machine's): whether it answers; in CI a missing one is an error, elsewhere a skip. */
export async function requireRedis(url = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'): Promise<{ url: string; isReachable: boolean }> {
  const isReachable = await new Promise<boolean>((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = net.connect(Number(port || 6379), hostname, () => { socket.destroy(); resolve(true); });
    socket.on('error', () => resolve(false));
  });
  if (!isReachable && process.env.CI === 'true') throw new Error(`Redis is required in CI at ${url}`);
  if (!isReachable) console.warn(`Skipping: no Redis at ${url}`);
  return { url, isReachable };
}

/** An open HTTP-FLV player: counts bytes until the server hangs up. */
export function openPlayer(url: string) {
  const controller = new AbortController();
  const state = { status: 0, bytes: 0, closedAt: 0 };
  const done = (async () => {
    try {
      const response = await fetch(url, { signal: controller.signal });
      state.status = response.status;
      const reader = response.body!.getReader();
      for (;;) {
        const { value, done: isDone } = await reader.read();
        if (isDone) break;
        state.bytes += value.length;
      }
    } catch {
      // aborted or reset by the server
    }
    state.closedAt = Date.now();
  })();
  return { state, done, stop: () => controller.abort() };
}

/** ffmpeg pushing a test pattern with sound over RTMP (the NOTES.md command); resolves with its exit code. */
export function pushTestPattern(publishUrl: string, seconds: number, extraVideoFilter?: string) {
  const args = [
    '-hide_banner', '-loglevel', 'error', '-re',
    '-f', 'lavfi', '-i', `testsrc=size=640x360:rate=25${extraVideoFilter ? `,${extraVideoFilter}` : ''}`,
    '-f', 'lavfi', '-i', 'sine',
    '-t', String(seconds),
    '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-preset', 'veryfast', '-tune', 'zerolatency', '-g', '50',
    '-c:a', 'aac', '-f', 'flv', publishUrl,
  ];
  const child = spawn('ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
  return { child, exited };
}

export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 20_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Reads at least `minBytes` of an HTTP response body (e.g. a live HTTP-FLV stream), then aborts. */
export async function readBytes(url: string, minBytes: number, timeoutMs = 15_000): Promise<Buffer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (!response.ok || !response.body) throw new Error(`GET ${url}: ${response.status}`);
    const reader = response.body.getReader();
    while (total < minBytes) {
      const { value, done } = await reader.read();
      if (done) break;
      chunks.push(Buffer.from(value));
      total += value.length;
    }
    await reader.cancel().catch(() => undefined);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return Buffer.concat(chunks);
}
