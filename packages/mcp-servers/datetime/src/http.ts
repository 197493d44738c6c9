import { runHttpEntry } from '@youworker/mcp-common';
import { createDatetimeServer, DATETIME_HTTP_PORT } from './datetime-server.ts';

/**
 * Entry point: `node --import tsx packages/mcp-servers/datetime/src/http.ts` serves the tools over
 * Streamable HTTP (`MCP_HTTP_HOST`, `MCP_HTTP_PORT`, `MCP_HTTP_TOKEN_FILE`…; see `httpEntryEnvSchema`).
 */
await runHttpEntry('datetime', () => createDatetimeServer(), DATETIME_HTTP_PORT);
