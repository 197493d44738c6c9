import { readFile } from 'node:fs/promises';
import { McpHttpConfigError } from './mcp-http-error.ts';

/** Reads a bearer token from `path` (surrounding whitespace removed); throws {@link McpHttpConfigError}. */
export async function readBearerTokenFile(path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (caught) {
    const reason = caught instanceof Error && 'code' in caught ? String(caught.code) : 'unreadable';
    throw new McpHttpConfigError(
      'MCP_HTTP_OPTIONS_INVALID',
      `Cannot read the token file ${path} (${reason})`,
    );
  }
  const token = text.trim();
  if (token === '') {
    throw new McpHttpConfigError('MCP_HTTP_OPTIONS_INVALID', `The token file ${path} is empty`);
  }
  return token;
}
