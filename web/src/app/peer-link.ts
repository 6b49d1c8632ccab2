/**
 * One WebRTC connection to one other browser, for both peer-video features (远程面试, 连麦): the local tracks out,
 * the other side's stream in, and the offer/answer/candidate exchange (contracts/peer.ts) handed to the caller to
 * relay over Socket.IO. Candidates that arrive before the remote description wait for it.
 */
import type { PeerSignal } from '../../../contracts/peer';

/** How the media flows once connected: straight between the two, or through a TURN relay. */
export type PeerRoute = 'direct' | 'relay';

export type PeerLinkEvents = {
  /** A signal to relay to the other side. */
  onSignal(data: PeerSignal): void;
  onStream(stream: MediaStream): void;
  onState(state: RTCPeerConnectionState): void;
};

export class PeerLink {
  private readonly connection: RTCPeerConnection;
  private pendingCandidates: RTCIceCandidateInit[] = [];
  private isClosed = false;

  constructor(
    readonly peerSocketId: string,
    configuration: RTCConfiguration,
    local: MediaStream | null,
    private readonly events: PeerLinkEvents,
  ) {
    const connection = new RTCPeerConnection(configuration);
    this.connection = connection;
    for (const track of local?.getTracks() ?? []) connection.addTrack(track, local!);
    connection.onicecandidate = (event) => {
      if (event.candidate) events.onSignal({ type: 'candidate', candidate: event.candidate.toJSON() as never });
    };
    connection.ontrack = (event) => events.onStream(event.streams[0] ?? new MediaStream([event.track]));
    connection.onconnectionstatechange = () => {
      if (connection.connectionState === 'failed') connection.restartIce();
      events.onState(connection.connectionState);
    };
  }

  /** The caller's side: makes the offer. */
  async offer() {
    const offer = await this.connection.createOffer();
    await this.connection.setLocalDescription(offer);
    this.events.onSignal({ type: 'offer', sdp: offer.sdp ?? '' });
  }

  /** An offer (answered), an answer, or a candidate from the other side. */
  async receive(data: PeerSignal) {
    if (this.isClosed) return;
    if (data.type === 'offer') {
      await this.connection.setRemoteDescription({ type: 'offer', sdp: data.sdp });
      const answer = await this.connection.createAnswer();
      await this.connection.setLocalDescription(answer);
      this.events.onSignal({ type: 'answer', sdp: answer.sdp ?? '' });
      await this.flushCandidates();
    } else if (data.type === 'answer') {
      await this.connection.setRemoteDescription({ type: 'answer', sdp: data.sdp });
      await this.flushCandidates();
    } else if (this.connection.remoteDescription) {
      await this.connection.addIceCandidate(data.candidate).catch(() => undefined);
    } else {
      this.pendingCandidates.push(data.candidate);
    }
  }

  private async flushCandidates() {
    for (const candidate of this.pendingCandidates.splice(0)) await this.connection.addIceCandidate(candidate).catch(() => undefined);
  }

  /** Whether the selected candidate pair goes through a TURN relay (null when it cannot be told). */
  async route(): Promise<PeerRoute | null> {
    // The selected pair is known a moment after 'connected' on the answering side: ask again for a few seconds.
    for (let attempt = 0; attempt < 20 && !this.isClosed; attempt += 1) {
      const stats = await this.connection.getStats();
      let pairId: string | undefined;
      stats.forEach((report: { type: string; id: string; selectedCandidatePairId?: string; state?: string; nominated?: boolean }) => {
        if (report.type === 'transport' && report.selectedCandidatePairId) pairId = report.selectedCandidatePairId;
        if (!pairId && report.type === 'candidate-pair' && report.state === 'succeeded' && report.nominated) pairId = report.id;
      });
      const pair = pairId ? (stats.get(pairId) as { localCandidateId?: string } | undefined) : undefined;
      const local = pair?.localCandidateId ? (stats.get(pair.localCandidateId) as { candidateType?: string } | undefined) : undefined;
      if (local?.candidateType) return local.candidateType === 'relay' ? 'relay' : 'direct';
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return null;
  }

  close() {
    this.isClosed = true;
    this.pendingCandidates = [];
    this.connection.close();
  }
}
