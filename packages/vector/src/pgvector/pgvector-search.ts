import type { Database } from '@youworker/db';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ResolvedSearch } from '../search-request.ts';
import type { ChunkHit, SearchRequest } from '../vector-store.ts';
import { visibleChunkCondition } from './pgvector-filters.ts';
import { parseVectorText, toVectorText } from './vector-text.ts';

/** A chunk row as the search and getChunks queries select it. */
export interface ChunkRow {
  id: string;
  document_id: string;
  ordinal: number;
  text: string;
  page: number | null;
  sheet: string | null;
  heading_path: string[];
  score: number;
  dense_rank?: number | null;
  lexical_rank?: number | null;
  embedding?: string | null;
}

/** What a search query needs besides the request. */
export interface SearchContext {
  textSearchConfig: string;
}

/** The chunk columns every hit carries (`c` is `document_chunks`). */
export function chunkColumns(withEmbeddings: boolean): RawBuilder<unknown> {
  return sql`c.id, c.document_id, c.ordinal, c.text, c.page, c.sheet, c.heading_path${
    withEmbeddings ? sql`, c.embedding::text as embedding` : sql``
  }`;
}

/** Maps a selected row to a {@link ChunkHit}. */
export function toChunkHit(row: ChunkRow): ChunkHit {
  const hit: ChunkHit = {
    chunkId: row.id,
    documentId: row.document_id,
    ordinal: row.ordinal,
    text: row.text,
    page: row.page,
    sheet: row.sheet,
    headingPath: row.heading_path,
    score: row.score,
  };
  if (row.dense_rank !== undefined && row.dense_rank !== null) {
    hit.denseRank = row.dense_rank;
  }
  if (row.lexical_rank !== undefined && row.lexical_rank !== null) {
    hit.lexicalRank = row.lexical_rank;
  }
  if (row.embedding !== undefined && row.embedding !== null) {
    hit.embedding = parseVectorText(row.embedding);
  }
  return hit;
}

/**
 * The nearest visible chunks by cosine distance, `limit` of them. Materialised so the HNSW scan
 * (iterative, relaxed order) runs once; callers re-sort by `distance`.
 */
function denseCandidates(
  request: SearchRequest,
  vector: readonly number[],
  limit: number,
): RawBuilder<unknown> {
  return sql`select c.id, c.embedding <=> ${toVectorText(vector)}::vector as distance
    from document_chunks c join documents d on d.id = c.document_id
    where c.embedding is not null and ${visibleChunkCondition(request.access, request.filters)}
    order by distance limit ${limit}`;
}

/**
 * Quotes and a leading `-` are web-search syntax: the user asked for a phrase or an exclusion. (A
 * plain `or` is not: natural-language questions use it as a word, and any-word matching is the
 * default anyway.)
 */
const webSearchSyntax = /"|(^|\s)-\S/;

/**
 * The full-text query for `text`. A natural-language question matches chunks containing ANY of its
 * lexemes (ranked by how many and how densely, `ts_rank_cd`): requiring every word, as
 * `websearch_to_tsquery` does, left 741 of 809 SciFact questions without a single lexical hit
 * (docs/benchmarks.md). Text written with web-search syntax (quotes, `-word`) keeps its semantics.
 */
export function textQuery(text: string, config: string): RawBuilder<unknown> {
  return webSearchSyntax.test(text)
    ? sql`websearch_to_tsquery(${config}::regconfig, ${text})`
    : sql`replace(plainto_tsquery(${config}::regconfig, ${text})::text, ' & ', ' | ')::tsquery`;
}

/** The best visible full-text matches ({@link textQuery}, ranked by `ts_rank_cd`), `limit` of them. */
function lexicalCandidates(
  request: SearchRequest,
  text: string,
  limit: number,
  context: SearchContext,
): RawBuilder<unknown> {
  return sql`select c.id, ts_rank_cd(c.tsv, query, 32) as rank_score
    from document_chunks c join documents d on d.id = c.document_id,
      (select ${textQuery(text, context.textSearchConfig)} as query) q
    where c.tsv @@ query and ${visibleChunkCondition(request.access, request.filters)}
    order by rank_score desc, c.id limit ${limit}`;
}

/** Dense search: score is the cosine similarity. */
export function denseQuery(request: SearchRequest, resolved: ResolvedSearch): RawBuilder<ChunkRow> {
  const vector = resolved.vector ?? [];
  return sql<ChunkRow>`with dense as materialized (${denseCandidates(request, vector, resolved.k)})
    select ${chunkColumns(request.withEmbeddings === true)}, 1 - dense.distance as score
    from dense join document_chunks c on c.id = dense.id
    order by dense.distance, c.id`;
}

/** Lexical search: score is `ts_rank_cd` normalised to [0, 1). */
export function lexicalQuery(
  request: SearchRequest,
  resolved: ResolvedSearch,
  context: SearchContext,
): RawBuilder<ChunkRow> {
  return sql<ChunkRow>`with lexical as (${lexicalCandidates(request, resolved.text, resolved.k, context)})
    select ${chunkColumns(request.withEmbeddings === true)}, lexical.rank_score as score
    from lexical join document_chunks c on c.id = lexical.id
    order by lexical.rank_score desc, c.id`;
}

/**
 * Hybrid search in one statement: `candidates` from each side, fused by reciprocal rank
 * (score = Σ 1 / (rrfK + rank)). A text without lexemes leaves the lexical side empty (dense only).
 */
export function hybridQuery(
  request: SearchRequest,
  resolved: ResolvedSearch,
  context: SearchContext,
): RawBuilder<ChunkRow> {
  const vector = resolved.vector ?? [];
  const rrfK = sql`${resolved.rrfK}::float8`;
  return sql<ChunkRow>`with
    dense as materialized (${denseCandidates(request, vector, resolved.candidates)}),
    dense_ranked as (select id, (row_number() over (order by distance, id))::int as rank from dense),
    lexical as materialized (${lexicalCandidates(request, resolved.text, resolved.candidates, context)}),
    lexical_ranked as (
      select id, (row_number() over (order by rank_score desc, id))::int as rank from lexical
    ),
    fused as (
      select coalesce(dense_ranked.id, lexical_ranked.id) as id,
        dense_ranked.rank as dense_rank, lexical_ranked.rank as lexical_rank,
        coalesce(1 / (${rrfK} + dense_ranked.rank), 0) + coalesce(1 / (${rrfK} + lexical_ranked.rank), 0) as score
      from dense_ranked full outer join lexical_ranked on lexical_ranked.id = dense_ranked.id
      order by score desc, id limit ${resolved.k}
    )
    select ${chunkColumns(request.withEmbeddings === true)}, fused.score, fused.dense_rank, fused.lexical_rank
    from fused join document_chunks c on c.id = fused.id
    order by fused.score desc, c.id`;
}

/**
 * Runs a search query in a transaction with its settings local to it: `jit = off` (compiling a plan
 * costs more than these queries run for), `hnsw.ef_search`, and, on pgvector ≥ 0.8,
 * `hnsw.iterative_scan = relaxed_order` so restrictive filters still fill `k`.
 */
export async function runWithSearchSettings(
  db: Kysely<Database>,
  query: RawBuilder<ChunkRow>,
  settings: { efSearch: number; iterativeScan: boolean },
): Promise<ChunkRow[]> {
  return db.transaction().execute(async (transaction) => {
    await sql`select set_config('jit', 'off', true), set_config('hnsw.ef_search', ${String(settings.efSearch)}, true)${
      settings.iterativeScan ? sql`, set_config('hnsw.iterative_scan', 'relaxed_order', true)` : sql``
    }`.execute(transaction);
    const result = await query.execute(transaction);
    return result.rows;
  });
}
