import { randomUUID } from 'node:crypto';
import {
  runAgent,
  type AgentEvent,
  type AgentLimits,
  type AgentRunResult,
  type ToolRegistry,
} from '@youworker/agent';
import type { ChatSessionRecord } from '@youworker/db';
import { resolveModel, type ChatMessage, type LanguageModelProvider } from '@youworker/llm';
import { ValidationError } from '../errors/validation-error.ts';
import { getRequestContext } from '../context/request-context.ts';
import type { UserActor } from '../identity/actor.ts';
import { citationsFor, type ChatCitation } from './chat-citations.ts';
import type {
  ChatDocumentScope,
  ChatRetrieval,
  RagMode,
  RetrievalOutcome,
  RetrievalSummary,
} from './chat-retrieval.ts';
import type { AssistantTurn, ChatSessionService } from './chat-session.service.ts';
import { withSources } from './retrieval-context.ts';
import { startAhead } from './start-ahead.ts';
import { ToolRunTracker } from './tool-run-tracker.ts';

/** What a client sends: only its new message; the history is loaded server-side. */
export interface ChatInput {
  sessionId?: string;
  message: string;
  model?: string;
  /** Let the model call tools (default true when tools exist). */
  tools?: boolean;
  /** Search the caller's documents for sources (default `auto`; `off` without retrieval configured). */
  rag?: RagMode;
  /** Which documents retrieval searches (default: all the caller may see). */
  scope?: ChatDocumentScope;
}

/** The `run-end` event as clients receive it: without the raw messages, with citations and retrieval. */
export type ChatRunEndEvent = Omit<Extract<AgentEvent, { type: 'run-end' }>, 'messages' | 'citations'> & {
  citations: ChatCitation[];
  retrieval: RetrievalSummary;
};

/** An event as clients receive it: the agent's events, `run-start` naming the session, `run-end` as {@link ChatRunEndEvent}. */
export type ChatStreamEvent =
  | Exclude<AgentEvent, { type: 'run-start' } | { type: 'run-end' }>
  | (Extract<AgentEvent, { type: 'run-start' }> & { sessionId: string })
  | ChatRunEndEvent;

/** A chat turn that has started: its session and its events. */
export interface ChatRun {
  session: ChatSessionRecord;
  model: string;
  events: AsyncGenerator<ChatStreamEvent>;
}

/** What a turn's run needs of its session before the session (or its new message) is stored. */
type SessionRef = Pick<ChatSessionRecord, 'id' | 'userId'>;

/** Settings of the chat service (from `LLM_*`, `AGENT_*` and `CHAT_*` configuration). */
export interface ChatSettings {
  defaultModel: string;
  /** Empty: any model. */
  allowedModels: readonly string[];
  systemPrompt: string;
  limits: AgentLimits;
  contextSize?: number;
  temperature?: number;
}

function statusOf(result: AgentRunResult): Pick<AssistantTurn, 'status' | 'errorCode'> {
  switch (result.finishReason) {
    case 'stop':
    case 'step-limit':
    case 'token-budget':
      return { status: 'complete' };
    case 'cancelled':
      return { status: 'cancelled' };
    case 'timeout':
      return { status: 'error', errorCode: 'AGENT_TIMEOUT' };
    case 'error':
      return { status: 'error', errorCode: 'AGENT_ERROR' };
  }
}

/**
 * Runs one chat turn: loads the session's history, stores the new user message, runs the agent loop
 * and stores the answer with its tool runs and token usage — also when the client cancels (status
 * `cancelled`, with the partial answer) or the model fails (status `error`).
 */
export class ChatService {
  constructor(
    private readonly deps: {
      sessions: ChatSessionService;
      provider: LanguageModelProvider;
      tools: ToolRegistry | undefined;
      settings: ChatSettings;
      /** Document retrieval (`rag: auto`); without it every turn runs as `rag: off`. */
      retrieval?: ChatRetrieval;
    },
  ) {}

  private knownModels: { ids: string[]; at: number } | undefined;

  /**
   * The model of a turn: {@link resolveModel}, then — when no allow-list is configured — a check that
   * the model server offers it (its list is cached for a minute). A server that cannot list its models
   * does not block the turn: the turn itself reports the failure.
   */
  async chooseModel(requested: string | undefined): Promise<string> {
    const model = this.resolveModel(requested);
    if (this.deps.settings.allowedModels.length > 0 || requested === undefined) {
      return model;
    }
    const now = Date.now();
    if (!this.knownModels || now - this.knownModels.at > 60_000) {
      try {
        const listed = await this.deps.provider.listModels(AbortSignal.timeout(5_000));
        this.knownModels = { ids: listed.map((info) => info.id), at: now };
      } catch {
        return model;
      }
    }
    if (!this.knownModels.ids.includes(model)) {
      throw new ValidationError({
        code: 'MODEL_NOT_FOUND',
        message: `The model server does not offer "${model}"; available: ${this.knownModels.ids.join(', ') || '(none)'}`,
        details: { allowed: this.knownModels.ids },
      });
    }
    return model;
  }

  /** The model to use, or a 400 naming the allowed ones. */
  resolveModel(requested: string | undefined): string {
    const { defaultModel, allowedModels } = this.deps.settings;
    const resolution = resolveModel(requested, {
      LLM_DEFAULT_MODEL: defaultModel,
      LLM_ALLOWED_MODELS: [...allowedModels],
    });
    if (!resolution.ok) {
      throw new ValidationError({
        code: 'MODEL_NOT_ALLOWED',
        message: `Model "${requested ?? defaultModel}" is not allowed here; use one of: ${resolution.allowed.join(', ')}`,
        details: { allowed: resolution.allowed },
      });
    }
    return resolution.model;
  }

  /**
   * Starts a turn of a stored session (new when `sessionId` is absent). Retrieval runs while the
   * history is read; its sources go into the user turn the model sees, never into the stored message.
   * The user's message is stored while the model request goes out (see {@link startAhead}): the
   * turn's events wait for the store, and a failed store fails the turn and cancels the request.
   */
  async start(actor: UserActor, input: ChatInput, signal: AbortSignal): Promise<ChatRun> {
    const model = await this.chooseModel(input.model);
    const { sessions } = this.deps;
    const turn = { useTools: input.tools ?? true };
    if (input.sessionId === undefined) {
      // A new session has no history: one statement stores it with the message.
      const sessionId = randomUUID();
      const retrieved = await this.retrieve(actor, input, signal);
      return this.startTurn(
        { id: sessionId, userId: actor.userId },
        model,
        this.messages([], input.message, retrieved),
        { ...turn, retrieved },
        signal,
        () => sessions.createSessionWithMessage(actor, input.message, model, sessionId),
      );
    }
    const session = await sessions.getSession(actor, input.sessionId);
    const retrieval = this.retrieve(actor, input, signal);
    const history = await this.history(session);
    const retrieved = await retrieval;
    return this.startTurn(
      session,
      model,
      this.messages(history, input.message, retrieved),
      { ...turn, retrieved },
      signal,
      async () => {
        await sessions.appendUserMessage(session, input.message, { touchSession: true });
        return session;
      },
    );
  }

  /**
   * A turn whose history the client sends (the OpenAI-compatible surface): a new session records the
   * new message and the answer; the given history is passed to the model, after the deployment's
   * system prompt, and not stored. Retrieval only when `rag: auto` is asked for (default `off`).
   */
  async startWithHistory(
    actor: UserActor,
    input: {
      history: ChatMessage[];
      message: string;
      model?: string;
      tools?: boolean;
      rag?: RagMode;
      scope?: ChatDocumentScope;
    },
    signal: AbortSignal,
  ): Promise<ChatRun> {
    const model = await this.chooseModel(input.model);
    const sessionId = randomUUID();
    const retrieved = await this.retrieve(actor, { ...input, rag: input.rag ?? 'off' }, signal);
    return this.startTurn(
      { id: sessionId, userId: actor.userId },
      model,
      this.messages(input.history, input.message, retrieved),
      { useTools: input.tools ?? true, retrieved },
      signal,
      () => this.deps.sessions.createSessionWithMessage(actor, input.message, model, sessionId),
    );
  }

  /** What the model sees: the system prompt, the history, the new message with its sources. */
  private messages(history: ChatMessage[], message: string, retrieved: RetrievalOutcome): ChatMessage[] {
    return [
      { role: 'system', content: this.deps.settings.systemPrompt },
      ...history,
      { role: 'user', content: withSources(message, retrieved.sources) },
    ];
  }

  /** Starts the run, then stores the user's message while the model request is under way. */
  private async startTurn(
    session: SessionRef,
    model: string,
    messages: ChatMessage[],
    turn: { useTools: boolean; retrieved: RetrievalOutcome },
    signal: AbortSignal,
    storeMessage: () => Promise<ChatSessionRecord>,
  ): Promise<ChatRun> {
    const cancel = new AbortController();
    let resolveStored!: (stored: boolean) => void;
    const userMessageStored = new Promise<boolean>((resolve) => {
      resolveStored = resolve;
    });
    const events = this.run(
      session,
      model,
      messages,
      { ...turn, userMessageStored },
      AbortSignal.any([signal, cancel.signal]),
    );
    const started = await startAhead(
      events,
      () =>
        storeMessage().then(
          (stored) => {
            resolveStored(true);
            return stored;
          },
          (error: unknown) => {
            resolveStored(false);
            throw error;
          },
        ),
      cancel,
    );
    return { session: started.stored, model, events: started.events };
  }

  /** The turn's retrieval; never rejects (a failure is an outcome). */
  private async retrieve(
    actor: UserActor,
    input: { message: string; rag?: RagMode; scope?: ChatDocumentScope },
    signal: AbortSignal,
  ): Promise<RetrievalOutcome> {
    const rag = input.rag ?? 'auto';
    if (!this.deps.retrieval || rag === 'off') {
      return { summary: { status: 'off', sources: 0 }, sources: [] };
    }
    return this.deps.retrieval.retrieve(
      actor,
      { message: input.message, rag, ...(input.scope ? { scope: input.scope } : {}) },
      signal,
    );
  }

  /** Earlier turns as the model sees them: user messages (as typed, never with old sources) and completed answers. */
  private async history(session: ChatSessionRecord): Promise<ChatMessage[]> {
    const stored = await this.deps.sessions.transcript(session);
    return stored
      .filter(
        (message) => message.role === 'user' || (message.status === 'complete' && message.content !== ''),
      )
      .map((message) => ({ role: message.role, content: message.content }));
  }

  private async *run(
    session: SessionRef,
    model: string,
    messages: ChatMessage[],
    turn: { useTools: boolean; retrieved: RetrievalOutcome; userMessageStored: Promise<boolean> },
    signal: AbortSignal,
  ): AsyncGenerator<ChatStreamEvent> {
    const settings = this.deps.settings;
    const toolRuns = new ToolRunTracker();
    const outcome: { stored: boolean; citations: ChatCitation[] } = { stored: false, citations: [] };
    const store = async (result: AgentRunResult) => {
      outcome.stored = true;
      outcome.citations = citationsFor(result.text, turn.retrieved.sources);
      // The answer is stored after the user's message, and not at all when that store failed.
      if (!(await turn.userMessageStored)) {
        return;
      }
      await this.deps.sessions.appendAssistantTurn(session, {
        content: result.text,
        model,
        usage: result.usage,
        toolRuns: toolRuns.list(),
        citations: outcome.citations,
        ...statusOf(result),
      });
    };
    const events = runAgent({
      provider: this.deps.provider,
      model,
      messages,
      tools: turn.useTools ? this.deps.tools : undefined,
      limits: settings.limits,
      signal,
      // Tools acting on user data (MCP semantic, ingest) get this user, signed by the platform.
      caller: { userId: session.userId, requestId: getRequestContext()?.requestId ?? session.id },
      ...(settings.contextSize === undefined ? {} : { contextSize: settings.contextSize }),
      ...(settings.temperature === undefined ? {} : { temperature: settings.temperature }),
      callbacks: { onEnd: store },
    });
    for await (const event of events) {
      toolRuns.track(event);
      if (event.type === 'run-start') {
        yield { ...event, sessionId: session.id };
      } else if (event.type === 'run-end') {
        const { messages: _messages, citations: _none, ...rest } = event;
        yield { ...rest, citations: outcome.citations, retrieval: turn.retrieved.summary };
      } else {
        yield event;
      }
    }
    if (!outcome.stored) {
      throw new Error('agent run ended without run-end');
    }
  }
}
