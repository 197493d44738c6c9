import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerCrawlTool } from './tools/crawl-tool.ts';
import { registerExtractArticleTool } from './tools/extract-article-tool.ts';
import { registerFetchTool } from './tools/fetch-tool.ts';
import { registerHeadTool } from './tools/head-tool.ts';
import { registerSearchTool } from './tools/search-tool.ts';
import { type WebToolContext } from './tools/web-tool-context.ts';
import { createWebClient } from './web-client.ts';
import { type WebServerOptions, resolveWebOptions } from './web-options.ts';

/**
 * Creates the `youworker-web` MCP server with the read-only, open-world tools `search`, `fetch`,
 * `head`, `extract_article` and `crawl`. Every request goes through `@youworker/net`'s SSRF-safe
 * client: internal addresses are unreachable unless `options.fetch.allow` lists them. Throws a
 * `RangeError` for a malformed allowlist entry or search engine URL. Create one per connection.
 */
export function createWebServer(options: WebServerOptions = {}): McpServer {
  const resolved = resolveWebOptions(options);
  const context: WebToolContext = { client: createWebClient(resolved), options: resolved };
  const server = new McpServer({ name: 'youworker-web', version: '0.1.0' });
  registerSearchTool(server, context);
  registerFetchTool(server, context);
  registerHeadTool(server, context);
  registerExtractArticleTool(server, context);
  registerCrawlTool(server, context);
  return server;
}
