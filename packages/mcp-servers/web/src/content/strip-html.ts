const rawTextOpening = /<(script|style|noscript|template|svg|iframe|object)\b|<!--/gi;
const closingTags = new Map<string, RegExp>();

/** The index just past the end of the element or comment opened by `match`, or -1 when unclosed. */
function endOf(html: string, match: RegExpExecArray, from: number): number {
  const name = match[1]?.toLowerCase();
  if (name === undefined) {
    const end = html.indexOf('-->', from);
    return end === -1 ? -1 : end + 3;
  }
  let closing = closingTags.get(name);
  if (closing === undefined) {
    closing = new RegExp(`</${name}\\s*>`, 'gi');
    closingTags.set(name, closing);
  }
  closing.lastIndex = from;
  const found = closing.exec(html);
  return found === null ? -1 : found.index + found[0].length;
}

/**
 * Removes comments and the elements whose content never becomes page text (script, style, noscript,
 * template, svg, iframe, object) before parsing: real pages are often mostly inline script and SVG,
 * and parsing them is the expensive part. Linear time; an unclosed element swallows the rest of the
 * document, as it does in a browser.
 */
export function stripNonContent(html: string): string {
  const parts: string[] = [];
  let cursor = 0;
  const opening = new RegExp(rawTextOpening);
  for (let match = opening.exec(html); match !== null; match = opening.exec(html)) {
    parts.push(html.slice(cursor, match.index));
    const end = endOf(html, match, opening.lastIndex);
    if (end === -1) {
      return parts.join('');
    }
    cursor = end;
    opening.lastIndex = end;
  }
  parts.push(html.slice(cursor));
  return parts.join('');
}
