/**
 * 网页开播 in the browser: the camera and microphone, a canvas at the broadcast's size that the camera is drawn on
 * (so switching cameras, or a 连麦 guest joining, never restarts the recording), MediaRecorder in 250 ms chunks,
 * and the WebSocket to the server's ingest (server/src/platform/media/studio-ingest.ts), reconnecting with a new
 * address when the network drops. No React here; studio-page.tsx shows its state.
 */

export type Facing = 'user' | 'environment';
export type StudioPhase = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'stopped';
export type StudioProblem = 'insecure' | 'unsupported' | 'denied' | 'no_camera' | 'camera_busy' | 'network' | 'server' | 'replaced';

export type StudioEvents = {
  onPhase(phase: StudioPhase): void;
  onProblem(problem: StudioProblem | null, detail?: string): void;
};

/** The broadcast's size: portrait on phones (as 快手 and 抖音), landscape on a computer. */
export function broadcastSize(isPortrait: boolean) {
  return isPortrait ? { width: 720, height: 1280 } : { width: 1280, height: 720 };
}

/** What this browser can record, best first: H.264 is passed through by the server, anything else transcoded. */
export function pickMimeType(isTypeSupported: (type: string) => boolean): string | null {
  const candidates = [
    'video/webm;codecs=h264,opus',
    'video/webm;codecs=avc1,opus',
    'video/x-matroska;codecs=avc1,opus',
    'video/mp4;codecs=avc1,mp4a.40.2',
    'video/webm;codecs=vp8,opus',
    'video/webm;codecs=vp9,opus',
    'video/webm',
    'video/mp4',
  ];
  return candidates.find((type) => isTypeSupported(type)) ?? null;
}

/** Why getUserMedia failed, in the words the page explains. */
export function cameraProblem(error: unknown): StudioProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'no_camera';
  if (name === 'NotReadableError' || name === 'AbortError') return 'camera_busy';
  return 'unsupported';
}

const RECONNECT_DELAYS_MS = [500, 1_000, 2_000, 3_000, 5_000];
const CHUNK_MS = 250;
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
/** The white line between host and guest (px of the broadcast). */
const STAGE_DIVIDER = 8;

/** Draws a video frame to cover the rectangle (cropped to it, never stretched). */
function drawCover(context: CanvasRenderingContext2D, video: HTMLVideoElement, x: number, y: number, width: number, height: number) {
  const { videoWidth, videoHeight } = video;
  if (videoWidth === 0 || videoHeight === 0) return;
  const scale = Math.max(width / videoWidth, height / videoHeight);
  const drawnWidth = videoWidth * scale;
  const drawnHeight = videoHeight * scale;
  context.save();
  context.beginPath();
  context.rect(x, y, width, height);
  context.clip();
  context.drawImage(video, x + (width - drawnWidth) / 2, y + (height - drawnHeight) / 2, drawnWidth, drawnHeight);
  context.restore();
}

/**
 * 延迟测试 (glass-to-glass latency): the time of drawing, in ms modulo 2^32, as 32 black/white blocks of 20×20 px
 * at (40, 100), most significant first, on a grey band. A viewer's frame decoded with readClock (same clock: the
 * same machine, or synchronised ones) minus the time it is shown is the whole path's delay.
 */
export const CLOCK_STRIP = { x: 40, y: 100, block: 20, bits: 32 };

function drawClock(context: CanvasRenderingContext2D, now: number) {
  const { x, y, block, bits } = CLOCK_STRIP;
  const value = now % 2 ** bits;
  context.fillStyle = '#808080';
  context.fillRect(x - 8, y - 8, bits * block + 16, block + 16);
  for (let bit = 0; bit < bits; bit += 1) {
    context.fillStyle = Math.floor(value / 2 ** (bits - 1 - bit)) % 2 === 1 ? '#ffffff' : '#000000';
    context.fillRect(x + bit * block, y, block, block);
  }
}

/** Reads the strip drawClock drew, from a frame's pixels (RGBA rows of `width`); null when it is not there. */
export function readClock(pixels: Uint8ClampedArray, width: number): number | null {
  const { x, y, block, bits } = CLOCK_STRIP;
  let value = 0;
  for (let bit = 0; bit < bits; bit += 1) {
    const index = ((y + block / 2) * width + x + bit * block + block / 2) * 4;
    const luma = (pixels[index]! + pixels[index + 1]! + pixels[index + 2]!) / 3;
    if (luma > 96 && luma < 160) return null;
    value = value * 2 + (luma >= 160 ? 1 : 0);
  }
  return value;
}

/** The guest's name on a dark pill, centred at the top of their half (a phone's cropped sides never cut it). */
function drawNameTag(context: CanvasRenderingContext2D, name: string, centerX: number, top: number) {
  if (!name) return;
  context.font = '600 28px system-ui, sans-serif';
  const width = context.measureText(name).width + 32;
  context.fillStyle = 'rgba(0, 0, 0, 0.55)';
  context.fillRect(centerX - width / 2, top, width, 48);
  context.fillStyle = '#ffffff';
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillText(name, centerX, top + 25);
  context.textAlign = 'start';
  context.textBaseline = 'alphabetic';
}

export class StudioRecorder {
  readonly canvas: HTMLCanvasElement;
  private readonly source: HTMLVideoElement;
  private videoStream: MediaStream | null = null;
  private audioStream: MediaStream | null = null;
  private recorder: MediaRecorder | null = null;
  private socket: WebSocket | null = null;
  private drawHandle = 0;
  private isDrawing = false;
  private isStopping = false;
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  /** 连麦: the guest's camera drawn beside the host's, and their voice mixed with the host's microphone. */
  private guest: { video: HTMLVideoElement; name: string; audio: MediaStreamAudioSourceNode | null } | null = null;
  private mixer: { context: AudioContext; destination: MediaStreamAudioDestinationNode; microphone: MediaStreamAudioSourceNode | null } | null = null;
  facing: Facing = 'user';
  isMuted = false;
  /** 延迟测试: the wall clock drawn into every frame as a strip of blocks (studio URL `?clock=1`; see drawClock). */
  showsClock = false;

  constructor(
    private readonly size: { width: number; height: number },
    private readonly openIngest: () => Promise<{ ingestPath: string }>,
    private readonly events: StudioEvents,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.width = size.width;
    this.canvas.height = size.height;
    this.source = document.createElement('video');
    this.source.muted = true;
    this.source.playsInline = true;
  }

  /** Opens the camera (and microphone) for the preview. */
  async openCamera(facing: Facing = this.facing): Promise<MediaStream> {
    if (!window.isSecureContext) throw Object.assign(new Error('insecure'), { problem: 'insecure' as const });
    if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined') throw Object.assign(new Error('unsupported'), { problem: 'unsupported' as const });
    const isPortrait = this.size.height > this.size.width;
    const video = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: facing, width: { ideal: isPortrait ? 720 : 1280 }, height: { ideal: isPortrait ? 1280 : 720 }, frameRate: { ideal: 25, max: 30 } },
      audio: false,
    });
    this.audioStream ??= await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true }, video: false });
    this.audioStream.getAudioTracks().forEach((track) => { track.enabled = !this.isMuted; });
    const previous = this.videoStream;
    this.videoStream = video;
    this.facing = facing;
    this.source.srcObject = video;
    await this.source.play().catch(() => undefined);
    previous?.getTracks().forEach((track) => track.stop());
    this.startDrawing();
    return video;
  }

  /** 翻转: the other camera; the recording goes on (it records the canvas). */
  async switchCamera() {
    return this.openCamera(this.facing === 'user' ? 'environment' : 'user');
  }

  setMuted(isMuted: boolean) {
    this.isMuted = isMuted;
    this.audioStream?.getAudioTracks().forEach((track) => { track.enabled = !isMuted; });
  }

  /**
   * The camera frame drawn to cover the canvas (cropped, never stretched), on every new frame. With a 连麦 guest the
   * picture splits: host above and guest below in portrait, side by side in landscape, a white line between them
   * and the guest's name on their half. The canvas keeps its size, so the stream never restarts.
   */
  private startDrawing() {
    if (this.isDrawing) return;
    this.isDrawing = true;
    const context = this.canvas.getContext('2d', { alpha: false })!;
    const { width, height } = this.size;
    const isPortrait = height > width;
    const draw = () => {
      if (!this.isDrawing) return;
      const guest = this.guest && this.guest.video.videoWidth > 0 ? this.guest : null;
      if (!guest) {
        drawCover(context, this.source, 0, 0, width, height);
      } else {
        const half = isPortrait ? { width, height: height / 2 } : { width: width / 2, height };
        const second = isPortrait ? { x: 0, y: half.height } : { x: half.width, y: 0 };
        drawCover(context, this.source, 0, 0, half.width, half.height);
        drawCover(context, guest.video, second.x, second.y, half.width, half.height);
        context.fillStyle = '#ffffff';
        if (isPortrait) context.fillRect(0, half.height - STAGE_DIVIDER / 2, width, STAGE_DIVIDER);
        else context.fillRect(half.width - STAGE_DIVIDER / 2, 0, STAGE_DIVIDER, height);
        drawNameTag(context, guest.name, second.x + half.width / 2, second.y + 24);
      }
      if (this.showsClock) drawClock(context, Date.now());
      this.drawHandle = window.setTimeout(draw, 40);
    };
    draw();
  }

  /** What the 连麦 guest sees and hears of the host: the composite picture (so a camera switch never breaks it) and the microphone. */
  outgoingStream(): MediaStream {
    return new MediaStream([...this.canvas.captureStream(25).getVideoTracks(), ...(this.audioStream?.getAudioTracks() ?? [])]);
  }

  /** 连麦: the guest's stream joins the picture and the sound (null: the guest left; the host alone again). */
  setGuest(stream: MediaStream | null, name = '') {
    if (this.guest) {
      this.guest.audio?.disconnect();
      this.guest.video.srcObject = null;
      this.guest = null;
    }
    if (!stream) return;
    const video = document.createElement('video');
    video.playsInline = true;
    // The host hears the guest through this element (echo cancellation keeps it out of the microphone); the
    // stream's sound reaches the broadcast through the mixer.
    video.srcObject = stream;
    void video.play().catch(() => {
      video.muted = true;
      return video.play().catch(() => undefined);
    });
    const mixer = this.ensureMixer();
    const audio = mixer && stream.getAudioTracks().length > 0 ? mixer.context.createMediaStreamSource(stream) : null;
    audio?.connect(mixer!.destination);
    this.guest = { video, name, audio };
  }

  /** One audio track for the recording: the host's microphone, and the guest's voice while one is on stage. */
  private ensureMixer() {
    if (this.mixer || typeof AudioContext === 'undefined') return this.mixer;
    const context = new AudioContext();
    const destination = context.createMediaStreamDestination();
    const microphone = this.audioStream ? context.createMediaStreamSource(this.audioStream) : null;
    microphone?.connect(destination);
    this.mixer = { context, destination, microphone };
    return this.mixer;
  }

  /** 开始直播: a WebSocket to the ingest, then the recorder. Resolves once the first chunk is on its way. */
  async start(): Promise<void> {
    this.isStopping = false;
    this.attempt = 0;
    this.events.onPhase('connecting');
    await this.connect();
  }

  private async connect(): Promise<void> {
    const mimeType = pickMimeType((type) => MediaRecorder.isTypeSupported(type));
    if (!mimeType) throw Object.assign(new Error('unsupported'), { problem: 'unsupported' as const });
    const { ingestPath } = await this.openIngest();
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${ingestPath}`;
    const socket = new WebSocket(url);
    this.socket = socket;
    await new Promise<void>((resolve, reject) => {
      socket.onopen = () => resolve();
      socket.onerror = () => reject(Object.assign(new Error('network'), { problem: 'network' as const }));
    });
    socket.onmessage = (event) => {
      if (typeof event.data !== 'string') return;
      const message = JSON.parse(event.data) as { type: string; code?: string; message?: string };
      if (message.type === 'ready') this.startRecorder(mimeType, socket);
      if (message.type === 'error') {
        if (message.code === 'ended' || message.code === 'replaced') {
          this.isStopping = true;
          this.stopRecorder();
          this.events.onProblem(message.code === 'replaced' ? 'replaced' : null);
          this.events.onPhase('stopped');
        } else {
          this.events.onProblem('server', message.message);
        }
      }
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.stopRecorder();
      if (this.isStopping) return;
      this.scheduleReconnect();
    };
    socket.send(JSON.stringify({ type: 'start', mimeType }));
  }

  private startRecorder(mimeType: string, socket: WebSocket) {
    // The recording's sound is the mixer's (so a guest can join it later); the plain microphone where Web Audio is missing.
    const mixer = this.ensureMixer();
    void mixer?.context.resume();
    const audioTracks = mixer ? mixer.destination.stream.getAudioTracks() : (this.audioStream?.getAudioTracks() ?? []);
    const tracks = [...this.canvas.captureStream(25).getVideoTracks(), ...audioTracks];
    const recorder = new MediaRecorder(new MediaStream(tracks), { mimeType, videoBitsPerSecond: 2_500_000, audioBitsPerSecond: 96_000 });
    this.recorder = recorder;
    recorder.ondataavailable = (event) => {
      if (event.data.size === 0 || socket.readyState !== WebSocket.OPEN) return;
      if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
        // The upload cannot keep up: start over from a fresh recording rather than send a stream with holes.
        this.events.onProblem('network');
        socket.close();
        return;
      }
      socket.send(event.data);
    };
    recorder.start(CHUNK_MS);
    this.attempt = 0;
    this.events.onProblem(null);
    this.events.onPhase('live');
  }

  private stopRecorder() {
    const recorder = this.recorder;
    this.recorder = null;
    if (recorder && recorder.state !== 'inactive') recorder.stop();
  }

  private scheduleReconnect() {
    this.events.onPhase('reconnecting');
    const delay = RECONNECT_DELAYS_MS[Math.min(this.attempt, RECONNECT_DELAYS_MS.length - 1)]!;
    this.attempt += 1;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.isStopping) return;
      this.connect().catch(() => {
        if (!this.isStopping) this.scheduleReconnect();
      });
    }, delay);
  }

  /** Stops sending (结束直播 ends the session on the server; this only disconnects). */
  stop() {
    this.isStopping = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.stopRecorder();
    this.socket?.close(1000);
    this.socket = null;
    this.events.onPhase('stopped');
  }

  /** Camera, microphone and drawing off (leaving the page). */
  close() {
    this.stop();
    this.isDrawing = false;
    clearTimeout(this.drawHandle);
    this.videoStream?.getTracks().forEach((track) => track.stop());
    this.audioStream?.getTracks().forEach((track) => track.stop());
    this.videoStream = null;
    this.audioStream = null;
    this.source.srcObject = null;
    this.setGuest(null);
    void this.mixer?.context.close();
    this.mixer = null;
  }
}
