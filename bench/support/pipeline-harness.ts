/**
 * Shared by `bench:retrieval` and `bench:ingest`: a scratch database (embedded PGlite in memory, or a
 * scratch database on a PostgreSQL server), one user, and the real {@link IngestionPipeline} wired as
 * `createDocumentServices` wires it (same parse, chunk, embed and index functions), with each injected
 * stage wrapped in a timer. The pipeline calls its dependencies in the order parse → chunk → embed →
 * index, so the time spent inside each wrapper is that stage's share; the rest ("other") is the
 * pipeline's own bookkeeping (reading the stored file, status updates, `markIndexed`).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStore, INGEST_QUEUE, IngestionPipeline, type AccessScope } from '@youworker/core';
import {
  DocumentRepository,
  IngestionRunRepository,
  migrateUp,
  openPGlite,
  openPostgres,
  type DatabaseHandle,
} from '@youworker/db';
import { chunkDocument, createOcrEngine, parseDocument } from '@youworker/ingestion';
import type { Embedder, EmbedOptions } from '@youworker/llm';
import { createPgvectorStore, type VectorStore } from '@youworker/vector';
import { sql } from 'kysely';

/** The pipeline stages timed by the harness. */
export type Stage = 'parse' | 'chunk' | 'embed' | 'index';

export const STAGES: readonly Stage[] = ['parse', 'chunk', 'embed', 'index'];

/** A database for one benchmark run, and how to throw it away. */
export interface BenchDatabase {
  handle: DatabaseHandle;
  /** "PGlite (in memory)" or the server's host. */
  label: string;
  destroy(): Promise<void>;
}

/**
 * Opens an empty, migrated database: in-memory PGlite without `databaseUrl`; otherwise a scratch
 * database `yw_bench_<random>` created on that server and dropped by `destroy()`.
 */
export async function openBenchDatabase(databaseUrl: string | undefined): Promise<BenchDatabase> {
  if (databaseUrl === undefined) {
    const handle = await openPGlite({ dataDir: null });
    await migrateUp(handle.db);
    return { handle, label: 'PGlite (in memory)', destroy: () => handle.close() };
  }
  const name = `yw_bench_${randomBytes(4).toString('hex')}`;
  const admin = openPostgres({ databaseUrl, poolSize: 1, connectTimeoutMs: 5000 });
  await sql.raw(`create database ${name}`).execute(admin.db);
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  const handle = openPostgres({ databaseUrl: url.toString(), poolSize: 4, connectTimeoutMs: 5000 });
  try {
    await migrateUp(handle.db);
  } catch (error) {
    await handle.close();
    await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
    await admin.close();
    throw error;
  }
  return {
    handle,
    label: `PostgreSQL at ${url.host}`,
    async destroy() {
      await handle.close();
      await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
      await admin.close();
    },
  };
}

/** Inserts a user and returns the access scope of that user (no groups). */
export async function createBenchUser(handle: DatabaseHandle): Promise<AccessScope> {
  const row = await handle.db
    .insertInto('users')
    .values({ username: `bench_${randomBytes(4).toString('hex')}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { userId: row.id, groupIds: [], role: 'user' };
}

/** Milliseconds spent in each stage, summed over every document. */
export type StageTimes = Record<Stage, number>;

function emptyTimes(): StageTimes {
  return { parse: 0, chunk: 0, embed: 0, index: 0 };
}

async function timedAsync<T>(times: StageTimes, stage: Stage, run: () => Promise<T>): Promise<T> {
  const began = performance.now();
  try {
    return await run();
  } finally {
    times[stage] += performance.now() - began;
  }
}

/** `embedder`, with the time of every call added to `times.embed`. */
function timedEmbedder(embedder: Embedder, times: StageTimes): Embedder {
  return {
    model: embedder.model,
    dimension: (signal) => embedder.dimension(signal),
    embed: (texts: readonly string[], options?: EmbedOptions) =>
      timedAsync(times, 'embed', () => embedder.embed(texts, options)),
  };
}

/** `store`, with `ensureIndex` and `indexDocument` counted as the index stage. */
function timedStore(store: VectorStore, times: StageTimes): VectorStore {
  return {
    ...store,
    kind: store.kind,
    ensureIndex: (info) => timedAsync(times, 'index', () => store.ensureIndex(info)),
    indexDocument: (documentId, access, chunks) =>
      timedAsync(times, 'index', () => store.indexDocument(documentId, access, chunks)),
  };
}

/** What one ingested file gave. */
export interface IngestedDocument {
  documentId: string;
  status: string;
  chunkCount: number;
  pageCount: number | null;
  error: string | null;
  /** Wall time of the pipeline job alone (not the upload steps before it), in ms. */
  pipelineMs: number;
}

/** The real pipeline over a bench database, with stage timers. */
export interface PipelineHarness {
  store: VectorStore;
  documents: DocumentRepository;
  /** Stage times so far (reset with `resetTimes`). */
  readonly times: StageTimes;
  resetTimes(): void;
  /**
   * Stores `bytes` as an upload of `owner` named `filename` (document row, staged and committed
   * file, as the upload route does), then runs the pipeline job for it.
   */
  ingest(owner: AccessScope, filename: string, bytes: Uint8Array): Promise<IngestedDocument>;
  close(): Promise<void>;
}

/** Chunking settings: the configuration defaults (`CHUNK_MAX_TOKENS`, `CHUNK_OVERLAP_TOKENS`). */
export const CHUNK_SETTINGS = { maxTokens: 512, overlapTokens: 64 } as const;

/**
 * The pipeline as `createDocumentServices` builds it (parse with OCR, `chunkDocument` with the
 * default settings, the given embedder in batches of `embedBatchSize`, the pgvector store), each
 * stage timed. Documents are uploads stored in a temporary `FileStore`.
 */
export async function createPipelineHarness(options: {
  handle: DatabaseHandle;
  embedder: Embedder;
  embedBatchSize?: number;
}): Promise<PipelineHarness> {
  const times = emptyTimes();
  const root = await mkdtemp(join(tmpdir(), 'yw-bench-files-'));
  const files = new FileStore(root);
  const documents = new DocumentRepository(options.handle.db);
  const store = createPgvectorStore({ db: options.handle.db });
  const ocr = createOcrEngine();
  const pipeline = new IngestionPipeline({
    documents,
    runs: new IngestionRunRepository(options.handle.db),
    files,
    store: timedStore(store, times),
    embedder: timedEmbedder(options.embedder, times),
    fetchUrl: () => Promise.reject(new Error('no URL ingestion in benchmarks')),
    parse: (bytes, parseOptions) =>
      timedAsync(times, 'parse', () => parseDocument(bytes, { ...parseOptions, ocr })),
    chunk: (document) => {
      const began = performance.now();
      try {
        return chunkDocument(document, CHUNK_SETTINGS);
      } finally {
        times.chunk += performance.now() - began;
      }
    },
    settings: {
      maxFileBytes: 100 * 1024 * 1024,
      allowedRoots: [],
      embedBatchSize: options.embedBatchSize ?? 32,
    },
    logger: { info: () => undefined, warn: () => undefined },
  });
  const controller = new AbortController();
  return {
    store,
    documents,
    times,
    resetTimes() {
      Object.assign(times, emptyTimes());
    },
    async ingest(owner, filename, bytes) {
      const staged = await files.stageBytes(bytes);
      const { document } = await documents.createOrGetExisting({
        ownerId: owner.userId,
        title: filename,
        sourceType: 'upload',
        sizeBytes: staged.size,
        status: 'queued',
      });
      const storagePath = await files.commit(staged, document.id);
      await documents.update(document.id, { storagePath });
      const now = new Date();
      const began = performance.now();
      await pipeline
        .handle(
          {
            id: randomBytes(8).toString('hex'),
            queue: INGEST_QUEUE,
            payload: { documentId: document.id },
            status: 'running',
            attempts: 1,
            maxAttempts: 1,
            runAt: now,
            lockedBy: 'bench',
            lockedUntil: null,
            lastError: null,
            runId: null,
            createdAt: now,
            updatedAt: now,
          },
          { signal: controller.signal, extendLease: () => Promise.resolve(true) },
        )
        .catch(() => undefined);
      const pipelineMs = performance.now() - began;
      const after = await documents.findById(document.id);
      return {
        documentId: document.id,
        status: after?.status ?? 'missing',
        chunkCount: after?.chunkCount ?? 0,
        pageCount: after?.pageCount ?? null,
        error: after?.error ?? null,
        pipelineMs,
      };
    },
    async close() {
      controller.abort();
      await ocr.terminate();
      await store.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** The value at `fraction` (0–1) of `samples`, nearest rank. */
export function percentile(samples: readonly number[], fraction: number): number {
  const sorted = [...samples].sort((left, right) => left - right);
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

/** A one-line description of the machine's state: 1-minute load average and CPU count. */
export function machineState(loadAverage: number, cpus: number): string {
  return `1-min load average ${loadAverage.toFixed(2)} on ${cpus} CPUs`;
}
