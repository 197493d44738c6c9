import type { DocumentRepository } from '@youworker/db';
import type { Embedder } from '@youworker/llm';
import type { ChunkHit, SearchFilters, SearchMode, VectorStore } from '@youworker/vector';
import type { AccessScope, AccessService } from '../access/access-scope.ts';
import type { UserActor } from '../identity/actor.ts';
import { maximalMarginalRelevance } from './mmr.ts';
import { queryTerms, snippetOf } from './snippet.ts';

export interface SearchQuery {
  query: string;
  k: number;
  mode?: SearchMode;
  filters?: SearchFilters;
  /** Diversify results with maximal marginal relevance. */
  mmr?: boolean;
  /** At most this many chunks per document (default: no limit). */
  perDocument?: number;
}

/** One search result: a chunk with its document, location, score and a highlighted snippet. */
export interface SearchResult {
  chunkId: string;
  documentId: string;
  documentTitle: string;
  ordinal: number;
  page: number | null;
  sheet: string | null;
  headingPath: string[];
  score: number;
  denseRank: number | null;
  lexicalRank: number | null;
  text: string;
  snippet: string;
  highlights: [number, number][];
}

export interface SearchSettings {
  rrfK: number;
  /** Candidates taken from each side before fusion. */
  candidates: number;
  mmrLambda: number;
}

/**
 * Hybrid retrieval over the documents a caller may see: the query is embedded, the store fuses
 * lexical and dense candidates (reciprocal rank fusion) with the access filter inside its query,
 * then results are optionally diversified (MMR), capped per document, and given snippets.
 */
export class SearchService {
  constructor(
    private readonly deps: {
      store: VectorStore;
      embedder: Embedder;
      documents: DocumentRepository;
      access: AccessService;
      settings: SearchSettings;
    },
  ) {}

  async search(actor: UserActor, query: SearchQuery, signal?: AbortSignal): Promise<SearchResult[]> {
    const scope = await this.deps.access.scopeFor(actor);
    return this.searchInScope(scope, query, signal);
  }

  /** The same search for an already-built scope (chat retrieval, the semantic MCP server). */
  async searchInScope(scope: AccessScope, query: SearchQuery, signal?: AbortSignal): Promise<SearchResult[]> {
    const mode = query.mode ?? 'hybrid';
    const text = query.query.trim();
    if ((await this.deps.store.indexInfo()) === null) {
      // Nothing was ever indexed: no vector column to query yet.
      return [];
    }
    const vector =
      mode === 'lexical'
        ? undefined
        : (await this.deps.embedder.embed([text], { purpose: 'query', ...(signal ? { signal } : {}) }))[0];
    const wanted = query.mmr || query.perDocument ? Math.max(query.k * 3, query.k) : query.k;
    const hits = await this.deps.store.search({
      text,
      ...(vector ? { vector } : {}),
      access: { userId: scope.userId, groupIds: scope.groupIds },
      ...(query.filters ? { filters: query.filters } : {}),
      k: wanted,
      mode,
      candidates: Math.max(this.deps.settings.candidates, wanted),
      rrfK: this.deps.settings.rrfK,
      withEmbeddings: query.mmr === true,
    });
    let selected = query.mmr ? maximalMarginalRelevance(hits, wanted, this.deps.settings.mmrLambda) : hits;
    if (query.perDocument) {
      selected = capPerDocument(selected, query.perDocument);
    }
    return this.present(selected.slice(0, query.k), scope, text);
  }

  private async present(hits: ChunkHit[], scope: AccessScope, text: string): Promise<SearchResult[]> {
    const titles = new Map<string, string>();
    for (const documentId of new Set(hits.map((hit) => hit.documentId))) {
      const document = await this.deps.documents.findVisible(documentId, scope);
      if (document) {
        titles.set(documentId, document.title);
      }
    }
    const terms = queryTerms(text);
    return hits
      .filter((hit) => titles.has(hit.documentId))
      .map((hit) => ({
        chunkId: hit.chunkId,
        documentId: hit.documentId,
        documentTitle: titles.get(hit.documentId) ?? '',
        ordinal: hit.ordinal,
        page: hit.page,
        sheet: hit.sheet,
        headingPath: hit.headingPath,
        score: hit.score,
        denseRank: hit.denseRank ?? null,
        lexicalRank: hit.lexicalRank ?? null,
        text: hit.text,
        ...snippetOf(hit.text, terms),
      }));
  }
}

function capPerDocument(hits: ChunkHit[], cap: number): ChunkHit[] {
  const counts = new Map<string, number>();
  return hits.filter((hit) => {
    const count = counts.get(hit.documentId) ?? 0;
    counts.set(hit.documentId, count + 1);
    return count < cap;
  });
}
