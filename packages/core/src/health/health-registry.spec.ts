import { describe, expect, it } from 'vitest';
import { HealthRegistry } from './health-registry.ts';

describe(HealthRegistry.name, () => {
  it('should be ready with no checks', async () => {
    expect(await new HealthRegistry({ timeoutMs: 100 }).check()).toEqual({ status: 'ready', components: {} });
  });

  it('should report details of a healthy component', async () => {
    const registry = new HealthRegistry({ timeoutMs: 100 });
    registry.register('database', () => Promise.resolve({ driver: 'pglite' }));
    const report = await registry.check();
    expect(report.status).toBe('ready');
    expect(report.components.database).toMatchObject({
      status: 'up',
      critical: true,
      details: { driver: 'pglite' },
    });
  });

  it('should fail readiness when a critical component fails, not when an optional one does', async () => {
    const registry = new HealthRegistry({ timeoutMs: 100 });
    registry.register('llm', () => Promise.reject(new Error('connection refused')), { critical: false });
    expect((await registry.check()).status).toBe('ready');
    registry.register('database', () => Promise.reject(new Error('gone')));
    const report = await registry.check();
    expect(report.status).toBe('not-ready');
    expect(report.components.database).toMatchObject({ status: 'down', error: 'gone' });
  });

  it('should time out a hanging check and abort its signal', async () => {
    const registry = new HealthRegistry({ timeoutMs: 20 });
    let aborted = false;
    registry.register('queue', (signal) => {
      signal.addEventListener('abort', () => {
        aborted = true;
      });
      return new Promise(() => {});
    });
    const report = await registry.check();
    expect(report.components.queue).toMatchObject({ status: 'down', error: 'timed out after 20 ms' });
    expect(aborted).toBe(true);
  });

  it('should run checks in parallel', async () => {
    const registry = new HealthRegistry({ timeoutMs: 1000 });
    const started: string[] = [];
    for (const name of ['a', 'b', 'c']) {
      registry.register(name, async () => {
        started.push(name);
        await new Promise((resolve) => setTimeout(resolve, 30));
        return undefined;
      });
    }
    const pending = registry.check();
    expect(started).toEqual(['a', 'b', 'c']);
    expect((await pending).status).toBe('ready');
  });
});
