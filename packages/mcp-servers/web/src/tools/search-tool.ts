import { type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { success } from '@youworker/mcp-common';
import { z } from 'zod';
import { runSearch } from '../search/run-search.ts';
import { type SearchResult } from '../search/search-result.ts';
import { guarded } from '../tool-failure.ts';
import { type WebToolContext, webToolAnnotations } from './web-tool-context.ts';

function summary(query: string, results: readonly SearchResult[]): string {
  if (results.length === 0) {
    return `No results for "${query}".`;
  }
  return results
    .map((result, index) => {
      const snippet = result.snippet === '' ? '' : `\n   ${result.snippet}`;
      return `${index + 1}. ${result.title}\n   ${result.url}${snippet}`;
    })
    .join('\n');
}

/** Registers `search`: a web search on the configured SearXNG or DuckDuckGo engine. */
export function registerSearchTool(server: McpServer, context: WebToolContext): void {
  const engine = context.options.search;
  server.registerTool(
    'search',
    {
      title: 'Web search',
      description:
        `Searches the web (${engine.kind === 'searxng' ? 'SearXNG' : 'DuckDuckGo'}) and returns up to \`limit\` ` +
        'results with title, URL and snippet. Read a result with `fetch` or `extract_article`.',
      annotations: { ...webToolAnnotations, idempotentHint: false },
      inputSchema: {
        query: z.string().trim().min(1).max(400).describe('Search terms, 1–400 characters'),
        limit: z.number().int().min(1).max(20).default(8).describe('Number of results, 1–20 (default 8)'),
      },
    },
    ({ query, limit }, extra) =>
      guarded(async () => {
        const results = await runSearch(context.client, engine, { query, limit, signal: extra.signal });
        return success({ engine: engine.kind, query, results }, summary(query, results));
      }),
  );
}
