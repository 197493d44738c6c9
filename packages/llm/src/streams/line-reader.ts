/**
 * Splits a byte stream into text lines. Chunk boundaries may fall anywhere, including inside a UTF-8
 * character or a `\r\n` pair. Yields each line without its terminator (`\n`, `\r\n`); a last line
 * without a terminator is yielded at the end of the stream.
 */
export async function* readLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  for await (const chunk of chunks) {
    pending += decoder.decode(chunk, { stream: true });
    let newline = pending.indexOf('\n');
    while (newline !== -1) {
      yield stripCarriageReturn(pending.slice(0, newline));
      pending = pending.slice(newline + 1);
      newline = pending.indexOf('\n');
    }
  }
  pending += decoder.decode();
  if (pending !== '') {
    yield stripCarriageReturn(pending);
  }
}

function stripCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
