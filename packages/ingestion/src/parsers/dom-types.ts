import { DOMParser, parseHTML } from 'linkedom';

/**
 * The slice of the DOM the parsers use, typed here because the workspace compiles without the
 * `dom` lib; linkedom's objects satisfy it structurally.
 */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: Iterable<DomNode> & ArrayLike<DomNode>;
  readonly parentNode: DomNode | null;
}

/** An element of {@link DomNode}. */
export interface DomElement extends DomNode {
  readonly tagName: string;
  readonly children: Iterable<DomElement> & ArrayLike<DomElement>;
  readonly attributes: Iterable<{ readonly name: string; readonly value: string }>;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): Iterable<DomElement> & ArrayLike<DomElement>;
  getElementsByTagName(name: string): Iterable<DomElement> & ArrayLike<DomElement>;
  remove(): void;
}

/** A parsed HTML or XML document. */
export interface DomDocument {
  readonly documentElement: DomElement | null;
  readonly body: DomElement | null;
  readonly title: string;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): Iterable<DomElement> & ArrayLike<DomElement>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** True when `node` is an element. */
export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

/** An HTML string parsed by linkedom; a fragment without `<html>` is wrapped so it gets a body. */
export function parseHtmlDocument(html: string): DomDocument {
  const page = /<html[\s>]/i.test(html)
    ? html
    : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return (parseHTML(page) as unknown as { document: DomDocument }).document;
}

/** An XML string parsed by linkedom; tag names keep their namespace prefix (`a:t`). */
export function parseXmlDocument(xml: string): DomDocument {
  return new DOMParser().parseFromString(xml, 'text/xml') as unknown as DomDocument;
}

/** The tag name of an XML `element` without its namespace prefix (`p:sp` → `sp`), case kept. */
export function localName(element: DomElement): string {
  const name = element.tagName;
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}
