import { join } from 'node:path';
import type { AppConfig } from '@youworker/config';
import {
  DocumentRepository,
  GroupRepository,
  IngestionRunRepository,
  JobRepository,
  type DatabaseHandle,
} from '@youworker/db';
import { chunkDocument, createOcrEngine, parseDocument } from '@youworker/ingestion';
import { createEmbedder, type Embedder } from '@youworker/llm';
import { safeFetch } from '@youworker/net';
import { createPgvectorStore, createQdrantStore, type VectorStore } from '@youworker/vector';
import { AccessService } from '../access/access-scope.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { ValidationError } from '../errors/validation-error.ts';
import { databaseMembershipSource } from '../groups/group-membership-source.ts';
import { GroupService } from '../groups/group.service.ts';
import { createJobRunner, type JobLogger, type JobWorker } from '../jobs/index.ts';
import { SearchService } from '../search/search.service.ts';
import { DocumentService } from './document.service.ts';
import { FileStore } from './file-store.ts';
import { INGEST_QUEUE, IngestionPipeline, type FetchedSource } from './ingestion-pipeline.ts';
import { IngestionService } from './ingestion.service.ts';

/** The embedder `EMBEDDINGS_*` configures (Ollama defaults to the chat server's URL). */
export function createConfiguredEmbedder(config: AppConfig): Embedder {
  const baseUrl =
    config.EMBEDDINGS_BASE_URL ?? (config.EMBEDDINGS_PROVIDER === 'ollama' ? config.LLM_BASE_URL : undefined);
  return createEmbedder({
    provider: config.EMBEDDINGS_PROVIDER,
    ...(config.EMBEDDINGS_MODEL ? { model: config.EMBEDDINGS_MODEL } : {}),
    ...(baseUrl ? { baseUrl } : {}),
    ...(config.EMBEDDINGS_API_KEY ? { apiKey: config.EMBEDDINGS_API_KEY } : {}),
    batchSize: config.EMBEDDINGS_BATCH_SIZE,
    concurrency: config.EMBEDDINGS_CONCURRENCY,
  });
}

/** The vector store `VECTOR_STORE` selects. */
export function createConfiguredVectorStore(config: AppConfig, database: DatabaseHandle): VectorStore {
  if (config.VECTOR_STORE === 'qdrant') {
    if (!config.QDRANT_URL) {
      throw new Error('VECTOR_STORE=qdrant needs QDRANT_URL');
    }
    return createQdrantStore({
      url: config.QDRANT_URL,
      collection: config.QDRANT_COLLECTION,
      ...(config.QDRANT_API_KEY ? { apiKey: config.QDRANT_API_KEY } : {}),
    });
  }
  return createPgvectorStore({ db: database.db, textSearchConfig: config.SEARCH_TEXT_CONFIG });
}

function validateUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ValidationError({ code: 'URL_INVALID', message: 'The URL is not valid' });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ValidationError({
      code: 'URL_SCHEME_NOT_ALLOWED',
      message: 'Only http and https URLs can be ingested',
    });
  }
  if (parsed.username || parsed.password) {
    throw new ValidationError({ code: 'URL_INVALID', message: 'URLs with credentials are refused' });
  }
}

/**
 * Documents, ingestion and search over one database: the catalog, the durable ingestion pipeline
 * (with its worker, not yet started), the vector store and the embedder, all from configuration.
 * Test seams: `embedder` and `store` replace the configured ones.
 */
export function createDocumentServices(
  config: AppConfig,
  database: DatabaseHandle,
  options: {
    audit: AuditService;
    logger: JobLogger & { info(o: Record<string, unknown>, m: string): void };
    access?: AccessService;
    embedder?: Embedder;
    store?: VectorStore;
  },
) {
  const documents = new DocumentRepository(database.db);
  const runs = new IngestionRunRepository(database.db);
  const jobs = new JobRepository(database.db);
  const files = new FileStore(join(config.DATA_DIR, 'files'));
  const embedder = options.embedder ?? createConfiguredEmbedder(config);
  const store = options.store ?? createConfiguredVectorStore(config, database);
  const groups = new GroupRepository(database.db);
  // Memberships are read live on every request: a removed member loses access at the next query.
  const access = options.access ?? new AccessService(databaseMembershipSource(groups));
  const ocr = createOcrEngine();
  const fetchUrl = async (url: string, signal: AbortSignal): Promise<FetchedSource> => {
    const response = await safeFetch(url, {
      allow: config.INGEST_URL_ALLOWLIST,
      maxBytes: config.INGEST_URL_MAX_BYTES,
      timeoutMs: config.INGEST_URL_TIMEOUT_MS,
      signal,
    });
    if (response.status < 200 || response.status >= 300) {
      throw Object.assign(new Error(`The URL answered HTTP ${response.status}`), { code: 'HTTP_STATUS' });
    }
    return { bytes: response.body, finalUrl: response.url, contentType: response.contentType || null };
  };
  const pipeline = new IngestionPipeline({
    documents,
    runs,
    files,
    store,
    embedder,
    fetchUrl,
    parse: (bytes, parseOptions) => parseDocument(bytes, { ...parseOptions, ocr }),
    chunk: (document) =>
      chunkDocument(document, {
        maxTokens: config.CHUNK_MAX_TOKENS,
        overlapTokens: config.CHUNK_OVERLAP_TOKENS,
      }),
    settings: {
      maxFileBytes: config.UPLOAD_MAX_FILE_BYTES,
      allowedRoots: config.INGEST_ALLOWED_ROOTS,
      embedBatchSize: Math.max(config.EMBEDDINGS_BATCH_SIZE, 16),
    },
    logger: options.logger,
  });
  const worker: JobWorker = createJobRunner({
    queue: jobs,
    handlers: { [INGEST_QUEUE]: pipeline.handle },
    concurrency: config.INGEST_CONCURRENCY,
    logger: options.logger,
  });
  const ingestion = new IngestionService({
    documents,
    runs,
    jobs,
    files,
    audit: options.audit,
    groups,
    settings: {
      allowedRoots: config.INGEST_ALLOWED_ROOTS,
      maxFileBytes: config.UPLOAD_MAX_FILE_BYTES,
      maxFilesPerRun: config.INGEST_MAX_FILES_PER_RUN,
      validateUrl,
    },
    notify: () => {
      worker.notify();
    },
  });
  return {
    embedder,
    vectorStore: store,
    access,
    ingestion,
    documentWorker: worker,
    documents: new DocumentService({
      documents,
      store,
      files,
      access,
      audit: options.audit,
      ingestion,
      groups,
    }),
    groups: new GroupService({ groups, documents, store, access, audit: options.audit }),
    search: new SearchService({
      store,
      embedder,
      documents,
      access,
      settings: {
        rrfK: config.SEARCH_RRF_K,
        candidates: config.SEARCH_CANDIDATES,
        mmrLambda: config.SEARCH_MMR_LAMBDA,
      },
    }),
    /** Stops the worker (grace period), then releases OCR and the store. */
    closeDocuments: async () => {
      await worker.stop({ graceMs: 5_000 });
      await ocr.terminate();
      await store.close();
    },
  };
}
