import { type DomElement, parseXmlDocument } from './dom-types.ts';
import { drawingText } from './drawingml-text.ts';
import { collapseWhitespace } from './markdown-format.ts';
import { attributeNamed, childNamed, descendantsNamed } from './xml-query.ts';
import type { ZipArchive } from './zip-archive.ts';

function rootOf(archive: ZipArchive, part: string): DomElement | undefined {
  const xml = archive.readText(part);
  return xml === undefined ? undefined : (parseXmlDocument(xml).documentElement ?? undefined);
}

/**
 * Comment author names by id ("Jane Smith (JS)" when initials are given), from the legacy
 * `commentAuthors.xml` and the modern `authors.xml`.
 */
export function readCommentAuthors(archive: ZipArchive): Map<string, string> {
  const authors = new Map<string, string>();
  for (const [part, element] of [
    ['ppt/commentAuthors.xml', 'cmAuthor'],
    ['ppt/authors.xml', 'author'],
  ] as const) {
    const root = rootOf(archive, part);
    for (const author of root === undefined ? [] : descendantsNamed(root, element)) {
      const name = collapseWhitespace(attributeNamed(author, 'name') ?? '');
      const initials = collapseWhitespace(attributeNamed(author, 'initials') ?? '');
      authors.set(
        attributeNamed(author, 'id') ?? '',
        initials !== '' && initials !== name ? `${name} (${initials})`.trim() : name,
      );
    }
  }
  return authors;
}

/** "Comment by <author>, <time>: <text>", leaving out what the comment does not record. */
function commentLine(author: string | undefined, time: string | undefined, text: string): string {
  const by = [author ? `by ${author}` : '', time ?? ''].filter((part) => part !== '').join(', ');
  return by === '' ? `Comment: ${text}` : `Comment ${by}: ${text}`;
}

/**
 * The comments of a legacy (`p:cmLst/p:cm/p:text`, time in `dt`) or modern
 * (`p188:cmLst/p188:cm/p188:txBody`, time in `created`, with replies) comments part, each as
 * "Comment by <author> (<initials>), <time>: <text>".
 */
export function readSlideComments(
  archive: ZipArchive,
  part: string,
  authors: ReadonlyMap<string, string>,
): string[] {
  const root = rootOf(archive, part);
  if (root === undefined) {
    return [];
  }
  const comments: string[] = [];
  for (const comment of [...descendantsNamed(root, 'cm'), ...descendantsNamed(root, 'reply')]) {
    const legacy = childNamed(comment, 'text');
    const body = childNamed(comment, 'txBody');
    const text = collapseWhitespace(
      legacy !== undefined ? (legacy.textContent ?? '') : body !== undefined ? drawingText(body) : '',
    );
    if (text !== '') {
      const author = authors.get(attributeNamed(comment, 'authorId') ?? '');
      const time = attributeNamed(comment, 'dt') ?? attributeNamed(comment, 'created');
      comments.push(commentLine(author, time?.trim(), text));
    }
  }
  return comments;
}
