import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { loadWebEnv } from './env.ts';
import { createWebServer } from './web-server.ts';

/**
 * Entry point: `node --import tsx packages/mcp-servers/web/src/stdio.ts` serves the web tools over
 * stdio, configured from WEB_SEARCH_ENGINE, SEARXNG_URL, WEB_FETCH_ALLOWLIST and WEB_FETCH_MAX_BYTES.
 * Invalid configuration is printed to stderr and exits with status 1.
 */
let server;
try {
  server = createWebServer(loadWebEnv());
} catch (caught) {
  process.stderr.write(`${caught instanceof Error ? caught.message : String(caught)}\n`);
  process.exit(1);
}
await server.connect(new StdioServerTransport());
