import { describe, expect, it } from 'vitest';
import { WakeSignal } from './wake-signal.ts';

describe(WakeSignal.name, () => {
  it('should resolve after the timeout when nobody wakes it', async () => {
    const started = Date.now();
    await new WakeSignal().wait(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('should end a wait early on wake()', async () => {
    const signal = new WakeSignal();
    const started = Date.now();
    const waiting = signal.wait(10_000);
    signal.wake();
    await waiting;
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('should remember a wake-up that came between two waits', async () => {
    const signal = new WakeSignal();
    signal.wake();
    const started = Date.now();
    await signal.wait(10_000);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
