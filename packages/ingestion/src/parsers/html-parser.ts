import { isProbablyReaderable, Readability } from '@mozilla/readability';
import type { ParsedDocument } from '../document-model.ts';
import { DocumentBuilder } from './document-builder.ts';
import { type DomDocument, parseHtmlDocument } from './dom-types.ts';
import { htmlToBlocks } from './html-blocks.ts';
import { collapseWhitespace } from './markdown-format.ts';
import type { ParseContext } from './parse-context.ts';
import { decodeText, sniffTextEncoding } from './text-decoding.ts';

/** Page furniture removed before looking for content: navigation, headers, footers, asides, forms. */
const BOILERPLATE = [
  'nav',
  'footer',
  'aside',
  'body > header',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="complementary"]',
  '[role="search"]',
  'dialog',
].join(', ');

/** The text of `bytes`, honouring a `<meta charset>` when the bytes are not valid UTF-8. */
function decodeHtml(bytes: Uint8Array): string {
  if (sniffTextEncoding(bytes) !== 'windows-1252') {
    return decodeText(bytes);
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
  try {
    return new TextDecoder(declared ?? 'windows-1252').decode(bytes);
  } catch {
    return decodeText(bytes);
  }
}

/** `html` parsed, with its boilerplate elements removed. */
function cleanedDocument(html: string): DomDocument {
  const document = parseHtmlDocument(html);
  for (const element of [...document.querySelectorAll(BOILERPLATE)]) {
    element.remove();
  }
  return document;
}

/** Readability's article when the page looks like one (its own `isProbablyReaderable` gate). */
function readableArticle(html: string): { title?: string; content: string } | undefined {
  const document = cleanedDocument(html);
  if (!isProbablyReaderable(document)) {
    return undefined;
  }
  const article = new Readability(document, { keepClasses: true }).parse();
  const content = article?.content;
  if (content === null || content === undefined || (article?.textContent ?? '').trim() === '') {
    return undefined;
  }
  return { content, ...(article?.title ? { title: article.title } : {}) };
}

/**
 * HTML: when Mozilla Readability judges the page an article, its main content; otherwise the whole
 * body. Navigation, banners, footers, asides and hidden elements are dropped either way, then the
 * tree becomes Markdown blocks (see `htmlToBlocks`). The title is `<title>`, else the first heading.
 */
export async function parseHtml(bytes: Uint8Array, context: ParseContext): Promise<ParsedDocument> {
  const html = decodeHtml(bytes);
  const builder = new DocumentBuilder(context.mimeType, context.limits.maxChars);
  const page = cleanedDocument(html);
  const title = page.title.trim() || undefined;
  const article = readableArticle(html);
  const root = article === undefined ? page.body : parseHtmlDocument(article.content).body;
  const blocks = root === null ? [] : htmlToBlocks(root);
  // Readability lifts the article's own <h1> out as its title: put the page's heading back on top.
  const heading = collapseWhitespace(page.querySelector('h1')?.textContent ?? article?.title ?? '');
  if (
    article !== undefined &&
    heading !== '' &&
    !blocks.slice(0, 3).some((block) => block.text === heading)
  ) {
    builder.add({ kind: 'heading', text: heading, level: 1 });
  }
  builder.addAll(blocks);
  return builder.finish({
    ...(title !== undefined || article?.title !== undefined ? { title: title ?? article?.title } : {}),
    emptyMessage: 'The web page has no readable text.',
  });
}
