import { loadPlatformServerEnv, runHttpEntry } from '@youworker/mcp-common';
import { createSemanticServer, SEMANTIC_HTTP_PORT } from './semantic-server.ts';

/**
 * Entry point: `node --import tsx packages/mcp-servers/semantic/src/http.ts` serves the document
 * tools over Streamable HTTP (`MCP_HTTP_HOST`, `MCP_HTTP_PORT`, `MCP_HTTP_TOKEN_FILE`…; see
 * `httpEntryEnvSchema`), calling the platform at YOUWORKER_PLATFORM_URL with MCP_CALLER_TOKEN_SECRET.
 */
const options = loadPlatformServerEnv('semantic');
await runHttpEntry('semantic', () => createSemanticServer(options), SEMANTIC_HTTP_PORT);
