import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { DocumentRecord, DocumentRepository, IngestionRunRepository } from '@youworker/db';
import type { ParsedDocument } from '@youworker/ingestion';
import type { Embedder } from '@youworker/llm';
import type { IndexedChunk, VectorStore } from '@youworker/vector';
import type { Job, JobHandlerContext } from '../jobs/index.ts';
import { NonRetryableJobError } from '../jobs/index.ts';
import { chunkId } from './chunk-id.ts';
import type { FileStore } from './file-store.ts';
import { resolveAllowedPath } from './path-guard.ts';

/** The job queue every document ingestion runs on. */
export const INGEST_QUEUE = 'ingest-document';

/** A chunk as the chunker hands it over. */
export interface PipelineChunk {
  ordinal: number;
  text: string;
  tokenCount: number;
  page?: number;
  sheet?: string;
  headingPath: string[];
  charStart: number;
  charEnd: number;
}

/** What one fetched source looks like before parsing. */
export interface FetchedSource {
  bytes: Uint8Array;
  finalUrl: string;
  contentType: string | null;
}

export interface IngestionPipelineDeps {
  documents: DocumentRepository;
  runs: IngestionRunRepository;
  files: FileStore;
  store: VectorStore;
  embedder: Embedder;
  /** SSRF-safe fetch of a URL (size and time limits inside). */
  fetchUrl: (url: string, signal: AbortSignal) => Promise<FetchedSource>;
  parse: (bytes: Uint8Array, options: { filename?: string; signal?: AbortSignal }) => Promise<ParsedDocument>;
  chunk: (document: ParsedDocument) => PipelineChunk[];
  settings: { maxFileBytes: number; allowedRoots: readonly string[]; embedBatchSize: number };
  logger: {
    info(object: Record<string, unknown>, message: string): void;
    warn(object: Record<string, unknown>, message: string): void;
  };
}

/** Error codes that no retry can fix: the document fails at once with the reason. */
const permanentCodes = new Set([
  'UNSUPPORTED_TYPE',
  'CORRUPT_FILE',
  'ENCRYPTED_FILE',
  'EMPTY_DOCUMENT',
  'LIMIT_EXCEEDED',
  'URL_INVALID',
  'SCHEME_NOT_ALLOWED',
  'ADDRESS_BLOCKED',
  'TOO_MANY_REDIRECTS',
  'RESPONSE_TOO_LARGE',
  'EMBEDDING_MODEL_MISMATCH',
  'PATH_NOT_ALLOWED',
  'PATH_NOT_FOUND',
  'PATH_INGESTION_DISABLED',
  'FILE_TOO_LARGE',
  'SOURCE_MISSING',
  'HTTP_STATUS',
]);

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = errorCode(error);
  return (code && !message.includes(code) ? `${code}: ${message}` : message).slice(0, 2000);
}

class PipelineError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PipelineError';
  }
}

/**
 * fetch → parse → chunk → embed → index for one document, as a job handler. Each stage reports
 * progress on the ingestion run. Failures a retry cannot fix (bad file, blocked URL, unsupported
 * type) fail the document at once with the reason; transient ones (model server down) are retried
 * by the queue, and the document only fails after the last attempt. The index swap is atomic, so
 * a half-processed document is never searchable.
 */
export class IngestionPipeline {
  constructor(private readonly deps: IngestionPipelineDeps) {}

  readonly handle = async (job: Job, context: JobHandlerContext): Promise<void> => {
    const documentId = String(job.payload.documentId);
    const runId = typeof job.payload.runId === 'string' ? job.payload.runId : undefined;
    const document = await this.deps.documents.findById(documentId);
    if (!document) {
      // Deleted while queued: nothing to do, but the run still counts the file.
      await this.progress(runId, {
        filesFailed: 1,
        error: { file: documentId, message: 'The document was deleted' },
      });
      return;
    }
    await this.deps.documents.update(document.id, { status: 'processing', error: null });
    try {
      const chunks = await this.process(document, runId, context.signal);
      await this.progress(runId, { filesDone: 1, stage: 'index' });
      this.deps.logger.info({ documentId, chunks }, 'document indexed');
    } catch (error) {
      await this.onFailure(document, runId, job, error);
    }
  };

  private async process(
    document: DocumentRecord,
    runId: string | undefined,
    signal: AbortSignal,
  ): Promise<number> {
    await this.progress(runId, { stage: 'fetch' });
    const source = await this.fetch(document, signal);
    await this.progress(runId, { stage: 'parse' });
    const parsed = await this.deps.parse(source.bytes, { filename: source.filename, signal });
    await this.deps.documents.update(document.id, {
      mimeType: parsed.mimeType,
      pageCount: parsed.pageCount ?? null,
      ...(parsed.title && document.sourceType === 'url' ? { title: parsed.title.slice(0, 500) } : {}),
    });
    const chunks = this.deps.chunk(parsed);
    if (chunks.length === 0) {
      throw new PipelineError('EMPTY_DOCUMENT', 'The document contains no text');
    }
    await this.progress(runId, { stage: 'embed' });
    const vectors = await this.embed(chunks, runId, signal);
    await this.progress(runId, { stage: 'index' });
    const dimension = vectors[0]?.length ?? 0;
    await this.deps.store.ensureIndex({ model: this.deps.embedder.model, dimension });
    const current = (await this.deps.documents.findById(document.id)) ?? document;
    const indexed: IndexedChunk[] = chunks.map((chunk, index) => ({
      id: chunkId(document.id, chunk.ordinal),
      ordinal: chunk.ordinal,
      text: chunk.text,
      tokenCount: chunk.tokenCount,
      ...(chunk.page !== undefined ? { page: chunk.page } : {}),
      ...(chunk.sheet !== undefined ? { sheet: chunk.sheet } : {}),
      headingPath: chunk.headingPath,
      charStart: chunk.charStart,
      charEnd: chunk.charEnd,
      embedding: vectors[index] ?? [],
    }));
    await this.deps.store.indexDocument(
      document.id,
      {
        ownerId: current.ownerId,
        groupId: current.groupId,
        isPrivate: current.isPrivate,
        tags: current.tags,
        mimeType: parsed.mimeType,
        createdAt: current.createdAt,
      },
      indexed,
    );
    await this.deps.documents.markIndexed(document.id, indexed.length);
    return indexed.length;
  }

  private async embed(
    chunks: PipelineChunk[],
    runId: string | undefined,
    signal: AbortSignal,
  ): Promise<number[][]> {
    const vectors: number[][] = [];
    const size = Math.max(1, this.deps.settings.embedBatchSize);
    for (let start = 0; start < chunks.length; start += size) {
      const batch = chunks.slice(start, start + size);
      vectors.push(
        ...(await this.deps.embedder.embed(
          batch.map((chunk) => chunk.text),
          { purpose: 'document', signal },
        )),
      );
      await this.progress(runId, { chunksEmbedded: batch.length });
    }
    return vectors;
  }

  private async fetch(
    document: DocumentRecord,
    signal: AbortSignal,
  ): Promise<{ bytes: Uint8Array; filename?: string }> {
    switch (document.sourceType) {
      case 'upload': {
        if (!document.storagePath) {
          throw new PipelineError('SOURCE_MISSING', 'The uploaded file is missing');
        }
        return { bytes: await this.deps.files.read(document.storagePath), filename: document.title };
      }
      case 'url': {
        if (document.storagePath) {
          return { bytes: await this.deps.files.read(document.storagePath) };
        }
        const fetched = await this.deps.fetchUrl(document.sourceUri ?? '', signal);
        const staged = await this.deps.files.stageBytes(fetched.bytes);
        const storagePath = await this.deps.files.commit(staged, document.id);
        await this.deps.documents.update(document.id, {
          storagePath,
          sizeBytes: staged.size,
          contentSha256: null,
        });
        return { bytes: fetched.bytes, filename: new URL(fetched.finalUrl).pathname.split('/').pop() ?? '' };
      }
      case 'path': {
        // Checked again at run time: the file may have become a symlink since it was queued.
        const path = await resolveAllowedPath(document.sourceUri ?? '', this.deps.settings.allowedRoots);
        const info = await stat(path);
        if (info.size > this.deps.settings.maxFileBytes) {
          throw new PipelineError(
            'FILE_TOO_LARGE',
            `The file is larger than ${this.deps.settings.maxFileBytes} bytes`,
          );
        }
        const bytes = await readFile(path);
        await this.deps.documents.update(document.id, { sizeBytes: bytes.length });
        return { bytes, filename: basename(path) };
      }
    }
  }

  private async onFailure(
    document: DocumentRecord,
    runId: string | undefined,
    job: Job,
    error: unknown,
  ): Promise<void> {
    const code = errorCode(error);
    if (code === 'UNSUPPORTED_UNTIL_STT') {
      await this.deps.documents.update(document.id, {
        status: 'unsupported_until_stt',
        error: 'Audio and video are kept and will be transcribed once speech-to-text is available',
      });
      await this.progress(runId, { filesDone: 1 });
      return;
    }
    const permanent = (code !== undefined && permanentCodes.has(code)) || job.attempts >= job.maxAttempts;
    const message = errorText(error);
    if (!permanent) {
      await this.deps.documents.update(document.id, {
        status: 'queued',
        error: `Retrying after: ${message}`,
      });
      this.deps.logger.warn(
        { documentId: document.id, err: message, attempt: job.attempts },
        'ingestion will retry',
      );
      throw error;
    }
    await this.deps.documents.update(document.id, { status: 'failed', error: message });
    await this.progress(runId, { filesFailed: 1, error: { file: document.title, message } });
    this.deps.logger.warn({ documentId: document.id, err: message }, 'document ingestion failed');
    throw new NonRetryableJobError(message, { code: code ?? 'INGESTION_FAILED' });
  }

  private async progress(
    runId: string | undefined,
    delta: Parameters<IngestionRunRepository['progress']>[1],
  ) {
    if (runId) {
      await this.deps.runs.progress(runId, delta);
    }
  }
}
