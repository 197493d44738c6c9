import { type AddressPolicy, type SafeResponse, createAddressPolicy, safeFetch } from '@youworker/net';
import { type ResolvedWebOptions } from './web-options.ts';

/** Per-request options of {@link WebClient}. */
export interface WebRequestOptions {
  /** Lower cap on body bytes than the server's; never raises it. */
  maxBytes?: number;
  accept?: string;
  signal?: AbortSignal;
}

/** The tools' only door to the network: `safeFetch` with the server's policy and limits. */
export interface WebClient {
  /** GET that keeps the first `maxBytes` of a larger body (`truncated: true`). */
  get(url: string, options?: WebRequestOptions): Promise<SafeResponse>;
  head(url: string, options?: WebRequestOptions): Promise<SafeResponse>;
  /** GET to the search engine: the configured engine host is allowlisted here only; too large fails. */
  search(url: string, options?: WebRequestOptions): Promise<SafeResponse>;
}

interface RequestMode {
  method: 'GET' | 'HEAD';
  policy: AddressPolicy;
  truncate: boolean;
}

const PAGE_ACCEPT =
  'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,text/markdown;q=0.8,application/json;q=0.7,*/*;q=0.1';

function engineHostname(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    throw new RangeError(`Invalid search engine URL "${url}": expected an absolute http(s) URL`);
  }
}

/**
 * Builds the {@link WebClient}. An explicitly configured search engine URL (usually a SearXNG on the
 * LAN) has its host allowlisted for search requests only, never for `fetch`. A malformed allowlist
 * entry or engine URL throws a `RangeError` naming it.
 */
export function createWebClient(options: ResolvedWebOptions): WebClient {
  const fetchPolicy = createAddressPolicy(options.fetch.allow);
  const searchPolicy = options.search.explicit
    ? createAddressPolicy([...options.fetch.allow, engineHostname(options.search.url)])
    : fetchPolicy;
  const request = (url: string, mode: RequestMode, init: WebRequestOptions): Promise<SafeResponse> =>
    safeFetch(url, {
      method: mode.method,
      allow: mode.policy,
      truncate: mode.truncate,
      resolve: options.fetch.resolve,
      maxBytes: Math.min(init.maxBytes ?? options.fetch.maxBytes, options.fetch.maxBytes),
      timeoutMs: options.fetch.timeoutMs,
      maxRedirects: options.fetch.maxRedirects,
      userAgent: options.userAgent,
      accept: init.accept ?? PAGE_ACCEPT,
      signal: init.signal,
    });
  return {
    get: (url, init = {}) => request(url, { method: 'GET', policy: fetchPolicy, truncate: true }, init),
    head: (url, init = {}) => request(url, { method: 'HEAD', policy: fetchPolicy, truncate: true }, init),
    search: (url, init = {}) => request(url, { method: 'GET', policy: searchPolicy, truncate: false }, init),
  };
}
