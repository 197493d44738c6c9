import { z } from 'zod';
import { ChatCitationSchema, TokenUsageSchema, ToolRunSchema } from './chat.schema.ts';
import { cleanText } from './text.schema.ts';

/** Which documents a turn's retrieval searches; omitted fields do not restrict. */
export const ChatDocumentScopeSchema = z
  .object({
    documentIds: z
      .array(z.uuid())
      .min(1)
      .max(100)
      .optional()
      .describe('Only these documents (ids the caller cannot see match nothing).'),
    groupId: z.uuid().optional().describe('Only documents shared into this group.'),
  })
  .strict()
  .meta({
    id: 'ChatDocumentScope',
    description:
      'Documents searched for context. Omitted (or `{}`): every document the caller may see. Both fields given: both apply.',
  });

/** `rag`: whether a turn searches the caller's documents for context. */
export const ChatRagModeSchema = z.enum(['auto', 'off']).meta({
  id: 'ChatRagMode',
  description:
    '`auto`: search the documents in scope and give the best chunks to the model as numbered sources it cites as `[n]` (no hits: a normal answer); `off`: no retrieval.',
});

/** `POST /v1/chat`: only the new message; the server keeps the history. */
export const ChatRequestSchema = z
  .object({
    sessionId: z.uuid().optional().describe('Continue this session; omit to start a new one.'),
    message: cleanText({ min: 1, max: 32_000, multiline: true }),
    model: z.string().min(1).max(200).optional().describe('Default: LLM_DEFAULT_MODEL.'),
    tools: z.boolean().default(true).describe('Let the model call tools.'),
    rag: ChatRagModeSchema.default('auto'),
    scope: ChatDocumentScopeSchema.optional(),
    stream: z
      .boolean()
      .default(true)
      .describe('`true`: Server-Sent Events (docs/stream-protocol.md); `false`: one JSON answer.'),
  })
  .strict()
  .meta({ id: 'ChatRequest' });

/** What the retrieval step of a turn did (also on the stream's `run-end`). */
export const ChatRetrievalSchema = z
  .object({
    status: z
      .enum(['off', 'none', 'used', 'failed'])
      .describe(
        '`off`: not asked for; `none`: no document in scope matched; `used`: sources were given to the model; `failed`: retrieval failed and the turn went on without sources.',
      ),
    sources: z.number().int().describe('Chunks given to the model as numbered sources.'),
    errorCode: z.string().optional().describe('Why retrieval failed (`failed` only).'),
  })
  .meta({ id: 'ChatRetrieval' });

/** The non-streamed answer of `POST /v1/chat`. */
export const ChatResponseSchema = z
  .object({
    sessionId: z.uuid(),
    runId: z.string(),
    model: z.string(),
    text: z.string(),
    finishReason: z.enum(['stop', 'step-limit', 'timeout', 'token-budget', 'cancelled', 'error']),
    usage: TokenUsageSchema,
    toolRuns: z.array(ToolRunSchema.omit({ id: true })),
    citations: z.array(ChatCitationSchema).describe('The sources the answer cites with `[n]` markers.'),
    retrieval: ChatRetrievalSchema,
  })
  .meta({ id: 'ChatResponse' });

/**
 * Retrieval on `POST /v1/chat/completions` (OpenAI-compatible): an extension field `youworker` of the
 * request body. Default `rag: off` there, so plain OpenAI clients get plain answers.
 */
export const OpenAiRetrievalExtensionSchema = z
  .object({
    rag: ChatRagModeSchema.default('off'),
    scope: ChatDocumentScopeSchema.optional(),
  })
  .strict();
