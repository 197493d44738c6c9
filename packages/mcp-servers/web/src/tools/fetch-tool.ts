import { type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { success } from '@youworker/mcp-common';
import { z } from 'zod';
import { type PageContent, readPage } from '../content/html-to-markdown.ts';
import { guarded } from '../tool-failure.ts';
import { readWebPage } from './read-web-page.ts';
import { type WebToolContext, capText, urlInput, webToolAnnotations } from './web-tool-context.ts';

const MAX_LINKS = 100;
const LINKS_IN_TEXT = 50;

function pageText(page: PageContent, url: string, content: string, truncated: boolean): string {
  const parts = [page.title === '' ? '' : `# ${page.title}\n`, `Source: ${url}\n`, content];
  if (truncated) {
    parts.push('\n[… content truncated]');
  }
  if (page.links.length > 0) {
    const links = page.links
      .slice(0, LINKS_IN_TEXT)
      .map((link) => `- [${link.text || link.url}](${link.url})`);
    parts.push(`\nLinks:\n${links.join('\n')}`);
  }
  return parts.filter((part) => part !== '').join('\n');
}

/** Registers `fetch`: a page as readable markdown (HTML) or as text (plain, markdown, JSON, XML). */
export function registerFetchTool(server: McpServer, context: WebToolContext): void {
  const { maxBytes, allow } = context.options.fetch;
  server.registerTool(
    'fetch',
    {
      title: 'Fetch a web page',
      description:
        'Fetches a public http(s) URL. HTML becomes readable markdown (main content) with its title and up to ' +
        `${MAX_LINKS} absolute links; plain text, markdown and JSON come back as text. PDFs, images and other ` +
        'binaries are refused. Internal and private addresses are blocked' +
        (allow.length > 0 ? ' unless allowlisted.' : '.') +
        ' Long content is truncated and marked.',
      annotations: webToolAnnotations,
      inputSchema: {
        url: urlInput,
        maxBytes: z
          .number()
          .int()
          .min(1024)
          .max(maxBytes)
          .optional()
          .describe(`Cap on downloaded bytes, at most ${maxBytes} (the default)`),
      },
    },
    ({ url, maxBytes: requested }, extra) =>
      guarded(async () => {
        const { response, kind, text } = await readWebPage(context.client, url, {
          maxBytes: requested,
          signal: extra.signal,
        });
        const page: PageContent =
          kind === 'html'
            ? readPage(text, response.url, MAX_LINKS)
            : { title: '', markdown: text, links: [], truncated: false };
        const capped = capText(page.markdown, context.options.maxContentChars);
        const truncated = capped.truncated || page.truncated || response.truncated;
        return success(
          {
            url: response.url,
            status: response.status,
            content_type: response.contentType,
            title: page.title,
            content: capped.text,
            links: page.links,
            truncated,
            redirects: response.redirects,
          },
          pageText(page, response.url, capped.text, truncated),
        );
      }),
  );
}
