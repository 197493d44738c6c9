import { z } from 'zod';
import { cleanText } from './text.schema.ts';

/** A conversation. */
export const ChatSessionSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    pinned: z.boolean(),
    model: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ChatSession' });

export const SessionListQuerySchema = z.object({
  search: cleanText({ max: 200 }).optional().describe('Matches the title, case-insensitively.'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional().describe('`nextCursor` of the previous page.'),
});

export const ChatSessionListSchema = z.object({
  items: z.array(ChatSessionSchema),
  nextCursor: z.string().nullable(),
});

export const SessionPatchSchema = z
  .object({
    title: cleanText({ min: 1, max: 200 }).optional(),
    pinned: z.boolean().optional(),
  })
  .strict();

export const TokenUsageSchema = z
  .object({
    promptTokens: z.number().int().optional(),
    completionTokens: z.number().int().optional(),
    reasoningTokens: z.number().int().optional(),
  })
  .meta({ id: 'TokenUsage' });

export const ToolRunSchema = z
  .object({
    id: z.uuid(),
    step: z.number().int(),
    toolCallId: z.string(),
    toolName: z.string(),
    arguments: z.string().describe('The arguments as the model sent them (JSON text).'),
    resultPreview: z.string().nullable(),
    status: z.enum(['success', 'error', 'timeout', 'cancelled']),
    durationMs: z.number().int(),
    errorCode: z.string().nullable(),
  })
  .meta({ id: 'ToolRun' });

/**
 * A document passage an answer cites: `n` is the number the model saw in its context and wrote as
 * `[n]` in the answer; the other fields locate the chunk (names as in `SearchResult`).
 */
export const ChatCitationSchema = z
  .object({
    n: z.number().int().min(1).describe('The `[n]` marker of the answer this citation resolves.'),
    documentId: z.uuid(),
    documentTitle: z.string(),
    chunkId: z.uuid(),
    page: z.number().int().nullable().describe('Page (or slide) of the chunk, when the format has pages.'),
    sheet: z.string().nullable().describe('Spreadsheet sheet of the chunk, when it comes from one.'),
    headingPath: z.array(z.string()).describe('Headings above the chunk, outermost first.'),
    snippet: z.string().describe('A short excerpt of the chunk (≤ ~320 characters).'),
  })
  .meta({ id: 'ChatCitation' });

export const ChatMessageSchema = z
  .object({
    id: z.uuid(),
    role: z.enum(['user', 'assistant']),
    content: z.string(),
    status: z.enum(['complete', 'cancelled', 'error']),
    model: z.string().nullable(),
    usage: TokenUsageSchema,
    errorCode: z.string().nullable(),
    createdAt: z.iso.datetime(),
    toolRuns: z.array(ToolRunSchema),
    citations: z
      .array(ChatCitationSchema)
      .describe(
        'Sources an assistant answer cites (empty for user messages). Citations of documents the reader can no longer see are left out.',
      ),
  })
  .meta({ id: 'ChatMessage' });

export const ChatSessionDetailSchema = z
  .object({ session: ChatSessionSchema, messages: z.array(ChatMessageSchema) })
  .meta({ id: 'ChatSessionDetail' });

export const HistoryDeletedSchema = z.object({ sessions: z.number().int(), messages: z.number().int() });
