import { z } from 'zod';
import { envInteger, envList } from './env-helpers.ts';

/** Whether `value` is an absolute http(s) URL without credentials, query or fragment. */
function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.hostname !== '' &&
      url.username === '' &&
      url.password === '' &&
      url.search === '' &&
      url.hash === ''
    );
  } catch {
    return false;
  }
}

/** Chat model server variables. See docs/llm.md. */
export const llmEnv = {
  LLM_PROVIDER: z
    .enum(['ollama', 'openai-compatible'])
    .default('ollama')
    .describe(
      'Wire protocol of the chat model server: `ollama` (native `/api/chat`) or `openai-compatible` (`/v1/chat/completions`: vLLM, llama.cpp server, LM Studio, and similar).',
    ),
  LLM_BASE_URL: z
    .string()
    .refine(isHttpUrl, 'must be an http:// or https:// URL without credentials, query or fragment')
    .transform((value) => value.replace(/\/+$/, ''))
    .default('http://localhost:11434')
    .describe(
      'Root URL of the chat model server. For `openai-compatible` give the server root without `/v1` (e.g. `http://vllm:8000`).',
    ),
  LLM_API_KEY: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Optional key sent as `Authorization: Bearer <key>` to OpenAI-compatible servers, and to Ollama when set (for an authenticating reverse proxy).',
    ),
  LLM_DEFAULT_MODEL: z
    .string()
    .min(1)
    .default('gpt-oss:20b')
    .describe('Model used when a request names none.'),
  LLM_ALLOWED_MODELS: envList().describe(
    'Comma-separated models that requests may choose. Empty: any model the server lists.',
  ),
  LLM_REQUEST_TIMEOUT_MS: envInteger({ min: 1_000, max: 3_600_000, defaultValue: 120_000 }).describe(
    'Idle timeout of model requests: the longest wait for the response headers and between two streamed chunks (not a cap on the total duration).',
  ),
  LLM_CONTEXT_SIZE: envInteger({ min: 512, max: 2_097_152, defaultValue: 8_192 }).describe(
    'Context window in tokens requested from Ollama (`num_ctx`); OpenAI-compatible servers use their own setting.',
  ),
  LLM_TEMPERATURE: z.coerce
    .number()
    .min(0)
    .max(2)
    .optional()
    .describe('Sampling temperature (0–2). Unset: the model’s default.'),
  LLM_MAX_RETRIES: envInteger({ min: 0, max: 10, defaultValue: 2 }).describe(
    'Retries of a failed model request (connection refused, 429, 5xx) before any output has been streamed, with exponential backoff.',
  ),
};
