import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createWebServer } from '../web-server.ts';
import { type WebServerOptions } from '../web-options.ts';

/** A real MCP client connected in memory to a fresh web server; close it after the test. */
export async function connectWebClient(options: WebServerOptions): Promise<Client> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await createWebServer(options).connect(serverSide);
  const client = new Client({ name: 'web-test', version: '0.0.0' });
  await client.connect(clientSide);
  return client;
}

/** Calls `name` and returns the result typed as a plain tool result. */
export async function callTool(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

/** The first text block of a tool result. */
export function resultText(result: CallToolResult): string {
  const first = result.content[0];
  return first?.type === 'text' ? first.text : '';
}
