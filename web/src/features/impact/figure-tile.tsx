import type { ReactNode } from 'react';

/** One figure: its label, its value (or * / 数据不足), and an optional breakdown under it. */
export function FigureTile({ label, value, note, testId }: { label: string; value: string; note?: ReactNode; testId: string }) {
  return (
    <div className="impact-tile" data-testid={testId}>
      <div className="impact-tile-label">{label}</div>
      <div className="impact-tile-value" data-testid={`${testId}-value`}>{value}</div>
      {note ? <div className="impact-tile-note">{note}</div> : null}
    </div>
  );
}
