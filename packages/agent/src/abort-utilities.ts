/** Thrown by {@link raceAbort} when the signal wins. */
export class AbortedError extends Error {
  constructor(readonly reason: unknown) {
    super('aborted');
    this.name = 'AbortedError';
  }
}

/**
 * Settles like `promise`, or rejects with {@link AbortedError} as soon as `signal` aborts, whichever
 * comes first. The loop never depends on a provider or a tool honouring its signal. The losing
 * promise's rejection is swallowed so it never becomes an unhandled rejection.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(new AbortedError(signal.reason));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      reject(new AbortedError(signal.reason));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Aborts `controller` (with the parent's reason) when `parent` aborts; returns the unlink function. */
export function linkAbort(parent: AbortSignal, controller: AbortController): () => void {
  if (parent.aborted) {
    controller.abort(parent.reason);
    return () => undefined;
  }
  const onAbort = (): void => {
    controller.abort(parent.reason);
  };
  parent.addEventListener('abort', onAbort, { once: true });
  return () => {
    parent.removeEventListener('abort', onAbort);
  };
}
