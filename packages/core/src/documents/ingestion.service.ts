import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import type {
  DocumentRecord,
  DocumentRepository,
  GroupRepository,
  IngestionRunRecord,
  IngestionRunRepository,
} from '@youworker/db';
import type { AuditService } from '../audit/audit.service.ts';
import { getRequestContext } from '../context/request-context.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { ValidationError } from '../errors/validation-error.ts';
import type { UserActor } from '../identity/actor.ts';
import { requireMembership } from '../groups/group-membership-source.ts';
import type { JobQueue } from '../jobs/index.ts';
import type { FileStore, StagedFile } from './file-store.ts';
import { INGEST_QUEUE } from './ingestion-pipeline.ts';
import { listFiles } from './list-files.ts';
import { isDirectory, resolveAllowedPath } from './path-guard.ts';

/** An uploaded file already streamed to the staging area. */
export interface UploadedFile {
  filename: string;
  staged: StagedFile;
}

export interface IngestionSettings {
  allowedRoots: readonly string[];
  maxFileBytes: number;
  maxFilesPerRun: number;
  /** Validates a URL before it is queued (scheme, syntax); the fetch itself re-checks every hop. */
  validateUrl: (url: string) => void;
}

/** Where new documents go: a group the uploader is in (or none), and whether they stay private there. */
export interface DocumentSharing {
  groupId?: string | null;
  isPrivate?: boolean;
}

/** Options of every ingestion entry point. */
export interface IngestOptions extends DocumentSharing {
  tags: string[];
}

/** A run and the documents it created or found. */
export interface IngestionRunStarted {
  run: IngestionRunRecord;
  documents: { document: DocumentRecord; duplicate: boolean }[];
}

function runNotFound(): NotFoundError {
  return new NotFoundError({ code: 'INGESTION_RUN_NOT_FOUND', message: 'Ingestion run not found' });
}

/**
 * Starts ingestion runs: each file, URL or folder entry becomes a document row plus one durable job,
 * and the request returns at once with the run. Re-uploading content the owner already has returns
 * the existing document instead of a copy.
 */
export class IngestionService {
  constructor(
    private readonly deps: {
      documents: DocumentRepository;
      runs: IngestionRunRepository;
      jobs: JobQueue;
      files: FileStore;
      audit: AuditService;
      settings: IngestionSettings;
      groups: GroupRepository;
      /** Wakes the local worker after enqueueing. */
      notify: () => void;
    },
  ) {}

  /** Streams one uploaded file to staging (size limit enforced while streaming, hashed on the way). */
  async stageUpload(source: Readable): Promise<StagedFile> {
    return this.deps.files.stage(source, { maxBytes: this.deps.settings.maxFileBytes });
  }

  /** Removes staged files of a request that failed before they became documents. */
  async discardStaged(files: readonly UploadedFile[]): Promise<void> {
    await Promise.all(files.map((file) => this.deps.files.remove(file.staged.path)));
  }

  async upload(
    actor: UserActor,
    files: UploadedFile[],
    options: IngestOptions,
  ): Promise<IngestionRunStarted> {
    if (files.length === 0) {
      throw new ValidationError({ code: 'NO_FILES', message: 'The request contains no file' });
    }
    await this.checkSharing(actor, options);
    const run = await this.createRun(
      actor,
      'upload',
      files.map((file) => file.filename).join(', '),
      files.length,
    );
    const documents: IngestionRunStarted['documents'] = [];
    for (const file of files) {
      const { document, created } = await this.deps.documents.createOrGetExisting({
        ownerId: actor.userId,
        title: cleanTitle(file.filename),
        sourceType: 'upload',
        sizeBytes: file.staged.size,
        contentSha256: file.staged.sha256,
        tags: options.tags,
        ...sharingOf(options),
      });
      if (created) {
        const storagePath = await this.deps.files.commit(file.staged, document.id);
        await this.deps.documents.update(document.id, { storagePath });
        await this.enqueue(document.id, run.id);
      } else {
        await this.deps.files.remove(file.staged.path);
        await this.deps.runs.progress(run.id, { filesDone: 1 });
      }
      documents.push({ document, duplicate: !created });
    }
    await this.auditRun(actor, run, documents.length);
    this.deps.notify();
    return { run: (await this.deps.runs.findById(run.id)) ?? run, documents };
  }

  async ingestUrl(actor: UserActor, url: string, options: IngestOptions): Promise<IngestionRunStarted> {
    this.deps.settings.validateUrl(url);
    await this.checkSharing(actor, options);
    const run = await this.createRun(actor, 'url', url, 1);
    const { document } = await this.deps.documents.createOrGetExisting({
      ownerId: actor.userId,
      title: url.slice(0, 500),
      sourceType: 'url',
      sourceUri: url,
      sizeBytes: 0,
      tags: options.tags,
      ...sharingOf(options),
    });
    await this.enqueue(document.id, run.id);
    await this.auditRun(actor, run, 1);
    this.deps.notify();
    return { run, documents: [{ document, duplicate: false }] };
  }

  async ingestPath(
    actor: UserActor,
    path: string,
    options: IngestOptions & { recursive: boolean },
  ): Promise<IngestionRunStarted> {
    await this.checkSharing(actor, options);
    const real = await resolveAllowedPath(path, this.deps.settings.allowedRoots);
    const paths = (await isDirectory(real))
      ? await listFiles(real, { recursive: options.recursive, maxFiles: this.deps.settings.maxFilesPerRun })
      : { files: [real], truncated: false };
    if (paths.files.length === 0) {
      throw new ValidationError({ code: 'NO_FILES', message: 'The folder contains no files' });
    }
    if (paths.truncated) {
      throw new ValidationError({
        code: 'TOO_MANY_FILES',
        message: `The folder holds more than ${this.deps.settings.maxFilesPerRun} files; ingest a smaller folder`,
      });
    }
    const run = await this.createRun(actor, 'path', real, paths.files.length);
    const documents: IngestionRunStarted['documents'] = [];
    for (const file of paths.files) {
      const { document } = await this.deps.documents.createOrGetExisting({
        ownerId: actor.userId,
        title: cleanTitle(basename(file)),
        sourceType: 'path',
        sourceUri: file,
        sizeBytes: 0,
        tags: options.tags,
        ...sharingOf(options),
      });
      await this.enqueue(document.id, run.id);
      documents.push({ document, duplicate: false });
    }
    await this.auditRun(actor, run, documents.length);
    this.deps.notify();
    return { run, documents };
  }

  /** Queues a document again (after an edit of the pipeline, a model change, or a failure). */
  async reindex(actor: UserActor, document: DocumentRecord): Promise<IngestionRunRecord> {
    const run = await this.createRun(actor, 'reindex', document.title, 1);
    await this.deps.documents.update(document.id, { status: 'queued', error: null });
    await this.enqueue(document.id, run.id);
    this.deps.notify();
    return run;
  }

  async getRun(actor: UserActor, id: string): Promise<IngestionRunRecord> {
    const run = await this.deps.runs.findForUser(id, actor.userId);
    if (!run) {
      throw runNotFound();
    }
    return run;
  }

  async listRuns(actor: UserActor, options: { limit: number; before?: { createdAt: Date; id: string } }) {
    return this.deps.runs.listForUser(actor.userId, options);
  }

  /**
   * Yields the run whenever it changes, until it finishes or `signal` aborts (polls the database, so
   * it works across replicas and workers).
   */
  async *watchRun(actor: UserActor, id: string, options: { signal: AbortSignal; intervalMs?: number }) {
    let last = '';
    for (;;) {
      const run = await this.getRun(actor, id);
      const stamp = `${run.updatedAt.getTime()}:${run.status}:${run.filesDone}:${run.filesFailed}:${run.chunksEmbedded}`;
      if (stamp !== last) {
        last = stamp;
        yield run;
      }
      if (run.finishedAt !== null || options.signal.aborted) {
        return;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.intervalMs ?? 500);
        options.signal.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            resolve();
          },
          { once: true },
        );
      });
    }
  }

  /** 404 for a group that does not exist, 403 `NOT_A_MEMBER` for one the uploader is not in. */
  private async checkSharing(actor: UserActor, sharing: DocumentSharing): Promise<void> {
    if (sharing.groupId) {
      await requireMembership(this.deps.groups, actor.userId, sharing.groupId);
    }
  }

  private async createRun(
    actor: UserActor,
    sourceType: IngestionRunRecord['sourceType'],
    label: string,
    filesTotal: number,
  ): Promise<IngestionRunRecord> {
    return this.deps.runs.create({
      userId: actor.userId,
      sourceType,
      sourceLabel: label,
      filesTotal,
      requestId: getRequestContext()?.requestId ?? null,
    });
  }

  private async enqueue(documentId: string, runId: string): Promise<void> {
    await this.deps.jobs.enqueue({
      queue: INGEST_QUEUE,
      payload: { documentId, runId },
      runId,
      maxAttempts: 4,
    });
  }

  private async auditRun(actor: UserActor, run: IngestionRunRecord, files: number): Promise<void> {
    await this.deps.audit.record({
      action: 'documents.ingest',
      actor,
      target: { type: 'ingestion_run', id: run.id },
      details: { sourceType: run.sourceType, files },
    });
  }
}

/** A title from a file name: control characters removed, length capped. */
export function cleanTitle(name: string): string {
  const cleaned = name.replace(/\p{Cc}/gu, '').trim();
  return (cleaned || 'Untitled').slice(0, 500);
}

function sharingOf(sharing: DocumentSharing): { groupId: string | null; isPrivate: boolean } {
  return { groupId: sharing.groupId ?? null, isPrivate: sharing.isPrivate ?? false };
}
