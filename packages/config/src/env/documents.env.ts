import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { envInteger, envList } from './env-helpers.ts';

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === ''
    );
  } catch {
    return false;
  }
}

/** Documents: uploads, ingestion, embeddings, the vector store and retrieval. See docs/documents.md. */
export const documentsEnv = {
  UPLOAD_MAX_FILE_BYTES: envInteger({
    min: 1,
    max: 10 * 1024 ** 3,
    defaultValue: 100 * 1024 * 1024,
  }).describe(
    'Largest file one upload may contain (enforced while streaming; the request fails with `FILE_TOO_LARGE`).',
  ),
  UPLOAD_MAX_FILES: envInteger({ min: 1, max: 1000, defaultValue: 50 }).describe(
    'Most files in one upload request.',
  ),
  INGEST_ALLOWED_ROOTS: envList({ check: isAbsolute, message: 'entries must be absolute paths' }).describe(
    'Server folders users may ingest from with `POST /v1/documents/ingest {path}` (comma-separated absolute paths). Empty: path ingestion is off. Traversal and symlinks out of these folders are refused.',
  ),
  INGEST_MAX_FILES_PER_RUN: envInteger({ min: 1, max: 100_000, defaultValue: 5_000 }).describe(
    'Most files one folder ingestion may queue.',
  ),
  INGEST_CONCURRENCY: envInteger({ min: 1, max: 32, defaultValue: 2 }).describe(
    "Documents processed at the same time by this process's ingestion worker (`0` workers: see `INGEST_WORKER`).",
  ),
  INGEST_WORKER: z
    .stringbool()
    .default(true)
    .describe(
      'Run the ingestion worker inside the server process (turn off when separate `youworker worker` processes do it).',
    ),
  INGEST_URL_ALLOWLIST: envList().describe(
    'Hosts or CIDR ranges that URL ingestion and the web tools may reach even though they are private (e.g. an intranet wiki: `wiki.corp.local,10.20.0.0/16`). Loopback, private, link-local and metadata addresses are refused otherwise.',
  ),
  INGEST_URL_MAX_BYTES: envInteger({ min: 1024, max: 1024 ** 3, defaultValue: 50 * 1024 * 1024 }).describe(
    'Largest response URL ingestion downloads.',
  ),
  INGEST_URL_TIMEOUT_MS: envInteger({ min: 1_000, max: 600_000, defaultValue: 60_000 }).describe(
    'Time limit of one URL download, redirects included.',
  ),
  CHUNK_MAX_TOKENS: envInteger({ min: 64, max: 8192, defaultValue: 512 }).describe(
    'Largest chunk, in tokens.',
  ),
  CHUNK_OVERLAP_TOKENS: envInteger({ min: 0, max: 1024, defaultValue: 64 }).describe(
    'Tokens repeated from the end of one chunk at the start of the next, within a section.',
  ),
  EMBEDDINGS_PROVIDER: z
    .enum(['local', 'ollama', 'openai'])
    .default('local')
    .describe(
      'Embedding model server: `local` (Universal Sentence Encoder lite in process, no download), `ollama` (`/api/embed`) or `openai` (any OpenAI-compatible `/v1/embeddings`).',
    ),
  EMBEDDINGS_MODEL: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Embedding model name; default `embeddinggemma:300m` for `ollama`. Changing it requires `youworker reindex`.',
    ),
  EMBEDDINGS_BASE_URL: z
    .string()
    .refine(isHttpUrl, 'must be an http:// or https:// URL without credentials')
    .optional()
    .describe('Root URL of the embedding server; default `LLM_BASE_URL`.'),
  EMBEDDINGS_API_KEY: z
    .string()
    .min(1)
    .optional()
    .describe('Bearer token for the embedding server, if it needs one.'),
  EMBEDDINGS_BATCH_SIZE: envInteger({ min: 1, max: 2048, defaultValue: 32 }).describe(
    'Texts per embedding request.',
  ),
  EMBEDDINGS_CONCURRENCY: envInteger({ min: 1, max: 64, defaultValue: 2 }).describe(
    'Embedding requests in flight at once.',
  ),
  VECTOR_STORE: z
    .enum(['pgvector', 'qdrant'])
    .default('pgvector')
    .describe(
      'Where chunks and vectors live: `pgvector` in the platform database (PGlite or PostgreSQL) or `qdrant`.',
    ),
  QDRANT_URL: z
    .string()
    .refine(isHttpUrl, 'must be an http:// or https:// URL')
    .optional()
    .describe('Qdrant REST URL (with `VECTOR_STORE=qdrant`).'),
  QDRANT_API_KEY: z.string().min(1).optional().describe('Qdrant API key, if the server requires one.'),
  QDRANT_COLLECTION: z
    .string()
    .regex(/^[a-zA-Z0-9_-]{1,64}$/)
    .default('youworker_chunks')
    .describe('Qdrant collection name.'),
  SEARCH_TEXT_CONFIG: z
    .string()
    .regex(/^[a-z_]{1,63}$/)
    .default('english')
    .describe(
      'PostgreSQL text search configuration of the lexical index (`english`, `french`, `simple`…); an unknown one falls back to `simple`.',
    ),
  SEARCH_RRF_K: envInteger({ min: 1, max: 1000, defaultValue: 60 }).describe(
    'Reciprocal rank fusion constant `k` (score = Σ 1/(k + rank)).',
  ),
  SEARCH_CANDIDATES: envInteger({ min: 10, max: 1000, defaultValue: 50 }).describe(
    'Candidates taken from the lexical and the dense side before fusion.',
  ),
  SEARCH_MMR_LAMBDA: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(0.7)
    .describe('Relevance weight of MMR diversification (1: relevance only).'),
  RAG_TOP_K: envInteger({ min: 1, max: 50, defaultValue: 6 }).describe(
    'Chunks injected into a chat turn with `rag: auto`.',
  ),
};
