import { createLanguageModelProvider, type LlmConfig, type ModelStreamPart } from '@youworker/llm';

/** A provider of `kind` pointed at `baseUrl`, with fast retries. */
export function providerFor(
  kind: LlmConfig['LLM_PROVIDER'],
  baseUrl: string,
  overrides: Partial<LlmConfig> = {},
) {
  return createLanguageModelProvider(
    {
      LLM_PROVIDER: kind,
      LLM_BASE_URL: baseUrl,
      LLM_API_KEY: undefined,
      LLM_REQUEST_TIMEOUT_MS: 5_000,
      LLM_CONTEXT_SIZE: 8192,
      LLM_TEMPERATURE: undefined,
      LLM_MAX_RETRIES: 2,
      ...overrides,
    },
    { retry: { baseDelayMs: 1, maxDelayMs: 5 } },
  );
}

/** All parts of a stream. */
export async function collectParts(stream: AsyncIterable<ModelStreamPart>): Promise<ModelStreamPart[]> {
  const parts: ModelStreamPart[] = [];
  for await (const part of stream) {
    parts.push(part);
  }
  return parts;
}

/** The error a promise rejects with (fails when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}
