import { type IncomingMessage } from 'node:http';

/** The outcome of {@link readJsonBody}: the parsed value, or why there is none. */
export type JsonBodyResult =
  { kind: 'ok'; value: unknown } | { kind: 'too-large' } | { kind: 'invalid-json' } | { kind: 'aborted' };

/**
 * Reads and parses a JSON request body of at most `limitBytes`. A declared `Content-Length` over
 * the limit is refused before reading; a streamed body is refused as soon as it passes the limit
 * (the rest is drained and discarded so the 413 answer can still be sent).
 */
export function readJsonBody(request: IncomingMessage, limitBytes: number): Promise<JsonBodyResult> {
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limitBytes) {
    request.resume();
    return Promise.resolve({ kind: 'too-large' });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        request.off('data', onData);
        request.off('end', onEnd);
        request.resume();
        resolve({ kind: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      try {
        resolve({ kind: 'ok', value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
      } catch {
        resolve({ kind: 'invalid-json' });
      }
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.once('error', () => {
      resolve({ kind: 'aborted' });
    });
    request.once('aborted', () => {
      resolve({ kind: 'aborted' });
    });
  });
}
