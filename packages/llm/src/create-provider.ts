import type { AppConfig } from '@youworker/config';
import type { RetryPolicy } from './http/retry.ts';
import { OllamaProvider } from './ollama-provider.ts';
import { OpenAiCompatibleProvider } from './openai-compatible-provider.ts';

/** The configuration a provider is built from (a slice of `AppConfig`). */
export type LlmConfig = Pick<
  AppConfig,
  | 'LLM_PROVIDER'
  | 'LLM_BASE_URL'
  | 'LLM_API_KEY'
  | 'LLM_REQUEST_TIMEOUT_MS'
  | 'LLM_CONTEXT_SIZE'
  | 'LLM_TEMPERATURE'
  | 'LLM_MAX_RETRIES'
>;

/** Test seams: an injected `fetch` and retry timing. */
export interface CreateProviderOverrides {
  fetch?: typeof fetch;
  retry?: Partial<Omit<RetryPolicy, 'maxRetries'>>;
}

/** Builds the provider `LLM_PROVIDER` names, with its timeouts, retries and request defaults. */
export function createLanguageModelProvider(
  config: LlmConfig,
  overrides: CreateProviderOverrides = {},
): OllamaProvider | OpenAiCompatibleProvider {
  const options = {
    baseUrl: config.LLM_BASE_URL,
    apiKey: config.LLM_API_KEY,
    idleTimeoutMs: config.LLM_REQUEST_TIMEOUT_MS,
    contextSize: config.LLM_CONTEXT_SIZE,
    temperature: config.LLM_TEMPERATURE,
    retry: { ...overrides.retry, maxRetries: config.LLM_MAX_RETRIES },
    fetch: overrides.fetch,
  };
  switch (config.LLM_PROVIDER) {
    case 'ollama':
      return new OllamaProvider(options);
    case 'openai-compatible':
      return new OpenAiCompatibleProvider(options);
  }
}

/** The model to use, or the list a caller may choose from (map `ok: false` to a 400). */
export type ModelResolution = { ok: true; model: string } | { ok: false; allowed: string[] };

/**
 * Picks the model of a request: `requested` (trimmed) or `LLM_DEFAULT_MODEL`. With
 * `LLM_ALLOWED_MODELS` set, the model must be on that list (the default model counts as allowed);
 * empty list: any model, and the server answers `LLM_MODEL_NOT_FOUND` for unknown ones. Never
 * pulls models.
 */
export function resolveModel(
  requested: string | undefined,
  config: Pick<AppConfig, 'LLM_DEFAULT_MODEL' | 'LLM_ALLOWED_MODELS'>,
): ModelResolution {
  const model = requested?.trim() || config.LLM_DEFAULT_MODEL;
  if (config.LLM_ALLOWED_MODELS.length === 0) {
    return { ok: true, model };
  }
  const allowed = [...new Set([config.LLM_DEFAULT_MODEL, ...config.LLM_ALLOWED_MODELS])];
  return allowed.includes(model) ? { ok: true, model } : { ok: false, allowed };
}
