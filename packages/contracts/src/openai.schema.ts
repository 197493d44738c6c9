import { z } from 'zod';

/**
 * The OpenAI-compatible surface (`/v1/models`, `/v1/chat/completions`; docs/openai-compatible.md).
 * Requests are loose objects: OpenAI clients send many optional fields, and the ones YouWorker does
 * not use are accepted and ignored rather than refused.
 */

/** A piece of a message's content: text parts are used; any other part is refused by the route. */
export const OpenAiContentPartSchema = z.looseObject({
  type: z.string(),
  text: z.string().optional(),
});

/** A tool call of an earlier assistant message (history only: YouWorker runs its own tools). */
export const OpenAiToolCallSchema = z.looseObject({
  id: z.string(),
  type: z.string().optional(),
  function: z.looseObject({ name: z.string(), arguments: z.string() }),
});

/** One message as OpenAI clients send it. */
export const OpenAiMessageSchema = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']),
  content: z
    .union([z.string(), z.array(OpenAiContentPartSchema)])
    .nullable()
    .optional(),
  name: z.string().optional(),
  tool_calls: z.array(OpenAiToolCallSchema).optional(),
  tool_call_id: z.string().optional(),
});

/** `POST /v1/chat/completions`. */
export const OpenAiChatCompletionRequestSchema = z
  .looseObject({
    model: z.string().min(1).max(200).describe('A model of `GET /v1/models`.'),
    messages: z
      .array(OpenAiMessageSchema)
      .min(1)
      .max(1_000)
      .describe('The conversation; the last message must be from the user.'),
    stream: z.boolean().nullable().optional(),
    stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullable().optional(),
    n: z.number().int().nullable().optional().describe('Only 1 is supported.'),
    temperature: z.number().nullable().optional().describe('Accepted and ignored (LLM_TEMPERATURE applies).'),
    max_tokens: z.number().int().nullable().optional().describe('Accepted and ignored.'),
    max_completion_tokens: z.number().int().nullable().optional().describe('Accepted and ignored.'),
    tools: z
      .array(z.unknown())
      .nullable()
      .optional()
      .describe('Client-side tools are refused when not empty.'),
    tool_choice: z.unknown().optional().describe('Only `none` and `auto` are accepted.'),
  })
  .meta({ id: 'OpenAiChatCompletionRequest' });

/** Token counts (summed over every model call of the agent run). */
export const OpenAiUsageSchema = z
  .object({
    prompt_tokens: z.number().int(),
    completion_tokens: z.number().int(),
    total_tokens: z.number().int(),
    completion_tokens_details: z.object({ reasoning_tokens: z.number().int() }).optional(),
  })
  .meta({ id: 'OpenAiUsage' });

/** The finish reasons YouWorker answers with. */
export const OpenAiFinishReasonSchema = z.enum(['stop', 'length']);

/** A non-streamed answer (`chat.completion`). */
export const OpenAiChatCompletionSchema = z
  .object({
    id: z.string(),
    object: z.literal('chat.completion'),
    created: z.number().int(),
    model: z.string(),
    choices: z.array(
      z.object({
        index: z.number().int(),
        message: z.object({
          role: z.literal('assistant'),
          content: z.string().nullable(),
          refusal: z.null(),
          reasoning_content: z.string().optional(),
        }),
        finish_reason: OpenAiFinishReasonSchema,
        logprobs: z.null(),
      }),
    ),
    usage: OpenAiUsageSchema,
  })
  .meta({
    id: 'OpenAiChatCompletion',
    description:
      'With `stream: true` the answer is instead Server-Sent Events of `chat.completion.chunk` objects, ending with `data: [DONE]`.',
  });

/** One model of `GET /v1/models`. */
export const OpenAiModelSchema = z
  .object({
    id: z.string(),
    object: z.literal('model'),
    created: z.number().int(),
    owned_by: z.string(),
  })
  .meta({ id: 'OpenAiModel' });

/** `GET /v1/models`. */
export const OpenAiModelListSchema = z
  .object({ object: z.literal('list'), data: z.array(OpenAiModelSchema) })
  .meta({ id: 'OpenAiModelList' });

/** The error envelope of the OpenAI-compatible routes (OpenAI's own shape, not `ErrorResponse`). */
export const OpenAiErrorResponseSchema = z
  .object({
    error: z.object({
      message: z.string(),
      type: z.string().describe('`invalid_request_error`, `authentication_error`, `rate_limit_error`…'),
      param: z.string().nullable(),
      code: z.string().nullable().describe('YouWorker error code in lower case, e.g. `model_not_found`.'),
    }),
  })
  .meta({ id: 'OpenAiErrorResponse' });

export type OpenAiChatCompletionRequest = z.infer<typeof OpenAiChatCompletionRequestSchema>;
export type OpenAiMessage = z.infer<typeof OpenAiMessageSchema>;
export type OpenAiChatCompletion = z.infer<typeof OpenAiChatCompletionSchema>;
export type OpenAiUsage = z.infer<typeof OpenAiUsageSchema>;
