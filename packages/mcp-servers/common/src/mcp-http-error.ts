const marker = Symbol.for('youworker.mcp.McpHttpConfigError');

/** Stable codes of {@link McpHttpConfigError}. */
export type McpHttpConfigErrorCode = 'MCP_HTTP_TOKEN_REQUIRED' | 'MCP_HTTP_OPTIONS_INVALID';

/** `serveStreamableHttp` refused to start: unsafe or invalid options. The message says what to fix. */
export class McpHttpConfigError extends Error {
  private readonly [marker] = true;

  override readonly name = 'McpHttpConfigError';

  constructor(
    readonly code: McpHttpConfigErrorCode,
    message: string,
  ) {
    super(message);
  }

  /** Works across duplicated package copies, where `instanceof` fails. */
  static isInstance(value: unknown): value is McpHttpConfigError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}
