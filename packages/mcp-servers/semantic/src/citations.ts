import { type PlatformChunk, type PlatformSearchResult } from '@youworker/mcp-common';

/** Longest chunk text quoted in a tool's text content (structured content has all of it). */
const TEXT_PREVIEW_CHARS = 1_200;

/** Where a passage is, for a human citation: `title, p. 4, sheet "Q1", Heading › Subheading`. */
export function citationOf(
  title: string,
  location: { page: number | null; sheet: string | null; headingPath: readonly string[] },
): string {
  const parts = [title];
  if (location.page !== null) {
    parts.push(`p. ${location.page}`);
  }
  if (location.sheet !== null) {
    parts.push(`sheet "${location.sheet}"`);
  }
  if (location.headingPath.length > 0) {
    parts.push(location.headingPath.join(' › '));
  }
  return parts.join(', ');
}

function preview(text: string): string {
  const flat = text.trim();
  return flat.length > TEXT_PREVIEW_CHARS ? `${flat.slice(0, TEXT_PREVIEW_CHARS)}…` : flat;
}

/** The search hits as structured content: rank and citation added to what the platform returned. */
export function presentResults(results: readonly PlatformSearchResult[]) {
  return results.map((result, index) => ({
    rank: index + 1,
    citation: citationOf(result.documentTitle, result),
    documentId: result.documentId,
    documentTitle: result.documentTitle,
    chunkId: result.chunkId,
    ordinal: result.ordinal,
    page: result.page,
    sheet: result.sheet,
    headingPath: result.headingPath,
    score: result.score,
    snippet: result.snippet,
    text: result.text,
  }));
}

/** A compact numbered list for the model: `[n] citation (score)`, ids, then the passage. */
export function resultsText(query: string, results: ReturnType<typeof presentResults>): string {
  if (results.length === 0) {
    return `No passages found for "${query}" in the documents you can access.`;
  }
  const blocks = results.map(
    (result) =>
      `[${result.rank}] ${result.citation} (score ${result.score.toFixed(3)})\n` +
      `document ${result.documentId}, chunk ${result.ordinal}\n${preview(result.text)}`,
  );
  return `${results.length} passage${results.length === 1 ? '' : 's'} for "${query}" (cite as [n]):\n\n${blocks.join('\n\n')}`;
}

/** Neighbouring chunks in order, each headed by its ordinal and location. */
export function chunksText(
  title: string,
  documentId: string,
  target: number,
  chunks: readonly PlatformChunk[],
): string {
  const blocks = chunks.map((chunk) => {
    const marker = chunk.ordinal === target ? ' (requested)' : '';
    return `--- chunk ${chunk.ordinal}${marker}: ${citationOf(title, chunk)}\n${chunk.text.trim()}`;
  });
  return `${title} (document ${documentId}), chunks ${chunks[0]?.ordinal ?? target}–${chunks.at(-1)?.ordinal ?? target}:\n\n${blocks.join('\n\n')}`;
}
