import { forwardRef, useCallback, useImperativeHandle, useRef, useState } from 'react';
import type { ChatMessage } from '../../../../contracts/live';

const LANES = 4;
const MAX_FLYING = 16;

type Flying = { key: string; text: string; lane: number; isOwn: boolean; isHost: boolean };

export type DanmakuHandle = { add: (messages: ChatMessage[], ownUserId: string | null) => void };

/**
 * 弹幕: new chat messages fly across the video, right to left, in a few lanes. Plain text only; when the room
 * is busy the oldest flying messages make room for new ones.
 */
export const DanmakuLayer = forwardRef<DanmakuHandle>(function DanmakuLayer(_props, ref) {
  const [flying, setFlying] = useState<Flying[]>([]);
  const nextLane = useRef(0);

  useImperativeHandle(ref, () => ({
    add(messages, ownUserId) {
      const added = messages.map((message) => {
        const lane = nextLane.current;
        nextLane.current = (lane + 1) % LANES;
        return { key: message.id, text: message.text, lane, isOwn: message.userId === ownUserId, isHost: message.isHost };
      });
      setFlying((previous) => [...previous, ...added].slice(-MAX_FLYING));
    },
  }), []);

  const handleDone = useCallback((key: string) => setFlying((previous) => previous.filter((item) => item.key !== key)), []);

  return (
    <div className="danmaku-layer" aria-hidden="true" data-testid="danmaku-layer">
      {flying.map((item) => (
        <span
          key={item.key}
          className={`danmaku-item${item.isOwn ? ' is-own' : ''}${item.isHost ? ' is-host' : ''}`}
          style={{ top: `${8 + item.lane * 26}px` }}
          onAnimationEnd={() => handleDone(item.key)}
        >
          {item.text}
        </span>
      ))}
    </div>
  );
});
