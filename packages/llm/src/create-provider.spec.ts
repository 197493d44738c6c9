import { describe, expect, it } from 'vitest';
import { createLanguageModelProvider, resolveModel } from './create-provider.ts';
import { OllamaProvider } from './ollama-provider.ts';
import { OpenAiCompatibleProvider } from './openai-compatible-provider.ts';

const base = {
  LLM_BASE_URL: 'http://vllm:8000/',
  LLM_API_KEY: undefined,
  LLM_REQUEST_TIMEOUT_MS: 1000,
  LLM_CONTEXT_SIZE: 8192,
  LLM_TEMPERATURE: undefined,
  LLM_MAX_RETRIES: 2,
};

describe(createLanguageModelProvider.name, () => {
  it('should pick the implementation from LLM_PROVIDER', () => {
    expect(createLanguageModelProvider({ ...base, LLM_PROVIDER: 'ollama' })).toBeInstanceOf(OllamaProvider);
    const openAi = createLanguageModelProvider({ ...base, LLM_PROVIDER: 'openai-compatible' });
    expect(openAi).toBeInstanceOf(OpenAiCompatibleProvider);
    expect(openAi.baseUrl).toBe('http://vllm:8000');
  });
});

describe(resolveModel.name, () => {
  it('should fall back to the default model and accept any model without an allow-list', () => {
    const config = { LLM_DEFAULT_MODEL: 'gpt-oss:20b', LLM_ALLOWED_MODELS: [] };
    expect(resolveModel(undefined, config)).toEqual({ ok: true, model: 'gpt-oss:20b' });
    expect(resolveModel('  ', config)).toEqual({ ok: true, model: 'gpt-oss:20b' });
    expect(resolveModel('qwen3:8b', config)).toEqual({ ok: true, model: 'qwen3:8b' });
  });

  it('should refuse models off the allow-list and tell which are allowed', () => {
    const config = { LLM_DEFAULT_MODEL: 'gpt-oss:20b', LLM_ALLOWED_MODELS: ['qwen3:8b'] };
    expect(resolveModel('qwen3:8b', config)).toEqual({ ok: true, model: 'qwen3:8b' });
    expect(resolveModel(undefined, config)).toEqual({ ok: true, model: 'gpt-oss:20b' });
    expect(resolveModel('llama3', config)).toEqual({ ok: false, allowed: ['gpt-oss:20b', 'qwen3:8b'] });
  });
});
