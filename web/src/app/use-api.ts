import { useCallback, useEffect, useRef, useState } from 'react';

export type ApiState<T> = { data: T | undefined; error: Error | null; isLoading: boolean; reload: () => void };

/** Loads data when `key` changes; an older answer never overwrites a newer one. */
export function useApi<T>(load: () => Promise<T>, key: string): ApiState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error | null>(null);
  const [isLoading, setIsLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
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
