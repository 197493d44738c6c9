import { createCoreServices, createDocumentServices, INGEST_QUEUE } from '@youworker/core';
import { DocumentRepository, JobRepository } from '@youworker/db';
import { Command } from 'commander';
import type { CliContext } from '../cli-context.ts';
import { withDatabase } from './with-database.ts';

/** A one-line progress bar: `[#########...........] 12/40`. */
export function progressBar(done: number, total: number, width = 30): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
}

const quietLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * `youworker reindex`: rebuilds the vector index with the configured embedding model. When the index
 * was built with another model (or `--all`), it is emptied first; then every document is queued again
 * and processed by this process (any running server's worker helps), with a progress bar.
 */
export function reindexCommand(context: CliContext): Command {
  return new Command('reindex')
    .description('re-embed every document with the configured embedding model (after changing it)')
    .option('--all', 'rebuild even when the recorded model matches', false)
    .option('--no-wait', 'queue the documents and return without processing them here')
    .action(async (options: { all: boolean; wait: boolean }) => {
      await withDatabase(context, async (database, config) => {
        const core = createCoreServices(config, database, { version: 'cli' });
        const services = createDocumentServices(config, database, { audit: core.audit, logger: quietLogger });
        try {
          const recorded = await services.vectorStore.indexInfo();
          const dimension = await services.embedder.dimension();
          const configured = { model: services.embedder.model, dimension };
          const mismatch =
            recorded !== null && (recorded.model !== configured.model || recorded.dimension !== dimension);
          context.stdout.write(
            `index: ${recorded ? `${recorded.model} (${recorded.dimension})` : 'empty'}; configured: ${configured.model} (${dimension})\n`,
          );
          if (!mismatch && !options.all) {
            context.stdout.write(
              'the index already uses the configured model; nothing to do (use --all to force)\n',
            );
            return;
          }
          await services.vectorStore.reset();
          const documents = new DocumentRepository(database.db);
          const jobs = new JobRepository(database.db);
          const ids = await documents.listAllIds();
          const failedBefore = (await jobs.countByStatus(INGEST_QUEUE)).failed;
          for (const id of ids) {
            await documents.update(id, { status: 'queued', error: null });
            await jobs.enqueue({ queue: INGEST_QUEUE, payload: { documentId: id }, maxAttempts: 4 });
          }
          context.stdout.write(`queued ${ids.length} documents\n`);
          if (!options.wait || ids.length === 0) {
            return;
          }
          services.documentWorker.start();
          for (;;) {
            const counts = await jobs.countByStatus(INGEST_QUEUE);
            const done = ids.length - Math.min(ids.length, counts.queued + counts.running);
            context.stderr.write(`\r${progressBar(done, ids.length)}`);
            if (counts.queued + counts.running === 0) {
              break;
            }
            await new Promise((resolve) => setTimeout(resolve, 250));
          }
          const failed = (await jobs.countByStatus(INGEST_QUEUE)).failed - failedBefore;
          context.stderr.write('\n');
          context.stdout.write(`reindexed ${ids.length - failed} documents, ${failed} failed\n`);
        } finally {
          await services.closeDocuments();
        }
      });
    });
}
