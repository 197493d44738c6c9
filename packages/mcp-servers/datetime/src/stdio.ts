import { runStdioEntry } from '@youworker/mcp-common';
import { createDatetimeServer } from './datetime-server.ts';

/** Entry point: `node --import tsx packages/mcp-servers/datetime/src/stdio.ts` serves the tools over stdio. */
await runStdioEntry(() => createDatetimeServer());
