import { LlmHttpClient } from './http/llm-http-client.ts';
import { retryingStream } from './http/retry.ts';
import type { ChatRequest, LanguageModelProvider, ModelInfo, ModelStreamPart } from './language-model.ts';
import { LlmError } from './llm-error.ts';
import { buildOllamaChatBody, mapOllamaDoneReason, type OllamaChatChunk } from './ollama-wire.ts';
import type { ProviderOptions } from './provider-options.ts';
import { readNdjson } from './streams/ndjson-reader.ts';
import { argumentsText, count, definedCounts } from './wire-helpers.ts';

interface OllamaTagsResponse {
  models?: { name?: unknown; model?: unknown; size?: unknown; details?: Record<string, unknown> }[];
}

interface OllamaShowResponse {
  details?: Record<string, unknown>;
  model_info?: Record<string, unknown>;
  capabilities?: unknown;
}

function pickDetails(source: Record<string, unknown> | undefined, names: Record<string, string>) {
  const details: Record<string, string | number> = {};
  for (const [from, to] of Object.entries(names)) {
    const value = source?.[from];
    if (typeof value === 'string' || typeof value === 'number') {
      details[to] = value;
    }
  }
  return details;
}

/**
 * Ollama's native API: `POST /api/chat` (NDJSON stream), `GET /api/tags`, `POST /api/show`.
 * Tool calls arrive whole with `arguments` as an object; they are emitted as JSON text with the
 * server's id, or `call_<n>` (n counts the calls of one response from 0) when it sends none.
 */
export class OllamaProvider implements LanguageModelProvider {
  readonly kind = 'ollama';
  readonly baseUrl: string;
  private readonly http: LlmHttpClient;

  constructor(private readonly options: ProviderOptions) {
    this.http = new LlmHttpClient(options);
    this.baseUrl = this.http.baseUrl;
  }

  /** Streams one `/api/chat` response; retries only before the first part (see `retryingStream`). */
  streamChat(request: ChatRequest): AsyncIterable<ModelStreamPart> {
    return retryingStream(() => this.attempt(request), this.http.retryPolicy, request.signal);
  }

  /** The models Ollama has pulled (`GET /api/tags`), with size, family, parameter size, quantization. */
  async listModels(signal?: AbortSignal): Promise<ModelInfo[]> {
    const body = (await this.http.requestJson({
      method: 'GET',
      path: '/api/tags',
      signal,
    })) as OllamaTagsResponse;
    if (!Array.isArray(body.models)) {
      throw new LlmError('LLM_BAD_RESPONSE', `${this.baseUrl}/api/tags did not list models.`);
    }
    return body.models.flatMap((model) => {
      const id = typeof model.name === 'string' ? model.name : model.model;
      if (typeof id !== 'string') {
        return [];
      }
      const details = {
        ...(typeof model.size === 'number' ? { size: model.size } : {}),
        ...pickDetails(model.details, {
          family: 'family',
          parameter_size: 'parameterSize',
          quantization_level: 'quantizationLevel',
        }),
      };
      return [{ id, details }];
    });
  }

  /** Facts about one model (`POST /api/show`): family, parameter size and context length when reported. */
  async describeModel(name: string, signal?: AbortSignal): Promise<ModelInfo> {
    const body = (await this.http.requestJson({
      method: 'POST',
      path: '/api/show',
      body: { model: name },
      model: name,
      signal,
    })) as OllamaShowResponse;
    const details = pickDetails(body.details, {
      family: 'family',
      parameter_size: 'parameterSize',
      quantization_level: 'quantizationLevel',
    });
    const architecture = body.model_info?.['general.architecture'];
    const contextLength =
      typeof architecture === 'string' ? body.model_info?.[`${architecture}.context_length`] : undefined;
    if (typeof contextLength === 'number') {
      details.contextLength = contextLength;
    }
    if (Array.isArray(body.capabilities)) {
      details.capabilities = body.capabilities.filter((value) => typeof value === 'string').join(',');
    }
    return { id: name, details };
  }

  private async *attempt(request: ChatRequest): AsyncGenerator<ModelStreamPart> {
    const chunks = this.http.exchange({
      method: 'POST',
      path: '/api/chat',
      body: buildOllamaChatBody(request, this.options),
      model: request.model,
      signal: request.signal,
    });
    let toolCalls = 0;
    for await (const value of readNdjson(chunks)) {
      const chunk = value as OllamaChatChunk;
      if (chunk.error !== undefined) {
        throw new LlmError(
          'LLM_UNAVAILABLE',
          `The model server at ${this.baseUrl} reported an error mid-response: ${argumentsText(chunk.error)}`,
        );
      }
      const message = chunk.message;
      if (typeof message?.thinking === 'string' && message.thinking !== '') {
        yield { type: 'reasoning-delta', text: message.thinking };
      }
      if (typeof message?.content === 'string' && message.content !== '') {
        yield { type: 'text-delta', text: message.content };
      }
      for (const call of message?.tool_calls ?? []) {
        const name = call.function?.name;
        if (typeof name !== 'string' || name === '') {
          throw new LlmError(
            'LLM_BAD_RESPONSE',
            `The model server at ${this.baseUrl} sent a tool call without a name.`,
          );
        }
        const id = typeof call.id === 'string' && call.id !== '' ? call.id : `call_${toolCalls}`;
        toolCalls += 1;
        yield {
          type: 'tool-call',
          toolCall: { id, name, arguments: argumentsText(call.function?.arguments) },
        };
      }
      if (chunk.done === true) {
        const usage = definedCounts({
          promptTokens: count(chunk.prompt_eval_count),
          completionTokens: count(chunk.eval_count),
        });
        yield { type: 'finish', finishReason: mapOllamaDoneReason(chunk.done_reason, toolCalls > 0), usage };
        return;
      }
    }
    throw new LlmError(
      'LLM_BAD_RESPONSE',
      `The model server at ${this.baseUrl} ended the response before it was done.`,
      {
        isRetryable: true,
      },
    );
  }
}
