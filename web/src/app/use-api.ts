import { useCallback, useEffect, useRef, useState } from 'react';

export type ApiState<T> = { data: T | undefined; error: Error | null; isLoading: boolean; reload: () => void };

/** Loads data when `key` changes; an older answer never overwrites a newer one. `arrived`, when given, is the
 * answer already at hand for the first key (a prefetched one): shown at once, not loaded again. */
export function useApi<T>(load: () => Promise<T>, key: string, arrived?: () => T | undefined): ApiState<T> {
  const [data, setData] = useState<T | undefined>(() => arrived?.());
  const [error, setError] = useState<Error | null>(null);
  const [isLoading, setIsLoading] = useState(data === undefined);
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const shownAtFirst = useRef(data === undefined ? null : key);

  useEffect(() => {
    if (attempt === 0 && shownAtFirst.current === key) {
      void loadRef.current(); // takes the prefetched answer already shown
      return;
    }
    shownAtFirst.current = null;
    let isCurrent = true;
    setIsLoading(true);
    setError(null);
    loadRef
      .current()
      .then((value) => {
        if (isCurrent) setData(value);
      })
      .catch((caught: Error) => {
        if (isCurrent) setError(caught);
      })
      .finally(() => {
        if (isCurrent) setIsLoading(false);
      });
    return () => {
      isCurrent = false;
    };
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  return { data, error, isLoading, reload };
}
