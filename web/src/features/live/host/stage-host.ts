/**
 * 连麦 from the host's studio: the raised hands and HR members to invite, the invitation, and the WebRTC link to the
 * guest once they accept (the host calls; the guest answers). The guest's stream goes into the studio's canvas and
 * mixer (StudioRecorder.setGuest), so every viewer sees and hears the composite. No React here.
 */
import type { StageCandidate, StageGuest, StageIce } from '../../../../../contracts/stage';
import { PeerLink } from '../../../app/peer-link';
import { requestAck, type LiveSocket } from '../socket';
import type { StudioRecorder } from './studio-recorder';

export type StageHostState = {
  candidates: StageCandidate[];
  guest: Omit<StageGuest, 'socketId'> | null;
  /** The guest's picture has arrived (the composite is on air). */
  isGuestConnected: boolean;
};

export class StageHost {
  private link: PeerLink | null = null;
  private ice: StageIce = { iceServers: [], iceTransportPolicy: 'all' };
  private state: StageHostState = { candidates: [], guest: null, isGuestConnected: false };
  private readonly unsubscribers: Array<() => void> = [];

  constructor(
    private readonly socket: LiveSocket,
    private readonly sessionId: string,
    private readonly recorder: StudioRecorder,
    private readonly onChange: (state: StageHostState) => void,
  ) {}

  private update(patch: Partial<StageHostState>) {
    this.state = { ...this.state, ...patch };
    this.onChange(this.state);
  }

  /** Listens for hands, answers and signals, and reads the stage as it is (a reload finds its guest again). */
  async start() {
    const { socket, sessionId } = this;
    const mine = <Payload extends { sessionId: string }>(handler: (payload: Payload) => void) => (payload: Payload) => {
      if (payload.sessionId === sessionId) handler(payload);
    };
    const onCandidates = mine<{ sessionId: string; candidates: StageCandidate[] }>(({ candidates }) => this.update({ candidates }));
    const onGuest = mine<{ sessionId: string; guest: Omit<StageGuest, 'socketId'> | null }>(({ guest }) => {
      if (!guest) this.dropGuest();
      this.update({ guest, ...(guest ? {} : { isGuestConnected: false }) });
    });
    const onPeer = mine<{ sessionId: string; socketId: string }>(({ socketId }) => void this.call(socketId));
    const onSignal = mine<{ sessionId: string; from: string; data: Parameters<PeerLink['receive']>[0] }>(({ from, data }) => {
      if (this.link && from === this.link.peerSocketId) void this.link.receive(data);
    });
    const onConnect = () => void this.refresh().catch(() => undefined);
    socket.on('stage:candidates', onCandidates);
    socket.on('stage:guest', onGuest);
    socket.on('stage:peer', onPeer);
    socket.on('stage:signal', onSignal);
    socket.on('connect', onConnect);
    this.unsubscribers.push(
      () => socket.off('stage:candidates', onCandidates),
      () => socket.off('stage:guest', onGuest),
      () => socket.off('stage:peer', onPeer),
      () => socket.off('stage:signal', onSignal),
      () => socket.off('connect', onConnect),
    );
    if (socket.connected) await this.refresh();
  }

  async refresh() {
    const stage = await requestAck(this.socket, 'stage:list', { sessionId: this.sessionId });
    this.ice = { iceServers: stage.iceServers, iceTransportPolicy: stage.iceTransportPolicy };
    const { socketId, ...guest } = stage.guest ?? { socketId: null };
    this.update({ candidates: stage.candidates, guest: stage.guest ? (guest as Omit<StageGuest, 'socketId'>) : null });
    if (socketId && (!this.link || this.link.peerSocketId !== socketId)) await this.call(socketId);
  }

  async invite(userId: string) {
    const guest = await requestAck(this.socket, 'stage:invite', { sessionId: this.sessionId, userId });
    this.update({ guest });
  }

  /** 移除嘉宾 (or withdraw the invitation). */
  async end() {
    await requestAck(this.socket, 'stage:end', { sessionId: this.sessionId });
    this.dropGuest();
    this.update({ guest: null, isGuestConnected: false });
  }

  private async call(socketId: string) {
    this.link?.close();
    const link = new PeerLink(socketId, this.ice, this.recorder.outgoingStream(), {
      onSignal: (data) => this.socket.emit('stage:signal', { sessionId: this.sessionId, to: socketId, data }),
      onStream: (stream) => {
        if (this.link !== link) return;
        this.recorder.setGuest(stream, this.state.guest?.name ?? '');
        this.update({ isGuestConnected: true });
      },
      onState: (state) => {
        if (this.link === link && (state === 'failed' || state === 'closed')) this.update({ isGuestConnected: false });
      },
    });
    this.link = link;
    await link.offer();
  }

  private dropGuest() {
    this.link?.close();
    this.link = null;
    this.recorder.setGuest(null);
  }

  close() {
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
    this.dropGuest();
  }
}
