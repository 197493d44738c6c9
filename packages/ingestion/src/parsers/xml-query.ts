import { type DomElement, localName } from './dom-types.ts';

/** The direct children of `element` whose local name is `name` (any namespace prefix). */
export function childrenNamed(element: DomElement, name: string): DomElement[] {
  return [...element.children].filter((child) => localName(child) === name);
}

/** The first direct child of `element` named `name`. */
export function childNamed(element: DomElement, name: string): DomElement | undefined {
  return [...element.children].find((child) => localName(child) === name);
}

/** The element reached by following child names from `element` (`path(sp, 'nvSpPr', 'nvPr', 'ph')`). */
export function path(element: DomElement | undefined, ...names: string[]): DomElement | undefined {
  let current = element;
  for (const name of names) {
    current = current === undefined ? undefined : childNamed(current, name);
  }
  return current;
}

/** Every descendant of `element` named `name`, in document order. */
export function descendantsNamed(element: DomElement, name: string): DomElement[] {
  const found: DomElement[] = [];
  const visit = (parent: DomElement): void => {
    for (const child of parent.children) {
      if (localName(child) === name) {
        found.push(child);
      }
      visit(child);
    }
  };
  visit(element);
  return found;
}

/** The value of the attribute `name`, unprefixed or else with any prefix. */
export function attributeNamed(element: DomElement, name: string): string | undefined {
  return element.getAttribute(name) ?? prefixedAttribute(element, name);
}

/** The value of a prefixed attribute whose local name is `name` (`r:id` for `id`), ignoring an unprefixed one. */
export function prefixedAttribute(element: DomElement, name: string): string | undefined {
  for (const attribute of element.attributes) {
    if (attribute.name.endsWith(`:${name}`) && !attribute.name.startsWith('xmlns')) {
      return attribute.value;
    }
  }
  return undefined;
}
