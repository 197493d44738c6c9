import { describe, expect, it, vi } from 'vitest';
import type { AccessScope } from '../access/access-scope.ts';
import type { UserActor } from '../identity/actor.ts';
import type { SearchQuery, SearchResult } from '../search/search.service.ts';
import { ChatRetrieval, type ChatRetrievalSettings } from './chat-retrieval.ts';

const actor: UserActor = {
  kind: 'user',
  userId: 'u1',
  username: 'alice',
  role: 'user',
  via: 'api-key',
  apiKeyId: 'k1',
};

function result(index: number, documentId = 'd1'): SearchResult {
  return {
    chunkId: `c${index}`,
    documentId,
    documentTitle: `${documentId}.md`,
    ordinal: index,
    page: index,
    sheet: null,
    headingPath: [],
    score: 1 / (index + 1),
    denseRank: null,
    lexicalRank: null,
    text: `chunk ${index}`,
    snippet: `snippet ${index}`,
    highlights: [],
  };
}

function setup(options: {
  ready?: boolean;
  search?: (scope: AccessScope, query: SearchQuery, signal?: AbortSignal) => Promise<SearchResult[]>;
  settings?: Partial<ChatRetrievalSettings>;
}) {
  const scope: AccessScope = { userId: 'u1', groupIds: ['g1'], role: 'user' };
  const searchInScope = vi.fn(options.search ?? (() => Promise.resolve([result(0), result(1)])));
  const scopeFor = vi.fn(() => Promise.resolve(scope));
  const anyReadyVisibleTo = vi.fn(() => Promise.resolve(options.ready !== false));
  const warn = vi.fn();
  const retrieval = new ChatRetrieval({
    search: { searchInScope },
    access: { scopeFor },
    documents: { anyReadyVisibleTo },
    settings: { topK: 6, timeoutMs: 1_000, ...options.settings },
    logger: { warn },
  });
  return { retrieval, searchInScope, scopeFor, anyReadyVisibleTo, warn, scope };
}

const signal = new AbortController().signal;

describe(ChatRetrieval.name, () => {
  describe('retrieve', () => {
    it('should do nothing with rag off', async () => {
      const { retrieval, scopeFor, searchInScope } = setup({});
      const outcome = await retrieval.retrieve(actor, { message: 'hi', rag: 'off' }, signal);
      expect(outcome).toEqual({ summary: { status: 'off', sources: 0 }, sources: [] });
      expect(scopeFor).not.toHaveBeenCalled();
      expect(searchInScope).not.toHaveBeenCalled();
    });

    it('should search in the caller\u2019s access scope and number the results', async () => {
      const { retrieval, searchInScope, scopeFor, scope } = setup({});
      const outcome = await retrieval.retrieve(actor, { message: 'nozzle?', rag: 'auto' }, signal);
      expect(scopeFor).toHaveBeenCalledWith(actor);
      expect(searchInScope).toHaveBeenCalledWith(
        scope,
        { query: 'nozzle?', k: 6, filters: {}, perDocument: 3 },
        expect.any(AbortSignal),
      );
      expect(outcome.summary).toEqual({ status: 'used', sources: 2 });
      expect(outcome.sources.map((source) => [source.n, source.chunkId, source.text])).toEqual([
        [1, 'c0', 'chunk 0'],
        [2, 'c1', 'chunk 1'],
      ]);
    });

    it('should filter by the scope, without a per-document cap for one document', async () => {
      const { retrieval, searchInScope } = setup({});
      await retrieval.retrieve(actor, { message: 'q', rag: 'auto', scope: { documentIds: ['d1'] } }, signal);
      expect(searchInScope.mock.calls[0]?.[1]).toEqual({
        query: 'q',
        k: 6,
        filters: { documentIds: ['d1'] },
      });
      await retrieval.retrieve(actor, { message: 'q', rag: 'auto', scope: { groupId: 'g1' } }, signal);
      expect(searchInScope.mock.calls[1]?.[1]).toMatchObject({ filters: { groupId: 'g1' }, perDocument: 3 });
    });

    it('should skip the search when the caller has no ready document', async () => {
      const { retrieval, searchInScope, scopeFor, anyReadyVisibleTo } = setup({ ready: false });
      const outcome = await retrieval.retrieve(actor, { message: 'q', rag: 'auto' }, signal);
      expect(outcome.summary).toEqual({ status: 'none', sources: 0 });
      expect(anyReadyVisibleTo).toHaveBeenCalledWith(actor.userId);
      expect(searchInScope).not.toHaveBeenCalled();
      expect(scopeFor).not.toHaveBeenCalled();
    });

    it('should report no hits as none', async () => {
      const { retrieval } = setup({ search: () => Promise.resolve([]) });
      expect((await retrieval.retrieve(actor, { message: 'q', rag: 'auto' }, signal)).summary.status).toBe(
        'none',
      );
    });

    it('should turn a failed search into a logged failure without sources', async () => {
      const failure = Object.assign(new Error('embedder down'), { code: 'EMBEDDINGS_UNAVAILABLE' });
      const { retrieval, warn } = setup({ search: () => Promise.reject(failure) });
      const outcome = await retrieval.retrieve(actor, { message: 'q', rag: 'auto' }, signal);
      expect(outcome).toEqual({
        summary: { status: 'failed', sources: 0, errorCode: 'EMBEDDINGS_UNAVAILABLE' },
        sources: [],
      });
      expect(warn).toHaveBeenCalledWith(
        expect.objectContaining({ code: 'EMBEDDINGS_UNAVAILABLE', userId: 'u1' }),
        expect.stringContaining('retrieval failed'),
      );
    });

    it('should give up after the timeout and abort the search signal', async () => {
      let seen: AbortSignal | undefined;
      const { retrieval } = setup({
        settings: { timeoutMs: 20 },
        search: (_scope, _query, searchSignal) => {
          seen = searchSignal;
          return new Promise(() => undefined);
        },
      });
      const outcome = await retrieval.retrieve(actor, { message: 'q', rag: 'auto' }, signal);
      expect(outcome.summary).toEqual({ status: 'failed', sources: 0, errorCode: 'RETRIEVAL_TIMEOUT' });
      expect(seen?.aborted).toBe(true);
    });

    it('should stop quietly when the turn is cancelled', async () => {
      const controller = new AbortController();
      const { retrieval, warn } = setup({ search: () => new Promise(() => undefined) });
      const pending = retrieval.retrieve(actor, { message: 'q', rag: 'auto' }, controller.signal);
      controller.abort();
      expect((await pending).summary).toEqual({ status: 'failed', sources: 0, errorCode: 'CANCELLED' });
      expect(warn).not.toHaveBeenCalled();
    });
  });
});
