import { Readability } from '@mozilla/readability';
import TurndownService from 'turndown';
import { type DomDocument, collapsedText } from './dom.ts';
import { type PageLink, loadPageDocument, pageLinks } from './page-document.ts';

/** A web page as markdown. */
export interface PageContent {
  title: string;
  markdown: string;
  links: PageLink[];
  /** Whether the markup was cut before conversion (see `MAX_MARKUP_CHARS`). */
  truncated: boolean;
}

/** Readability's view of a page. `undefined` fields were not found. */
export interface ArticleContent {
  title: string;
  byline: string | undefined;
  excerpt: string | undefined;
  publishedTime: string | undefined;
  siteName: string | undefined;
  lang: string | undefined;
  markdown: string;
  /** Whether the markup was cut before conversion (see `MAX_MARKUP_CHARS`). */
  truncated: boolean;
}

const turndown = new TurndownService({
  headingStyle: 'atx',
  codeBlockStyle: 'fenced',
  bulletListMarker: '-',
});

/** Markdown of an HTML string or a DOM node (linkedom nodes are accepted as they are). */
function toMarkdown(input: string | object): string {
  return turndown
    .turndown(input)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Readability's article; it rearranges `document`, so callers must not reuse it afterwards. */
function readability(document: DomDocument) {
  const parsed = new Readability(document).parse();
  const content = parsed?.content;
  if (parsed === null || typeof content !== 'string' || (parsed.textContent ?? '').trim() === '') {
    return undefined;
  }
  return { ...parsed, content };
}

function fallbackTitle(document: DomDocument): string {
  const heading = document.querySelector('h1');
  return document.title.trim() || (heading ? collapsedText(heading) : '');
}

function present(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * Converts a page to markdown: Readability's main content when it finds an article, else the whole
 * body. Links are collected from the whole page (see `pageLinks`), at most `maxLinks`.
 */
export function readPage(html: string, pageUrl: string, maxLinks: number): PageContent {
  const { document, truncated } = loadPageDocument(html, pageUrl);
  const links = pageLinks(document, pageUrl, maxLinks);
  const title = fallbackTitle(document);
  const article = readability(document);
  if (article !== undefined) {
    return {
      title: present(article.title) ?? title,
      markdown: toMarkdown(article.content),
      links,
      truncated,
    };
  }
  // Readability failed and left the document rearranged: convert a fresh parse of the whole body.
  const body = loadPageDocument(html, pageUrl).document.body;
  return { title, markdown: body ? toMarkdown(body) : '', links, truncated };
}

/** Readability's article (title, byline, excerpt, published time, markdown body) or `undefined`. */
export function readArticle(html: string, pageUrl: string): ArticleContent | undefined {
  const { document, truncated } = loadPageDocument(html, pageUrl);
  const title = fallbackTitle(document);
  const article = readability(document);
  if (article === undefined) {
    return undefined;
  }
  return {
    title: present(article.title) ?? title,
    byline: present(article.byline),
    excerpt: present(article.excerpt),
    publishedTime: present(article.publishedTime),
    siteName: present(article.siteName),
    lang: present(article.lang),
    markdown: toMarkdown(article.content),
    truncated,
  };
}
