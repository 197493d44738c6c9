import { randomUUID } from 'node:crypto';
import type {
  ChatMessageRow,
  ChatRepository,
  ChatSessionRecord,
  NewChatMessage,
  ToolRunRow,
} from '@youworker/db';
import type { AuditService } from '../audit/audit.service.ts';
import type { EncryptionService } from '../crypto/encryption.service.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import type { UserActor } from '../identity/actor.ts';
import type { ChatCitation } from './chat-citations.ts';
import type { CitedDocumentAccess } from './cited-documents.ts';

/** Token counts of one assistant message, as the provider reported them. */
export interface MessageUsage {
  promptTokens?: number;
  completionTokens?: number;
  reasoningTokens?: number;
}

/** A tool run as the chat API shows it (decrypted). */
export interface ToolRunView {
  id: string;
  step: number;
  toolCallId: string;
  toolName: string;
  arguments: string;
  resultPreview: string | null;
  status: ToolRunRow['status'];
  durationMs: number;
  errorCode: string | null;
}

/** A message as the chat API shows it (decrypted), with its tool runs. */
export interface ChatMessageView {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  status: 'complete' | 'cancelled' | 'error';
  model: string | null;
  usage: MessageUsage;
  errorCode: string | null;
  createdAt: Date;
  toolRuns: ToolRunView[];
  /** Sources the answer cites that the reader may still see (current document titles). */
  citations: ChatCitation[];
}

/** What is stored for one finished (or cancelled, or failed) assistant turn. */
export interface AssistantTurn {
  content: string;
  status: 'complete' | 'cancelled' | 'error';
  model: string;
  usage: MessageUsage;
  errorCode?: string;
  toolRuns: Omit<ToolRunView, 'id'>[];
  citations?: ChatCitation[];
}

/** Longest stored preview of a tool result. */
export const TOOL_RESULT_PREVIEW_LENGTH = 2000;

function sessionNotFound(): NotFoundError {
  return new NotFoundError({ code: 'SESSION_NOT_FOUND', message: 'Chat session not found' });
}

/** A short automatic title from the first message. */
export function titleFrom(message: string): string {
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length <= 60 ? line || 'New chat' : `${line.slice(0, 57).trimEnd()}…`;
}

/**
 * Chat sessions and their history. Message content, citations, tool arguments and result previews are
 * encrypted at rest with the row id as associated data; every method is scoped to the calling user
 * (another user's session is "not found"). Citations are shown only for documents the reader may see
 * when reading (`citedDocuments`; without it, none are shown).
 */
export class ChatSessionService {
  constructor(
    private readonly deps: {
      chats: ChatRepository;
      encryption: EncryptionService;
      audit: AuditService;
      citedDocuments?: CitedDocumentAccess;
    },
  ) {}

  list(
    actor: UserActor,
    options: { search?: string; limit: number; before?: { updatedAt: Date; id: string } },
  ) {
    return this.deps.chats.listSessions(actor.userId, options);
  }

  async getSession(actor: UserActor, id: string): Promise<ChatSessionRecord> {
    const session = await this.deps.chats.findSession(actor.userId, id);
    if (!session) {
      throw sessionNotFound();
    }
    return session;
  }

  async createSession(
    actor: UserActor,
    firstMessage: string,
    model: string | null,
  ): Promise<ChatSessionRecord> {
    return this.deps.chats.createSession({ userId: actor.userId, title: titleFrom(firstMessage), model });
  }

  /** The session's messages, decrypted, each with its tool runs. */
  async getMessages(actor: UserActor, id: string): Promise<ChatMessageView[]> {
    const session = await this.getSession(actor, id);
    const [messages, toolRuns] = await Promise.all([
      this.deps.chats.listMessages(session.id),
      this.deps.chats.listToolRuns(session.id),
    ]);
    const { encryption } = this.deps;
    const citations = await this.visibleCitations(actor, messages);
    return messages.map((message) => ({
      id: message.id,
      role: message.role,
      content: encryption.decrypt(message.content, message.id),
      status: message.status,
      model: message.model,
      usage: {
        ...(message.promptTokens === null ? {} : { promptTokens: message.promptTokens }),
        ...(message.completionTokens === null ? {} : { completionTokens: message.completionTokens }),
        ...(message.reasoningTokens === null ? {} : { reasoningTokens: message.reasoningTokens }),
      },
      errorCode: message.errorCode,
      createdAt: message.createdAt,
      toolRuns: toolRuns
        .filter((run) => run.messageId === message.id)
        .map((run) => ({
          id: run.id,
          step: run.step,
          toolCallId: run.toolCallId,
          toolName: run.toolName,
          arguments: encryption.decrypt(run.arguments, run.id),
          resultPreview: run.resultPreview === null ? null : encryption.decrypt(run.resultPreview, run.id),
          status: run.status,
          durationMs: run.durationMs,
          errorCode: run.errorCode,
        })),
      citations: citations.get(message.id) ?? [],
    }));
  }

  /**
   * The conversation of a session the caller already holds (from {@link getSession} or
   * {@link createSession}), as the model replays it: each message's role, status and decrypted text,
   * oldest first — no tool runs, no citations.
   */
  async transcript(
    session: ChatSessionRecord,
  ): Promise<Pick<ChatMessageView, 'role' | 'content' | 'status'>[]> {
    const messages = await this.deps.chats.listMessages(session.id);
    return messages.map((message) => ({
      role: message.role,
      status: message.status,
      content: this.deps.encryption.decrypt(message.content, message.id),
    }));
  }

  /**
   * The stored citations of each message, decrypted, keeping only documents the reader may see now
   * (with their current titles): a snippet of a document the reader lost access to is never shown.
   */
  private async visibleCitations(
    actor: UserActor,
    messages: readonly ChatMessageRow[],
  ): Promise<Map<string, ChatCitation[]>> {
    const stored = new Map<string, ChatCitation[]>();
    for (const message of messages) {
      if (message.citations !== null) {
        const plaintext = this.deps.encryption.decrypt(message.citations, message.id);
        stored.set(message.id, JSON.parse(plaintext) as ChatCitation[]);
      }
    }
    const cited = [...stored.values()].flatMap((list) => list.map((citation) => citation.documentId));
    if (cited.length === 0 || !this.deps.citedDocuments) {
      return new Map();
    }
    const titles = await this.deps.citedDocuments.visibleTitles(actor, cited);
    const visible = new Map<string, ChatCitation[]>();
    for (const [messageId, list] of stored) {
      visible.set(
        messageId,
        list.flatMap((citation) => {
          const title = titles.get(citation.documentId);
          return title === undefined ? [] : [{ ...citation, documentTitle: title }];
        }),
      );
    }
    return visible;
  }

  async update(
    actor: UserActor,
    id: string,
    patch: { title?: string; pinned?: boolean },
  ): Promise<ChatSessionRecord> {
    const updated = await this.deps.chats.updateSession(actor.userId, id, patch);
    if (!updated) {
      throw sessionNotFound();
    }
    return updated;
  }

  async delete(actor: UserActor, id: string): Promise<void> {
    if (!(await this.deps.chats.deleteSession(actor.userId, id))) {
      throw sessionNotFound();
    }
    await this.deps.audit.record({
      action: 'chat.session-delete',
      actor,
      target: { type: 'chat_session', id },
    });
  }

  /** Deletes every session of the caller. */
  async deleteHistory(actor: UserActor): Promise<{ sessions: number; messages: number }> {
    const counts = await this.deps.chats.deleteAllSessions(actor.userId);
    await this.deps.audit.record({ action: 'chat.history-clear', actor, details: counts });
    return counts;
  }

  /**
   * A new session holding the user's first message (encrypted), stored in one statement: both or
   * neither. `sessionId` (default: a new UUID) lets a caller name the session before it is stored.
   */
  async createSessionWithMessage(
    actor: UserActor,
    content: string,
    model: string | null,
    sessionId: string = randomUUID(),
  ): Promise<ChatSessionRecord> {
    return this.deps.chats.createSessionWithMessage(
      { id: sessionId, userId: actor.userId, title: titleFrom(content), model },
      this.userMessage(randomUUID(), content),
    );
  }

  /**
   * Stores the user's message (encrypted) and, unless it was just created, marks the session active
   * (one statement either way).
   */
  async appendUserMessage(
    session: ChatSessionRecord,
    content: string,
    options: { touchSession: boolean } = { touchSession: true },
  ): Promise<string> {
    const message = { ...this.userMessage(randomUUID(), content), sessionId: session.id };
    if (options.touchSession) {
      await this.deps.chats.appendToSession(session.userId, message);
    } else {
      await this.deps.chats.insertMessage(message);
    }
    return message.id;
  }

  /**
   * Stores one assistant turn with its usage, citations and tool runs (all encrypted), and marks the
   * session active with the turn's model, in one statement.
   */
  async appendAssistantTurn(
    session: Pick<ChatSessionRecord, 'id' | 'userId'>,
    turn: AssistantTurn,
  ): Promise<string> {
    const id = randomUUID();
    const { encryption } = this.deps;
    await this.deps.chats.appendToSession(
      session.userId,
      {
        id,
        sessionId: session.id,
        role: 'assistant',
        content: encryption.encrypt(turn.content, id),
        status: turn.status,
        model: turn.model,
        promptTokens: turn.usage.promptTokens ?? null,
        completionTokens: turn.usage.completionTokens ?? null,
        reasoningTokens: turn.usage.reasoningTokens ?? null,
        errorCode: turn.errorCode ?? null,
        citations: turn.citations?.length ? encryption.encrypt(JSON.stringify(turn.citations), id) : null,
      },
      {
        model: turn.model,
        toolRuns: turn.toolRuns.map((run) => {
          const runId = randomUUID();
          return {
            ...run,
            id: runId,
            messageId: id,
            sessionId: session.id,
            arguments: encryption.encrypt(run.arguments, runId),
            resultPreview:
              run.resultPreview === null
                ? null
                : encryption.encrypt(run.resultPreview.slice(0, TOOL_RESULT_PREVIEW_LENGTH), runId),
          };
        }),
      },
    );
    return id;
  }

  private userMessage(id: string, content: string): Omit<NewChatMessage, 'sessionId'> {
    return {
      id,
      role: 'user',
      content: this.deps.encryption.encrypt(content, id),
      status: 'complete',
      model: null,
      promptTokens: null,
      completionTokens: null,
      reasoningTokens: null,
      errorCode: null,
      citations: null,
    };
  }
}
