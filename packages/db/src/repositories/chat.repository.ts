import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { ChatMessagesTable, ChatSessionsTable, Database, ToolRunsTable } from '../schema/database.ts';
import { isUuid } from './uuid.ts';

/** A conversation. */
export interface ChatSessionRecord {
  id: string;
  userId: string;
  title: string;
  pinned: boolean;
  model: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A stored message; `content` and `citations` are still ciphertext here (the service decrypts). */
export interface ChatMessageRow {
  id: string;
  sessionId: string;
  role: 'user' | 'assistant';
  content: string;
  status: 'complete' | 'cancelled' | 'error';
  model: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  reasoningTokens: number | null;
  errorCode: string | null;
  /** Ciphertext of the cited sources (a JSON array), or null when the message cites nothing. */
  citations: string | null;
  createdAt: Date;
}

/** A stored tool run; `arguments` and `resultPreview` are still ciphertext here. */
export interface ToolRunRow {
  id: string;
  messageId: string;
  sessionId: string;
  step: number;
  toolCallId: string;
  toolName: string;
  arguments: string;
  resultPreview: string | null;
  status: 'success' | 'error' | 'timeout' | 'cancelled';
  durationMs: number;
  errorCode: string | null;
  createdAt: Date;
}

function toSession(row: Selectable<ChatSessionsTable>): ChatSessionRecord {
  return {
    id: row.id,
    userId: row.user_id,
    title: row.title,
    pinned: row.pinned,
    model: row.model,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toMessage(row: Selectable<ChatMessagesTable>): ChatMessageRow {
  return {
    id: row.id,
    sessionId: row.session_id,
    role: row.role,
    content: row.content,
    status: row.status,
    model: row.model,
    promptTokens: row.prompt_tokens,
    completionTokens: row.completion_tokens,
    reasoningTokens: row.reasoning_tokens,
    errorCode: row.error_code,
    citations: row.citations,
    createdAt: row.created_at,
  };
}

function toToolRun(row: Selectable<ToolRunsTable>): ToolRunRow {
  return {
    id: row.id,
    messageId: row.message_id,
    sessionId: row.session_id,
    step: row.step,
    toolCallId: row.tool_call_id,
    toolName: row.tool_name,
    arguments: row.arguments,
    resultPreview: row.result_preview,
    status: row.status,
    durationMs: row.duration_ms,
    errorCode: row.error_code,
    createdAt: row.created_at,
  };
}

/** A message to store (the database sets `createdAt`). */
export type NewChatMessage = Omit<ChatMessageRow, 'createdAt'>;

/** A tool run to store (the database sets `createdAt`). */
export type NewToolRun = Omit<ToolRunRow, 'createdAt'>;

function messageValues(message: NewChatMessage) {
  return {
    id: message.id,
    session_id: message.sessionId,
    role: message.role,
    content: message.content,
    status: message.status,
    model: message.model,
    prompt_tokens: message.promptTokens,
    completion_tokens: message.completionTokens,
    reasoning_tokens: message.reasoningTokens,
    error_code: message.errorCode,
    citations: message.citations,
  };
}

function toolRunValues(run: NewToolRun) {
  return {
    id: run.id,
    message_id: run.messageId,
    session_id: run.sessionId,
    step: run.step,
    tool_call_id: run.toolCallId,
    tool_name: run.toolName,
    arguments: run.arguments,
    result_preview: run.resultPreview,
    status: run.status,
    duration_ms: run.durationMs,
    error_code: run.errorCode,
  };
}

/** `chat_sessions`, `chat_messages` and `tool_runs`, always scoped to the owning user. */
export class ChatRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async createSession(session: {
    userId: string;
    title: string;
    model: string | null;
  }): Promise<ChatSessionRecord> {
    const row = await this.db
      .insertInto('chat_sessions')
      .values({ user_id: session.userId, title: session.title, model: session.model })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toSession(row);
  }

  async findSession(userId: string, id: string): Promise<ChatSessionRecord | undefined> {
    if (!isUuid(id)) {
      return undefined;
    }
    const row = await this.db
      .selectFrom('chat_sessions')
      .selectAll()
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toSession(row);
  }

  /** Most recently active first; `search` matches the title (case-insensitive). */
  async listSessions(
    userId: string,
    options: { search?: string; limit: number; before?: { updatedAt: Date; id: string } },
  ): Promise<ChatSessionRecord[]> {
    let query = this.db.selectFrom('chat_sessions').selectAll().where('user_id', '=', userId);
    if (options.search) {
      const pattern = `%${options.search.toLowerCase().replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
      query = query.where(sql<string>`lower(title)`, 'like', pattern);
    }
    if (options.before) {
      const { updatedAt, id } = options.before;
      query = query.where((eb) =>
        eb.or([
          eb('updated_at', '<', updatedAt),
          eb.and([eb('updated_at', '=', updatedAt), eb('id', '<', id)]),
        ]),
      );
    }
    const rows = await query
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit)
      .execute();
    return rows.map(toSession);
  }

  async updateSession(
    userId: string,
    id: string,
    patch: { title?: string; pinned?: boolean; model?: string | null; touch?: boolean },
  ): Promise<ChatSessionRecord | undefined> {
    if (!isUuid(id)) {
      return undefined;
    }
    const row = await this.db
      .updateTable('chat_sessions')
      .set({
        ...(patch.title === undefined ? {} : { title: patch.title }),
        ...(patch.pinned === undefined ? {} : { pinned: patch.pinned }),
        ...(patch.model === undefined ? {} : { model: patch.model }),
        updated_at: new Date(),
      })
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row && toSession(row);
  }

  async deleteSession(userId: string, id: string): Promise<boolean> {
    if (!isUuid(id)) {
      return false;
    }
    const result = await this.db
      .deleteFrom('chat_sessions')
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** Deletes every session of the user (messages and tool runs cascade); returns the counts. */
  async deleteAllSessions(userId: string): Promise<{ sessions: number; messages: number }> {
    return this.db.transaction().execute(async (transaction) => {
      const messages = await transaction
        .selectFrom('chat_messages')
        .innerJoin('chat_sessions', 'chat_sessions.id', 'chat_messages.session_id')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where('chat_sessions.user_id', '=', userId)
        .executeTakeFirstOrThrow();
      const deleted = await transaction
        .deleteFrom('chat_sessions')
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return { sessions: Number(deleted.numDeletedRows), messages: Number(messages.count) };
    });
  }

  async insertMessage(message: NewChatMessage): Promise<ChatMessageRow> {
    const row = await this.db
      .insertInto('chat_messages')
      .values(messageValues(message))
      .returningAll()
      .executeTakeFirstOrThrow();
    return toMessage(row);
  }

  async insertToolRuns(runs: NewToolRun[]): Promise<void> {
    if (runs.length === 0) {
      return;
    }
    await this.db.insertInto('tool_runs').values(runs.map(toolRunValues)).execute();
  }

  /**
   * A new session and its first message in one statement: both are stored or neither is (one round
   * trip instead of two on a turn's path to its first token). The caller chooses the message id.
   */
  async createSessionWithMessage(
    session: { id?: string; userId: string; title: string; model: string | null },
    message: Omit<NewChatMessage, 'sessionId'>,
  ): Promise<ChatSessionRecord> {
    const id = session.id ?? randomUUID();
    const row = await this.db
      .with('session', (db) =>
        db
          .insertInto('chat_sessions')
          .values({ id, user_id: session.userId, title: session.title, model: session.model })
          .returningAll(),
      )
      .with('message', (db) =>
        db
          .insertInto('chat_messages')
          .values(messageValues({ ...message, sessionId: id }))
          .returning('id'),
      )
      .selectFrom('session')
      .selectAll()
      .executeTakeFirstOrThrow();
    return toSession(row);
  }

  /**
   * Stores a message with its tool runs and marks the session active (`updated_at`, and `model` when
   * given) in one statement: all of it is stored or none of it. The caller has checked ownership.
   */
  async appendToSession(
    userId: string,
    message: NewChatMessage,
    options: { toolRuns?: readonly NewToolRun[]; model?: string | null } = {},
  ): Promise<void> {
    const toolRuns = options.toolRuns ?? [];
    const withMessage = this.db.with('message', (db) =>
      db.insertInto('chat_messages').values(messageValues(message)).returning('id'),
    );
    const patch = {
      ...(options.model === undefined ? {} : { model: options.model }),
      updated_at: new Date(),
    };
    const update =
      toolRuns.length === 0
        ? withMessage.updateTable('chat_sessions').set(patch)
        : withMessage
            .with('runs', (db) =>
              db.insertInto('tool_runs').values(toolRuns.map(toolRunValues)).returning('id'),
            )
            .updateTable('chat_sessions')
            .set(patch);
    await update.where('user_id', '=', userId).where('id', '=', message.sessionId).execute();
  }

  /** Messages of a session, oldest first (the caller has checked ownership). */
  async listMessages(sessionId: string): Promise<ChatMessageRow[]> {
    const rows = await this.db
      .selectFrom('chat_messages')
      .selectAll()
      .where('session_id', '=', sessionId)
      .orderBy('seq')
      .execute();
    return rows.map(toMessage);
  }

  async listToolRuns(sessionId: string): Promise<ToolRunRow[]> {
    const rows = await this.db
      .selectFrom('tool_runs')
      .selectAll()
      .where('session_id', '=', sessionId)
      .orderBy('created_at')
      .orderBy('step')
      .execute();
    return rows.map(toToolRun);
  }
}
