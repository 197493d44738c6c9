import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createDatetimeServer } from './datetime-server.ts';

/** Entry point: `node --import tsx packages/mcp-servers/datetime/src/stdio.ts` serves the tools over stdio. */
await createDatetimeServer().connect(new StdioServerTransport());
