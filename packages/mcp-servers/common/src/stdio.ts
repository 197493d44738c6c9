import { type Readable, type Writable } from 'node:stream';
import { type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';

/** Options of {@link serveStdio}; tests pass their own streams. */
export interface StdioOptions {
  stdin?: Readable;
  stdout?: Writable;
}

/** A server on stdio: `closed` settles when stdin ends or {@link StdioHandle.close} is called. */
export interface StdioHandle {
  closed: Promise<void>;
  close(): Promise<void>;
}

/**
 * Serves one MCP server over stdio (newline-delimited JSON-RPC on stdin/stdout). The session ends
 * when the client closes stdin; nothing but protocol messages may be written to stdout.
 */
export async function serveStdio(server: McpServer, options: StdioOptions = {}): Promise<StdioHandle> {
  const stdin = options.stdin ?? process.stdin;
  const transport = new StdioServerTransport(stdin, options.stdout ?? process.stdout);
  const closed = new Promise<void>((resolve) => {
    transport.onclose = resolve;
  });
  const close = async () => {
    stdin.off('end', onEnd);
    await server.close();
  };
  const onEnd = () => void close();
  stdin.once('end', onEnd);
  await server.connect(transport);
  return { closed, close };
}
