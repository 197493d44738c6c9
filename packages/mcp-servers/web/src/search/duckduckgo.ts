import { collapsedText, parseHtmlDocument } from '../content/dom.ts';
import { type SearchResult, isWebUrl } from './search-result.ts';

/** The results-page URL for `query` on DuckDuckGo's HTML endpoint at `baseUrl`. */
export function duckDuckGoSearchUrl(baseUrl: string, query: string): string {
  const url = new URL(baseUrl);
  url.searchParams.set('q', query);
  return url.href;
}

/**
 * The real target of a DuckDuckGo result link: `//duckduckgo.com/l/?uddg=<encoded target>&rut=…`
 * redirect links are decoded; direct http(s) links are kept; ad links (`/y.js`) and anything else
 * give `undefined`.
 */
export function decodeDuckDuckGoLink(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href, 'https://duckduckgo.com/');
  } catch {
    return undefined;
  }
  const onDuckDuckGo = url.hostname === 'duckduckgo.com' || url.hostname.endsWith('.duckduckgo.com');
  if (!onDuckDuckGo) {
    return isWebUrl(url.href) ? url.href : undefined;
  }
  const target = url.pathname === '/l/' ? url.searchParams.get('uddg') : null;
  return target !== null && isWebUrl(target) ? target : undefined;
}

/** The first `limit` organic results of a DuckDuckGo HTML results page; ads are skipped. */
export function parseDuckDuckGoHtml(html: string, limit: number): SearchResult[] {
  const document = parseHtmlDocument(html);
  const seen = new Set<string>();
  const results: SearchResult[] = [];
  for (const result of document.querySelectorAll('.result')) {
    if (results.length >= limit) {
      break;
    }
    const anchor = result.querySelector('a.result__a');
    const url = anchor ? decodeDuckDuckGoLink(anchor.getAttribute('href') ?? '') : undefined;
    if (anchor === null || url === undefined || result.closest('.result--ad') !== null || seen.has(url)) {
      continue;
    }
    seen.add(url);
    const snippet = result.querySelector('.result__snippet');
    results.push({
      title: collapsedText(anchor) || url,
      url,
      snippet: snippet ? collapsedText(snippet) : '',
    });
  }
  return results;
}
