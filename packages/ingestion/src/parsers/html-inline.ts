import { type DomElement, type DomNode, isElement, TEXT_NODE } from './dom-types.ts';
import { collapseWhitespace } from './markdown-format.ts';

/** Elements whose content is never text of the document. */
export const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'svg',
  'canvas',
  'iframe',
  'object',
  'embed',
  'button',
  'select',
  'datalist',
  'map',
  'audio',
  'video',
]);

/** Elements that start a new block when met in running text. */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** True for an element hidden by `hidden`, `aria-hidden="true"` or an inline `display: none`. */
export function isHidden(element: DomElement): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') {
    return true;
  }
  const style = element.getAttribute('style');
  return style !== null && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** The lower-case tag name of an HTML element. */
export function tagOf(element: DomElement): string {
  return element.tagName.toLowerCase();
}

/** Text node content with whitespace runs collapsed (not trimmed: spaces separate inline runs). */
export function normalizeTextNode(text: string): string {
  return text.replace(/\u200b|\u200c|\u200d|\ufeff/g, '').replace(/[\s\u00a0]+/g, ' ');
}

/** Inline fragments joined: spaces collapsed, spaces around forced line breaks dropped, trimmed. */
export function joinInline(fragments: readonly string[]): string {
  return fragments
    .join('')
    .replace(/ *\n */g, '\n')
    .replace(/ {2,}/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

function wrap(content: string, marker: string): string {
  const trimmed = content.trim();
  if (trimmed === '') {
    return content;
  }
  const leading = content.startsWith(' ') ? ' ' : '';
  const trailing = content.endsWith(' ') ? ' ' : '';
  return `${leading}${marker}${trimmed}${marker}${trailing}`;
}

function isAbsoluteLink(href: string): boolean {
  return /^(?:https?:|mailto:)/i.test(href);
}

/** True for an image inside a `<figure>` with a `<figcaption>`: the caption describes it better. */
function captioned(image: DomElement): boolean {
  for (
    let node = image.parentNode, depth = 0;
    node !== null && depth < 6;
    node = node.parentNode, depth += 1
  ) {
    if (isElement(node) && tagOf(node) === 'figure') {
      return [...node.children].some((child) => tagOf(child) === 'figcaption');
    }
  }
  return false;
}

function checkbox(element: DomElement): string {
  return element.hasAttribute('checked') ? '[x] ' : '[ ] ';
}

function flatTable(element: DomElement, plain: boolean): string {
  const cells = [...element.querySelectorAll('td, th')].filter((cell) => !cell.querySelector('td, th'));
  return ` ${cells.map((cell) => inlineChildren(cell, plain)).join(' ')} `;
}

function flatList(element: DomElement, plain: boolean): string {
  const items = [...element.children].filter((child) => ['li', 'dt', 'dd'].includes(tagOf(child)));
  return ` ${items.map((item) => `- ${collapseWhitespace(inlineChildren(item, plain))}`).join(' ')} `;
}

function inlineElement(element: DomElement, plain: boolean): string {
  const tag = tagOf(element);
  if (SKIPPED_ELEMENTS.has(tag) || isHidden(element)) {
    return '';
  }
  switch (tag) {
    case 'br':
      return '\n';
    case 'img':
    case 'area':
      return captioned(element) ? '' : ` ${collapseWhitespace(element.getAttribute('alt') ?? '')} `;
    case 'input':
      return element.getAttribute('type')?.toLowerCase() === 'checkbox' ? checkbox(element) : '';
    case 'table':
      return flatTable(element, plain);
    case 'ul':
    case 'ol':
    case 'dl':
      return flatList(element, plain);
    default:
      break;
  }
  const content = inlineChildren(element, plain);
  if (plain) {
    return BLOCK_ELEMENTS.has(tag) ? ` ${content} ` : content;
  }
  switch (tag) {
    case 'strong':
    case 'b':
      return wrap(content, '**');
    case 'em':
    case 'i':
    case 'var':
    case 'cite':
      return wrap(content, '*');
    case 'del':
    case 's':
    case 'strike':
      return wrap(content, '~~');
    case 'code':
    case 'kbd':
    case 'samp':
    case 'tt':
    case 'pre':
      return wrap(content.replace(/`/g, "'"), '`');
    case 'a': {
      const href = element.getAttribute('href') ?? '';
      const text = content.trim();
      if (!isAbsoluteLink(href) || text === '') {
        return content;
      }
      const leading = content.startsWith(' ') ? ' ' : '';
      const trailing = content.endsWith(' ') ? ' ' : '';
      return `${leading}[${text}](${href.replace(/\s/g, '%20')})${trailing}`;
    }
    default:
      return BLOCK_ELEMENTS.has(tag) ? ` ${content} ` : content;
  }
}

/** The inline Markdown of `node`: emphasis, code and absolute links kept unless `plain`. */
export function inlineMarkdown(node: DomNode, plain = false): string {
  if (node.nodeType === TEXT_NODE) {
    return normalizeTextNode(node.textContent ?? '');
  }
  return isElement(node) ? inlineElement(node, plain) : '';
}

/** The inline Markdown of `element`'s children, not joined or trimmed. */
export function inlineChildren(element: DomElement, plain = false): string {
  let text = '';
  for (const child of element.childNodes) {
    text += inlineMarkdown(child, plain);
  }
  return text;
}
