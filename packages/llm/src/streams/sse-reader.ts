import { readLines } from './line-reader.ts';

/**
 * Reads the `data` of Server-Sent Events (the OpenAI streaming format). Multi-line `data:` fields are
 * joined with `\n`; comments (`:`) and other fields (`event:`, `id:`, `retry:`) are ignored; an
 * event is dispatched at a blank line or the end of the stream. Stops at `data: [DONE]`.
 */
export async function* readSseData(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let data: string[] = [];
  for await (const line of readLines(chunks)) {
    if (line === '') {
      if (data.length > 0) {
        const event = data.join('\n');
        data = [];
        if (event === '[DONE]') {
          return;
        }
        yield event;
      }
      continue;
    }
    if (line.startsWith('data:')) {
      const value = line.slice(5);
      data.push(value.startsWith(' ') ? value.slice(1) : value);
    }
  }
  const last = data.join('\n');
  if (data.length > 0 && last !== '[DONE]') {
    yield last;
  }
}
