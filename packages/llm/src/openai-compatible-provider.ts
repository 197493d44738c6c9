import { LlmHttpClient } from './http/llm-http-client.ts';
import { retryingStream } from './http/retry.ts';
import type {
  ChatRequest,
  LanguageModelProvider,
  ModelFinishReason,
  ModelInfo,
  ModelStreamPart,
  TokenUsage,
} from './language-model.ts';
import { LlmError } from './llm-error.ts';
import { argumentsText, count, definedCounts } from './wire-helpers.ts';
import {
  buildOpenAiChatBody,
  mapOpenAiFinishReason,
  ToolCallAssembler,
  type OpenAiChunk,
} from './openai-wire.ts';
import type { ProviderOptions } from './provider-options.ts';
import { readSseData } from './streams/sse-reader.ts';

interface OpenAiModelsResponse {
  data?: { id?: unknown; owned_by?: unknown; max_model_len?: unknown }[];
}

/**
 * OpenAI-compatible servers (vLLM, llama.cpp server, LM Studio, OpenAI itself):
 * `POST /v1/chat/completions` (SSE stream with usage) and `GET /v1/models`. The base URL is the
 * server root without `/v1`.
 */
export class OpenAiCompatibleProvider implements LanguageModelProvider {
  readonly kind = 'openai-compatible';
  readonly baseUrl: string;
  private readonly http: LlmHttpClient;

  constructor(private readonly options: ProviderOptions) {
    this.http = new LlmHttpClient(options);
    this.baseUrl = this.http.baseUrl;
  }

  /** Streams one completion; retries only before the first part (see `retryingStream`). */
  streamChat(request: ChatRequest): AsyncIterable<ModelStreamPart> {
    return retryingStream(() => this.attempt(request), this.http.retryPolicy, request.signal);
  }

  /** The served models (`GET /v1/models`), with `ownedBy` and `contextLength` (vLLM `max_model_len`). */
  async listModels(signal?: AbortSignal): Promise<ModelInfo[]> {
    const body = (await this.http.requestJson({
      method: 'GET',
      path: '/v1/models',
      signal,
    })) as OpenAiModelsResponse;
    if (!Array.isArray(body.data)) {
      throw new LlmError('LLM_BAD_RESPONSE', `${this.baseUrl}/v1/models did not list models.`);
    }
    return body.data.flatMap((model) => {
      if (typeof model.id !== 'string') {
        return [];
      }
      const details: Record<string, string | number> = {};
      if (typeof model.owned_by === 'string') {
        details.ownedBy = model.owned_by;
      }
      if (typeof model.max_model_len === 'number') {
        details.contextLength = model.max_model_len;
      }
      return [{ id: model.id, details }];
    });
  }

  private async *attempt(request: ChatRequest): AsyncGenerator<ModelStreamPart> {
    const chunks = this.http.exchange({
      method: 'POST',
      path: '/v1/chat/completions',
      body: buildOpenAiChatBody(request, this.options),
      model: request.model,
      signal: request.signal,
    });
    const toolCalls = new ToolCallAssembler();
    let sawToolCalls = false;
    let finishReason: ModelFinishReason | undefined;
    let usage: TokenUsage = {};
    for await (const data of readSseData(chunks)) {
      const chunk = this.parse(data);
      const choice = chunk.choices?.[0];
      const delta = choice?.delta;
      const reasoning = delta?.reasoning_content ?? delta?.reasoning;
      if (typeof reasoning === 'string' && reasoning !== '') {
        yield { type: 'reasoning-delta', text: reasoning };
      }
      if (typeof delta?.content === 'string' && delta.content !== '') {
        yield { type: 'text-delta', text: delta.content };
      }
      if (Array.isArray(delta?.tool_calls)) {
        toolCalls.add(delta.tool_calls);
        sawToolCalls = true;
      }
      if (choice?.finish_reason !== undefined && choice.finish_reason !== null) {
        finishReason = mapOpenAiFinishReason(choice.finish_reason, sawToolCalls);
        yield* this.emitToolCalls(toolCalls);
      }
      if (chunk.usage) {
        usage = definedCounts({
          promptTokens: count(chunk.usage.prompt_tokens),
          completionTokens: count(chunk.usage.completion_tokens),
          reasoningTokens: count(chunk.usage.completion_tokens_details?.reasoning_tokens),
        });
      }
    }
    if (finishReason === undefined) {
      throw new LlmError(
        'LLM_BAD_RESPONSE',
        `The model server at ${this.baseUrl} ended the response without a finish reason.`,
        { isRetryable: true },
      );
    }
    yield { type: 'finish', finishReason, usage };
  }

  private *emitToolCalls(toolCalls: ToolCallAssembler): Generator<ModelStreamPart> {
    for (const toolCall of toolCalls.drain()) {
      if (toolCall.name === '') {
        throw new LlmError(
          'LLM_BAD_RESPONSE',
          `The model server at ${this.baseUrl} sent a tool call without a name.`,
        );
      }
      yield { type: 'tool-call', toolCall };
    }
  }

  private parse(data: string): OpenAiChunk {
    let chunk: OpenAiChunk;
    try {
      chunk = JSON.parse(data) as OpenAiChunk;
    } catch (error) {
      throw new LlmError(
        'LLM_BAD_RESPONSE',
        `The model server sent an event that is not JSON: ${data.slice(0, 200)}`,
        {
          cause: error,
        },
      );
    }
    if (chunk.error !== undefined && chunk.error !== null) {
      const error = chunk.error as { message?: unknown };
      const message = typeof error.message === 'string' ? error.message : argumentsText(chunk.error);
      throw new LlmError(
        'LLM_UNAVAILABLE',
        `The model server at ${this.baseUrl} reported an error mid-response: ${message}`,
      );
    }
    return chunk;
  }
}
