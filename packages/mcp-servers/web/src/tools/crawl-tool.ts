import { type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { success } from '@youworker/mcp-common';
import { z } from 'zod';
import { type CrawlResult, crawl } from '../crawl/crawl.ts';
import { createRobotsRules } from '../crawl/robots-rules.ts';
import { guarded } from '../tool-failure.ts';
import { type WebToolContext, urlInput, webToolAnnotations } from './web-tool-context.ts';

function crawlText(result: CrawlResult): string {
  const pages = result.pages.map(
    (page) => `## ${page.title || page.url}\n${page.url} (depth ${page.depth})\n\n${page.excerpt}`,
  );
  const skipped = result.skipped.map((entry) => `- ${entry.url}: ${entry.reason}`);
  const ending = result.stoppedBy === 'complete' ? '' : ` (stopped: ${result.stoppedBy})`;
  return [
    `Crawled ${result.pages.length} page(s)${ending}.`,
    ...pages,
    ...(skipped.length > 0 ? [`Skipped:\n${skipped.join('\n')}`] : []),
  ].join('\n\n');
}

/** Registers `crawl`: a small breadth-first crawl that honours robots.txt. */
export function registerCrawlTool(server: McpServer, context: WebToolContext): void {
  const limits = context.options.crawl;
  server.registerTool(
    'crawl',
    {
      title: 'Crawl a site',
      description:
        'Breadth-first crawl from a URL following links up to `maxDepth` (0–2) and `maxPages` (1–50) HTML pages, ' +
        'by default on the same host only. Honours robots.txt and skips non-HTML files. Returns each page URL, ' +
        `title and a markdown excerpt (${limits.excerptChars} characters); use fetch to read a page in full.`,
      annotations: webToolAnnotations,
      inputSchema: {
        url: urlInput,
        maxDepth: z.number().int().min(0).max(2).default(1).describe('Link depth from the start page, 0–2'),
        maxPages: z.number().int().min(1).max(50).default(10).describe('HTML pages to return, 1–50'),
        sameHost: z.boolean().default(true).describe("Stay on the start page's host"),
      },
    },
    (args, extra) =>
      guarded(async () => {
        const signal = AbortSignal.any([extra.signal, AbortSignal.timeout(limits.timeoutMs)]);
        const result = await crawl(
          { client: context.client, robots: createRobotsRules(context.client, context.options.userAgent) },
          {
            url: args.url,
            maxDepth: args.maxDepth,
            maxPages: Math.min(args.maxPages, limits.maxPages),
            sameHost: args.sameHost,
            excerptChars: limits.excerptChars,
            signal,
          },
        );
        return success(
          { url: args.url, pages: result.pages, skipped: result.skipped, stopped_by: result.stoppedBy },
          crawlText(result),
        );
      }),
  );
}
