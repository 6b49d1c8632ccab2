import type { CSSProperties } from 'react';

/** A list without bullets, its items spaced like antd's small lists. */
export const PLAIN_LIST: CSSProperties = { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: 6 };
