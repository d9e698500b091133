import { useEffect } from 'preact/hooks';

/**
 * Loads again whenever `inputs` change and hands on only the answer to the latest load: quick
 * changes overlap their requests, and an older answer can arrive last. `load` returns nothing
 * when there is nothing to load.
 */
export function useLatestAnswer<T>(load: () => Promise<T> | undefined, onValue: (value: T) => void, onError: (err: unknown) => void, inputs: ReadonlyArray<unknown>): void {
  useEffect(() => {
    const answer = load();
    if (!answer) return;
    let current = true;
    answer.then(
      (value) => current && onValue(value),
      (err: unknown) => current && onError(err),
    );
    return () => {
      current = false;
    };
  }, inputs);
}
