import { loadPlatformServerEnv, runHttpEntry } from '@youworker/mcp-common';
import { createIngestServer, INGEST_HTTP_PORT } from './ingest-server.ts';

/**
 * Entry point: `node --import tsx packages/mcp-servers/ingest/src/http.ts` serves the ingestion
 * tools over Streamable HTTP (`MCP_HTTP_HOST`, `MCP_HTTP_PORT`, `MCP_HTTP_TOKEN_FILE`…; see
 * `httpEntryEnvSchema`), calling the platform at YOUWORKER_PLATFORM_URL with MCP_CALLER_TOKEN_SECRET.
 */
const options = loadPlatformServerEnv('ingest');
await runHttpEntry('ingest', () => createIngestServer(options), INGEST_HTTP_PORT);
