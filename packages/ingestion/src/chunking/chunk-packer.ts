import type { ParsedDocument } from '../document-model.ts';
import { selectOverlap, type Overlap } from './chunk-overlap.ts';
import { estimateJoins, type ChunkUnit } from './chunk-unit.ts';
import type { ContextPrefixer, ContextText } from './context-prefix.ts';
import { countTokens } from './count-tokens.ts';
import { longRunLength } from './long-runs.ts';
import { safetyTokens } from './build-units.ts';
import { splitByTokens } from './split-span.ts';
import type { TextChunk } from './text-chunk.ts';

/** What the packer needs: the document, its rendered text, its units and the limits. */
export interface PackInput {
  doc: ParsedDocument;
  text: string;
  /** Mutable: a unit too long after all (tokenisation at a join) is replaced by its pieces. */
  units: ChunkUnit[];
  maxTokens: number;
  overlapTokens: number;
  prefixer: ContextPrefixer;
}

interface OpenChunk {
  /** Index in `units` of the first unit; the chunk holds `count` consecutive units. */
  first: number;
  count: number;
  overlap?: Overlap;
  /** Estimated body tokens (exact per unit, approximate at joins). */
  estimate: number;
}

/** Packs units greedily into chunks (see `chunkDocument` for the rules). */
export function packUnits(input: PackInput): TextChunk[] {
  const { units, maxTokens } = input;
  const chunks: TextChunk[] = [];
  let open: OpenChunk | undefined;
  let previous: OpenChunk | undefined;
  let index = 0;
  const close = (chunk: OpenChunk) => {
    const { emitted, settled } = finalize(input, chunk);
    chunks.push({ ...emitted, ordinal: chunks.length });
    previous = settled;
    open = undefined;
    index = settled.first + settled.count;
  };
  for (;;) {
    const unit = units[index];
    if (!unit) {
      if (!open) {
        return chunks;
      }
      // Closing may give units back (when the estimate was low), so the loop goes on after it.
      close(open);
      continue;
    }
    if (open && startsNewChunk(units, open, unit)) {
      close(open);
      continue;
    }
    if (!open) {
      open = openChunk(input, index, previous);
      index += 1;
      continue;
    }
    const estimate = open.estimate + unit.joinedTokens;
    if (prefixOf(input, open, unit).tokens + estimate <= maxTokens) {
      open.count += 1;
      open.estimate = estimate;
      index += 1;
      continue;
    }
    close(open);
  }
}

function startsNewChunk(units: readonly ChunkUnit[], open: OpenChunk, unit: ChunkUnit): boolean {
  const last = units[open.first + open.count - 1];
  if (unit.headingLevel !== undefined) {
    // Headings stay together while nothing but shallower headings came before (e.g. "# A" then "## B").
    const level = unit.headingLevel;
    const held = units.slice(open.first, open.first + open.count);
    return !held.every((heldUnit) => heldUnit.headingLevel !== undefined && heldUnit.headingLevel < level);
  }
  return last === undefined || last.section !== unit.section || !joinable(last, unit);
}

/** Whether `unit` may share a chunk with `before`: never across a long gap or a cut inside a long run. */
function joinable(before: ChunkUnit, unit: ChunkUnit): boolean {
  return !unit.glued && unit.start - before.end <= longRunLength;
}

function openChunk(input: PackInput, first: number, previous: OpenChunk | undefined): OpenChunk {
  const unit = input.units[first];
  const chunk: OpenChunk = { first, count: 1, estimate: unit?.tokens ?? 0 };
  const previousLast = previous ? input.units[previous.first + previous.count - 1] : undefined;
  if (
    !unit ||
    !previous ||
    !previousLast ||
    previousLast.section !== unit.section ||
    unit.tableHeader !== undefined ||
    !joinable(previousLast, unit)
  ) {
    return chunk;
  }
  const room =
    input.maxTokens - input.prefixer.breadcrumb(unit.headingPath).tokens - unit.joinedTokens - safetyTokens;
  const previousUnits = input.units.slice(previous.first, previous.first + previous.count);
  const previousStart = previous.overlap?.start ?? previousUnits[0]?.start ?? 0;
  const overlap = selectOverlap(
    input.text,
    previousUnits,
    previousStart,
    Math.min(input.overlapTokens, room),
  );
  if (overlap) {
    chunk.overlap = overlap;
    chunk.estimate = overlap.tokens + unit.joinedTokens;
  }
  return chunk;
}

/** The context before the body of `open` (with `last` as its last unit): breadcrumb, then a repeated table header. */
function prefixOf(input: PackInput, open: OpenChunk, last: ChunkUnit): ContextText {
  const breadcrumb = input.prefixer.breadcrumb(last.headingPath);
  const header = open.overlap ? undefined : input.units[open.first]?.tableHeader;
  if (header === undefined) {
    return breadcrumb;
  }
  const table = input.prefixer.tableHeader(header);
  return { text: breadcrumb.text + table.text, tokens: breadcrumb.tokens + table.tokens };
}

/** Replaces the unit at `index` by pieces of at most `budget` tokens. */
function splitUnit(input: PackInput, index: number, budget: number): void {
  const unit = input.units[index];
  if (!unit) {
    return;
  }
  const pieces = splitByTokens(input.text, unit, budget).map((span, position) => {
    const piece: ChunkUnit = { ...unit, ...span };
    if (position > 0) {
      delete piece.headingLevel;
    }
    if (!span.glued) {
      delete piece.glued;
    }
    return piece;
  });
  input.units.splice(index, 1, ...pieces);
  estimateJoins(input.text, input.units, index, index + pieces.length + 1);
}

/**
 * Renders `open` and checks its exact token count. When the estimate was too low it gives back
 * trailing units, then the overlap, and finally cuts a lone unit at token boundaries, until the
 * chunk fits. Returns the chunk and the units it really holds.
 */
function finalize(
  input: PackInput,
  open: OpenChunk,
): { emitted: Omit<TextChunk, 'ordinal'>; settled: OpenChunk } {
  const chunk = { ...open };
  for (;;) {
    const held = input.units.slice(chunk.first, chunk.first + chunk.count);
    const firstUnit = held[0];
    const last = held.at(-1);
    if (!firstUnit || !last) {
      throw new Error('A chunk holds no unit.');
    }
    const charStart = chunk.overlap?.start ?? firstUnit.start;
    const body = input.text.slice(charStart, last.end);
    const text = prefixOf(input, chunk, last).text + body;
    const tokenCount = countTokens(text);
    const excess = tokenCount - input.maxTokens;
    if (excess <= 0) {
      return {
        emitted: describe(input, chunk, held, { text, tokenCount, charStart, charEnd: last.end }),
        settled: chunk,
      };
    }
    if (chunk.count > 1) {
      let released = 0;
      while (chunk.count > 1 && released < excess) {
        released += input.units[chunk.first + chunk.count - 1]?.joinedTokens ?? 0;
        chunk.count -= 1;
      }
    } else if (chunk.overlap) {
      delete chunk.overlap;
    } else {
      splitUnit(input, chunk.first, Math.max(1, countTokens(body) - excess - safetyTokens));
    }
  }
}

function describe(
  input: PackInput,
  chunk: OpenChunk,
  held: readonly ChunkUnit[],
  content: Pick<TextChunk, 'text' | 'tokenCount' | 'charStart' | 'charEnd'>,
): Omit<TextChunk, 'ordinal'> {
  const blockIndexes = [
    ...(chunk.overlap ? [chunk.overlap.blockIndex] : []),
    ...held.map((unit) => unit.blockIndex),
  ];
  const blocks = blockIndexes.map((blockIndex) => input.doc.blocks[blockIndex]);
  const page = blocks.find((block) => block?.page !== undefined)?.page;
  const sheet = blocks.find((block) => block?.sheet !== undefined)?.sheet;
  return {
    ...content,
    ...(page === undefined ? {} : { page }),
    ...(sheet === undefined ? {} : { sheet }),
    headingPath: [...(held.at(-1)?.headingPath ?? [])],
  };
}
