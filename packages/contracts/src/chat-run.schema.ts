import { z } from 'zod';
import { TokenUsageSchema, ToolRunSchema } from './chat.schema.ts';
import { cleanText } from './text.schema.ts';

/** `POST /v1/chat`: only the new message; the server keeps the history. */
export const ChatRequestSchema = z
  .object({
    sessionId: z.uuid().optional().describe('Continue this session; omit to start a new one.'),
    message: cleanText({ min: 1, max: 32_000, multiline: true }),
    model: z.string().min(1).max(200).optional().describe('Default: LLM_DEFAULT_MODEL.'),
    tools: z.boolean().default(true).describe('Let the model call tools.'),
    stream: z
      .boolean()
      .default(true)
      .describe('`true`: Server-Sent Events (docs/stream-protocol.md); `false`: one JSON answer.'),
  })
  .strict()
  .meta({ id: 'ChatRequest' });

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
  })
  .meta({ id: 'ChatResponse' });
