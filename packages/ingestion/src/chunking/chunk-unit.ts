import type { BlockKind } from '../document-model.ts';
import { longRunLength } from './long-runs.ts';
import type { CountedSpan } from './text-span.ts';

const punctuation = /[^\s\p{L}\p{N}]/u;

/**
 * The smallest piece the packer places: a whole block when it fits, otherwise a list item,
 * sentence, table row, line, word or token run of one block. Units are in document order.
 */
export interface ChunkUnit extends CountedSpan {
  blockIndex: number;
  kind: BlockKind;
  /** Increments at every heading block and every change of sheet. */
  section: number;
  headingPath: readonly string[];
  /** Set on the unit that opens a section: the first piece of a heading block. */
  headingLevel?: number;
  /** Set on table rows after the first: the header and delimiter lines, repeated when a chunk starts here. */
  tableHeader?: string;
  /** Estimated tokens of the unit together with the gap since the previous unit: its cost when appended. */
  joinedTokens: number;
}

/**
 * Sets `joinedTokens` of `units[from…to)`: the unit's tokens plus one for a gap holding a line
 * break, unless punctuation precedes it (cl100k_base folds a single space into the next word, a
 * `\n`/`\n\n` run is one token, and `.\n\n` is one token too). It is an estimate; the packer
 * checks every chunk exactly. A unit after a gap longer than
 * `longRunLength` is never joined, so its cost is its own.
 */
export function estimateJoins(text: string, units: ChunkUnit[], from: number, to: number): void {
  for (let index = Math.max(0, from); index < Math.min(to, units.length); index += 1) {
    const unit = units[index];
    if (!unit) {
      continue;
    }
    const previousEnd = units[index - 1]?.end ?? unit.start;
    const gap = unit.start - previousEnd;
    const lineBreak =
      gap > 0 &&
      gap <= longRunLength &&
      text.slice(previousEnd, unit.start).includes('\n') &&
      !punctuation.test(text.charAt(previousEnd - 1));
    unit.joinedTokens = unit.tokens + (lineBreak ? 1 : 0);
  }
}
