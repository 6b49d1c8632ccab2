/**
 * 远程面试 in the browser: camera and microphone, one RTCPeerConnection to the other side, and the signalling
 * over the tab's Socket.IO connection (contracts/interviews.ts). Whoever was in the room first calls the one who
 * joins (so a reload or a second try always meets an offer); ICE servers come from the server (ICE_SERVERS).
 * No React here; interview-room-page.tsx shows its state.
 */
import type { InterviewPeer, InterviewRoom, InterviewSignal } from '../../../../contracts/interviews';
import { PeerLink, type PeerRoute } from '../../app/peer-link';
import { requestAck, type LiveSocket } from '../live/socket';

export type CallState = 'starting' | 'waiting' | 'connecting' | 'connected' | 'reconnecting' | 'ended';
export type CallProblem = 'insecure' | 'denied' | 'no_camera' | 'unsupported';
export type CallRoute = PeerRoute;

export type CallEvents = {
  onState(state: CallState): void;
  onRoom(room: InterviewRoom): void;
  onLocalStream(stream: MediaStream | null): void;
  onRemoteStream(stream: MediaStream | null): void;
  onPeer(peer: InterviewPeer | null): void;
  onEnded(durationSeconds: number | null): void;
  onProblem(problem: CallProblem): void;
  onRoute(route: CallRoute | null): void;
};

export function mediaProblem(error: unknown): CallProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'NotReadableError') return 'no_camera';
  return 'unsupported';
}

export class InterviewCall {
  private local: MediaStream | null = null;
  private link: PeerLink | null = null;
  private iceServers: RTCIceServer[] = [];
  private iceTransportPolicy: RTCIceTransportPolicy = 'all';
  private isClosed = false;
  private readonly unsubscribers: Array<() => void> = [];

  constructor(private readonly socket: LiveSocket, private readonly applicationId: number, private readonly events: CallEvents) {}

  async start() {
    if (!window.isSecureContext) return this.events.onProblem('insecure');
    if (!navigator.mediaDevices?.getUserMedia || typeof RTCPeerConnection === 'undefined') return this.events.onProblem('unsupported');
    try {
      this.local = await navigator.mediaDevices.getUserMedia({ video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: 'user' }, audio: { echoCancellation: true, noiseSuppression: true } });
    } catch (error) {
      // Sound only is still an interview: try the microphone alone before giving up.
      this.local = await navigator.mediaDevices.getUserMedia({ audio: true }).catch(() => null);
      this.events.onProblem(mediaProblem(error));
      if (!this.local) return;
    }
    this.events.onLocalStream(this.local);
    const socket = this.socket;
    const onPeerJoined = ({ applicationId, peer }: { applicationId: number; peer: InterviewPeer }) => {
      if (applicationId !== this.applicationId) return;
      this.events.onPeer(peer);
      void this.call(peer.socketId);
    };
    const onPeerLeft = ({ applicationId, socketId }: { applicationId: number; socketId: string }) => {
      if (applicationId !== this.applicationId || socketId !== this.link?.peerSocketId) return;
      this.closeConnection();
      this.events.onPeer(null);
      this.events.onRemoteStream(null);
      this.events.onState('waiting');
    };
    const onSignal = ({ applicationId, from, data }: { applicationId: number; from: string; data: InterviewSignal }) => {
      if (applicationId === this.applicationId) void this.receive(from, data);
    };
    const onEnded = ({ applicationId, durationSeconds }: { applicationId: number; durationSeconds: number | null }) => {
      if (applicationId !== this.applicationId) return;
      this.close();
      this.events.onEnded(durationSeconds);
    };
    // After a dropped connection the socket reconnects with a new id: join again (the other side calls us).
    const onConnect = () => void this.join().catch(() => undefined);
    socket.on('interview:peer-joined', onPeerJoined);
    socket.on('interview:peer-left', onPeerLeft);
    socket.on('interview:signal', onSignal);
    socket.on('interview:ended', onEnded);
    socket.on('connect', onConnect);
    this.unsubscribers.push(
      () => socket.off('interview:peer-joined', onPeerJoined),
      () => socket.off('interview:peer-left', onPeerLeft),
      () => socket.off('interview:signal', onSignal),
      () => socket.off('interview:ended', onEnded),
      () => socket.off('connect', onConnect),
    );
    await this.join();
  }

  private async join() {
    if (this.isClosed) return;
    const room = await requestAck(this.socket, 'interview:join', { applicationId: this.applicationId });
    this.iceServers = room.iceServers;
    this.iceTransportPolicy = room.iceTransportPolicy;
    this.events.onRoom(room);
    const other = room.peers[0] ?? null;
    this.events.onPeer(other);
    this.events.onState(other ? 'connecting' : 'waiting');
  }

  private newLink(peerSocketId: string) {
    this.closeConnection();
    const link = new PeerLink(peerSocketId, { iceServers: this.iceServers, iceTransportPolicy: this.iceTransportPolicy }, this.local, {
      onSignal: (data) => this.socket.emit('interview:signal', { applicationId: this.applicationId, to: peerSocketId, data }),
      onStream: (stream) => this.events.onRemoteStream(stream),
      onState: (state) => {
        if (this.link !== link) return;
        if (state === 'connected') {
          this.events.onState('connected');
          void link.route().then((route) => {
            if (route && this.link === link) this.events.onRoute(route);
          });
        }
        if (state === 'disconnected') this.events.onState('reconnecting');
      },
    });
    this.link = link;
    this.events.onState('connecting');
    return link;
  }

  private async call(peerSocketId: string) {
    await this.newLink(peerSocketId).offer();
  }

  private async receive(from: string, data: InterviewSignal) {
    if (data.type === 'offer') await this.newLink(from).receive(data);
    else if (this.link && from === this.link.peerSocketId) await this.link.receive(data);
  }

  setMuted(isMuted: boolean) {
    this.local?.getAudioTracks().forEach((track) => { track.enabled = !isMuted; });
  }

  setCameraOff(isOff: boolean) {
    this.local?.getVideoTracks().forEach((track) => { track.enabled = !isOff; });
  }

  /** 结束面试 (the employer): recorded on the server; everyone gets `interview:ended`. */
  async end() {
    return requestAck(this.socket, 'interview:end', { applicationId: this.applicationId });
  }

  private closeConnection() {
    this.link?.close();
    this.link = null;
  }

  /** Leaves the room and releases the camera and microphone. */
  close() {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
    if (this.socket.connected) this.socket.emit('interview:leave', { applicationId: this.applicationId });
    this.closeConnection();
    this.local?.getTracks().forEach((track) => track.stop());
    this.local = null;
    this.events.onLocalStream(null);
  }
}
