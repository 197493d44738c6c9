import type { LanguageModelProvider } from './language-model.ts';
import { LlmError } from './llm-error.ts';

/** What a healthy model server reported. */
export interface ProviderHealth {
  provider: string;
  baseUrl: string;
  /** How many models it lists. */
  models: number;
}

/**
 * A readiness check: lists the provider's models. Rejects with an {@link LlmError} whose message
 * names the server URL (the provider's own message when it already does).
 */
export async function checkProvider(
  provider: LanguageModelProvider,
  signal?: AbortSignal,
): Promise<ProviderHealth> {
  try {
    const models = await provider.listModels(signal);
    return { provider: provider.kind, baseUrl: provider.baseUrl, models: models.length };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (LlmError.isInstance(error) && message.includes(provider.baseUrl)) {
      throw error;
    }
    throw new LlmError(
      LlmError.isInstance(error) ? error.code : 'LLM_UNAVAILABLE',
      `The ${provider.kind} model server at ${provider.baseUrl} is not ready: ${message}`,
      { cause: error },
    );
  }
}
