/**
 * `npm run bench:retrieval [-- --database-url URL] [--queries N] [--modes a,b] [--dataset DIR]`:
 * retrieval quality and latency on SciFact (BEIR format: `corpus.jsonl`, `queries.jsonl`, `qrels/train.tsv`).
 *
 * 1. Every corpus document (`title` + blank line + `text`, a `.txt` upload) goes through the real
 *    ingestion pipeline (parse → chunk 512/64 → embed with the in-process USE-lite model → pgvector
 *    store). Document embeddings are cached in the OS temp directory (`youworker-bench/`): before
 *    ingestion, the chunks are computed with the same parse and chunk functions and every chunk not
 *    cached yet is embedded in batches of 32, which is the embedding time reported.
 * 2. Every train query with judgments is run through the real `SearchService.searchInScope` (query
 *    embedded per call, access filter, snippets) in each mode: lexical, dense, hybrid (RRF,
 *    `SEARCH_RRF_K` 60, `SEARCH_CANDIDATES` 50 raised to k) with k = 150 chunks (the service is
 *    called directly: the HTTP API caps k lower, and recall@100 needs 100 documents), then lexical,
 *    dense, hybrid and hybrid + MMR (λ 0.5) with k = 10, as chat retrieval and `/v1/search` ask.
 *    A last row is a reference outside the product: the query's lexemes OR-ed, ranked by the same
 *    `ts_rank_cd`, raw SQL (`--modes` picks rows by name).
 * 3. Chunk hits are aggregated to documents by their first (best-scored) occurrence; nDCG@10 (binary
 *    gains, as in the qrels) and recall@100 are averaged over queries, and the service latency p50 /
 *    p99 per mode is printed with the store's share.
 *
 * Without the dataset it prints "skipped: dataset not found" and exits 0. Embedded PGlite by default;
 * `--database-url` creates (and drops) a scratch database on that PostgreSQL server.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AccessService, SearchService, type AccessScope, type SearchQuery } from '@youworker/core';
import { chunkDocument, parseDocument } from '@youworker/ingestion';
import { createEmbedder } from '@youworker/llm';
import type { Database } from '@youworker/db';
import type { VectorStore } from '@youworker/vector';
import { sql, type Kysely } from 'kysely';
import { createEmbeddingCache } from './support/embedding-cache.ts';
import {
  CHUNK_SETTINGS,
  createBenchUser,
  createPipelineHarness,
  machineState,
  openBenchDatabase,
  percentile,
} from './support/pipeline-harness.ts';

const defaultDataset = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/datasets/scifact');
const { values } = parseArgs({
  options: {
    dataset: { type: 'string', default: defaultDataset },
    'database-url': { type: 'string' },
    queries: { type: 'string' },
    modes: {
      type: 'string',
      default: 'lexical,dense,hybrid,lexical@10,dense@10,hybrid@10,hybrid+mmr@10,lexical-or-reference',
    },
  },
});

const RRF_K = 60;
const CANDIDATES = 50;
const MMR_LAMBDA = 0.5;
const K_CHUNKS = 150;
const EMBED_BATCH = 32;

interface CorpusDocument {
  _id: string;
  title: string;
  text: string;
}

interface Mode {
  name: string;
  k: number;
  query: Pick<SearchQuery, 'mode' | 'mmr'>;
  /**
   * A reference outside the product: the query's lexemes OR-ed (`plainto_tsquery` with `&` turned
   * into `|`), ranked by the same `ts_rank_cd`, raw SQL on `document_chunks` without access filter.
   */
  reference?: 'or-lexemes';
}

/**
 * k = 150 for recall@100; the `@10` modes ask for 10 chunks as a chat turn or `/v1/search` does by
 * default, so fusion sees `SEARCH_CANDIDATES` (50) per side. MMR only at k = 10: its cost grows with
 * the cube of the candidates (3 k), several seconds per query at k = 150.
 */
const MODES: readonly Mode[] = [
  { name: 'lexical', k: K_CHUNKS, query: { mode: 'lexical' } },
  { name: 'dense', k: K_CHUNKS, query: { mode: 'dense' } },
  { name: 'hybrid', k: K_CHUNKS, query: { mode: 'hybrid' } },
  { name: 'lexical@10', k: 10, query: { mode: 'lexical' } },
  { name: 'dense@10', k: 10, query: { mode: 'dense' } },
  { name: 'hybrid@10', k: 10, query: { mode: 'hybrid' } },
  { name: 'hybrid+mmr@10', k: 10, query: { mode: 'hybrid', mmr: true } },
  { name: 'lexical-or-reference', k: K_CHUNKS, query: { mode: 'lexical' }, reference: 'or-lexemes' },
];

/** The reference lexical ranking of {@link Mode.reference}: chunk hits as the service would give them. */
async function orLexemeSearch(
  db: Kysely<Database>,
  text: string,
  k: number,
): Promise<{ documentId: string }[]> {
  const result = await sql<{ document_id: string }>`select c.document_id
    from document_chunks c,
      (select replace(plainto_tsquery('english', ${text})::text, '&', '|')::tsquery as query) q
    where c.tsv @@ q.query
    order by ts_rank_cd(c.tsv, q.query, 32) desc, c.id limit ${k}`.execute(db);
  return result.rows.map((row) => ({ documentId: row.document_id }));
}

interface ModeResult {
  name: string;
  k: number;
  ndcg: number;
  recall: number;
  latencies: number[];
  storeLatencies: number[];
  emptyResults: number;
}

function readJsonLines<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** query id → relevant corpus ids (score > 0). */
function readQrels(path: string): Map<string, Set<string>> {
  const qrels = new Map<string, Set<string>>();
  for (const line of readFileSync(path, 'utf8').split('\n').slice(1)) {
    const [queryId, corpusId, score] = line.trim().split('\t');
    if (queryId && corpusId && Number(score) > 0) {
      const relevant = qrels.get(queryId) ?? new Set<string>();
      relevant.add(corpusId);
      qrels.set(queryId, relevant);
    }
  }
  return qrels;
}

function documentText(document: CorpusDocument): string {
  return `${document.title}\n\n${document.text}`;
}

function ndcgAt(ranked: readonly string[], relevant: ReadonlySet<string>, cutoff: number): number {
  let dcg = 0;
  ranked.slice(0, cutoff).forEach((id, index) => {
    if (relevant.has(id)) {
      dcg += 1 / Math.log2(index + 2);
    }
  });
  let ideal = 0;
  for (let index = 0; index < Math.min(relevant.size, cutoff); index += 1) {
    ideal += 1 / Math.log2(index + 2);
  }
  return ideal === 0 ? 0 : dcg / ideal;
}

function recallAt(ranked: readonly string[], relevant: ReadonlySet<string>, cutoff: number): number {
  const found = ranked.slice(0, cutoff).filter((id) => relevant.has(id)).length;
  return relevant.size === 0 ? 0 : found / relevant.size;
}

/** `store` with the time of each `search` call pushed to `samples`. */
function timedSearchStore(store: VectorStore, samples: { current: number[] }): VectorStore {
  return {
    ...store,
    kind: store.kind,
    search: async (request) => {
      const began = performance.now();
      try {
        return await store.search(request);
      } finally {
        samples.current.push(performance.now() - began);
      }
    },
  };
}

/** Embeds every chunk text of the corpus that the cache lacks, in batches; returns chunks and seconds. */
async function fillCache(
  corpus: readonly CorpusDocument[],
  cache: ReturnType<typeof createEmbeddingCache>,
): Promise<{ chunks: number; embedded: number; seconds: number; multiChunk: number }> {
  const texts: string[] = [];
  let multiChunk = 0;
  for (const document of corpus) {
    const parsed = await parseDocument(new TextEncoder().encode(documentText(document)), {
      filename: `${document._id}.txt`,
    });
    const chunks = chunkDocument(parsed, CHUNK_SETTINGS);
    if (chunks.length > 1) {
      multiChunk += 1;
    }
    texts.push(...chunks.map((chunk) => chunk.text));
  }
  const missing = [...new Set(texts.filter((text) => !cache.has(text)))];
  const began = performance.now();
  for (let start = 0; start < missing.length; start += EMBED_BATCH) {
    await cache.embedder.embed(missing.slice(start, start + EMBED_BATCH), { purpose: 'document' });
    if ((start / EMBED_BATCH) % 20 === 0) {
      console.error(`[retrieval] embedded ${start + EMBED_BATCH} / ${missing.length} chunks`);
    }
  }
  const seconds = (performance.now() - began) / 1000;
  if (missing.length > 0) {
    cache.save();
  }
  return { chunks: texts.length, embedded: missing.length, seconds, multiChunk };
}

async function runMode(
  search: SearchService,
  db: Kysely<Database>,
  scope: AccessScope,
  mode: Mode,
  queries: readonly { _id: string; text: string }[],
  qrels: Map<string, Set<string>>,
  corpusIdOf: Map<string, string>,
  storeSamples: { current: number[] },
): Promise<ModeResult> {
  const result: ModeResult = {
    name: mode.name,
    k: mode.k,
    ndcg: 0,
    recall: 0,
    latencies: [],
    storeLatencies: [],
    emptyResults: 0,
  };
  storeSamples.current = result.storeLatencies;
  for (const query of queries) {
    const began = performance.now();
    const hits =
      mode.reference === 'or-lexemes'
        ? await orLexemeSearch(db, query.text, mode.k)
        : await search.searchInScope(scope, { query: query.text, k: mode.k, ...mode.query });
    result.latencies.push(performance.now() - began);
    const ranked: string[] = [];
    for (const hit of hits) {
      const corpusId = corpusIdOf.get(hit.documentId);
      if (corpusId !== undefined && !ranked.includes(corpusId)) {
        ranked.push(corpusId);
      }
    }
    if (ranked.length === 0) {
      result.emptyResults += 1;
    }
    const relevant = qrels.get(query._id) ?? new Set<string>();
    result.ndcg += ndcgAt(ranked, relevant, 10);
    result.recall += recallAt(ranked, relevant, 100);
  }
  result.ndcg /= queries.length;
  result.recall /= queries.length;
  return result;
}

async function main(): Promise<void> {
  const root = values.dataset;
  const qrelsPath = join(root, 'qrels', 'train.tsv');
  if (!existsSync(join(root, 'corpus.jsonl')) || !existsSync(qrelsPath)) {
    console.log(`skipped: dataset not found (${root})`);
    return;
  }
  const loadBefore = loadavg()[0] ?? 0;
  const corpus = readJsonLines<CorpusDocument>(join(root, 'corpus.jsonl'));
  const qrels = readQrels(qrelsPath);
  const allQueries = readJsonLines<{ _id: string; text: string }>(join(root, 'queries.jsonl')).filter(
    (query) => qrels.has(query._id),
  );
  const queries = values.queries ? allQueries.slice(0, Number(values.queries)) : allQueries;
  const modes = MODES.filter((mode) => values.modes.split(',').includes(mode.name));

  const cache = createEmbeddingCache(
    createEmbedder({ provider: 'local', batchSize: EMBED_BATCH, concurrency: 1 }),
    'scifact-use-lite',
  );
  const filled = await fillCache(corpus, cache);
  console.error(
    `[retrieval] ${corpus.length} documents → ${filled.chunks} chunks (${filled.multiChunk} documents with 2+ chunks); ` +
      `embedded ${filled.embedded} uncached chunks in ${filled.seconds.toFixed(1)} s` +
      (filled.embedded > 0 ? ` (${(filled.embedded / filled.seconds).toFixed(1)} chunks/s)` : '') +
      `; cache ${cache.path}`,
  );

  const database = await openBenchDatabase(values['database-url']);
  const harness = await createPipelineHarness({ handle: database.handle, embedder: cache.embedder });
  try {
    const scope = await createBenchUser(database.handle);
    const corpusIdOf = new Map<string, string>();
    const ingestBegan = performance.now();
    let failed = 0;
    for (const [index, document] of corpus.entries()) {
      const ingested = await harness.ingest(
        scope,
        `${document._id}.txt`,
        new TextEncoder().encode(documentText(document)),
      );
      if (ingested.status === 'ready') {
        corpusIdOf.set(ingested.documentId, document._id);
      } else {
        failed += 1;
      }
      if (index % 1000 === 999) {
        console.error(`[retrieval] ingested ${index + 1} / ${corpus.length}`);
      }
    }
    const ingestSeconds = (performance.now() - ingestBegan) / 1000;
    console.error(
      `[retrieval] pipeline ingestion (embeddings cached): ${ingestSeconds.toFixed(1)} s, ${failed} failed; ` +
        `stage ms ${JSON.stringify(Object.fromEntries(Object.entries(harness.times).map(([stage, ms]) => [stage, Math.round(ms)])))}`,
    );

    const storeSamples = { current: [] as number[] };
    const search = new SearchService({
      store: timedSearchStore(harness.store, storeSamples),
      embedder: cache.embedder,
      documents: harness.documents,
      access: new AccessService(),
      settings: { rrfK: RRF_K, candidates: CANDIDATES, mmrLambda: MMR_LAMBDA },
    });
    // Warm-up: the query embedder and each query shape once.
    for (const mode of modes.filter((item) => item.reference === undefined)) {
      await search.searchInScope(scope, { query: 'warm up query', k: mode.k, ...mode.query });
    }
    console.log(
      `\nSciFact train split: ${corpus.length} documents (${filled.chunks} chunks), ${queries.length} queries with ` +
        `judgments; ${database.label}; USE-lite (local:use-lite, 512-d); chunks → documents by best chunk; ` +
        `RRF k = ${RRF_K}, ${CANDIDATES} candidates per side (raised to k); MMR λ = ${MMR_LAMBDA}. ` +
        `${machineState(loadBefore, cpus().length)} before.\n`,
    );
    console.log(
      '| Mode | k (chunks) | nDCG@10 | Recall@100 | Queries with no hit | Service p50 / p99 ms | Store search p50 / p99 ms |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    for (const mode of modes) {
      console.error(`[retrieval] ${mode.name}: ${queries.length} queries…`);
      const result = await runMode(
        search,
        database.handle.db,
        scope,
        mode,
        queries,
        qrels,
        corpusIdOf,
        storeSamples,
      );
      console.log(
        `| ${result.name} | ${result.k} | ${result.ndcg.toFixed(3)} | ${result.k >= 100 ? result.recall.toFixed(3) : 'n/a'} | ` +
          `${result.emptyResults} | ` +
          `${percentile(result.latencies, 0.5).toFixed(1)} / ${percentile(result.latencies, 0.99).toFixed(1)} | ` +
          `${result.storeLatencies.length === 0 ? '– (not the service)' : `${percentile(result.storeLatencies, 0.5).toFixed(1)} / ${percentile(result.storeLatencies, 0.99).toFixed(1)}`} |`,
      );
    }
    console.log(
      `\nCorpus embedding: ${filled.embedded} chunks embedded this run in ${filled.seconds.toFixed(1)} s` +
        `${filled.embedded > 0 ? ` (${(filled.embedded / filled.seconds).toFixed(1)} chunks/s)` : ' (all cached)'}; ` +
        `pipeline ingestion with cached embeddings ${ingestSeconds.toFixed(1)} s (${failed} failed); ` +
        `1-min load average ${(loadavg()[0] ?? 0).toFixed(2)} after.`,
    );
  } finally {
    await harness.close();
    await database.destroy();
  }
}

await main();
