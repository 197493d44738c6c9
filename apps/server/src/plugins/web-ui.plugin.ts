import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';

/** Where `npm run build:web` writes the web UI (apps/web/dist). */
export const defaultWebDistDir = resolve(import.meta.dirname, '../../../web/dist');

/** Options of {@link webUiPlugin}. */
export interface WebUiOptions {
  /** The built SPA (index.html and assets/); default {@link defaultWebDistDir}. */
  distDir?: string;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Paths the API owns: never answered with the SPA, so their 404s stay JSON envelopes. */
const apiPrefixes = ['/v1/', '/health', '/docs', '/openapi.json'];

const notBuiltPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>YouWorker</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">
<h1>The YouWorker web UI is not built yet</h1>
<p>Build it with <code>npm run build:web</code> (<code>npm start</code> does this first), then reload this page.</p>
<p>The API is running: see <a href="/docs">/docs</a> and <a href="/health">/health</a>.</p>
</body></html>`;

/** The URL path of a request, decoded, or undefined when it is malformed. */
function requestPath(url: string): string | undefined {
  const raw = url.split('?')[0] ?? '/';
  try {
    const decoded = decodeURIComponent(raw);
    return decoded.includes('\0') ? undefined : decoded;
  } catch {
    return undefined;
  }
}

async function fileSize(path: string): Promise<number | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : undefined;
  } catch {
    return undefined;
  }
}

function sendFile(request: FastifyRequest, reply: FastifyReply, path: string, size: number, cache: string) {
  void reply
    .status(200)
    .header('content-type', contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream')
    .header('content-length', size)
    .header('cache-control', cache);
  return request.method === 'HEAD' ? reply.send() : reply.send(createReadStream(path));
}

/**
 * Serves the built web UI at `/` on the API's origin, without registering routes (so the route
 * catalogue and the authorization matrix see none): a global `onRequest` step that only acts on
 * GET/HEAD requests no route matched, outside the API paths. Files under dist are sent with their
 * content type (hashed `assets/` cached for a year, immutable); other extension-less paths get
 * index.html (the SPA routes in the browser); the resolved path must stay inside dist, so `..` and
 * encoded traversal cannot leave it. Registered before authentication: the UI's files are public,
 * and a stale session cookie must not stop the sign-in page from loading.
 */
export const webUiPlugin = fastifyPlugin(
  async (app: FastifyInstance, options: WebUiOptions) => {
    const distDir = resolve(options.distDir ?? defaultWebDistDir);
    app.addHook('onRequest', async (request, reply) => {
      if (!request.is404 || (request.method !== 'GET' && request.method !== 'HEAD')) {
        return;
      }
      const path = requestPath(request.url);
      if (
        path === undefined ||
        apiPrefixes.some((prefix) => path === prefix.replace(/\/$/, '') || path.startsWith(prefix))
      ) {
        return;
      }
      const target = resolve(distDir, `.${path}`);
      if (target !== distDir && !target.startsWith(distDir + sep)) {
        return;
      }
      const size = target === distDir ? undefined : await fileSize(target);
      if (size !== undefined) {
        const hashed = path.startsWith('/assets/');
        return sendFile(
          request,
          reply,
          target,
          size,
          hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      }
      if (extname(path) !== '') {
        return;
      }
      const index = resolve(distDir, 'index.html');
      const indexSize = await fileSize(index);
      if (indexSize !== undefined) {
        return sendFile(request, reply, index, indexSize, 'no-cache');
      }
      if (path === '/') {
        return reply
          .status(200)
          .header('content-type', 'text/html; charset=utf-8')
          .header('cache-control', 'no-cache')
          .send(notBuiltPage);
      }
    });
  },
  { name: 'web-ui' },
);
