import type { DocumentBlock, ParsedDocument } from '../document-model.ts';
import { DocumentBuilder } from './document-builder.ts';
import type { ParseContext } from './parse-context.ts';
import { decodeText } from './text-decoding.ts';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)+\|?\s*$|^\s*\|\s*:?-{1,}:?\s*\|\s*$/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+/;
const QUOTE = /^ {0,3}>/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;

function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim() === '';
}

/** Strips a YAML front matter block, returning its `title:` when it has one. */
function frontMatter(lines: string[]): { start: number; title?: string } {
  if (lines[0]?.trim() !== '---') {
    return { start: 0 };
  }
  const end = lines.findIndex((line, index) => index > 0 && (line.trim() === '---' || line.trim() === '...'));
  if (end === -1) {
    return { start: 0 };
  }
  const titleLine = lines.slice(1, end).find((line) => /^title\s*:/i.test(line));
  const title = titleLine
    ?.replace(/^title\s*:\s*/i, '')
    .replace(/^["']|["']$/g, '')
    .trim();
  return { start: end + 1, ...(title ? { title } : {}) };
}

/** Splits Markdown into blocks; each block keeps its Markdown source (headings without `#`). */
export function markdownBlocks(markdown: string): { blocks: DocumentBlock[]; title?: string } {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const { start, title } = frontMatter(lines);
  const blocks: DocumentBlock[] = [];
  let index = start;
  const take = (predicate: (line: string, taken: string[]) => boolean): string[] => {
    const taken: string[] = [];
    while (index < lines.length && predicate(lines[index] as string, taken)) {
      taken.push(lines[index] as string);
      index += 1;
    }
    return taken;
  };
  while (index < lines.length) {
    const line = lines[index] as string;
    if (isBlank(line) || (THEMATIC_BREAK.test(line) && !LIST_ITEM.test(line))) {
      index += 1;
      continue;
    }
    const fence = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      index += 1;
      const body = take((next) => !next.trimStart().startsWith(fence));
      index += 1;
      blocks.push({ kind: 'code', text: [line.trim(), ...body, fence].join('\n') });
      continue;
    }
    const heading = ATX_HEADING.exec(line);
    if (heading !== null) {
      index += 1;
      blocks.push({ kind: 'heading', text: (heading[2] ?? '').trim(), level: heading[1]?.length ?? 1 });
      continue;
    }
    if (line.includes('|') && TABLE_SEPARATOR.test(lines[index + 1] ?? '')) {
      const rows = take((next) => !isBlank(next) && next.includes('|'));
      blocks.push({ kind: 'table', text: rows.map((row) => row.trim()).join('\n') });
      continue;
    }
    if (QUOTE.test(line)) {
      const quoted = take((next) => !isBlank(next));
      blocks.push({ kind: 'quote', text: quoted.join('\n') });
      continue;
    }
    if (LIST_ITEM.test(line)) {
      const items = take(
        (next, taken) =>
          !isBlank(next) ||
          ((LIST_ITEM.test(lines[index + 1] ?? '') || /^\s{2,}\S/.test(lines[index + 1] ?? '')) &&
            taken.length > 0),
      );
      blocks.push({ kind: 'list', text: items.filter((item) => !isBlank(item)).join('\n') });
      continue;
    }
    if (/^( {4}|\t)/.test(line)) {
      const code = take(
        (next) => /^( {4}|\t)/.test(next) || (isBlank(next) && /^( {4}|\t)/.test(lines[index + 1] ?? '')),
      );
      blocks.push({
        kind: 'code',
        text: ['```', ...code.map((row) => row.replace(/^( {4}|\t)/, '')), '```'].join('\n'),
      });
      continue;
    }
    const paragraph = take(
      (next, taken) =>
        !isBlank(next) &&
        (taken.length === 0 ||
          !(ATX_HEADING.test(next) || FENCE.test(next) || QUOTE.test(next) || LIST_ITEM.test(next))),
    );
    const underline = paragraph[paragraph.length - 1];
    if (paragraph.length > 1 && underline !== undefined && SETEXT_UNDERLINE.test(underline)) {
      const level = underline.trim().startsWith('=') ? 1 : 2;
      const text = paragraph.slice(0, -1).join(' ').trim();
      blocks.push({ kind: 'heading', text, level });
      continue;
    }
    blocks.push({ kind: 'paragraph', text: paragraph.join('\n').trim() });
  }
  return { blocks, ...(title !== undefined ? { title } : {}) };
}

/**
 * Markdown: split into heading, paragraph, list, table, fenced or indented code and quote blocks,
 * each keeping its Markdown. The title is the front matter `title:`, else the first heading.
 */
export async function parseMarkdown(bytes: Uint8Array, context: ParseContext): Promise<ParsedDocument> {
  const { blocks, title } = markdownBlocks(decodeText(bytes));
  const builder = new DocumentBuilder(context.mimeType, context.limits.maxChars);
  builder.addAll(blocks);
  return builder.finish({
    ...(title !== undefined ? { title } : {}),
    emptyMessage: 'The Markdown file has no text.',
  });
}
