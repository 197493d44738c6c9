import { PlatformClientError, type PlatformClient, type PlatformIngestionRun } from '@youworker/mcp-common';

/** The longest a tool call waits for its run to finish. */
export const MAX_WAIT_MS = 60_000;

/** Stops waiting this long before the caller token expires, so the last poll is still accepted. */
const TOKEN_MARGIN_MS = 2_000;

export interface WaitOptions {
  /** Waits until this instant (epoch ms) at the latest. */
  deadline: number;
  pollIntervalMs: number;
  signal?: AbortSignal;
  now?: () => number;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The deadline of a wait: `maxWaitMs` from now, but never past the caller token's expiry. */
export function waitDeadline(maxWaitMs: number, tokenExpirySeconds: number, now: number): number {
  return Math.min(now + maxWaitMs, tokenExpirySeconds * 1000 - TOKEN_MARGIN_MS);
}

/**
 * Polls the run until it finishes or `deadline` passes. Returns the last state seen and whether the
 * run finished; an expired or refused caller token ends the wait like the deadline does.
 */
export async function waitForRun(
  platform: PlatformClient,
  token: string,
  run: PlatformIngestionRun,
  options: WaitOptions,
): Promise<{ run: PlatformIngestionRun; finished: boolean }> {
  const now = options.now ?? Date.now;
  let current = run;
  while (current.finishedAt === null) {
    const remaining = options.deadline - now();
    if (remaining <= 0) {
      return { run: current, finished: false };
    }
    await sleep(Math.min(options.pollIntervalMs, remaining), options.signal);
    try {
      current = await platform.runStatus(token, run.id, options.signal ? { signal: options.signal } : {});
    } catch (caught) {
      if (PlatformClientError.isInstance(caught) && caught.code === 'CALLER_REJECTED') {
        return { run: current, finished: false };
      }
      throw caught;
    }
  }
  return { run: current, finished: true };
}
