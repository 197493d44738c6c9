/** What a command needs from the outside world; tests pass their own. */
export interface CliContext {
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd?: string;
}

/** A command failure with an operator-facing message; the CLI prints it and exits 1. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}
