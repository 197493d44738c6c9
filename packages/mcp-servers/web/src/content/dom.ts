import { parseHTML } from 'linkedom';

/**
 * The slice of the DOM these tools use, typed here because the workspace compiles without the `dom`
 * lib; linkedom's objects satisfy it structurally.
 */
export interface DomElement {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly innerHTML: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): Iterable<DomElement>;
  closest(selectors: string): DomElement | null;
  remove(): void;
}

/** A parsed HTML document. */
export interface DomDocument {
  readonly title: string;
  readonly body: DomElement | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): Iterable<DomElement>;
}

/** Parses `html` with linkedom; a fragment without `<html>` is wrapped so it gets a head and body. */
export function parseHtmlDocument(html: string): DomDocument {
  const page = /<html[\s>]/i.test(html)
    ? html
    : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return (parseHTML(page) as unknown as { document: DomDocument }).document;
}

/** Text with runs of whitespace collapsed to one space, trimmed. */
export function collapsedText(element: DomElement): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}
