export { runCli, createProgram } from './cli.ts';
export { CliError, type CliContext } from './cli-context.ts';
