import { runHttpEntry } from '@youworker/mcp-common';
import { createUnitsServer, UNITS_HTTP_PORT } from './units-server.ts';

/**
 * Entry point: `node --import tsx packages/mcp-servers/units/src/http.ts` serves the tools over
 * Streamable HTTP (`MCP_HTTP_HOST`, `MCP_HTTP_PORT`, `MCP_HTTP_TOKEN_FILE`…; see `httpEntryEnvSchema`).
 */
await runHttpEntry('units', () => createUnitsServer(), UNITS_HTTP_PORT);
