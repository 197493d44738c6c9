import { ConfigError } from '@youworker/config';
import { YouWorkerError } from '@youworker/core';
import { DatabaseSetupError } from '@youworker/db';
import { Command, CommanderError } from 'commander';
import { CliError, type CliContext } from './cli-context.ts';
import { auditCommand } from './commands/audit.command.ts';
import { keysCommand } from './commands/keys.command.ts';
import { mcpCommand } from './commands/mcp.command.ts';
import { migrateCommand } from './commands/migrate.command.ts';
import { migrateGroupsCommand } from './commands/migrate-groups.command.ts';
import { reindexCommand } from './commands/reindex.command.ts';
import { usersCommand } from './commands/users.command.ts';

/** Builds the `youworker` program; each command is its own file under `commands/`. */
export function createProgram(context: CliContext): Command {
  const program = new Command('youworker')
    .description('YouWorker administration')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.stdout.write(text),
      writeErr: (text) => context.stderr.write(text),
    });
  program.addCommand(migrateCommand(context));
  program.addCommand(usersCommand(context));
  program.addCommand(keysCommand(context));
  program.addCommand(auditCommand(context));
  program.addCommand(mcpCommand(context));
  program.addCommand(reindexCommand(context));
  program.addCommand(migrateGroupsCommand(context));
  for (const command of program.commands) {
    command.exitOverride();
    for (const subcommand of command.commands) {
      subcommand.exitOverride();
    }
  }
  return program;
}

/** Runs the CLI and returns the process exit code (0 success, 1 failure, 2 usage error). */
export async function runCli(argv: string[], context: CliContext): Promise<number> {
  const program = createProgram(context);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    if (
      error instanceof ConfigError ||
      error instanceof CliError ||
      DatabaseSetupError.isInstance(error) ||
      YouWorkerError.isInstance(error)
    ) {
      context.stderr.write(`${error.message}\n`);
      return 1;
    }
    context.stderr.write(`youworker: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
