import { loadPlatformServerEnv, runStdioEntry } from '@youworker/mcp-common';
import { createSemanticServer } from './semantic-server.ts';

/**
 * Entry point: `node --import tsx packages/mcp-servers/semantic/src/stdio.ts` serves the document
 * tools over stdio, calling the platform at YOUWORKER_PLATFORM_URL and verifying caller tokens with
 * MCP_CALLER_TOKEN_SECRET (see `platformServerEnvSchema`).
 */
const options = loadPlatformServerEnv('semantic');
await runStdioEntry(() => createSemanticServer(options));
