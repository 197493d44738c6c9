import { randomUUID } from 'node:crypto';
import type { ChatRepository, ChatSessionRecord, ToolRunRow } from '@youworker/db';
import type { AuditService } from '../audit/audit.service.ts';
import type { EncryptionService } from '../crypto/encryption.service.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import type { UserActor } from '../identity/actor.ts';

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
}

/** What is stored for one finished (or cancelled, or failed) assistant turn. */
export interface AssistantTurn {
  content: string;
  status: 'complete' | 'cancelled' | 'error';
  model: string;
  usage: MessageUsage;
  errorCode?: string;
  toolRuns: Omit<ToolRunView, 'id'>[];
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
 * Chat sessions and their history. Message content, tool arguments and result previews are encrypted
 * at rest with the row id as associated data; every method is scoped to the calling user (another
 * user's session is "not found").
 */
export class ChatSessionService {
  constructor(
    private readonly deps: { chats: ChatRepository; encryption: EncryptionService; audit: AuditService },
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
    }));
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

  /** Stores the user's message (encrypted) and, unless it was just created, marks the session active. */
  async appendUserMessage(
    session: ChatSessionRecord,
    content: string,
    options: { touchSession: boolean } = { touchSession: true },
  ): Promise<string> {
    const id = randomUUID();
    await this.deps.chats.insertMessage({
      id,
      sessionId: session.id,
      role: 'user',
      content: this.deps.encryption.encrypt(content, id),
      status: 'complete',
      model: null,
      promptTokens: null,
      completionTokens: null,
      reasoningTokens: null,
      errorCode: null,
    });
    if (options.touchSession) {
      await this.deps.chats.updateSession(session.userId, session.id, {});
    }
    return id;
  }

  /** Stores one assistant turn with its usage and tool runs (all encrypted). */
  async appendAssistantTurn(session: ChatSessionRecord, turn: AssistantTurn): Promise<string> {
    const id = randomUUID();
    const { encryption } = this.deps;
    await this.deps.chats.insertMessage({
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
    });
    await this.deps.chats.insertToolRuns(
      turn.toolRuns.map((run) => {
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
    );
    await this.deps.chats.updateSession(session.userId, session.id, { model: turn.model });
    return id;
  }
}
