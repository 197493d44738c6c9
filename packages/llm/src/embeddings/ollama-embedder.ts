import { LlmHttpClient } from '../http/llm-http-client.ts';
import type { Embedder } from './embedder.ts';
import { embeddingPrompt } from './embedding-prompts.ts';
import { DimensionTracker, readVectors } from './embedding-vectors.ts';
import { httpClientOptions, type HttpEmbedderOptions } from './http-embedder-options.ts';

/** An embedder backed by Ollama. */
export interface OllamaEmbedderOptions extends HttpEmbedderOptions {
  /** The Ollama model. Default `embeddinggemma:300m`. */
  model?: string;
}

/**
 * Embeds through Ollama's `POST /api/embed` with the whole batch as `input: string[]`. For
 * EmbeddingGemma models the task prompts are added (`purpose` defaults to `document`). The
 * dimension is learned from the first answer; a later answer with another dimension fails with
 * `LLM_BAD_RESPONSE`. Model id `ollama:<model>`. Transport and HTTP failures are `LlmError`s
 * naming the server (`LLM_UNAVAILABLE` when unreachable, `LLM_MODEL_NOT_FOUND` for a model that
 * is not pulled).
 */
export function createOllamaEmbedder(options: OllamaEmbedderOptions): Embedder {
  const modelName = options.model ?? 'embeddinggemma:300m';
  const http = new LlmHttpClient(httpClientOptions(options));
  const source = `The Ollama server at ${http.baseUrl} (model ${modelName})`;
  const dimensions = new DimensionTracker(source);

  const embedder: Embedder = {
    model: `ollama:${modelName}`,
    async dimension(signal) {
      if (dimensions.dimension === undefined) {
        await embedder.embed(['dimension probe'], { purpose: 'query', signal });
      }
      return dimensions.dimension ?? 0;
    },
    async embed(texts, embedOptions = {}) {
      if (texts.length === 0) {
        return [];
      }
      const purpose = embedOptions.purpose ?? 'document';
      const body = (await http.requestJson({
        method: 'POST',
        path: '/api/embed',
        body: { model: modelName, input: texts.map((text) => embeddingPrompt(modelName, text, purpose)) },
        model: modelName,
        signal: embedOptions.signal,
      })) as { embeddings?: unknown } | null;
      const vectors = readVectors(body?.embeddings, texts.length, source);
      dimensions.check(vectors);
      return vectors;
    },
  };
  return embedder;
}
