import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';

export type RecordingStore = {
  recordRecording(recording: { sessionId: string; fileName: string; format: 'flv' | 'mp4'; bytes: number; startedAt: Date; endedAt: Date }): Promise<void>;
};

function remuxToMp4(ffmpegPath: string, flvPath: string): Promise<string | null> {
  const mp4Path = flvPath.replace(/\.flv$/, '.mp4');
  return new Promise((resolve) => {
    const ffmpeg = spawn(ffmpegPath, ['-loglevel', 'error', '-y', '-i', flvPath, '-c', 'copy', '-movflags', '+faststart', mp4Path], { stdio: 'ignore' });
    ffmpeg.on('error', () => resolve(null));
    ffmpeg.on('exit', (code) => resolve(code === 0 ? mp4Path : null));
  });
}

/**
 * A finished FLV recording in <recordingsDir>/recordings/live/<sessionId>/ becomes the session's replay: the FLV
 * is stored, then its MP4 remux where ffmpeg is present (the replay prefers it). The same for the embedded
 * server's recordings and nginx-rtmp's (on_record_done).
 */
export async function storeFinishedRecording(store: RecordingStore, ffmpegPath: string | null, recording: { sessionId: string; filePath: string; startedAt: Date; endedAt: Date }) {
  const base = { sessionId: recording.sessionId, startedAt: recording.startedAt, endedAt: recording.endedAt };
  await store.recordRecording({ ...base, fileName: path.basename(recording.filePath), format: 'flv', bytes: statSync(recording.filePath).size });
  if (!ffmpegPath) return;
  const mp4Path = await remuxToMp4(ffmpegPath, recording.filePath);
  if (mp4Path) await store.recordRecording({ ...base, fileName: path.basename(mp4Path), format: 'mp4', bytes: statSync(mp4Path).size });
}
