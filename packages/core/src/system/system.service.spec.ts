import { describe, expect, it } from 'vitest';
import { SystemService, type InstallationStore } from './system.service.ts';

function memoryStore(): InstallationStore & { writes: number } {
  const values = new Map<string, string>();
  return {
    writes: 0,
    getOrCreate(key, value) {
      this.writes += 1;
      if (!values.has(key)) {
        values.set(key, value);
      }
      return Promise.resolve(values.get(key) as string);
    },
  };
}

describe(SystemService.name, () => {
  it('should create the instance id once and keep it', async () => {
    const store = memoryStore();
    let counter = 0;
    const create = () =>
      new SystemService({
        store,
        version: '1.2.3',
        mode: 'embedded',
        environment: 'development',
        generateId: () => `id-${++counter}`,
        now: () => new Date('2026-01-01T00:00:00Z'),
      });
    const first = create();
    expect((await first.getInfo()).instanceId).toBe('id-1');
    expect((await first.getInfo()).instanceId).toBe('id-1');
    expect(store.writes).toBe(1);
    expect(await create().getInfo()).toEqual({
      name: 'YouWorker',
      version: '1.2.3',
      instanceId: 'id-1',
      mode: 'embedded',
      environment: 'development',
      startedAt: new Date('2026-01-01T00:00:00Z'),
    });
  });
});
