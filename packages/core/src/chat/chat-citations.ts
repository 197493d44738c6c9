/** A document chunk given to the model as source `[n]` of a chat turn. */
export interface RetrievedSource {
  /** 1-based number of the source in the turn's context; the model cites it as `[n]`. */
  n: number;
  chunkId: string;
  documentId: string;
  documentTitle: string;
  page: number | null;
  sheet: string | null;
  headingPath: string[];
  /** The whole chunk, as the model reads it. */
  text: string;
  /** A short excerpt, as citations show it. */
  snippet: string;
}

/** A source an answer cites: where it comes from and a short excerpt (no full chunk text). */
export interface ChatCitation {
  n: number;
  documentId: string;
  documentTitle: string;
  chunkId: string;
  page: number | null;
  sheet: string | null;
  headingPath: string[];
  snippet: string;
}

/** Largest number read from a marker; anything above cannot be a source of a turn. */
const MAX_MARKER = 999;
/** Largest range expanded (`[1-40]`); longer ranges are not citations. */
const MAX_RANGE = 50;

/** `[1]`, `[1, 3]`, `[2-4]`, `[1; 2]`: one bracket group of numbers, lists and ranges. */
const markerPattern = /\[(\s*\d{1,3}\s*(?:(?:,|;|-|–)\s*\d{1,3}\s*)*)\]/g;

/** Code blocks and inline code, whose brackets are not citations (`array[1]`). */
const codePattern = /```[\s\S]*?(?:```|$)|`[^`\n]*`/g;

/**
 * The source numbers an answer cites, in order of first appearance, without duplicates: `[n]`,
 * adjacent markers (`[1][2]`), lists (`[1, 3]`, `[1; 3]`) and ranges (`[2-4]`). Brackets right after a
 * letter, digit or `_` (`items[1]`) and inside code are ignored.
 */
export function citedNumbers(text: string): number[] {
  const prose = text.replace(codePattern, (code) => ' '.repeat(code.length));
  const found: number[] = [];
  const add = (value: number) => {
    if (value >= 1 && value <= MAX_MARKER && !found.includes(value)) {
      found.push(value);
    }
  };
  for (const match of prose.matchAll(markerPattern)) {
    const before = match.index === 0 ? '' : prose[match.index - 1];
    if (before !== undefined && /[\p{L}\p{N}_]/u.test(before)) {
      continue;
    }
    for (const part of (match[1] ?? '').split(/[,;]/)) {
      const [from, to] = part.split(/[-–]/).map((value) => Number.parseInt(value.trim(), 10));
      if (from === undefined || Number.isNaN(from)) {
        continue;
      }
      if (to === undefined || Number.isNaN(to)) {
        add(from);
      } else if (to >= from && to - from < MAX_RANGE) {
        for (let value = from; value <= to; value += 1) {
          add(value);
        }
      }
    }
  }
  return found;
}

/**
 * The citations of an answer: the sources whose number the text cites, ordered by number. Markers
 * naming no source of this turn are ignored; an answer that cites nothing has no citations (the
 * sources it was given are not listed as if it had cited them).
 */
export function citationsFor(text: string, sources: readonly RetrievedSource[]): ChatCitation[] {
  if (sources.length === 0) {
    return [];
  }
  const cited = new Set(citedNumbers(text));
  return sources
    .filter((source) => cited.has(source.n))
    .map((source) => ({
      n: source.n,
      documentId: source.documentId,
      documentTitle: source.documentTitle,
      chunkId: source.chunkId,
      page: source.page,
      sheet: source.sheet,
      headingPath: source.headingPath,
      snippet: source.snippet,
    }));
}
