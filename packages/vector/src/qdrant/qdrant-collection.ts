import type { QdrantClient } from '@qdrant/js-client-rest';
import { z } from 'zod';
import { EmbeddingModelMismatchError, type EmbeddingIndexInfo } from '../vector-store.ts';
import { VectorStoreError } from '../vector-store-error.ts';
import { PAYLOAD_INDEXES } from './qdrant-payload.ts';

/** Name of the dense (cosine) and sparse (BM25 via IDF) vectors of every point. */
export const DENSE_VECTOR = 'dense';
export const SPARSE_VECTOR = 'lexical';

/** Qdrant limits dense vectors to 65,536 dimensions. */
const MAX_DIMENSION = 65_536;

// The embedding model is recorded in the collection's metadata (Qdrant ≥ 1.16), written atomically
// with the collection itself: whoever creates the collection fixes the model.
const metadataSchema = z.object({
  youworker: z.object({ model: z.string(), dimension: z.number().int() }),
});

const denseConfigSchema = z.object({ dense: z.object({ size: z.number().int() }) });

/** The model recorded with the collection, or null when the collection does not exist. */
export async function readCollectionInfo(
  client: QdrantClient,
  collection: string,
): Promise<EmbeddingIndexInfo | null> {
  const { exists } = await client.collectionExists(collection);
  if (!exists) {
    return null;
  }
  const info = await client.getCollection(collection);
  const metadata = metadataSchema.safeParse(info.config.metadata);
  if (metadata.success) {
    return metadata.data.youworker;
  }
  // A collection created without our metadata (older server, or by hand): report its dense size.
  const dense = denseConfigSchema.safeParse(info.config.params.vectors);
  return { model: 'unknown', dimension: dense.success ? dense.data.dense.size : 0 };
}

function validateInfo(info: EmbeddingIndexInfo): void {
  if (info.model.trim() === '') {
    throw new VectorStoreError('VECTOR_INVALID_REQUEST', 'The embedding model name is empty');
  }
  if (!Number.isInteger(info.dimension) || info.dimension < 1 || info.dimension > MAX_DIMENSION) {
    throw new VectorStoreError(
      'VECTOR_INVALID_REQUEST',
      `The embedding dimension must be an integer in 1..${MAX_DIMENSION} (got ${info.dimension})`,
    );
  }
}

async function createCollection(
  client: QdrantClient,
  collection: string,
  info: EmbeddingIndexInfo,
): Promise<void> {
  // Through the raw API: QdrantClient.createCollection drops `metadata`.
  await client.api().createCollection({
    collection_name: collection,
    vectors: { [DENSE_VECTOR]: { size: info.dimension, distance: 'Cosine' } },
    sparse_vectors: { [SPARSE_VECTOR]: { modifier: 'idf' } },
    metadata: { youworker: { model: info.model, dimension: info.dimension } },
  });
}

/**
 * Creates the collection (dense cosine + sparse IDF vectors, model in its metadata) on first use and
 * its payload indexes; throws {@link EmbeddingModelMismatchError} when it holds another model. A lost
 * creation race is resolved by reading what the winner recorded.
 */
export async function ensureCollection(
  client: QdrantClient,
  collection: string,
  info: EmbeddingIndexInfo,
  options: { createPayloadIndexes: boolean },
): Promise<void> {
  validateInfo(info);
  let recorded = await readCollectionInfo(client, collection);
  if (recorded === null) {
    try {
      await createCollection(client, collection, info);
      recorded = info;
    } catch (error) {
      recorded = await readCollectionInfo(client, collection);
      if (recorded === null) {
        throw error;
      }
    }
  }
  if (recorded.model !== info.model || recorded.dimension !== info.dimension) {
    throw new EmbeddingModelMismatchError(recorded, info);
  }
  if (!options.createPayloadIndexes) {
    return;
  }
  // Idempotent on the server: repeated on the first call of each process, so a crash between creating
  // the collection and its indexes heals itself.
  for (const index of PAYLOAD_INDEXES) {
    await client.createPayloadIndex(collection, {
      field_name: index.field,
      field_schema: index.schema,
      wait: true,
    });
  }
}
