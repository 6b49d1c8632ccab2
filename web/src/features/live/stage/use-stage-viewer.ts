// 连麦 for a viewer in the live room: the raised hand, an invitation from the host (the consent screen loads
// then, see stage-guest.tsx), and who is on stage for everyone watching.
import { useCallback, useEffect, useState } from 'react';
import type { ServerToClientEvents } from '../../../../../contracts/live';
import { requestAck, useLiveSocket } from '../socket';

export type StageInvitation = Parameters<ServerToClientEvents['stage:invited']>[0];

export function useStageViewer(sessionId: string) {
  const socket = useLiveSocket();
  const [isRaised, setIsRaised] = useState(false);
  const [invitation, setInvitation] = useState<StageInvitation | null>(null);
  const [onStageName, setOnStageName] = useState<string | null>(null);

  useEffect(() => {
    if (!socket) return;
    const onInvited: ServerToClientEvents['stage:invited'] = (payload) => {
      if (payload.sessionId === sessionId) setInvitation(payload);
    };
    const onGuest: ServerToClientEvents['stage:guest'] = (payload) => {
      if (payload.sessionId !== sessionId) return;
      // (A withdrawn invitation or the end of the turn is the guest screen's to handle: stage-guest.tsx.)
      setOnStageName(payload.guest?.status === 'on_stage' ? payload.guest.name : null);
    };
    // The server forgets a hand with its connection.
    const onDisconnect = () => setIsRaised(false);
    socket.on('stage:invited', onInvited);
    socket.on('stage:guest', onGuest);
    socket.on('disconnect', onDisconnect);
    return () => {
      socket.off('stage:invited', onInvited);
      socket.off('stage:guest', onGuest);
      socket.off('disconnect', onDisconnect);
    };
  }, [socket, sessionId]);

  const raiseHand = useCallback(async (next: boolean) => {
    if (!socket) throw new Error('Not connected / 未连接');
    const { isRaised: raised } = await requestAck(socket, 'stage:hand', { sessionId, isRaised: next });
    setIsRaised(raised);
    return raised;
  }, [socket, sessionId]);

  const closeInvitation = useCallback(() => {
    setInvitation(null);
    setIsRaised(false);
  }, []);

  return { socket, isRaised, raiseHand, invitation, closeInvitation, onStageName };
}
