import { runStdioEntry } from '@youworker/mcp-common';
import { createUnitsServer } from './units-server.ts';

/** Entry point: `node --import tsx packages/mcp-servers/units/src/stdio.ts` serves the tools over stdio. */
await runStdioEntry(() => createUnitsServer());
