import { type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import {
  type Conversion,
  UnitError,
  convert,
  formatNumber,
  listUnits,
  parseAndConvert,
} from './unit-lookup.ts';
import { DIMENSIONS } from './unit-table.ts';
import { error, success } from '@youworker/mcp-common';

const annotations = {
  readOnlyHint: true,
  openWorldHint: false,
  idempotentHint: true,
  destructiveHint: false,
};
const unit = z.string().min(1).max(64);

function conversionResult(run: () => Conversion): CallToolResult {
  try {
    const result = run();
    const text = `${formatNumber(result.input.value)} ${result.input.unit} = ${formatNumber(result.value)} ${result.unit}`;
    return success({ ...result }, text);
  } catch (caught) {
    if (caught instanceof UnitError) {
      return error(caught.message);
    }
    throw caught;
  }
}

/** Registers `convert`, `list_units` and `parse_and_convert` on `server`. */
export function registerUnitsTools(server: McpServer): void {
  server.registerTool(
    'convert',
    {
      title: 'Convert units',
      description:
        'Converts a value between units of one dimension: length, mass, volume (US customary by default; imp gal, ' +
        'imp pt…), area, speed, temperature (readings, with offsets), temperature differences (Δ°C, Δ°F, ΔK, or ' +
        '`difference: true`), data size (kB = 1000 B, KiB = 1024 B, Mbit = 10^6 bit; symbols case-sensitive), ' +
        'energy, pressure, time (month and year are Gregorian averages). Currency conversion is not supported.',
      annotations,
      inputSchema: {
        value: z.number().min(-1e300).max(1e300).describe('The amount to convert (finite)'),
        from: unit.describe("Source unit, e.g. 'km', 'miles', '°F', 'celsius', 'MiB'"),
        to: unit.describe("Target unit, e.g. 'm', 'kg', 'K', 'GB'"),
        difference: z
          .boolean()
          .default(false)
          .describe('Temperatures are differences, not readings: 10 °C → 18 °F instead of 50 °F'),
      },
    },
    (args) =>
      conversionResult(() => convert(args.value, args.from, args.to, { difference: args.difference })),
  );

  server.registerTool(
    'parse_and_convert',
    {
      title: 'Convert a unit phrase',
      description:
        'Reads a phrase such as "5 km in miles", "72 °F to celsius" or "convert 1,024 MiB to GiB" and converts it ' +
        '(same units as `convert`; currencies are refused).',
      annotations,
      inputSchema: { text: z.string().min(3).max(200).describe('"<number> <unit> to|in <unit>"') },
    },
    (args) => conversionResult(() => parseAndConvert(args.text)),
  );

  server.registerTool(
    'list_units',
    {
      title: 'List supported units',
      description: 'Lists the supported units (symbol, name, aliases), optionally for one dimension.',
      annotations,
      inputSchema: { dimension: z.enum(DIMENSIONS).optional() },
    },
    (args) => {
      const dimensions = listUnits(args.dimension);
      const text = dimensions
        .map((group) => `${group.dimension}: ${group.units.map((entry) => entry.symbol).join(', ')}`)
        .join('\n');
      return success({ dimensions }, text);
    },
  );
}
