import { DEFAULT_MAX_BYTES, type Resolver } from '@youworker/net';

/** The SSRF-safe fetch policy behind every tool. */
export interface WebFetchPolicy {
  /** CIDRs and exact hostnames that may be reached although non-public (e.g. an intranet wiki). Default none. */
  allow?: readonly string[];
  /** Cap on decoded response bytes; the `fetch` tool's `maxBytes` may only lower it. Default 5 MiB. */
  maxBytes?: number;
  /** Budget per request including redirects and the body. Default 15 s. */
  timeoutMs?: number;
  /** Redirects followed per request. Default 5. */
  maxRedirects?: number;
  /** Hostname resolver; defaults to the system resolver. Tests and custom DNS set this. */
  resolve?: Resolver;
}

/** Where `search` sends queries. */
export type SearchEngineConfig = { kind: 'searxng'; url: string } | { kind: 'duckduckgo'; url?: string };

/** Server-side caps for `crawl`. */
export interface CrawlLimits {
  /** Upper bound for the tool's `maxPages` (1–50). Default 50. */
  maxPages?: number;
  /** Characters of markdown kept per crawled page. Default 1,500. */
  excerptChars?: number;
  /** Budget for one whole crawl; pages fetched so far are returned when it runs out. Default 60 s. */
  timeoutMs?: number;
}

/** Options for `createWebServer`; every field has a default. */
export interface WebServerOptions {
  fetch?: WebFetchPolicy;
  /** Default DuckDuckGo's HTML endpoint. */
  search?: SearchEngineConfig;
  /** `User-Agent` for every request; its product token is also the robots.txt user agent. */
  userAgent?: string;
  crawl?: CrawlLimits;
  /** Characters of content returned by `fetch` and `extract_article` before truncation. Default 100,000. */
  maxContentChars?: number;
}

/** {@link WebServerOptions} with every default applied. */
export interface ResolvedWebOptions {
  fetch: Required<Omit<WebFetchPolicy, 'resolve'>> & Pick<WebFetchPolicy, 'resolve'>;
  search: { kind: 'searxng' | 'duckduckgo'; url: string; explicit: boolean };
  userAgent: string;
  crawl: Required<CrawlLimits>;
  maxContentChars: number;
}

/** DuckDuckGo's JavaScript-free results page. */
export const DUCKDUCKGO_HTML_URL = 'https://html.duckduckgo.com/html/';
/** Default `User-Agent` of the web tools. */
export const WEB_USER_AGENT = 'YouWorker/0.1 (+https://github.com/youworker; web tools)';

/** Applies the defaults documented on {@link WebServerOptions}. */
export function resolveWebOptions(options: WebServerOptions = {}): ResolvedWebOptions {
  const search = options.search ?? { kind: 'duckduckgo' };
  return {
    fetch: {
      allow: options.fetch?.allow ?? [],
      maxBytes: options.fetch?.maxBytes ?? DEFAULT_MAX_BYTES,
      timeoutMs: options.fetch?.timeoutMs ?? 15_000,
      maxRedirects: options.fetch?.maxRedirects ?? 5,
      resolve: options.fetch?.resolve,
    },
    search: {
      kind: search.kind,
      url: search.url ?? DUCKDUCKGO_HTML_URL,
      explicit: search.url !== undefined,
    },
    userAgent: options.userAgent ?? WEB_USER_AGENT,
    crawl: {
      maxPages: Math.min(Math.max(options.crawl?.maxPages ?? 50, 1), 50),
      excerptChars: options.crawl?.excerptChars ?? 1_500,
      timeoutMs: options.crawl?.timeoutMs ?? 60_000,
    },
    maxContentChars: options.maxContentChars ?? 100_000,
  };
}
