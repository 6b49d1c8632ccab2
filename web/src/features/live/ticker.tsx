import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TickerItem } from '../../../../contracts/live';
import { LIVE_NS } from './i18n';

const SHOW_MS = 2600;
const MAX_QUEUE = 20;

export type TickerHandle = { add: (items: TickerItem[]) => void };

/** "张** 正在报名 电子厂普工": one at a time, social proof that people are applying right now. */
export const ApplicationTicker = forwardRef<TickerHandle>(function ApplicationTicker(_props, ref) {
  const { t } = useTranslation(LIVE_NS);
  const queue = useRef<TickerItem[]>([]);
  const [shown, setShown] = useState<(TickerItem & { key: number }) | null>(null);
  const counter = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const showNext = useRef(() => {
    const next = queue.current.shift();
    if (!next) {
      setShown(null);
      timer.current = null;
      return;
    }
    counter.current += 1;
    setShown({ ...next, key: counter.current });
    timer.current = setTimeout(() => showNext.current(), SHOW_MS);
  });

  useImperativeHandle(ref, () => ({
    add(items) {
      queue.current = [...queue.current, ...items].slice(-MAX_QUEUE);
      if (!timer.current) showNext.current();
    },
  }), []);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  if (!shown) return null;
  return (
    <div className="room-ticker" key={shown.key} data-testid="application-ticker">
      <span className="room-ticker-name">{shown.maskedName}</span> {t('room.applying')} <span className="room-ticker-job">{shown.jobTitle}</span>
    </div>
  );
});
