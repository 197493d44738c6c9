import type { LlmHttpClientOptions } from './http/llm-http-client.ts';

/** Settings shared by the providers: the HTTP side plus request defaults. */
export interface ProviderOptions extends LlmHttpClientOptions {
  /** Default context window (Ollama `num_ctx`) when a request names none. */
  contextSize?: number;
  /** Default sampling temperature when a request names none; unset: the model's own default. */
  temperature?: number;
}
