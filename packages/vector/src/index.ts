export * from './vector-store.ts';
export { VectorStoreError, type VectorStoreErrorCode } from './vector-store-error.ts';
export { createPgvectorStore, type PgvectorStoreOptions } from './pgvector/pgvector-store.ts';
export { createQdrantStore, type QdrantStoreOptions } from './qdrant/qdrant-store.ts';
