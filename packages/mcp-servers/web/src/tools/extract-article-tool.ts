import { type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { success } from '@youworker/mcp-common';
import { readArticle } from '../content/html-to-markdown.ts';
import { ToolFailure, guarded } from '../tool-failure.ts';
import { readWebPage } from './read-web-page.ts';
import { type WebToolContext, capText, urlInput, webToolAnnotations } from './web-tool-context.ts';

/** Registers `extract_article`: Readability's article view of an HTML page. */
export function registerExtractArticleTool(server: McpServer, context: WebToolContext): void {
  server.registerTool(
    'extract_article',
    {
      title: 'Extract an article',
      description:
        'Extracts the main article of an HTML page (news story, blog post, documentation page) with Readability: ' +
        'title, byline, excerpt, published time when the page declares one, site name and the body as markdown.',
      annotations: webToolAnnotations,
      inputSchema: { url: urlInput },
    },
    ({ url }, extra) =>
      guarded(async () => {
        const { response, text } = await readWebPage(context.client, url, {
          signal: extra.signal,
          htmlOnly: true,
        });
        const article = readArticle(text, response.url);
        if (article === undefined) {
          throw new ToolFailure(
            'NO_ARTICLE',
            `No readable article found at ${response.url}; try the fetch tool`,
          );
        }
        const capped = capText(article.markdown, context.options.maxContentChars);
        const truncated = capped.truncated || article.truncated || response.truncated;
        const header = [
          `# ${article.title}`,
          article.byline === undefined ? '' : `By ${article.byline}`,
          article.publishedTime === undefined ? '' : `Published ${article.publishedTime}`,
          `Source: ${response.url}`,
        ].filter((line) => line !== '');
        return success(
          {
            url: response.url,
            title: article.title,
            byline: article.byline ?? null,
            excerpt: article.excerpt ?? null,
            published_time: article.publishedTime ?? null,
            site_name: article.siteName ?? null,
            lang: article.lang ?? null,
            content: capped.text,
            truncated,
          },
          `${header.join('\n')}\n\n${capped.text}${truncated ? '\n\n[… content truncated]' : ''}`,
        );
      }),
  );
}
