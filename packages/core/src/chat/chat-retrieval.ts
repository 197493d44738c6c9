import type { DocumentRepository } from '@youworker/db';
import type { SearchFilters } from '@youworker/vector';
import type { AccessService } from '../access/access-scope.ts';
import type { UserActor } from '../identity/actor.ts';
import type { SearchService } from '../search/search.service.ts';
import type { RetrievedSource } from './chat-citations.ts';

/** `auto`: search the documents in scope for context; `off`: no retrieval. */
export type RagMode = 'auto' | 'off';

/** Which documents a turn searches; omitted fields do not restrict (both given: both apply). */
export interface ChatDocumentScope {
  documentIds?: readonly string[];
  groupId?: string;
}

/** What retrieval did for a turn (on `run-end` and the JSON answer). */
export interface RetrievalSummary {
  status: 'off' | 'none' | 'used' | 'failed';
  /** Chunks given to the model. */
  sources: number;
  errorCode?: string;
}

/** The outcome of a turn's retrieval: the summary and the sources given to the model. */
export interface RetrievalOutcome {
  summary: RetrievalSummary;
  sources: RetrievedSource[];
}

/** Settings of chat retrieval. */
export interface ChatRetrievalSettings {
  /** Chunks given to the model (`RAG_TOP_K`). */
  topK: number;
  /** Longest wait for the search (embedding included) before the turn goes on without sources. */
  timeoutMs: number;
}

/** Where retrieval reports a failure it recovered from. */
export interface RetrievalLogger {
  warn(details: Record<string, unknown>, message: string): void;
}

const off: RetrievalOutcome = { summary: { status: 'off', sources: 0 }, sources: [] };
const none: RetrievalOutcome = { summary: { status: 'none', sources: 0 }, sources: [] };

class RetrievalTimeoutError extends Error {
  readonly code = 'RETRIEVAL_TIMEOUT';
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,63}$/.test(code) ? code : 'RETRIEVAL_FAILED';
}

/** Settles with `work`, or rejects when `signal` aborts first (the work is left to finish unobserved). */
async function raceSignal<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => {
      reject(signal.reason instanceof Error ? signal.reason : new Error('retrieval aborted'));
    };
    if (signal.aborted) {
      onAbort();
    } else {
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
  try {
    return await Promise.race([work, aborted]);
  } finally {
    if (onAbort) {
      signal.removeEventListener('abort', onAbort);
    }
  }
}

/**
 * The retrieval step of a chat turn: with `rag: auto`, a hybrid search of the caller's documents (an
 * access scope from the access service, so only documents the caller may see, filtered inside the
 * store query) narrowed by the turn's scope; the best `topK` chunks (at most half of them from one
 * document, unless the scope is one document) become numbered sources. A caller with no ready document
 * skips the search (and the query embedding). Never throws: a failed or slow search (embedder down…)
 * is logged and reported as `failed`, and the turn goes on without sources.
 */
export class ChatRetrieval {
  constructor(
    private readonly deps: {
      search: Pick<SearchService, 'searchInScope'>;
      access: Pick<AccessService, 'scopeFor'>;
      documents: Pick<DocumentRepository, 'anyReadyVisibleTo'>;
      settings: ChatRetrievalSettings;
      logger?: RetrievalLogger;
    },
  ) {}

  async retrieve(
    actor: UserActor,
    request: { message: string; rag: RagMode; scope?: ChatDocumentScope },
    signal: AbortSignal,
  ): Promise<RetrievalOutcome> {
    if (request.rag === 'off') {
      return off;
    }
    const { settings } = this.deps;
    const timeout = new AbortController();
    const timer = setTimeout(() => {
      timeout.abort(new RetrievalTimeoutError(`retrieval took longer than ${settings.timeoutMs} ms`));
    }, settings.timeoutMs);
    const stop = AbortSignal.any([signal, timeout.signal]);
    try {
      return await raceSignal(this.search(actor, request, stop), stop);
    } catch (error) {
      const errorCode = signal.aborted ? 'CANCELLED' : codeOf(error);
      if (!signal.aborted) {
        this.deps.logger?.warn(
          { err: error, code: errorCode, userId: actor.userId },
          'chat retrieval failed; answering without document sources',
        );
      }
      return { summary: { status: 'failed', sources: 0, errorCode }, sources: [] };
    } finally {
      clearTimeout(timer);
    }
  }

  private async search(
    actor: UserActor,
    request: { message: string; scope?: ChatDocumentScope },
    signal: AbortSignal,
  ): Promise<RetrievalOutcome> {
    // One statement for the common case of a user with nothing to search; the scope is read after.
    if (!(await this.deps.documents.anyReadyVisibleTo(actor.userId))) {
      return none;
    }
    const scope = await this.deps.access.scopeFor(actor);
    const { topK } = this.deps.settings;
    const documentIds = request.scope?.documentIds;
    const filters: SearchFilters = {
      ...(documentIds ? { documentIds } : {}),
      ...(request.scope?.groupId ? { groupId: request.scope.groupId } : {}),
    };
    const results = await this.deps.search.searchInScope(
      scope,
      {
        query: request.message,
        k: topK,
        filters,
        ...(documentIds?.length === 1 ? {} : { perDocument: Math.max(1, Math.ceil(topK / 2)) }),
      },
      signal,
    );
    if (results.length === 0) {
      return none;
    }
    const sources = results.map((result, index) => ({
      n: index + 1,
      chunkId: result.chunkId,
      documentId: result.documentId,
      documentTitle: result.documentTitle,
      page: result.page,
      sheet: result.sheet,
      headingPath: result.headingPath,
      text: result.text,
      snippet: result.snippet,
    }));
    return { summary: { status: 'used', sources: sources.length }, sources };
  }
}
