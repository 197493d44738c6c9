import { type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerArithmeticTools } from './arithmetic-tools.ts';
import { registerBusinessDaysTool } from './business-days-tool.ts';
import { registerClockTools } from './clock-tools.ts';
import { registerNaturalLanguageTool } from './natural-language-tool.ts';

/** Options for {@link registerDatetimeTools}. */
export interface DatetimeToolOptions {
  /** The clock behind `now` and `parse_natural` (tests pass a fixed one). */
  clock: () => Date;
}

/**
 * Registers `now`, `convert_timezone`, `format`, `parse_natural`, `add`, `diff` and
 * `business_days` on `server`.
 */
export function registerDatetimeTools(server: McpServer, options: DatetimeToolOptions): void {
  registerClockTools(server, options.clock);
  registerNaturalLanguageTool(server, options.clock);
  registerArithmeticTools(server);
  registerBusinessDaysTool(server);
}
