import { LlmHttpClient } from '../http/llm-http-client.ts';
import { LlmError } from '../llm-error.ts';
import type { Embedder } from './embedder.ts';
import { DimensionTracker, readVectors } from './embedding-vectors.ts';
import { httpClientOptions, type HttpEmbedderOptions } from './http-embedder-options.ts';

/** An embedder backed by an OpenAI-compatible server (vLLM, llama.cpp, LM Studio, LocalAI…). */
export interface OpenAiCompatibleEmbedderOptions extends HttpEmbedderOptions {
  model: string;
  /** Asks the server for vectors of this size (models with Matryoshka embeddings); answers must match it. */
  dimensions?: number;
}

interface EmbeddingItem {
  index?: unknown;
  embedding?: unknown;
}

/** The embeddings of `data` in input order (by `index`), or undefined when the indexes are not 0…count-1. */
function orderByIndex(data: unknown, count: number): unknown[] | undefined {
  if (!Array.isArray(data) || data.length !== count) {
    return undefined;
  }
  const ordered: unknown[] = new Array<unknown>(count);
  const seen = new Set<number>();
  for (const item of data as EmbeddingItem[]) {
    const index = item.index;
    if (
      typeof index !== 'number' ||
      !Number.isInteger(index) ||
      index < 0 ||
      index >= count ||
      seen.has(index)
    ) {
      return undefined;
    }
    seen.add(index);
    ordered[index] = item.embedding;
  }
  return ordered;
}

/**
 * Embeds through `POST /v1/embeddings` with the whole batch as `input: string[]`, putting the
 * answers back in input order by their `index`. The dimension is learned from the first answer
 * (or is `dimensions` when set). Texts are sent as given: `purpose` changes nothing, since
 * OpenAI-style servers take no task prompt. Model id `openai:<model>`. Failures are `LlmError`s
 * naming the server.
 */
export function createOpenAiCompatibleEmbedder(options: OpenAiCompatibleEmbedderOptions): Embedder {
  const http = new LlmHttpClient(httpClientOptions(options));
  const source = `The embedding server at ${http.baseUrl} (model ${options.model})`;
  const dimensions = new DimensionTracker(source);

  const embedder: Embedder = {
    model: `openai:${options.model}`,
    async dimension(signal) {
      if (options.dimensions !== undefined) {
        return options.dimensions;
      }
      if (dimensions.dimension === undefined) {
        await embedder.embed(['dimension probe'], { purpose: 'query', signal });
      }
      return dimensions.dimension ?? 0;
    },
    async embed(texts, embedOptions = {}) {
      if (texts.length === 0) {
        return [];
      }
      const body = (await http.requestJson({
        method: 'POST',
        path: '/v1/embeddings',
        body: {
          model: options.model,
          input: texts,
          ...(options.dimensions === undefined ? {} : { dimensions: options.dimensions }),
        },
        model: options.model,
        signal: embedOptions.signal,
      })) as { data?: unknown } | null;
      const ordered = orderByIndex(body?.data, texts.length);
      if (!ordered) {
        throw new LlmError(
          'LLM_BAD_RESPONSE',
          `${source} answered without one embedding per input (by index) for ${texts.length} texts.`,
        );
      }
      const vectors = readVectors(ordered, texts.length, source);
      if (options.dimensions !== undefined && vectors[0]?.length !== options.dimensions) {
        throw new LlmError(
          'LLM_BAD_RESPONSE',
          `${source} answered ${vectors[0]?.length ?? 0}-dimensional vectors, not the ${options.dimensions} requested.`,
        );
      }
      dimensions.check(vectors);
      return vectors;
    },
  };
  return embedder;
}
