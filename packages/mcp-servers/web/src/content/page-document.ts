import { type DomDocument, collapsedText, parseHtmlDocument } from './dom.ts';
import { stripNonContent } from './strip-html.ts';

/** A hyperlink found on a page, absolute. */
export interface PageLink {
  text: string;
  url: string;
}

const furniture = 'script, style, noscript, template, iframe, object, embed, svg';

function absolute(value: string, base: string): string | undefined {
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:'
      ? url.href
      : undefined;
  } catch {
    return undefined;
  }
}

function baseUrl(document: DomDocument, pageUrl: string): string {
  const declared = document.querySelector('base[href]')?.getAttribute('href');
  return (declared && absolute(declared, pageUrl)) || pageUrl;
}

/**
 * Characters of markup (after {@link stripNonContent}) that are parsed and converted. Parsing,
 * Readability and Turndown run on the event loop in roughly linear time, and the tools return far
 * less text than this, so longer markup is cut (and reported as truncated).
 */
export const MAX_MARKUP_CHARS = 300_000;

/** A parsed page and whether its markup was cut at {@link MAX_MARKUP_CHARS}. */
export interface PageDocument {
  document: DomDocument;
  truncated: boolean;
}

/**
 * Parses `html` fetched from `pageUrl` and prepares it for conversion: scripts, styles, SVG, embeds
 * and comments are removed, the rest is cut at {@link MAX_MARKUP_CHARS}, `a[href]` and `img[src]`
 * become absolute (honouring `<base href>`), `javascript:` links lose their target and inline
 * `data:` images are dropped.
 */
export function loadPageDocument(html: string, pageUrl: string): PageDocument {
  const markup = stripNonContent(html);
  const document = parseHtmlDocument(markup.slice(0, MAX_MARKUP_CHARS));
  const base = baseUrl(document, pageUrl);
  for (const element of document.querySelectorAll(furniture)) {
    element.remove();
  }
  for (const anchor of document.querySelectorAll('a[href]')) {
    const target = absolute(anchor.getAttribute('href') ?? '', base);
    if (target === undefined) {
      anchor.removeAttribute('href');
    } else {
      anchor.setAttribute('href', target);
    }
  }
  for (const image of document.querySelectorAll('img')) {
    const source = absolute(image.getAttribute('src') ?? '', base);
    if (source === undefined) {
      image.remove();
    } else {
      image.setAttribute('src', source);
    }
  }
  return { document, truncated: markup.length > MAX_MARKUP_CHARS };
}

/**
 * The page's distinct http(s) links in document order (fragment removed, links back to `pageUrl`
 * itself skipped), with their collapsed text (≤ 120 characters), at most `maxLinks`.
 */
export function pageLinks(document: DomDocument, pageUrl: string, maxLinks: number): PageLink[] {
  const self = pageUrl.split('#')[0];
  const seen = new Set<string>();
  const links: PageLink[] = [];
  for (const anchor of document.querySelectorAll('a[href]')) {
    if (links.length >= maxLinks) {
      break;
    }
    const href = anchor.getAttribute('href') ?? '';
    if (!href.startsWith('http:') && !href.startsWith('https:')) {
      continue;
    }
    const url = href.split('#')[0] ?? href;
    if (url === self || seen.has(url)) {
      continue;
    }
    seen.add(url);
    links.push({ text: collapsedText(anchor).slice(0, 120), url });
  }
  return links;
}
