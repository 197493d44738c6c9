import {
  OpenAiChatCompletionRequestSchema,
  OpenAiChatCompletionSchema,
  OpenAiErrorResponseSchema,
  OpenAiModelListSchema,
  OpenAiRetrievalExtensionSchema,
  type OpenAiChatCompletion,
} from '@youworker/contracts';
import { UnavailableError, ValidationError, type ChatService } from '@youworker/core';
import type { LanguageModelProvider } from '@youworker/llm';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../auth/require-user.ts';
import { mapError } from '../errors/error-mapping.ts';
import { abortOnClientClose, sseHeaders } from '../streaming/sse.ts';
import { completionPieces, openAiError, toTurn, type CompletionPiece } from './openai-compatible.mapping.ts';

/** What {@link openAiCompatibleRoutes} needs. */
export interface OpenAiCompatibleOptions {
  chat: ChatService;
  /** Lists the model server's models when no allowed list is configured. */
  provider: Pick<LanguageModelProvider, 'listModels'>;
  /** `LLM_DEFAULT_MODEL`: always listed, and the whole list when the model server cannot be reached. */
  defaultModel: string;
  /** `LLM_ALLOWED_MODELS`; empty: whatever the model server lists. */
  allowedModels: readonly string[];
  /** Hide internal error messages (`APP_ENV=production`). */
  production: boolean;
  heartbeatMs: number;
}

const errorSchemas = { '4xx': OpenAiErrorResponseSchema, '5xx': OpenAiErrorResponseSchema } as const;
const listTimeoutMs = 5_000;
const { 'x-youworker-stream': _nativeProtocol, ...streamHeaders } = sseHeaders;

/** Writes the pieces as OpenAI `chat.completion.chunk` Server-Sent Events, then `data: [DONE]`. */
async function writeChunks(
  reply: FastifyReply,
  pieces: AsyncIterable<CompletionPiece>,
  options: { model: string; created: number; includeUsage: boolean; heartbeatMs: number },
): Promise<void> {
  const raw = reply.raw;
  reply.hijack();
  raw.writeHead(200, { ...(reply.getHeaders() as Record<string, string>), ...streamHeaders });
  const writable = () => !raw.destroyed && !raw.writableEnded;
  const send = (data: unknown) => {
    if (writable()) {
      raw.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
    }
  };
  const heartbeat = setInterval(() => {
    if (writable()) {
      raw.write(': heartbeat\n\n');
    }
  }, options.heartbeatMs);
  let id = 'chatcmpl-pending';
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) => ({
    id,
    object: 'chat.completion.chunk',
    created: options.created,
    model: options.model,
    choices,
    ...extra,
  });
  const delta = (value: Record<string, unknown>, finishReason: string | null = null) =>
    chunk([{ index: 0, delta: value, finish_reason: finishReason, logprobs: null }]);
  try {
    for await (const piece of pieces) {
      switch (piece.type) {
        case 'start':
          id = piece.id;
          send(delta({ role: 'assistant', content: '' }));
          break;
        case 'content':
          send(delta({ content: piece.text }));
          break;
        case 'reasoning':
          send(delta({ reasoning_content: piece.text }));
          break;
        case 'failure':
          send(openAiError(503, piece.code, piece.message));
          break;
        case 'end':
          send(delta({}, piece.finishReason));
          if (options.includeUsage) {
            send(chunk([], { usage: piece.usage }));
          }
          break;
      }
    }
    send('[DONE]');
  } finally {
    clearInterval(heartbeat);
    if (writable()) {
      raw.end();
    }
  }
}

/** Collects the pieces into one `chat.completion`; a failed run becomes a 503. */
async function collect(
  pieces: AsyncIterable<CompletionPiece>,
  model: string,
  created: number,
): Promise<OpenAiChatCompletion> {
  let id = 'chatcmpl-pending';
  let content = '';
  let reasoning = '';
  for await (const piece of pieces) {
    if (piece.type === 'start') {
      id = piece.id;
    } else if (piece.type === 'content') {
      content += piece.text;
    } else if (piece.type === 'reasoning') {
      reasoning += piece.text;
    } else if (piece.type === 'failure') {
      throw new UnavailableError({
        code: piece.code.startsWith('LLM_') ? 'LLM_UNAVAILABLE' : piece.code,
        message: piece.message,
        details: { cause: piece.code },
      });
    } else {
      const message = {
        role: 'assistant' as const,
        content,
        refusal: null,
        ...(reasoning ? { reasoning_content: reasoning } : {}),
      };
      return {
        id,
        object: 'chat.completion',
        created,
        model,
        choices: [{ index: 0, message, finish_reason: piece.finishReason, logprobs: null }],
        usage: piece.usage,
      };
    }
  }
  throw new Error('the agent run ended without run-end');
}

/**
 * The `youworker` extension field of a chat completion request: document retrieval, off unless asked
 * for (`{"youworker": {"rag": "auto", "scope": {…}}}`), so plain OpenAI clients get plain answers.
 */
function retrievalOf(extension: unknown) {
  const parsed = OpenAiRetrievalExtensionSchema.safeParse(extension ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ValidationError({
      code: 'VALIDATION_FAILED',
      message: `youworker${issue?.path.length ? `.${issue.path.join('.')}` : ''}: ${issue?.message ?? 'invalid'}`,
      details: { param: ['youworker', ...(issue?.path ?? [])].join('.') },
    });
  }
  const { rag, scope } = parsed.data;
  return { rag, ...(scope ? { scope } : {}) };
}

/**
 * The OpenAI-compatible surface under `/v1`: `GET /models` and `POST /chat/completions`, so OpenAI
 * SDKs and tools can use YouWorker's agent (server-side tools) over the standard wire format. Errors of
 * these routes, including authentication and rate-limit failures raised by the global hooks, use
 * OpenAI's error shape (`{ error: { message, type, param, code } }`) through this context's handler.
 */
export const openAiCompatibleRoutes: FastifyPluginAsyncZod<OpenAiCompatibleOptions> = async (
  app,
  options,
) => {
  const listedSince = Math.floor(Date.now() / 1000);

  app.setErrorHandler((error, request, reply) => {
    const mapped = mapError(error, { production: options.production });
    if (mapped.logLevel === 'error') {
      request.log.error({ err: error }, 'request failed');
    } else {
      request.log[mapped.logLevel](
        { code: mapped.body.error.code, status: mapped.status, reason: mapped.body.error.message },
        'request rejected',
      );
    }
    if (mapped.headers) {
      void reply.headers(mapped.headers);
    }
    // OpenAI answers an unknown (or forbidden) model with 404 `model_not_found`; SDKs expect it.
    const unknownModel = ['MODEL_NOT_ALLOWED', 'MODEL_NOT_FOUND'].includes(mapped.body.error.code);
    const status = unknownModel ? 404 : mapped.status;
    const code = unknownModel ? 'MODEL_NOT_FOUND' : mapped.body.error.code;
    return reply.status(status).send(openAiError(status, code, mapped.body.error.message, mapped.body));
  });

  app.get(
    '/models',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['openai'],
        summary: 'List models (OpenAI-compatible)',
        description:
          'The models a chat completion may name: `LLM_DEFAULT_MODEL` plus `LLM_ALLOWED_MODELS` when that is set, otherwise what the model server lists. When the model server cannot be reached the list holds only the default model (the chat call then reports the outage). Errors use the OpenAI error shape.',
        response: { 200: OpenAiModelListSchema, ...errorSchemas },
      },
    },
    async (request) => {
      let ids = [options.defaultModel, ...options.allowedModels];
      if (options.allowedModels.length === 0) {
        try {
          const listed = await options.provider.listModels(AbortSignal.timeout(listTimeoutMs));
          ids = listed.map((model) => model.id);
        } catch (error) {
          request.log.warn({ err: error }, 'model server not reachable; listing the default model only');
        }
      }
      const data = [...new Set(ids)].map((id) => ({
        id,
        object: 'model' as const,
        created: listedSince,
        owned_by: 'youworker',
      }));
      return { object: 'list' as const, data };
    },
  );

  app.post(
    '/chat/completions',
    {
      config: { policy: 'authenticated', rateLimitGroup: 'chat' },
      schema: {
        tags: ['openai'],
        summary: 'Create a chat completion (OpenAI-compatible)',
        description:
          'Runs the YouWorker agent (server-side tools) on the client\'s conversation: the last message must be from the user; earlier messages are the history. Each call starts a new stored session, named in the `x-youworker-session-id` response header; sending that header continues the stored session instead (the server\'s history is used and earlier client messages are ignored). `stream: true` answers with `chat.completion.chunk` Server-Sent Events and `data: [DONE]`. Client-side `tools`, non-text content parts and `n` > 1 are refused with 400. Document retrieval is off unless the extension field `youworker: {rag: "auto", scope?}` asks for it. Errors use the OpenAI error shape. See docs/openai-compatible.md.',
        headers: z.looseObject({
          'x-youworker-session-id': z.uuid().optional().describe('Continue this stored session.'),
        }),
        body: OpenAiChatCompletionRequestSchema,
        response: { 200: OpenAiChatCompletionSchema, ...errorSchemas },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      const body = request.body;
      const turn = toTurn(body);
      const retrieval = retrievalOf(body.youworker);
      const cancel = abortOnClientClose(reply);
      const sessionId = request.headers['x-youworker-session-id'];
      const run =
        sessionId === undefined
          ? await options.chat.startWithHistory(
              actor,
              { ...turn, model: body.model, ...retrieval },
              cancel.signal,
            )
          : await options.chat.start(
              actor,
              { sessionId, message: turn.message, model: body.model, ...retrieval },
              cancel.signal,
            );
      void reply.header('x-youworker-session-id', run.session.id);
      void reply.header('x-correlation-id', request.id);
      const created = Math.floor(Date.now() / 1000);
      const pieces = completionPieces(run.events);
      if (body.stream === true) {
        await writeChunks(reply, pieces, {
          model: run.model,
          created,
          includeUsage: body.stream_options?.include_usage === true,
          heartbeatMs: options.heartbeatMs,
        });
        return reply;
      }
      return collect(pieces, run.model, created);
    },
  );
};
