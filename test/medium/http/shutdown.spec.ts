import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { installShutdownHandlers } from '../../../apps/server/src/server.ts';
import { createTestApp } from '../../support/test-app.ts';
import { createTestDatabase } from '../../support/test-database.ts';

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path, agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body });
      });
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('graceful shutdown', () => {
  it('should drain an in-flight request, refuse new ones, then close dependencies and exit 0', async () => {
    const database = await createTestDatabase();
    const testApp = await createTestApp({ database: database.handle });
    const events: string[] = [];
    testApp.app.get('/v1/probe/slow', { config: { policy: 'public' } }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      events.push('in-flight handled');
      return { done: true };
    });
    await testApp.app.listen({ port: 0, host: '127.0.0.1' });
    const address = testApp.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;

    const exited = new Promise<number>((resolve) => {
      installShutdownHandlers({
        app: testApp.app,
        logger: testApp.deps.logger,
        timeoutMs: 5000,
        closeDependencies: async () => {
          events.push('dependencies closed');
          await database.destroy();
        },
        exit: (code) => {
          events.push(`exit ${code}`);
          resolve(code);
        },
      });
    });

    const inFlight = get(port, '/v1/probe/slow');
    await new Promise((resolve) => setTimeout(resolve, 100));
    process.emit('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const late = await get(port, '/health').catch((error: unknown) => error);

    expect(await inFlight).toEqual({ status: 200, body: '{"done":true}' });
    expect(await exited).toBe(0);
    expect(events).toEqual(['in-flight handled', 'dependencies closed', 'exit 0']);
    // A request after SIGTERM either finds the port closed or gets 503 while the server drains.
    if (late instanceof Error) {
      expect(late.message).toMatch(/ECONNREFUSED|socket hang up|ECONNRESET/);
    } else {
      expect((late as { status: number }).status).toBe(503);
    }
    expect(testApp.logs.map((line) => line.msg)).toContain('shutdown complete');
  });
});
