import { useEffect, useState } from 'react';
import { analyticsApi } from './api';
import { registerChinaMap } from './echart';

let loading: Promise<void> | null = null;

/** Fetches and registers the configured China map once per page load. */
export function useChinaMap(): { isReady: boolean; error: Error | null } {
  const [state, setState] = useState<{ isReady: boolean; error: Error | null }>({ isReady: false, error: null });
  useEffect(() => {
    let isCurrent = true;
    loading ??= analyticsApi.getMap().then(registerChinaMap);
    loading
      .then(() => isCurrent && setState({ isReady: true, error: null }))
      .catch((error: Error) => {
        loading = null;
        if (isCurrent) setState({ isReady: false, error });
      });
    return () => {
      isCurrent = false;
    };
  }, []);
  return state;
}
