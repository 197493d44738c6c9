import type { BlockKind } from '../document-model.ts';
import type { ChunkUnit } from './chunk-unit.ts';
import { tokensWithin } from './count-tokens.ts';
import { sentenceSpans, wordSpans } from './text-segments.ts';
import type { Span } from './text-span.ts';

/** Text repeated from the end of the previous chunk: `[start, end of the previous chunk)`. */
export interface Overlap {
  start: number;
  /** The block `start` lies in. */
  blockIndex: number;
  tokens: number;
}

/** Only running text overlaps: repeating table rows, code lines or headings would mislead. */
const overlappingKinds: ReadonlySet<BlockKind> = new Set(['paragraph', 'list', 'quote']);

/**
 * The overlap for the chunk after `previous` (the units of the previous chunk, whose body starts
 * at `previousStart`): the longest run of whole sentences at its end within `limit` tokens, taken
 * from trailing paragraph/list/quote units; when not even the last sentence fits, the longest run
 * of whole words of that sentence. Never reaches back to `previousStart` (every chunk adds text).
 */
export function selectOverlap(
  text: string,
  previous: readonly ChunkUnit[],
  previousStart: number,
  limit: number,
): Overlap | undefined {
  const last = previous.at(-1);
  if (!last || limit <= 0 || !overlappingKinds.has(last.kind)) {
    return undefined;
  }
  const end = last.end;
  const grow = (candidates: readonly Span[], blockIndex: number, best: Overlap | undefined) => {
    let result = best;
    for (let index = candidates.length - 1; index >= 0; index -= 1) {
      const start = candidates[index]?.start ?? end;
      const tokens = start > previousStart ? tokensWithin(text.slice(start, end), limit) : false;
      if (tokens === false) {
        return { result, done: true };
      }
      result = { start, blockIndex, tokens };
    }
    return { result, done: false };
  };
  let best: Overlap | undefined;
  for (let index = previous.length - 1; index >= 0; index -= 1) {
    const unit = previous[index];
    if (!unit || !overlappingKinds.has(unit.kind)) {
      break;
    }
    const step = grow(sentenceSpans(text, unit), unit.blockIndex, best);
    best = step.result;
    if (step.done) {
      break;
    }
  }
  if (best) {
    return best;
  }
  const lastSentence = sentenceSpans(text, last).at(-1);
  return lastSentence ? grow(wordSpans(text, lastSentence), last.blockIndex, undefined).result : undefined;
}
