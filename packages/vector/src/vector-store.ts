/**
 * One interface over the vector + lexical index (pgvector in the platform database, or Qdrant).
 * Access control lives inside every query: `search` and `getChunks` take an {@link AccessFilter}
 * and the backend applies it in the store query itself, never to results afterwards.
 */

/** Who is asking: chunks are visible when owned by `userId`, or shared (`visibility = 'group'`) into one of `groupIds`. */
export interface AccessFilter {
  userId: string;
  groupIds: readonly string[];
}

/** The access-relevant facts of a document, copied into the index where the backend needs them (Qdrant payload). */
export interface DocumentAccess {
  ownerId: string;
  groupId: string | null;
  visibility: 'private' | 'group';
  tags: readonly string[];
  mimeType: string | null;
  createdAt: Date;
}

/** A chunk ready to index. `id` is deterministic (derived from document id and ordinal). */
export interface IndexedChunk {
  id: string;
  ordinal: number;
  text: string;
  tokenCount: number;
  page?: number;
  sheet?: string;
  headingPath: readonly string[];
  charStart: number;
  charEnd: number;
  embedding: readonly number[];
}

export interface SearchFilters {
  tags?: readonly string[];
  documentIds?: readonly string[];
  mimeTypes?: readonly string[];
  groupId?: string;
  createdAfter?: Date;
  createdBefore?: Date;
}

export type SearchMode = 'hybrid' | 'dense' | 'lexical';

export interface SearchRequest {
  text: string;
  /** The query embedding (required unless `mode` is `lexical`). */
  vector?: readonly number[];
  access: AccessFilter;
  filters?: SearchFilters;
  k: number;
  mode: SearchMode;
  /** Candidates taken from each side before fusion (default max(k * 4, 50)). */
  candidates?: number;
  /** Reciprocal rank fusion constant (default 60). */
  rrfK?: number;
  /** Return each hit's embedding (for MMR). */
  withEmbeddings?: boolean;
}

export interface ChunkHit {
  chunkId: string;
  documentId: string;
  ordinal: number;
  text: string;
  page: number | null;
  sheet: string | null;
  headingPath: string[];
  /** Fused score (hybrid: RRF; dense: cosine similarity; lexical: ts_rank-like). Higher is better. */
  score: number;
  denseRank?: number;
  lexicalRank?: number;
  embedding?: number[];
}

export interface EmbeddingIndexInfo {
  model: string;
  dimension: number;
}

export class EmbeddingModelMismatchError extends Error {
  readonly code = 'EMBEDDING_MODEL_MISMATCH';
  constructor(
    readonly indexed: EmbeddingIndexInfo,
    readonly configured: EmbeddingIndexInfo,
  ) {
    super(
      `The index was built with ${indexed.model} (${indexed.dimension} dimensions) but ${configured.model} ` +
        `(${configured.dimension}) is configured; run "youworker reindex" to rebuild it.`,
    );
    this.name = 'EmbeddingModelMismatchError';
  }
}

export interface VectorStore {
  readonly kind: 'pgvector' | 'qdrant';
  /**
   * Records the embedding model with the index (creating the index on first use). Throws
   * {@link EmbeddingModelMismatchError} when the index holds vectors of another model.
   */
  ensureIndex(info: EmbeddingIndexInfo): Promise<void>;
  /** The model the index was built with, or null when nothing is indexed yet. */
  indexInfo(): Promise<EmbeddingIndexInfo | null>;
  /**
   * Replaces all chunks of a document atomically: after it returns, searches see exactly `chunks`;
   * before, the previous ones. pgvector also marks the document `ready` in the same transaction.
   */
  indexDocument(documentId: string, access: DocumentAccess, chunks: readonly IndexedChunk[]): Promise<void>;
  /** Updates the access payload (tags, group, visibility) of an indexed document. */
  updateDocumentAccess(documentId: string, access: DocumentAccess): Promise<void>;
  /** Removes every chunk of a document. */
  deleteDocument(documentId: string): Promise<void>;
  /** Removes every chunk and the recorded model (before a full reindex with another model). */
  reset(): Promise<void>;
  search(request: SearchRequest): Promise<ChunkHit[]>;
  /** Chunks of one document with ordinals in [fromOrdinal, toOrdinal], if the caller may see it. */
  getChunks(
    documentId: string,
    fromOrdinal: number,
    toOrdinal: number,
    access: AccessFilter,
  ): Promise<ChunkHit[]>;
  /** Throws when the backend is unreachable (health check). */
  check(signal?: AbortSignal): Promise<void>;
  close(): Promise<void>;
}
