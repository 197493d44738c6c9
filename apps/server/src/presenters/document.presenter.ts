import type { DocumentRecord, IngestionRunRecord } from '@youworker/db';
import type { ChunkHit } from '@youworker/vector';

/** A catalog entry for the API (never the storage path). */
export function presentDocument(document: DocumentRecord) {
  return {
    id: document.id,
    title: document.title,
    ownerId: document.ownerId,
    groupId: document.groupId,
    isPrivate: document.isPrivate,
    sourceType: document.sourceType,
    sourceUri: document.sourceUri,
    mimeType: document.mimeType,
    sizeBytes: document.sizeBytes,
    contentSha256: document.contentSha256,
    pageCount: document.pageCount,
    chunkCount: document.chunkCount,
    status: document.status,
    error: document.error,
    tags: document.tags,
    createdAt: document.createdAt.toISOString(),
    updatedAt: document.updatedAt.toISOString(),
    indexedAt: document.indexedAt?.toISOString() ?? null,
  };
}

export function presentChunk(chunk: ChunkHit) {
  return {
    id: chunk.chunkId,
    ordinal: chunk.ordinal,
    text: chunk.text,
    page: chunk.page,
    sheet: chunk.sheet,
    headingPath: chunk.headingPath,
  };
}

export function presentRun(run: IngestionRunRecord) {
  return {
    id: run.id,
    status: run.status,
    sourceType: run.sourceType,
    sourceLabel: run.sourceLabel,
    stage: run.stage,
    filesTotal: run.filesTotal,
    filesDone: run.filesDone,
    filesFailed: run.filesFailed,
    chunksEmbedded: run.chunksEmbedded,
    errors: run.errors,
    createdAt: run.createdAt.toISOString(),
    updatedAt: run.updatedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}
