import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createUnitsServer } from './units-server.ts';

/** Entry point: `node --import tsx packages/mcp-servers/units/src/stdio.ts` serves the tools over stdio. */
await createUnitsServer().connect(new StdioServerTransport());
