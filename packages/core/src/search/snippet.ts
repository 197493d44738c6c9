/** Query words worth highlighting (letters/digits, 2+ characters, lower-cased, unique). */
export function queryTerms(query: string): string[] {
  const words = query.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? [];
  return [...new Set(words)];
}

/**
 * A window of `text` around the first query term (or its start), with the ranges of every term
 * occurrence inside the window, for the UI to highlight.
 */
export function snippetOf(
  text: string,
  terms: readonly string[],
  length = 320,
): { snippet: string; highlights: [number, number][] } {
  const lower = text.toLowerCase();
  let first = -1;
  for (const term of terms) {
    const at = lower.indexOf(term);
    if (at !== -1 && (first === -1 || at < first)) {
      first = at;
    }
  }
  let start = first <= length / 3 ? 0 : first - Math.floor(length / 3);
  // Do not cut a word in half at the start.
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space !== -1 && space < first ? space + 1 : start;
  }
  const end = Math.min(text.length, start + length);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const window = text.slice(start, end);
  const snippet = `${prefix}${window}${suffix}`;
  const highlights: [number, number][] = [];
  const windowLower = window.toLowerCase();
  for (const term of terms) {
    let at = windowLower.indexOf(term);
    while (at !== -1) {
      const before = windowLower[at - 1];
      const after = windowLower[at + term.length];
      const wordStart = before === undefined || !/[\p{L}\p{N}]/u.test(before);
      const wordEnd = after === undefined || !/[\p{L}\p{N}]/u.test(after);
      if (wordStart && wordEnd) {
        highlights.push([at + prefix.length, at + prefix.length + term.length]);
      }
      at = windowLower.indexOf(term, at + term.length);
    }
  }
  highlights.sort((a, b) => a[0] - b[0]);
  return { snippet, highlights };
}
