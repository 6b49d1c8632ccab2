/**
 * HTTP-FLV viewers for the media capacity bench, in their own process (so their parsing is not counted as the
 * media server's). `tsx bench/flv-viewers-clients.ts <url> <count> <seconds>`: opens `count` connections, parses
 * every video tag, and prints one JSON line at the end: per viewer, how much later than the viewer's best each
 * frame arrived (its delay = arrival − the tag's timestamp; the best = the smallest delay of that viewer from 2 s
 * after connecting, when the media server's GOP cache has burst its old frames), and how many arrived > 500 ms late.
 */
import process from 'node:process';

const [url, countText, secondsText] = process.argv.slice(2);
const count = Number(countText);
const seconds = Number(secondsText);
const LATE_MS = 500;

type Viewer = { connectedAt: number; delays: number[]; bytes: number; failed: boolean };

async function watch(viewer: Viewer, signal: AbortSignal) {
  const response = await fetch(url!, { signal });
  if (response.status !== 200 || !response.body) throw new Error(`HTTP ${response.status}`);
  const reader = response.body.getReader();
  let buffer = Buffer.alloc(0);
  let offset = 13;
  for (;;) {
    const { value, done } = await reader.read();
    if (done || !value) return;
    const arrivedAt = Date.now();
    viewer.bytes += value.length;
    buffer = buffer.length === 0 ? Buffer.from(value) : Buffer.concat([buffer, value]);
    while (buffer.length >= offset + 11) {
      const size = buffer.readUIntBE(offset + 1, 3);
      if (buffer.length < offset + 11 + size + 4) break;
      if ((buffer[offset]! & 0x1f) === 9) {
        const timestamp = buffer.readUIntBE(offset + 4, 3) | (buffer[offset + 7]! << 24);
        if (arrivedAt - viewer.connectedAt >= 2_000) viewer.delays.push(arrivedAt - timestamp);
      }
      offset += 11 + size + 4;
    }
    if (offset > 1 << 20) {
      buffer = buffer.subarray(offset);
      offset = 0;
    }
  }
}

const controller = new AbortController();
const viewers: Viewer[] = [];
const watching: Array<Promise<void>> = [];
for (let index = 0; index < count; index += 1) {
  const viewer: Viewer = { connectedAt: Date.now(), delays: [], bytes: 0, failed: false };
  viewers.push(viewer);
  watching.push(watch(viewer, controller.signal).catch((error: Error) => {
    if (error.name !== 'AbortError') viewer.failed = true;
  }));
  // Not all in the same millisecond: a real audience arrives over a few seconds.
  if (index % 50 === 49) await new Promise((resolve) => setTimeout(resolve, 100));
}
await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
controller.abort();
await Promise.all(watching);
const extras = viewers.map((viewer) => {
  const best = Math.min(...viewer.delays);
  return viewer.delays.map((delay) => delay - best);
});
const extra = extras.flat().sort((a, b) => a - b);
const at = (q: number) => extra[Math.min(extra.length - 1, Math.floor(q * extra.length))] ?? null;
process.stdout.write(`${JSON.stringify({
  viewers: count,
  failed: viewers.filter((viewer) => viewer.failed).length,
  frames: extra.length,
  late: extra.filter((value) => value > LATE_MS).length,
  viewersWithLateFrames: extras.filter((list) => list.some((value) => value > LATE_MS)).length,
  extraP50: at(0.5), extraP99: at(0.99), extraMax: extra.at(-1) ?? null,
  megabitsPerViewer: viewers.reduce((sum, viewer) => sum + viewer.bytes, 0) * 8 / 1e6 / count / seconds,
})}\n`);
process.exit(0);
