import type { DocumentBlock, ParsedDocument } from '../document-model.ts';
import { estimateJoins, type ChunkUnit } from './chunk-unit.ts';
import type { ContextPrefixer } from './context-prefix.ts';
import { countWithin, runWindows } from './long-runs.ts';
import { headingLevel, headingText, type RenderedDocument } from './render-markdown.ts';
import { splitSpan } from './split-span.ts';
import { splitTable } from './table-units.ts';
import { lineSpans, listItemSpans, sentenceSpans, wordSpans, type Segmenter } from './text-segments.ts';
import type { CountedSpan, Span } from './text-span.ts';

/** Tokens kept free below `maxTokens` for tokenisation differences where pieces are joined. */
export const safetyTokens = 2;

/** What unit building needs to know about the run. */
export interface UnitSettings {
  maxTokens: number;
  overlapTokens: number;
  prefixer: ContextPrefixer;
}

interface HeadingEntry {
  level: number;
  text: string;
  sheet: string | undefined;
}

const segmentersByKind: Record<Exclude<DocumentBlock['kind'], 'table'>, readonly Segmenter[]> = {
  heading: [sentenceSpans, wordSpans, runWindows],
  paragraph: [sentenceSpans, wordSpans, runWindows],
  quote: [sentenceSpans, wordSpans, runWindows],
  list: [listItemSpans, sentenceSpans, wordSpans, runWindows],
  code: [lineSpans, wordSpans, runWindows],
};

/** Tracks the heading path and section number while walking the blocks. */
function createSectionTracker() {
  const stack: HeadingEntry[] = [];
  let section = 0;
  let sheet: string | undefined;
  return {
    enter(block: DocumentBlock): { section: number; headingPath: string[] } {
      if (block.sheet !== undefined && sheet !== undefined && block.sheet !== sheet) {
        // A new sheet: headings found inside the previous sheet no longer apply.
        while (stack.length > 0 && stack.at(-1)?.sheet === sheet) {
          stack.pop();
        }
        section += 1;
      }
      sheet = block.sheet ?? sheet;
      if (block.kind === 'heading') {
        const level = headingLevel(block);
        while ((stack.at(-1)?.level ?? 0) >= level) {
          stack.pop();
        }
        stack.push({ level, text: headingText(block), sheet: block.sheet });
        section += 1;
      }
      return { section, headingPath: stack.map((entry) => entry.text) };
    },
  };
}

function blockPieces(
  text: string,
  block: DocumentBlock,
  span: Span,
  budget: number,
  pieceBudget: number,
): { span: CountedSpan; tableHeader?: string }[] {
  const tokens = countWithin(text.slice(span.start, span.end), budget);
  if (tokens !== undefined) {
    return [{ span: { start: span.start, end: span.end, tokens } }];
  }
  if (block.kind === 'table') {
    return splitTable(text, span, budget);
  }
  return splitSpan(text, span, pieceBudget, segmentersByKind[block.kind]).map((piece) => ({ span: piece }));
}

/**
 * Cuts the rendered document into {@link ChunkUnit}s, each of which fits a chunk together with its
 * heading breadcrumb (and repeated table header). A block that fits is one unit; a longer one is
 * split into pieces small enough to leave room for the overlap, so the packer can recombine them.
 */
export function buildUnits(
  doc: ParsedDocument,
  rendered: RenderedDocument,
  settings: UnitSettings,
): ChunkUnit[] {
  const { text } = rendered;
  const tracker = createSectionTracker();
  const units: ChunkUnit[] = [];
  for (const placed of rendered.blocks) {
    const block = doc.blocks[placed.blockIndex];
    if (!block) {
      continue;
    }
    const { section, headingPath } = tracker.enter(block);
    const budget = settings.maxTokens - settings.prefixer.breadcrumb(headingPath).tokens - safetyTokens;
    const pieceBudget = Math.max(Math.ceil(budget / 2), budget - settings.overlapTokens);
    blockPieces(text, block, placed, budget, pieceBudget).forEach((piece, index) => {
      units.push({
        ...piece.span,
        blockIndex: placed.blockIndex,
        kind: block.kind,
        section,
        headingPath,
        ...(block.kind === 'heading' && index === 0 ? { headingLevel: headingLevel(block) } : {}),
        ...(piece.tableHeader === undefined ? {} : { tableHeader: piece.tableHeader }),
        joinedTokens: piece.span.tokens,
      });
    });
  }
  estimateJoins(text, units, 0, units.length);
  return units;
}
