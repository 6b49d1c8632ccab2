/**
 * HLS viewers for the HLS capacity bench (hls-capacity.bench.ts), in their own process like the FLV viewers.
 * `tsx bench/hls-viewers-clients.ts <playlist url> <count> <seconds>`: each viewer behaves as a phone's player does —
 * reads the playlist, downloads the newest three segments, starts playing when they are in, then reads the playlist
 * again every half target duration and downloads each new segment in order. A segment is late when it is not fully
 * downloaded by the time the player reaches it (the player would stall; the stall moves the viewer's clock on).
 * Prints one JSON line at the end.
 */
import process from 'node:process';

const [url, countText, secondsText] = process.argv.slice(2);
const count = Number(countText);
const seconds = Number(secondsText);
const START_SEGMENTS = 3;

type Segment = { uri: string; duration: number; sequence: number };
type Viewer = { segments: number; late: number; stallMs: number; bytes: number; downloadMs: number[]; failed: boolean };

function parsePlaylist(text: string): { targetDuration: number; segments: Segment[] } {
  const lines = text.split('\n').map((line) => line.trim());
  const targetDuration = Number(/#EXT-X-TARGETDURATION:(\d+)/.exec(text)?.[1] ?? 2);
  let sequence = Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(text)?.[1] ?? 0);
  const segments: Segment[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const match = /^#EXTINF:([\d.]+)/.exec(lines[index]!);
    if (!match) continue;
    segments.push({ uri: new URL(lines[index + 1]!, url).toString(), duration: Number(match[1]) * 1000, sequence });
    sequence += 1;
  }
  return { targetDuration, segments };
}

async function download(viewer: Viewer, segment: Segment, signal: AbortSignal) {
  const started = performance.now();
  const response = await fetch(segment.uri, { signal });
  if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
  viewer.bytes += (await response.arrayBuffer()).byteLength;
  viewer.downloadMs.push(performance.now() - started);
}

async function watch(viewer: Viewer, signal: AbortSignal) {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  let next = -1;
  let playAt = 0; // when playback reaches the next segment not yet downloaded (performance.now()); 0 while starting
  let targetDuration = 2;
  while (!signal.aborted) {
    const playlist = parsePlaylist(await (await fetch(url!, { signal })).text());
    targetDuration = playlist.targetDuration;
    const isStarting = next < 0;
    const fresh = isStarting ? playlist.segments.slice(-START_SEGMENTS) : playlist.segments.filter((segment) => segment.sequence >= next);
    let buffered = 0;
    for (const segment of fresh) {
      await download(viewer, segment, signal);
      next = segment.sequence + 1;
      if (isStarting) {
        buffered += segment.duration;
        continue;
      }
      const now = performance.now();
      viewer.segments += 1;
      if (now > playAt) {
        viewer.late += 1;
        viewer.stallMs += now - playAt;
        playAt = now;
      }
      playAt += segment.duration;
    }
    // Playback starts once the first segments are in, with them buffered.
    if (isStarting && fresh.length > 0) playAt = performance.now() + buffered;
    await sleep((targetDuration * 1000) / 2);
  }
}

const controller = new AbortController();
const viewers: Viewer[] = [];
const watching: Array<Promise<void>> = [];
for (let index = 0; index < count; index += 1) {
  const viewer: Viewer = { segments: 0, late: 0, stallMs: 0, bytes: 0, downloadMs: [], failed: false };
  viewers.push(viewer);
  watching.push(watch(viewer, controller.signal).catch((error: Error) => {
    if (error.name !== 'AbortError') viewer.failed = true;
  }));
  if (index % 50 === 49) await new Promise((resolve) => setTimeout(resolve, 100));
}
await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
controller.abort();
await Promise.all(watching);
const downloads = viewers.flatMap((viewer) => viewer.downloadMs).sort((a, b) => a - b);
const at = (q: number) => (downloads.length ? Math.round(downloads[Math.min(downloads.length - 1, Math.floor(q * downloads.length))]!) : null);
process.stdout.write(`${JSON.stringify({
  viewers: count,
  failed: viewers.filter((viewer) => viewer.failed).length,
  segments: viewers.reduce((sum, viewer) => sum + viewer.segments, 0),
  late: viewers.reduce((sum, viewer) => sum + viewer.late, 0),
  viewersWithLateSegments: viewers.filter((viewer) => viewer.late > 0).length,
  stallMsMax: Math.round(Math.max(0, ...viewers.map((viewer) => viewer.stallMs))),
  downloadP50: at(0.5), downloadP99: at(0.99),
  megabitsPerViewer: viewers.reduce((sum, viewer) => sum + viewer.bytes, 0) * 8 / 1e6 / count / seconds,
})}\n`);
process.exit(0);
