import { migrateDown, migrateUp, migrationStatus } from '@youworker/db';
import { Command, InvalidArgumentError } from 'commander';
import type { CliContext } from '../cli-context.ts';
import { withDatabase } from './with-database.ts';

function parseSteps(value: string): number {
  const steps = Number.parseInt(value, 10);
  if (!Number.isInteger(steps) || steps < 1 || String(steps) !== value) {
    throw new InvalidArgumentError('must be a positive integer');
  }
  return steps;
}

/** `youworker migrate up|down|status`. */
export function migrateCommand(context: CliContext): Command {
  const migrate = new Command('migrate').description('apply, revert or list database migrations');

  migrate
    .command('up')
    .description('apply every pending migration')
    .action(async () => {
      const applied = await withDatabase(context, (database) => migrateUp(database.db));
      context.stdout.write(
        applied.length ? applied.map((name) => `applied  ${name}\n`).join('') : 'schema is up to date\n',
      );
    });

  migrate
    .command('down')
    .description('revert the last migration (or --steps N, or --all)')
    .option('--steps <n>', 'how many migrations to revert', parseSteps, 1)
    .option('--all', 'revert every migration', false)
    .action(async (options: { steps: number; all: boolean }) => {
      const reverted = await withDatabase(context, (database) => migrateDown(database.db, options));
      context.stdout.write(
        reverted.length ? reverted.map((name) => `reverted ${name}\n`).join('') : 'nothing to revert\n',
      );
    });

  migrate
    .command('status')
    .description('list every migration and when it ran')
    .action(async () => {
      const statuses = await withDatabase(context, (database) => migrationStatus(database.db));
      for (const status of statuses) {
        context.stdout.write(
          `${status.executedAt ? status.executedAt.toISOString() : 'pending                 '}  ${status.name}\n`,
        );
      }
      const pending = statuses.filter((status) => status.executedAt === null).length;
      context.stdout.write(`${statuses.length} migrations, ${pending} pending\n`);
    });

  return migrate;
}
