/**
 * The WebRTC signalling both peer-video features relay over Socket.IO (远程面试, 连麦): an offer, an answer or an
 * ICE candidate, addressed to one socket of the other side. The server only checks who may talk to whom.
 */
import { z } from 'zod';

const sdp = z.string().min(1).max(100_000);

export const peerSignal = z.object({
  /** The socket id of the peer it is for. */
  to: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/),
  data: z.discriminatedUnion('type', [
    z.object({ type: z.literal('offer'), sdp }),
    z.object({ type: z.literal('answer'), sdp }),
    z.object({
      type: z.literal('candidate'),
      candidate: z.object({
        candidate: z.string().max(2_000),
        sdpMid: z.string().max(64).nullable().optional(),
        sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
      }),
    }),
  ]),
});
export type PeerSignal = z.infer<typeof peerSignal>['data'];
