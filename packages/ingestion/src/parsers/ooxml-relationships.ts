import { parseXmlDocument } from './dom-types.ts';
import { attributeNamed, descendantsNamed } from './xml-query.ts';
import type { ZipArchive } from './zip-archive.ts';

/** One relationship of an OOXML part, its target resolved to an archive path. */
export interface Relationship {
  id: string;
  /** The relationship type URI (its last segment names it: `slide`, `notesSlide`, `chart`…). */
  type: string;
  /** Archive path of the target (`ppt/slides/slide1.xml`), or the raw URL when external. */
  target: string;
  external: boolean;
}

/** `target` resolved against the folder of `part` (`ppt/slides/slide1.xml` + `../charts/c.xml`). */
export function resolvePartPath(part: string, target: string): string {
  if (target.startsWith('/')) {
    return target.slice(1);
  }
  const segments = part.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') {
      segments.pop();
    } else if (segment !== '.' && segment !== '') {
      segments.push(segment);
    }
  }
  return segments.join('/');
}

/** The relationships of `part` (from `<folder>/_rels/<name>.rels`), by id; empty when it has none. */
export function readRelationships(archive: ZipArchive, part: string): Map<string, Relationship> {
  const slash = part.lastIndexOf('/');
  const relsPath = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const xml = archive.readText(relsPath);
  const relationships = new Map<string, Relationship>();
  const root = xml === undefined ? null : parseXmlDocument(xml).documentElement;
  if (root === null) {
    return relationships;
  }
  for (const element of descendantsNamed(root, 'Relationship')) {
    const id = attributeNamed(element, 'Id') ?? '';
    const target = attributeNamed(element, 'Target') ?? '';
    const external = attributeNamed(element, 'TargetMode') === 'External';
    relationships.set(id, {
      id,
      type: attributeNamed(element, 'Type') ?? '',
      target: external ? target : resolvePartPath(part, target),
      external,
    });
  }
  return relationships;
}

/** True when `relationship` has the given last type segment (`notesSlide`, `chart`, `comments`…). */
export function isRelationshipType(relationship: Relationship, name: string): boolean {
  return relationship.type.endsWith(`/${name}`);
}
