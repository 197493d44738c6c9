import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, IngestionRunStatus, IngestionRunsTable } from '../schema/database.ts';
import { isUuid } from './uuid.ts';

/** One ingestion run (an upload batch, a URL, a folder, a reindex) and its progress. */
export interface IngestionRunRecord {
  id: string;
  userId: string;
  sourceType: 'upload' | 'url' | 'path' | 'reindex';
  sourceLabel: string;
  status: IngestionRunStatus;
  filesTotal: number;
  filesDone: number;
  filesFailed: number;
  chunksEmbedded: number;
  stage: string | null;
  errors: { file: string; message: string }[];
  requestId: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

function toRun(row: Selectable<IngestionRunsTable>): IngestionRunRecord {
  return {
    id: row.id,
    userId: row.user_id,
    sourceType: row.source_type,
    sourceLabel: row.source_label,
    status: row.status,
    filesTotal: row.files_total,
    filesDone: row.files_done,
    filesFailed: row.files_failed,
    chunksEmbedded: row.chunks_embedded,
    stage: row.stage,
    errors: row.errors,
    requestId: row.request_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    finishedAt: row.finished_at,
  };
}

/** `ingestion_runs`: counters are updated with atomic increments, so parallel jobs never lose one. */
export class IngestionRunRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(
    run: {
      userId: string;
      sourceType: IngestionRunRecord['sourceType'];
      sourceLabel: string;
      filesTotal: number;
      requestId?: string | null;
    },
    transaction: Kysely<Database> = this.db,
  ): Promise<IngestionRunRecord> {
    const row = await transaction
      .insertInto('ingestion_runs')
      .values({
        user_id: run.userId,
        source_type: run.sourceType,
        source_label: run.sourceLabel.slice(0, 1000),
        files_total: run.filesTotal,
        request_id: run.requestId ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRun(row);
  }

  async findForUser(id: string, userId: string): Promise<IngestionRunRecord | undefined> {
    if (!isUuid(id)) {
      return undefined;
    }
    const row = await this.db
      .selectFrom('ingestion_runs')
      .selectAll()
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row ? toRun(row) : undefined;
  }

  async findById(id: string): Promise<IngestionRunRecord | undefined> {
    const row = await this.db
      .selectFrom('ingestion_runs')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toRun(row) : undefined;
  }

  async listForUser(
    userId: string,
    options: { limit: number; before?: { createdAt: Date; id: string } },
  ): Promise<IngestionRunRecord[]> {
    let query = this.db.selectFrom('ingestion_runs').selectAll().where('user_id', '=', userId);
    if (options.before) {
      const { createdAt, id } = options.before;
      query = query.where((eb) =>
        eb.or([
          eb('created_at', '<', createdAt),
          eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)]),
        ]),
      );
    }
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit)
      .execute();
    return rows.map(toRun);
  }

  /** Adds to the counters (and sets the stage) atomically; marks the run running. */
  async progress(
    id: string,
    delta: {
      filesDone?: number;
      filesFailed?: number;
      chunksEmbedded?: number;
      filesTotal?: number;
      stage?: string;
      error?: { file: string; message: string };
    },
  ): Promise<IngestionRunRecord | undefined> {
    const row = await this.db
      .updateTable('ingestion_runs')
      .set((eb) => ({
        files_done: eb('files_done', '+', delta.filesDone ?? 0),
        files_failed: eb('files_failed', '+', delta.filesFailed ?? 0),
        chunks_embedded: eb('chunks_embedded', '+', delta.chunksEmbedded ?? 0),
        files_total: eb('files_total', '+', delta.filesTotal ?? 0),
        ...(delta.stage !== undefined ? { stage: delta.stage } : {}),
        ...(delta.error ? { errors: sql<string>`errors || ${JSON.stringify([delta.error])}::jsonb` } : {}),
        status: sql<IngestionRunStatus>`case when status = 'queued' then 'running' else status end`,
        updated_at: new Date(),
      }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row ? this.finishIfComplete(toRun(row)) : undefined;
  }

  /** Closes the run once every file is done or failed: `succeeded`, `partial` or `failed`. */
  private async finishIfComplete(run: IngestionRunRecord): Promise<IngestionRunRecord> {
    if (run.finishedAt !== null || run.filesDone + run.filesFailed < run.filesTotal) {
      return run;
    }
    const status: IngestionRunStatus =
      run.filesFailed === 0 ? 'succeeded' : run.filesDone === 0 ? 'failed' : 'partial';
    const row = await this.db
      .updateTable('ingestion_runs')
      .set({ status, stage: 'done', finished_at: new Date(), updated_at: new Date() })
      .where('id', '=', run.id)
      .where('finished_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return row ? toRun(row) : run;
  }
}
