import { describe, expect, it } from 'vitest';
import type { Playback } from '../../../../contracts/live';
import { choosePlayback, withPlayerOverride, type BrowserCapabilities } from './playback-plan';

const desktop: BrowserCapabilities = { canPlayFlvWithMse: true, canPlayNativeHls: false, canPlayHlsWithScript: true };
const iphone: BrowserCapabilities = { canPlayFlvWithMse: false, canPlayNativeHls: true, canPlayHlsWithScript: false };
const oldAndroid: BrowserCapabilities = { canPlayFlvWithMse: false, canPlayNativeHls: false, canPlayHlsWithScript: true };
const nothing: BrowserCapabilities = { canPlayFlvWithMse: false, canPlayNativeHls: false, canPlayHlsWithScript: false };

const live: Playback = { flvUrl: 'http://media:8000/live/s.flv', hlsUrl: '/media/hls/s/index.m3u8', replay: [] };
const recordings = (...formats: Array<'mp4' | 'flv'>): Playback => ({
  flvUrl: null,
  hlsUrl: null,
  replay: formats.map((format, index) => ({ url: `/media/replay/s/${index}.${format}`, format, bytes: 1000, startedAt: '2026-01-01T00:00:00Z', endedAt: '2026-01-01T00:10:00Z' })),
});

describe('choosePlayback', () => {
  it('plays live HTTP-FLV through MSE when the browser has it', () => {
    expect(choosePlayback('live', live, desktop)).toEqual({ kind: 'flv', url: live.flvUrl, isLive: true });
  });

  it('falls back to native HLS on iOS Safari and to hls.js where only it works', () => {
    expect(choosePlayback('live', live, iphone)).toEqual({ kind: 'native-hls', url: live.hlsUrl });
    expect(choosePlayback('live', live, oldAndroid)).toEqual({ kind: 'hls-script', url: live.hlsUrl });
    expect(choosePlayback('live', { ...live, flvUrl: null }, desktop)).toEqual({ kind: 'hls-script', url: live.hlsUrl });
  });

  it('shows nothing to play for a session whose host never went live (missed), even with a stale replay list', () => {
    expect(choosePlayback('missed', recordings('mp4'), desktop)).toEqual({ kind: 'missed' });
    expect(choosePlayback('scheduled', live, desktop)).toEqual({ kind: 'waiting' });
  });

  it('says so when nothing can play the stream (no HLS made, no MSE)', () => {
    expect(choosePlayback('live', { ...live, hlsUrl: null }, iphone)).toEqual({ kind: 'unsupported' });
    expect(choosePlayback('live', live, nothing)).toEqual({ kind: 'unsupported' });
  });

  it('waits before the session starts', () => {
    expect(choosePlayback('scheduled', live, desktop)).toEqual({ kind: 'waiting' });
  });

  it('plays an MP4 replay natively everywhere and an FLV replay through MSE only', () => {
    expect(choosePlayback('ended', recordings('mp4'), iphone)).toEqual({ kind: 'file', url: '/media/replay/s/0.mp4' });
    expect(choosePlayback('ended', recordings('flv', 'mp4'), desktop, 0)).toEqual({ kind: 'flv', url: '/media/replay/s/0.flv', isLive: false });
    expect(choosePlayback('ended', recordings('flv', 'mp4'), desktop, 1)).toEqual({ kind: 'file', url: '/media/replay/s/1.mp4' });
    expect(choosePlayback('ended', recordings('flv'), iphone)).toEqual({ kind: 'unsupported' });
  });

  it('reports a session that ended without a recording', () => {
    expect(choosePlayback('ended', recordings(), desktop)).toEqual({ kind: 'no-replay' });
  });
});

describe('withPlayerOverride', () => {
  it('turns HTTP-FLV off for ?player=hls (native HLS where the browser has it) and native HLS too for ?player=hlsjs', () => {
    expect(choosePlayback('live', live, withPlayerOverride(desktop, 'hls'))).toEqual({ kind: 'hls-script', url: live.hlsUrl });
    const chromeWithNativeHls = { ...desktop, canPlayNativeHls: true };
    expect(choosePlayback('live', live, withPlayerOverride(chromeWithNativeHls, 'hls'))).toEqual({ kind: 'native-hls', url: live.hlsUrl });
    expect(choosePlayback('live', live, withPlayerOverride(chromeWithNativeHls, 'hlsjs'))).toEqual({ kind: 'hls-script', url: live.hlsUrl });
    expect(withPlayerOverride(desktop, null)).toEqual(desktop);
    expect(withPlayerOverride(desktop, 'nonsense')).toEqual(desktop);
  });
});
