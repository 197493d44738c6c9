import { type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { success } from '@youworker/mcp-common';
import { z } from 'zod';
import { addDuration } from './add-duration.ts';
import { diffInstants } from './instant-diff.ts';
import { parseInstant } from './iso-parse.ts';
import { annotations, checkedInstant, datetime, describeInstant, guarded, timezone } from './tool-support.ts';
import { formatZoned } from './zone-math.ts';

const delta = (limit: number) => z.number().int().min(-limit).max(limit).optional();

/** Registers `add` and `diff` on `server`. */
export function registerArithmeticTools(server: McpServer): void {
  server.registerTool(
    'add',
    {
      title: 'Add a duration',
      description:
        'Adds (or subtracts, with negative values) a duration. Years, months and days follow the calendar in `timezone` ' +
        '(one day across a DST change keeps the wall-clock time; a month end is clamped: Jan 31 + 1 month = Feb 28/29); ' +
        'hours, minutes and seconds are exact elapsed time. A result inside a DST gap moves forward by the gap length.',
      annotations,
      inputSchema: {
        datetime,
        years: delta(1000),
        months: delta(12_000),
        days: delta(100_000),
        hours: delta(1_000_000),
        minutes: delta(10_000_000),
        seconds: delta(100_000_000),
        timezone: timezone
          .optional()
          .describe('Calendar zone; also reads a datetime without offset. Default UTC'),
      },
    },
    ({ datetime: text, timezone: zone, ...duration }) =>
      guarded([zone], ([resolved = 'UTC']) => {
        const start = parseInstant(text, resolved);
        const result = describeInstant(checkedInstant(addDuration(start, duration, resolved)), resolved);
        return success({ ...result, input: text }, `${String(result.datetime)} (${resolved})`);
      }),
  );

  server.registerTool(
    'diff',
    {
      title: 'Difference between two instants',
      description:
        'Time from `start` to `end`: exact totals in milliseconds, seconds, minutes, hours, days and weeks (negative ' +
        'when end is earlier), and a calendar breakdown in `timezone` (years, months, days, then hours…) with a human ' +
        'phrase such as "1 month, 2 days and 3 hours". Calendar days across a DST change count as one day.',
      annotations,
      inputSchema: {
        start: datetime,
        end: datetime,
        timezone: timezone
          .optional()
          .describe('Calendar zone; also reads datetimes without offset. Default UTC'),
      },
    },
    (args) =>
      guarded([args.timezone], ([resolved = 'UTC']) => {
        const start = parseInstant(args.start, resolved);
        const end = parseInstant(args.end, resolved);
        const difference = diffInstants(start, end, resolved);
        const direction =
          difference.sign === 0 ? 'same instant' : difference.sign > 0 ? 'end is later' : 'end is earlier';
        return success(
          {
            start: formatZoned(start, resolved),
            end: formatZoned(end, resolved),
            timezone: resolved,
            ...difference,
            direction,
          },
          `${difference.human} (${direction}; ${difference.totals.hours} hours exactly)`,
        );
      }),
  );
}
