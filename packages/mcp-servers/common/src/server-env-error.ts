const marker = Symbol.for('youworker.mcp.ServerEnvError');

/** One environment variable that failed validation. */
export interface ServerEnvIssue {
  variable: string;
  message: string;
}

/** A standalone MCP server's environment is invalid; the message lists every bad variable. */
export class ServerEnvError extends Error {
  private readonly [marker] = true;

  override readonly name = 'ServerEnvError';

  readonly code = 'SERVER_ENV_INVALID';

  constructor(readonly issues: ServerEnvIssue[]) {
    super(
      `Invalid environment variables:\n${issues.map((issue) => `  ${issue.variable}: ${issue.message}`).join('\n')}`,
    );
  }

  /** Works across duplicated package copies, where `instanceof` fails. */
  static isInstance(value: unknown): value is ServerEnvError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}
