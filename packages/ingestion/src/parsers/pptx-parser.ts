import type { ParsedDocument } from '../document-model.ts';
import { DocumentBuilder } from './document-builder.ts';
import { parseXmlDocument } from './dom-types.ts';
import { drawingText } from './drawingml-text.ts';
import { readCoreTitle } from './ooxml-properties.ts';
import { isRelationshipType, readRelationships } from './ooxml-relationships.ts';
import type { ParseContext } from './parse-context.ts';
import { ParseError } from './parse-error.ts';
import { readCommentAuthors, readSlideComments } from './pptx-comments.ts';
import { createPlaceholderPositions } from './pptx-reading-order.ts';
import { slideContent } from './pptx-shapes.ts';
import { attributeNamed, descendantsNamed, path, prefixedAttribute } from './xml-query.ts';
import { openZipArchive, type ZipArchive } from './zip-archive.ts';

const PRESENTATION = 'ppt/presentation.xml';

/** The slide parts in presentation order (`p:sldIdLst`). */
function slideParts(archive: ZipArchive): string[] {
  const xml = archive.readText(PRESENTATION);
  const root = xml === undefined ? null : parseXmlDocument(xml).documentElement;
  if (root === null) {
    throw new ParseError(
      'CORRUPT_FILE',
      "The presentation's main part (ppt/presentation.xml) is missing or unreadable.",
    );
  }
  const relationships = readRelationships(archive, PRESENTATION);
  const list = path(root, 'sldIdLst');
  return (list === undefined ? [] : descendantsNamed(list, 'sldId'))
    .map((slide) => relationships.get(prefixedAttribute(slide, 'id') ?? '')?.target)
    .filter((target): target is string => target !== undefined && archive.entries.has(target));
}

/** The text of a notes page's body placeholder. */
function speakerNotes(archive: ZipArchive, part: string): string {
  const xml = archive.readText(part);
  const root = xml === undefined ? null : parseXmlDocument(xml).documentElement;
  const tree = root === null ? undefined : path(root, 'cSld', 'spTree');
  if (tree === undefined) {
    return '';
  }
  return descendantsNamed(tree, 'sp')
    .filter((shape) => {
      const placeholder = path(shape, 'nvSpPr', 'nvPr', 'ph');
      return placeholder !== undefined && attributeNamed(placeholder, 'type') === 'body';
    })
    .map((shape) => {
      const body = path(shape, 'txBody');
      return body === undefined ? '' : drawingText(body);
    })
    .join('\n')
    .trim();
}

/**
 * PPTX/PPTM: per slide (block `page` = slide number, in presentation order) the title as a level-1
 * heading, then, in reading order (top to bottom, left to right), text frames (bulleted
 * placeholders as lists), tables (merged cells repeated),
 * charts (title + cached data table), SmartArt text, then the speaker notes ("Speaker notes: …")
 * and comments. More than `maxPages` slides fails with `LIMIT_EXCEEDED`. The ZIP is read with the
 * bounded inflater, so no entry can inflate past the limits.
 */
export async function parsePptx(bytes: Uint8Array, context: ParseContext): Promise<ParsedDocument> {
  const archive = openZipArchive(bytes, context.limits);
  const slides = slideParts(archive);
  if (slides.length > context.limits.maxPages) {
    throw new ParseError(
      'LIMIT_EXCEEDED',
      `The presentation has ${slides.length} slides; at most ${context.limits.maxPages} are accepted.`,
    );
  }
  const builder = new DocumentBuilder(context.mimeType, context.limits.maxChars);
  const authors = readCommentAuthors(archive);
  const placeholders = createPlaceholderPositions(archive);
  let firstTitle: string | undefined;
  slides.forEach((part, index) => {
    context.signal?.throwIfAborted();
    const page = index + 1;
    const relationships = readRelationships(archive, part);
    const content = slideContent(archive.readText(part) ?? '', {
      archive,
      relationships,
      placeholderOffsets: placeholders.forSlide(relationships),
    });
    if (content.title !== undefined && content.title !== '') {
      firstTitle ??= content.title;
      builder.add({ kind: 'heading', text: content.title, level: 1, page });
    }
    builder.addAll(content.blocks, { page });
    for (const relationship of relationships.values()) {
      if (isRelationshipType(relationship, 'notesSlide')) {
        const notes = speakerNotes(archive, relationship.target);
        builder.add({ kind: 'paragraph', text: notes === '' ? '' : `Speaker notes: ${notes}`, page });
      }
    }
    for (const relationship of relationships.values()) {
      if (isRelationshipType(relationship, 'comments') || isRelationshipType(relationship, 'modernComment')) {
        for (const comment of readSlideComments(archive, relationship.target, authors)) {
          builder.add({ kind: 'paragraph', text: comment, page });
        }
      }
    }
  });
  return builder.finish({
    title: readCoreTitle(archive) ?? firstTitle ?? '',
    pageCount: slides.length,
    emptyMessage: 'The presentation has no text.',
  });
}
