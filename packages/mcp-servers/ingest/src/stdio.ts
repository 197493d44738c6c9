import { loadPlatformServerEnv, runStdioEntry } from '@youworker/mcp-common';
import { createIngestServer } from './ingest-server.ts';

/**
 * Entry point: `node --import tsx packages/mcp-servers/ingest/src/stdio.ts` serves the ingestion
 * tools over stdio, calling the platform at YOUWORKER_PLATFORM_URL and verifying caller tokens with
 * MCP_CALLER_TOKEN_SECRET (see `platformServerEnvSchema`).
 */
const options = loadPlatformServerEnv('ingest');
await runStdioEntry(() => createIngestServer(options));
