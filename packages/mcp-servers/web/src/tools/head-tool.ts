import { type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { success } from '@youworker/mcp-common';
import { guarded } from '../tool-failure.ts';
import { type WebToolContext, urlInput, webToolAnnotations } from './web-tool-context.ts';

/** Registers `head`: status, final URL and key headers without downloading the body. */
export function registerHeadTool(server: McpServer, context: WebToolContext): void {
  server.registerTool(
    'head',
    {
      title: 'Inspect a URL',
      description:
        'Checks a URL without downloading it: HTTP status, final URL after redirects, content type, ' +
        'content length, last-modified date and the redirect chain. Use it before fetching large or unknown files.',
      annotations: webToolAnnotations,
      inputSchema: { url: urlInput },
    },
    ({ url }, extra) =>
      guarded(async () => {
        let response = await context.client.head(url, { signal: extra.signal });
        if (response.status === 405 || response.status === 501) {
          // Some servers refuse HEAD; a GET that keeps a single byte answers the same questions.
          response = await context.client.get(url, { maxBytes: 1, signal: extra.signal });
        }
        const length = Number(response.headers['content-length']);
        const structured = {
          url: response.url,
          status: response.status,
          content_type: response.contentType || null,
          content_length:
            response.headers['content-length'] !== undefined && Number.isFinite(length) ? length : null,
          last_modified: response.headers['last-modified'] ?? null,
          redirects: response.redirects,
        };
        const lines = [
          `HTTP ${response.status} ${response.url}`,
          `Content-Type: ${structured.content_type ?? 'unknown'}`,
          `Content-Length: ${structured.content_length ?? 'unknown'}`,
          `Last-Modified: ${structured.last_modified ?? 'unknown'}`,
          ...(response.redirects.length > 0 ? [`Redirected from: ${response.redirects.join(' → ')}`] : []),
        ];
        return success(structured, lines.join('\n'));
      }),
  );
}
