import type { ParsedDocument } from '../document-model.ts';
import { buildUnits } from './build-units.ts';
import { packUnits } from './chunk-packer.ts';
import { ChunkingError } from './chunking-error.ts';
import { createContextPrefixer } from './context-prefix.ts';
import { renderDocument } from './render-markdown.ts';
import type { ChunkOptions, TextChunk } from './text-chunk.ts';

const minimumMaxTokens = 16;

function resolveOptions(options: ChunkOptions): Required<ChunkOptions> {
  const maxTokens = options.maxTokens ?? 512;
  const overlapTokens = options.overlapTokens ?? 64;
  if (!Number.isInteger(maxTokens) || maxTokens < minimumMaxTokens) {
    throw new ChunkingError(
      'CHUNK_OPTIONS_INVALID',
      `maxTokens must be an integer of at least ${minimumMaxTokens} (got ${maxTokens}).`,
    );
  }
  if (!Number.isInteger(overlapTokens) || overlapTokens < 0) {
    throw new ChunkingError(
      'CHUNK_OPTIONS_INVALID',
      `overlapTokens must be a non-negative integer (got ${overlapTokens}).`,
    );
  }
  // Configuration validates each limit on its own; an overlap above half a chunk would leave
  // little room for new text, so it is capped rather than refused.
  return { maxTokens, overlapTokens: Math.min(overlapTokens, Math.floor(maxTokens / 2)) };
}

/**
 * Cuts a parsed document into retrieval chunks of at most `maxTokens` cl100k_base tokens (default
 * 512), deterministically.
 *
 * - **Structure first.** A heading starts a new chunk and sets `headingPath` (a heading of level n
 *   replaces every open heading of level ≥ n); headings directly followed by deeper headings stay
 *   in one chunk. A change of sheet also starts a chunk. Within a section, whole blocks are packed
 *   greedily, so chunks break at paragraph, list, table and code boundaries.
 * - **Long blocks.** A table that fits stays whole; a longer one is split by rows, and a chunk
 *   that starts with a later row repeats the header and delimiter lines in front of it. A list is
 *   split at items, a code block at lines, a paragraph at sentences (Unicode rules), then at words,
 *   and as a last resort at token boundaries. The pieces are packed greedily again.
 * - **Overlap.** A chunk that continues the section of the previous one starts with up to
 *   `overlapTokens` (default 64) from its end: whole sentences of trailing paragraph, list or
 *   quote text, or whole words when no sentence fits. Never across headings or sheets, never from
 *   or into table rows.
 * - **Context prefix.** `text` is `breadcrumb + tableHeader + body`: the breadcrumb is the
 *   heading path joined with " > " plus a blank line (omitted when there is no heading; at most a
 *   quarter of `maxTokens`, outer headings dropped first), so an embedding of a chunk deep in a
 *   section still knows what it is about; `tableHeader` is the repeated table header described
 *   above. The body is exactly `renderMarkdown(doc).slice(charStart, charEnd)`, so
 *   `text.endsWith(body)` holds and `text.length - (charEnd - charStart)` is the prefix length.
 * - **Page and sheet** are those of the chunk's first block (the first that has one).
 *
 * Throws {@link ChunkingError} `CHUNK_OPTIONS_INVALID` when `maxTokens` is not an integer ≥ 16
 * or `overlapTokens` not an integer ≥ 0; an overlap above `maxTokens / 2` is capped to it.
 */
export function chunkDocument(doc: ParsedDocument, options: ChunkOptions = {}): TextChunk[] {
  const { maxTokens, overlapTokens } = resolveOptions(options);
  const rendered = renderDocument(doc);
  const prefixer = createContextPrefixer(maxTokens);
  const units = buildUnits(doc, rendered, { maxTokens, overlapTokens, prefixer });
  return packUnits({ doc, text: rendered.text, units, maxTokens, overlapTokens, prefixer });
}
