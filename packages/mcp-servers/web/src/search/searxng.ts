import { z } from 'zod';
import { type SearchResult, isWebUrl } from './search-result.ts';

const searxngResponse = z.looseObject({
  results: z.array(
    z.looseObject({
      url: z.string(),
      title: z.string().nullish(),
      content: z.string().nullish(),
    }),
  ),
});

/** The JSON API URL of a SearXNG instance at `baseUrl` (which may have a path prefix). */
export function searxngSearchUrl(baseUrl: string, query: string): string {
  const base = new URL(baseUrl);
  if (!base.pathname.endsWith('/')) {
    base.pathname = `${base.pathname}/`;
  }
  const url = new URL('search', base);
  url.searchParams.set('q', query);
  url.searchParams.set('format', 'json');
  return url.href;
}

/**
 * The first `limit` distinct http(s) results of a SearXNG `format=json` answer. Throws a `TypeError`
 * when the body is not that shape.
 */
export function parseSearxngResults(body: string, limit: number): SearchResult[] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new TypeError('the answer is not JSON');
  }
  const parsed = searxngResponse.safeParse(json);
  if (!parsed.success) {
    throw new TypeError('the JSON has no results array');
  }
  const seen = new Set<string>();
  const results: SearchResult[] = [];
  for (const hit of parsed.data.results) {
    if (results.length >= limit) {
      break;
    }
    if (isWebUrl(hit.url) && !seen.has(hit.url)) {
      seen.add(hit.url);
      results.push({ title: hit.title?.trim() || hit.url, url: hit.url, snippet: hit.content?.trim() ?? '' });
    }
  }
  return results;
}
