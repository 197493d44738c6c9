import { type IncomingMessage } from 'node:http';
import { type Readable, type Transform } from 'node:stream';
import zlib from 'node:zlib';
import { SafeFetchError } from './safe-fetch-error.ts';

/** Limits for {@link readBody}. */
export interface BodyLimits {
  /** Cap on decoded bytes. */
  maxBytes: number;
  /** Keep the first `maxBytes` and stop instead of failing with RESPONSE_TOO_LARGE. */
  truncate: boolean;
  /** Aborted with a SafeFetchError (TIMEOUT or ABORTED) as its reason. */
  signal: AbortSignal;
  /** The request URL for messages, already stripped of secrets. */
  url: string;
}

const lenientZlib = { finishFlush: zlib.constants.Z_SYNC_FLUSH };

function decoder(encoding: string): Transform | undefined {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip(lenientZlib);
    case 'deflate':
      return zlib.createInflate(lenientZlib);
    case 'br':
      return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
    default:
      return undefined;
  }
}

/** Decoders for `Content-Encoding`, outermost last; none when an encoding is unknown (body kept raw). */
function decoders(contentEncoding: string | undefined): Transform[] {
  const encodings = (contentEncoding ?? '')
    .split(',')
    .map((encoding) => encoding.trim().toLowerCase())
    .filter((encoding) => encoding !== '' && encoding !== 'identity')
    .reverse();
  const chain = encodings.map(decoder);
  return chain.every((entry) => entry !== undefined) ? chain : [];
}

function chain(response: IncomingMessage, transforms: Transform[]): Readable {
  return transforms.reduce<Readable>((source, transform) => {
    source.on('error', (caught) => transform.destroy(caught));
    return source.pipe(transform);
  }, response);
}

function tooLarge(limits: BodyLimits): SafeFetchError {
  return new SafeFetchError(
    'RESPONSE_TOO_LARGE',
    `Response from ${limits.url} exceeds the limit of ${limits.maxBytes} bytes`,
    limits.url,
  );
}

function readFailure(limits: BodyLimits, caught: unknown): SafeFetchError {
  const detail = (caught as NodeJS.ErrnoException).code ?? (caught as Error).message;
  return new SafeFetchError(
    'CONNECTION_FAILED',
    `Reading the response from ${limits.url} failed (${detail})`,
    limits.url,
    { cause: caught },
  );
}

/**
 * Streams the body of `response`, decoding gzip, deflate and br, and enforces `maxBytes` on the
 * decoded bytes while reading, so a compression bomb stops at the limit. Always releases the socket.
 */
export async function readBody(
  response: IncomingMessage,
  limits: BodyLimits,
): Promise<{ body: Buffer; truncated: boolean }> {
  const transforms = decoders(response.headers['content-encoding']);
  const declared = Number(response.headers['content-length']);
  if (!limits.truncate && transforms.length === 0 && declared > limits.maxBytes) {
    response.destroy();
    throw tooLarge(limits);
  }
  const output = chain(response, transforms);
  const onAbort = (): void => {
    output.destroy(limits.signal.reason as Error);
  };
  limits.signal.addEventListener('abort', onAbort, { once: true });
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of output as AsyncIterable<Buffer>) {
      const room = limits.maxBytes - total;
      if (chunk.length > room) {
        if (!limits.truncate) {
          throw tooLarge(limits);
        }
        chunks.push(chunk.subarray(0, room));
        return { body: Buffer.concat(chunks), truncated: true };
      }
      chunks.push(chunk);
      total += chunk.length;
    }
    return { body: Buffer.concat(chunks), truncated: false };
  } catch (caught) {
    if (limits.signal.aborted) {
      throw limits.signal.reason;
    }
    throw SafeFetchError.isInstance(caught) ? caught : readFailure(limits, caught);
  } finally {
    limits.signal.removeEventListener('abort', onAbort);
    output.destroy();
    response.destroy();
  }
}
