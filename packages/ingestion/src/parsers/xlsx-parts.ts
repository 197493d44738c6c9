import type { DocumentBlock } from '../document-model.ts';
import { type DomElement, parseXmlDocument } from './dom-types.ts';
import { collapseWhitespace } from './markdown-format.ts';
import { chartBlocks } from './ooxml-chart.ts';
import { isRelationshipType, readRelationships } from './ooxml-relationships.ts';
import { attributeNamed, childNamed, descendantsNamed, prefixedAttribute } from './xml-query.ts';
import type { ZipArchive } from './zip-archive.ts';

const WORKBOOK = 'xl/workbook.xml';

function rootOf(archive: ZipArchive, part: string): DomElement | undefined {
  const xml = archive.readText(part);
  return xml === undefined ? undefined : (parseXmlDocument(xml).documentElement ?? undefined);
}

/** The archive path of each sheet's part, by sheet name (`Sheet1` → `xl/worksheets/sheet1.xml`). */
export function sheetPartsByName(archive: ZipArchive): Map<string, string> {
  const parts = new Map<string, string>();
  const root = rootOf(archive, WORKBOOK);
  if (root === undefined) {
    return parts;
  }
  const relationships = readRelationships(archive, WORKBOOK);
  for (const sheet of descendantsNamed(root, 'sheet')) {
    const target = relationships.get(prefixedAttribute(sheet, 'id') ?? '')?.target;
    const name = attributeNamed(sheet, 'name');
    if (target !== undefined && name !== undefined) {
      parts.set(name, target);
    }
  }
  return parts;
}

/** The charts drawn on a sheet (sheet → drawing → chart parts), each as title + data table blocks. */
export function sheetChartBlocks(archive: ZipArchive, sheetPart: string): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  for (const drawing of readRelationships(archive, sheetPart).values()) {
    if (!isRelationshipType(drawing, 'drawing') || drawing.external) {
      continue;
    }
    for (const chart of readRelationships(archive, drawing.target).values()) {
      const xml =
        isRelationshipType(chart, 'chart') && !chart.external ? archive.readText(chart.target) : undefined;
      if (xml !== undefined) {
        blocks.push(...chartBlocks(xml));
      }
    }
  }
  return blocks;
}

function threadedComments(archive: ZipArchive, part: string): string[] {
  const root = rootOf(archive, part);
  const persons = new Map<string, string>();
  const people = rootOf(archive, 'xl/persons/person.xml');
  for (const person of people === undefined ? [] : descendantsNamed(people, 'person')) {
    persons.set(attributeNamed(person, 'id') ?? '', attributeNamed(person, 'displayName') ?? '');
  }
  return (root === undefined ? [] : descendantsNamed(root, 'threadedComment')).flatMap((comment) => {
    const text = collapseWhitespace(childNamed(comment, 'text')?.textContent ?? '');
    const author = persons.get(attributeNamed(comment, 'personId') ?? '');
    const cell = attributeNamed(comment, 'ref') ?? '';
    return text === '' ? [] : [`Comment${author ? ` by ${author}` : ''} on ${cell}: ${text}`];
  });
}

function legacyComments(archive: ZipArchive, part: string): string[] {
  const root = rootOf(archive, part);
  if (root === undefined) {
    return [];
  }
  const authors = descendantsNamed(root, 'author').map((author) => author.textContent ?? '');
  return descendantsNamed(root, 'comment').flatMap((comment) => {
    const author = authors[Number(attributeNamed(comment, 'authorId') ?? -1)] ?? '';
    if (author.startsWith('tc=')) {
      // The legacy copy of a threaded comment: the threaded part is read instead.
      return [];
    }
    const body = childNamed(comment, 'text');
    const text = collapseWhitespace(
      body === undefined
        ? ''
        : descendantsNamed(body, 't')
            .map((t) => t.textContent ?? '')
            .join(''),
    );
    const cell = attributeNamed(comment, 'ref') ?? '';
    return text === '' ? [] : [`Comment${author ? ` by ${author}` : ''} on ${cell}: ${text}`];
  });
}

/** A sheet's cell comments (legacy notes and threaded comments with replies), one line each. */
export function sheetComments(archive: ZipArchive, sheetPart: string): string[] {
  const comments: string[] = [];
  for (const relationship of readRelationships(archive, sheetPart).values()) {
    if (relationship.external) {
      continue;
    }
    if (isRelationshipType(relationship, 'comments')) {
      comments.push(...legacyComments(archive, relationship.target));
    } else if (isRelationshipType(relationship, 'threadedComment')) {
      comments.push(...threadedComments(archive, relationship.target));
    }
  }
  return comments;
}
