import type { DocumentBlock, ParsedDocument } from '../document-model.ts';
import { countTokens } from './count-tokens.ts';
import { renderMarkdown } from './render-markdown.ts';
import type { TextChunk } from './text-chunk.ts';

/** A parsed document made of `blocks` (test builder). */
export function buildDocument(
  blocks: DocumentBlock[],
  overrides: Partial<ParsedDocument> = {},
): ParsedDocument {
  return { mimeType: 'text/markdown', warnings: [], blocks, ...overrides };
}

/** `count` deterministic pseudo-words ("w17", "w942"…), one cl100k token or two each. */
export function pseudoWords(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `word${(index * 7919) % 997}`);
}

/**
 * The problems breaking the chunk contract: ordinals, exact token counts within the limit,
 * `text` ending with the trimmed, non-empty body at `[charStart, charEnd)`, bodies moving forward,
 * and every non-whitespace character of the rendered document inside some body.
 */
export function contractViolations(
  doc: ParsedDocument,
  chunks: readonly TextChunk[],
  maxTokens: number,
): string[] {
  const rendered = renderMarkdown(doc);
  const problems: string[] = [];
  let coveredTo = 0;
  let previousEnd = 0;
  chunks.forEach((chunk, index) => {
    const body = rendered.slice(chunk.charStart, chunk.charEnd);
    const checks: [boolean, string][] = [
      [chunk.ordinal === index, 'ordinal'],
      [chunk.tokenCount === countTokens(chunk.text), 'tokenCount is not exact'],
      [chunk.tokenCount <= maxTokens, `tokenCount ${chunk.tokenCount} > ${maxTokens}`],
      [body.length > 0 && body.trim() === body, 'body empty or not trimmed'],
      [chunk.text.endsWith(body), 'text does not end with the body'],
      [chunk.charEnd > previousEnd, 'no progress'],
      [
        rendered.slice(coveredTo, chunk.charStart).trim() === '',
        `text before ${chunk.charStart} not covered`,
      ],
    ];
    for (const [ok, problem] of checks) {
      if (!ok) {
        problems.push(`chunk ${index}: ${problem}`);
      }
    }
    previousEnd = chunk.charEnd;
    coveredTo = Math.max(coveredTo, chunk.charEnd);
  });
  if (rendered.slice(coveredTo).trim() !== '') {
    problems.push('the end of the document is not covered');
  }
  return problems;
}

/** Whether `text` has no lone UTF-16 surrogate (i.e. no character was cut in half). */
export function isWellFormedText(text: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}
