import { SafeFetchError } from '@youworker/net';
import { contentKind } from '../content/content-kind.ts';
import { decodeText } from '../content/decode-text.ts';
import { type PageContent, readPage } from '../content/html-to-markdown.ts';
import { type PageLink } from '../content/page-document.ts';
import { type WebClient } from '../web-client.ts';
import { type RobotsRules } from './robots-rules.ts';

/** What to crawl. */
export interface CrawlRequest {
  url: string;
  maxDepth: number;
  maxPages: number;
  sameHost: boolean;
  excerptChars: number;
  /** Ends the crawl early; pages fetched so far are returned. */
  signal: AbortSignal;
}

/** A crawled HTML page. */
export interface CrawledPage {
  url: string;
  depth: number;
  title: string;
  excerpt: string;
}

/** A URL the crawl did not turn into a page, and why. */
export interface SkippedUrl {
  url: string;
  reason: string;
}

/** Outcome of {@link crawl}. */
export interface CrawlResult {
  pages: CrawledPage[];
  skipped: SkippedUrl[];
  /** `complete` when the frontier ran dry. */
  stoppedBy: 'complete' | 'maxPages' | 'timeout';
}

interface QueueItem {
  url: string;
  depth: number;
}

const LINKS_PER_PAGE = 500;
/** A crawl keeps an excerpt and the links, so a page's first MiB is plenty and keeps conversion quick. */
const PAGE_MAX_BYTES = 1024 * 1024;
const binaryExtension =
  /\.(?:pdf|png|jpe?g|gif|webp|svg|ico|bmp|tiff?|mp[34]|m4a|wav|ogg|webm|mov|avi|zip|gz|tgz|bz2|xz|7z|rar|exe|dmg|iso|docx?|xlsx?|pptx?|odt|ods|css|js|woff2?|ttf|eot)$/i;

function withoutFragment(url: string): string {
  return url.split('#')[0] ?? url;
}

/** The reason to skip a fetched response, or undefined when it is an HTML page to keep. */
function skipReason(status: number, contentType: string, body: Buffer): string | undefined {
  if (status >= 400) {
    return `HTTP ${status}`;
  }
  return contentKind(contentType, body) === 'html'
    ? undefined
    : `not HTML (${contentType || 'unknown type'})`;
}

type Visit = { page: PageContent; url: string } | { skip: string } | 'aborted';

/** Fetches one queued URL and converts it, or says why not. `host` is the crawl's host once known. */
async function visit(
  deps: { client: WebClient; robots: RobotsRules },
  request: CrawlRequest,
  item: QueueItem,
  host: string | undefined,
): Promise<Visit> {
  let response;
  try {
    const disallowed = await deps.robots.disallowReason(item.url, request.signal);
    if (disallowed !== undefined) {
      return request.signal.aborted ? 'aborted' : { skip: disallowed };
    }
    response = await deps.client.get(item.url, { maxBytes: PAGE_MAX_BYTES, signal: request.signal });
  } catch (caught) {
    if (!SafeFetchError.isInstance(caught) || item.depth === 0) {
      throw caught;
    }
    return caught.code === 'ABORTED' ? 'aborted' : { skip: caught.message };
  }
  const url = withoutFragment(response.url);
  const offHost = request.sameHost && host !== undefined && new URL(url).host !== host;
  const reason = offHost
    ? `redirected to another host (${url})`
    : skipReason(response.status, response.contentType, response.body);
  if (reason !== undefined) {
    return { skip: reason };
  }
  const html = decodeText(response.body, response.headers['content-type'], true);
  return { page: readPage(html, url, LINKS_PER_PAGE), url };
}

/**
 * Breadth-first crawl from `request.url`: pages at depth ≤ `maxDepth`, at most `maxPages` HTML pages,
 * optionally only on the start page's host (after its redirects). robots.txt is honoured for every
 * URL; links that look like binaries are not queued; non-HTML responses and errors are reported as
 * skipped. A start page that cannot be fetched at all throws its `SafeFetchError`.
 */
export async function crawl(
  deps: { client: WebClient; robots: RobotsRules },
  request: CrawlRequest,
): Promise<CrawlResult> {
  const start = withoutFragment(request.url);
  const queue: QueueItem[] = [{ url: start, depth: 0 }];
  const seen = new Set([start]);
  const result: CrawlResult = { pages: [], skipped: [], stoppedBy: 'complete' };
  let host: string | undefined;
  for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
    if (result.pages.length >= request.maxPages) {
      result.stoppedBy = 'maxPages';
      break;
    }
    const outcome = request.signal.aborted ? 'aborted' : await visit(deps, request, item, host);
    if (outcome === 'aborted') {
      result.stoppedBy = 'timeout';
      break;
    }
    if ('skip' in outcome) {
      result.skipped.push({ url: item.url, reason: outcome.skip });
      continue;
    }
    seen.add(outcome.url);
    host ??= new URL(outcome.url).host;
    const { title, markdown, links } = outcome.page;
    result.pages.push({
      url: outcome.url,
      depth: item.depth,
      title,
      excerpt: markdown.slice(0, request.excerptChars),
    });
    if (item.depth < request.maxDepth) {
      queue.push(...unseenLinks(links, seen, request.sameHost ? host : undefined, item.depth + 1));
    }
  }
  return result;
}

/** Links not yet seen (marking them seen), on `host` when given, that do not look like binaries. */
function unseenLinks(links: readonly PageLink[], seen: Set<string>, host: string | undefined, depth: number) {
  const next: QueueItem[] = [];
  for (const link of links) {
    const url = withoutFragment(link.url);
    const target = new URL(url);
    if (
      seen.has(url) ||
      (host !== undefined && target.host !== host) ||
      binaryExtension.test(target.pathname)
    ) {
      continue;
    }
    seen.add(url);
    next.push({ url, depth });
  }
  return next;
}
