import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { webUiPlugin } from './web-ui.plugin.ts';

const root = mkdtempSync(join(tmpdir(), 'web-ui-'));
const dist = join(root, 'dist');
mkdirSync(join(dist, 'assets'), { recursive: true });
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>UI</title>');
writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
writeFileSync(join(dist, 'favicon.svg'), '<svg/>');
writeFileSync(join(root, 'secret.txt'), 'do not serve');

async function appWith(distDir: string) {
  const app = Fastify();
  await app.register(webUiPlugin, { distDir });
  app.get('/v1/thing', () => ({ ok: true }));
  app.get('/health', () => ({ status: 'ok' }));
  return app;
}

describe('webUiPlugin', () => {
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('should serve index.html at / and for app paths, without caching', async () => {
    const app = await appWith(dist);
    for (const url of ['/', '/chat', '/chat/3f1c2a8e-0000-4000-8000-000000000000', '/documents?x=1']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toContain('<title>UI</title>');
    }
  });

  it('should serve hashed assets with their type, cached immutably, and answer HEAD without a body', async () => {
    const app = await appWith(dist);
    const asset = await app.inject({ url: '/assets/index-abc123.js' });
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.body).toBe('console.log(1)');
    const icon = await app.inject({ url: '/favicon.svg' });
    expect(icon.headers['content-type']).toBe('image/svg+xml');
    expect(icon.headers['cache-control']).toBe('no-cache');
    const head = await app.inject({ method: 'HEAD', url: '/assets/index-abc123.js' });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
  });

  it('should leave API paths, unknown files and other methods to the 404 handler', async () => {
    const app = await appWith(dist);
    expect((await app.inject({ url: '/v1/thing' })).json()).toEqual({ ok: true });
    for (const url of [
      '/v1/nothing',
      '/v1',
      '/health/nope',
      '/docs/x',
      '/openapi.json',
      '/assets/missing.js',
    ]) {
      expect((await app.inject({ url })).statusCode, url).toBe(404);
    }
    expect((await app.inject({ method: 'POST', url: '/chat' })).statusCode).toBe(404);
  });

  it('should never serve a file outside dist', async () => {
    const app = await appWith(dist);
    for (const url of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%00',
      '/%E0%A4%A',
    ]) {
      const response = await app.inject({ url });
      expect(response.body, url).not.toContain('do not serve');
    }
  });

  it('should say how to build the UI when dist is missing', async () => {
    const app = await appWith(join(root, 'absent'));
    const response = await app.inject({ url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('npm run build:web');
    expect((await app.inject({ url: '/chat' })).statusCode).toBe(404);
  });
});
