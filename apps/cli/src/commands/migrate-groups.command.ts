import { createCoreServices, createDocumentServices, migrateToPersonalSpaces } from '@youworker/core';
import { DocumentRepository, GroupRepository } from '@youworker/db';
import { Command } from 'commander';
import type { CliContext } from '../cli-context.ts';
import { progressBar } from './reindex.command.ts';
import { withDatabase } from './with-database.ts';

const quietLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * `youworker migrate-groups [--dry-run]`: gives every user a "<username>'s Personal Space" group and
 * moves their ungrouped documents into it (privacy kept, index payloads updated). Safe to run again:
 * a second run changes nothing; an interrupted run resumes where it stopped.
 */
export function migrateGroupsCommand(context: CliContext): Command {
  return new Command('migrate-groups')
    .description("create each user's personal space group and move their ungrouped documents into it")
    .option('--dry-run', 'report what would change without changing anything', false)
    .action(async (options: { dryRun: boolean }) => {
      await withDatabase(context, async (database, config) => {
        const core = createCoreServices(config, database, { version: 'cli' });
        const services = createDocumentServices(config, database, { audit: core.audit, logger: quietLogger });
        try {
          const summary = await migrateToPersonalSpaces(
            {
              groups: new GroupRepository(database.db),
              documents: new DocumentRepository(database.db),
              store: services.vectorStore,
              audit: core.audit,
            },
            {
              dryRun: options.dryRun,
              onProgress: (done, total) => context.stderr.write(`\r${progressBar(done, total)}`),
            },
          );
          context.stderr.write('\n');
          const verb = options.dryRun ? 'would ' : '';
          context.stdout.write(
            `${options.dryRun ? 'dry run: ' : ''}${summary.users} users; ${verb}create ${summary.spacesCreated} personal spaces ` +
              `(${summary.spacesExisting} already there); ${verb}move ${summary.documentsMoved} documents\n`,
          );
          for (const username of summary.conflicts) {
            context.stdout.write(
              `skipped ${username}: a group named like their personal space exists and they are not in it\n`,
            );
          }
        } finally {
          await services.closeDocuments();
        }
      });
    });
}
