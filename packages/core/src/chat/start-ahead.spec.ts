import { describe, expect, it } from 'vitest';
import { startAhead } from './start-ahead.ts';

/** A run that records what happened: pulls, its model request, cancellation. */
function fakeRun(signal: AbortSignal, log: string[]) {
  return (async function* () {
    try {
      log.push('run-start');
      yield 'run-start';
      log.push('model-request');
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (signal.aborted) {
        log.push('cancelled');
        return;
      }
      yield 'text-delta';
      yield 'run-end';
    } finally {
      log.push('finally');
    }
  })();
}

async function collect(events: AsyncGenerator<string>): Promise<string[]> {
  const seen: string[] = [];
  for await (const event of events) {
    seen.push(event);
  }
  return seen;
}

describe(startAhead.name, () => {
  it('should send the model request before the store ends and hold the events until it does', async () => {
    const log: string[] = [];
    const cancel = new AbortController();
    const started = await startAhead(
      fakeRun(cancel.signal, log),
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        log.push('stored');
        return 'session';
      },
      cancel,
    );
    expect(started.stored).toBe('session');
    expect(log.indexOf('model-request')).toBeLessThan(log.indexOf('stored'));
    expect(await collect(started.events)).toEqual(['run-start', 'text-delta', 'run-end']);
    expect(cancel.signal.aborted).toBe(false);
  });

  it('should cancel the run and throw when the store fails', async () => {
    const log: string[] = [];
    const cancel = new AbortController();
    const failure = new Error('insert failed');
    await expect(startAhead(fakeRun(cancel.signal, log), () => Promise.reject(failure), cancel)).rejects.toBe(
      failure,
    );
    expect(cancel.signal.aborted).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log).toEqual(['run-start', 'model-request', 'cancelled', 'finally']);
  });

  it('should end the run when the consumer stops early', async () => {
    const log: string[] = [];
    const cancel = new AbortController();
    const started = await startAhead(fakeRun(cancel.signal, log), async () => 'session', cancel);
    for await (const event of started.events) {
      expect(event).toBe('run-start');
      break;
    }
    expect(log.at(-1)).toBe('finally');
  });
});
