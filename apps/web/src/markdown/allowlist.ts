/** Elements markdown may produce. Anything else is removed (its text kept when harmless). */
const allowedTags = new Set([
  'a',
  'b',
  'blockquote',
  'br',
  'button',
  'code',
  'del',
  'details',
  'div',
  'em',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'input',
  'kbd',
  'li',
  'ol',
  'p',
  'pre',
  's',
  'span',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Elements removed with their content. */
const droppedTags = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'template',
  'noscript',
  'form',
  'textarea',
  'select',
  'link',
  'meta',
  'base',
  'frame',
  'frameset',
]);

const allowedAttributes = new Set([
  'href',
  'src',
  'alt',
  'title',
  'class',
  'colspan',
  'rowspan',
  'align',
  'start',
  'type',
  'checked',
  'disabled',
  'target',
  'rel',
  'lang',
  'data-copy-code',
  'data-citation',
  'open',
]);

/** Only these URLs survive in `href`/`src`: relative paths, fragments, http(s) and mailto. */
function safeUrl(value: string): boolean {
  // Browsers ignore control characters and whitespace inside a URL's scheme: drop them before checking.
  let trimmed = '';
  for (let index = 0; index < value.length; index += 1) {
    if (value.charCodeAt(index) > 0x20) {
      trimmed += value.charAt(index);
    }
  }
  if (/^(\/(?!\/)|#|\.\.?\/)/.test(trimmed)) {
    return true;
  }
  return /^(https?:|mailto:)/i.test(trimmed);
}

const citationText = /^\[(\d{1,3})\]$/;

/** A link `[n]` to a document (made by renderMarkdown from a run's citations) is a citation. */
function markCitation(element: Element): void {
  const number = citationText.exec(element.textContent)?.[1];
  if (
    element.tagName === 'A' &&
    number !== undefined &&
    element.getAttribute('href')?.startsWith('/documents/')
  ) {
    element.setAttribute('class', 'citation');
    element.setAttribute('data-citation', number);
  }
}

function clean(element: ParentNode): void {
  for (const child of Array.from(element.children)) {
    const tag = child.tagName.toLowerCase();
    if (droppedTags.has(tag)) {
      child.remove();
      continue;
    }
    if (tag === 'input' && child.getAttribute('type') !== 'checkbox') {
      child.remove();
      continue;
    }
    clean(child);
    if (!allowedTags.has(tag)) {
      child.replaceWith(...Array.from(child.childNodes));
      continue;
    }
    markCitation(child);
    for (const attribute of Array.from(child.attributes)) {
      const name = attribute.name.toLowerCase();
      const keep =
        allowedAttributes.has(name) && ((name !== 'href' && name !== 'src') || safeUrl(attribute.value));
      if (!keep) {
        child.removeAttribute(attribute.name);
      }
    }
  }
}

/**
 * A second, independent allowlist pass over sanitised HTML (defence in depth behind DOMPurify):
 * unknown elements are unwrapped, dangerous ones dropped with their content, and only plain
 * attributes and safe URLs are kept. Parsing happens in an inert <template>, so nothing loads or runs.
 */
export function allowlistHtml(html: string): string {
  // Cleaned inside the template's inert content: nodes never join the live document, so no image loads.
  const template = document.createElement('template');
  template.innerHTML = html;
  clean(template.content);
  return template.innerHTML;
}
