export type {
  ChatMessage,
  ChatRequest,
  JsonSchema,
  LanguageModelProvider,
  ModelFinishReason,
  ModelInfo,
  ModelStreamPart,
  TokenUsage,
  ToolCall,
  ToolDefinition,
} from './language-model.ts';
export { LlmError, type LlmErrorCode } from './llm-error.ts';
export { OllamaProvider } from './ollama-provider.ts';
export { OpenAiCompatibleProvider } from './openai-compatible-provider.ts';
export type { ProviderOptions } from './provider-options.ts';
export {
  createLanguageModelProvider,
  resolveModel,
  type CreateProviderOverrides,
  type LlmConfig,
  type ModelResolution,
} from './create-provider.ts';
export { checkProvider, type ProviderHealth } from './check-provider.ts';
export { LlmHttpClient, type LlmHttpClientOptions, type LlmHttpRequest } from './http/llm-http-client.ts';
export {
  abortableSleep,
  backoffDelay,
  createRetryPolicy,
  retryingStream,
  withRetry,
  type RetryPolicy,
} from './http/retry.ts';
export { readLines } from './streams/line-reader.ts';
export { readNdjson } from './streams/ndjson-reader.ts';
export { readSseData } from './streams/sse-reader.ts';
export type { Embedder, EmbeddingPurpose, EmbedOptions } from './embeddings/embedder.ts';
export {
  createLocalEmbedder,
  type LocalEmbedderOptions,
  type SentenceEncoder,
} from './embeddings/local-embedder.ts';
export { createOllamaEmbedder, type OllamaEmbedderOptions } from './embeddings/ollama-embedder.ts';
export {
  createOpenAiCompatibleEmbedder,
  type OpenAiCompatibleEmbedderOptions,
} from './embeddings/openai-compatible-embedder.ts';
export type { HttpEmbedderOptions } from './embeddings/http-embedder-options.ts';
export { createHashEmbedder } from './embeddings/hash-embedder.ts';
export { createBatchingEmbedder, type BatchingOptions } from './embeddings/batching-embedder.ts';
export {
  createEmbedder,
  embedderOptionsSchema,
  type CreateEmbedderOverrides,
  type EmbedderOptions,
} from './embeddings/create-embedder.ts';
export { EmbeddingConfigError } from './embeddings/embedding-config-error.ts';
export { embeddingPrompt, isEmbeddingGemma } from './embeddings/embedding-prompts.ts';
export { cosineSimilarity, l2Normalize } from './embeddings/embedding-vectors.ts';
