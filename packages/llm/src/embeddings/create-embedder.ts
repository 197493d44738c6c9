import { z } from 'zod';
import { createBatchingEmbedder } from './batching-embedder.ts';
import type { Embedder } from './embedder.ts';
import { EmbeddingConfigError } from './embedding-config-error.ts';
import { createLocalEmbedder } from './local-embedder.ts';
import { createOllamaEmbedder } from './ollama-embedder.ts';
import { createOpenAiCompatibleEmbedder } from './openai-compatible-embedder.ts';
import type { RetryPolicy } from '../http/retry.ts';

/** Plain embedder settings, e.g. from configuration. */
export const embedderOptionsSchema = z.object({
  /** `local` (USE-lite in process), `ollama` or `openai` (any OpenAI-compatible server). */
  provider: z.enum(['local', 'ollama', 'openai']),
  /** The model: Ollama default `embeddinggemma:300m`; required for `openai`; `local` knows only `use-lite`. */
  model: z.string().trim().min(1).optional(),
  /** Server root without `/v1`: Ollama default `http://localhost:11434`; required for `openai`. */
  baseUrl: z.url().optional(),
  apiKey: z.string().min(1).optional(),
  /** Longest wait for the response headers and between two body chunks. Default 120 s. */
  timeoutMs: z.number().int().positive().optional(),
  /** Texts per request. Default 32. */
  batchSize: z.number().int().positive().optional(),
  /** Requests in flight at once. Default 2 (1 for `local`, which runs one batch at a time anyway). */
  concurrency: z.number().int().positive().optional(),
  /** Retries of a batch failing transiently. Default 3. */
  retries: z.number().int().nonnegative().optional(),
});

/** Plain embedder settings (see {@link embedderOptionsSchema}). */
export type EmbedderOptions = z.input<typeof embedderOptionsSchema>;

/** Test seams of {@link createEmbedder}. */
export interface CreateEmbedderOverrides {
  retry?: Partial<Omit<RetryPolicy, 'maxRetries'>>;
}

function buildInner(options: z.output<typeof embedderOptionsSchema>): Embedder {
  switch (options.provider) {
    case 'local':
      if (options.model !== undefined && options.model !== 'use-lite') {
        throw new EmbeddingConfigError(`The local embedder only offers "use-lite" (got "${options.model}").`);
      }
      return createLocalEmbedder();
    case 'ollama':
      return createOllamaEmbedder({ ...options, baseUrl: options.baseUrl ?? 'http://localhost:11434' });
    case 'openai':
      if (options.baseUrl === undefined || options.model === undefined) {
        throw new EmbeddingConfigError('The openai embedding provider needs both baseUrl and model.');
      }
      return createOpenAiCompatibleEmbedder({ ...options, baseUrl: options.baseUrl, model: options.model });
  }
}

/**
 * Builds the embedder `options` describe, wrapped by `createBatchingEmbedder` (batching,
 * concurrency cap, retries of transient failures). Throws {@link EmbeddingConfigError}
 * `EMBEDDING_CONFIG_INVALID` listing what is wrong; never contacts the server.
 */
export function createEmbedder(options: EmbedderOptions, overrides: CreateEmbedderOverrides = {}): Embedder {
  const parsed = embedderOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'options'}: ${issue.message}`,
    );
    throw new EmbeddingConfigError(`Invalid embedder options: ${problems.join('; ')}.`);
  }
  const settings = parsed.data;
  return createBatchingEmbedder(buildInner(settings), {
    batchSize: settings.batchSize,
    concurrency: settings.concurrency ?? (settings.provider === 'local' ? 1 : 2),
    retries: settings.retries,
    retry: overrides.retry,
  });
}
