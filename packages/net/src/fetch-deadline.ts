import { SafeFetchError, describeUrl } from './safe-fetch-error.ts';

/** One signal for a whole fetch; call `release` when done. */
export interface FetchDeadline {
  /** Aborted with a SafeFetchError: TIMEOUT when the budget runs out, ABORTED when the caller cancels. */
  signal: AbortSignal;
  release: () => void;
}

/** Links the caller's `signal` and a `timeoutMs` budget into one signal with a typed reason. */
export function createDeadline(url: URL, timeoutMs: number, signal: AbortSignal | undefined): FetchDeadline {
  const controller = new AbortController();
  const described = describeUrl(url);
  const timer = setTimeout(() => {
    controller.abort(
      new SafeFetchError('TIMEOUT', `Fetching ${described} took longer than ${timeoutMs} ms`, described),
    );
  }, timeoutMs);
  const onAbort = (): void => {
    controller.abort(new SafeFetchError('ABORTED', `Fetching ${described} was cancelled`, described));
  };
  if (signal?.aborted === true) {
    onAbort();
  }
  signal?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    release: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}
