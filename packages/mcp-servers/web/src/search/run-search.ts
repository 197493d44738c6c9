import { SafeFetchError } from '@youworker/net';
import { decodeText } from '../content/decode-text.ts';
import { ToolFailure } from '../tool-failure.ts';
import { type WebClient } from '../web-client.ts';
import { type ResolvedWebOptions } from '../web-options.ts';
import { duckDuckGoSearchUrl, parseDuckDuckGoHtml } from './duckduckgo.ts';
import { type SearchResult } from './search-result.ts';
import { parseSearxngResults, searxngSearchUrl } from './searxng.ts';

/** A search request. */
export interface SearchRequest {
  query: string;
  limit: number;
  signal?: AbortSignal;
}

function engineName(kind: ResolvedWebOptions['search']['kind']): string {
  return kind === 'searxng' ? 'SearXNG' : 'DuckDuckGo';
}

/**
 * Runs `request` on the configured engine. Throws a {@link ToolFailure} naming the engine URL when the
 * engine is unreachable, answers with an error status or with something unparseable.
 */
export async function runSearch(
  client: WebClient,
  engine: ResolvedWebOptions['search'],
  request: SearchRequest,
): Promise<SearchResult[]> {
  const name = `${engineName(engine.kind)} at ${engine.url}`;
  const url =
    engine.kind === 'searxng'
      ? searxngSearchUrl(engine.url, request.query)
      : duckDuckGoSearchUrl(engine.url, request.query);
  const accept = engine.kind === 'searxng' ? 'application/json' : 'text/html';
  let response;
  try {
    response = await client.search(url, { accept, signal: request.signal });
  } catch (caught) {
    if (SafeFetchError.isInstance(caught)) {
      throw new ToolFailure(
        'SEARCH_ENGINE_UNREACHABLE',
        `Search engine ${name} is unreachable: ${caught.message}`,
      );
    }
    throw caught;
  }
  if (response.status !== 200) {
    const hint =
      engine.kind === 'searxng' && response.status === 403
        ? ' (enable the json format under search.formats in its settings.yml)'
        : engine.kind === 'duckduckgo' && response.status === 202
          ? ' (it is likely rate-limiting this server)'
          : '';
    throw new ToolFailure(
      'SEARCH_ENGINE_FAILED',
      `Search engine ${name} answered HTTP ${response.status}${hint}`,
    );
  }
  const body = decodeText(response.body, response.headers['content-type'], engine.kind === 'duckduckgo');
  if (engine.kind === 'duckduckgo') {
    return parseDuckDuckGoHtml(body, request.limit);
  }
  try {
    return parseSearxngResults(body, request.limit);
  } catch (caught) {
    throw new ToolFailure(
      'SEARCH_ENGINE_FAILED',
      `Search engine ${name} gave an unusable answer: ${(caught as Error).message}`,
    );
  }
}
