/**
 * The logging the MCP server helpers need; a pino logger fits. Servers on stdio must log to stderr,
 * never stdout (stdout carries the protocol).
 */
export interface McpLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** A logger that drops everything (the default). */
export const silentLogger: McpLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** A logger writing one JSON line per entry to `stream` (pass `process.stderr` for stdio servers). */
export function jsonLineLogger(stream: { write(text: string): unknown }, name: string): McpLogger {
  const write = (level: string) => (fields: Record<string, unknown>, message: string) => {
    stream.write(
      `${JSON.stringify({ level, time: new Date().toISOString(), name, msg: message, ...fields })}\n`,
    );
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}
