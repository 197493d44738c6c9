import { LlmError } from '../llm-error.ts';
import { readLines } from './line-reader.ts';

/**
 * Parses newline-delimited JSON (Ollama's streaming format): one JSON value per line, blank lines
 * skipped. A line that is not JSON fails the stream with `LLM_BAD_RESPONSE`.
 */
export async function* readNdjson(chunks: AsyncIterable<Uint8Array>): AsyncGenerator {
  for await (const line of readLines(chunks)) {
    if (line.trim() === '') {
      continue;
    }
    try {
      yield JSON.parse(line) as unknown;
    } catch (error) {
      throw new LlmError(
        'LLM_BAD_RESPONSE',
        `The model server sent a line that is not JSON: ${line.slice(0, 200)}`,
        {
          cause: error,
        },
      );
    }
  }
}
