import { type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { addDuration } from './add-duration.ts';
import { parseInstant } from './iso-parse.ts';
import { error, success } from '@youworker/mcp-common';
import { canonicalTimeZone, formatOffset, formatZoned, offsetMs, weekday, zonedFields } from './zone-math.ts';

/** Options for {@link registerDatetimeTools}. */
export interface DatetimeToolOptions {
  /** The clock behind `now` (tests pass a fixed one). */
  clock: () => Date;
}

const annotations = {
  readOnlyHint: true,
  openWorldHint: false,
  idempotentHint: true,
  destructiveHint: false,
};
const timezone = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._+\-/:]+$/, 'an IANA time zone name such as Europe/Rome');
const datetime = z
  .string()
  .min(10)
  .max(64)
  .describe('ISO 8601 date-time, e.g. 2026-03-29T02:30:00+01:00; without an offset it is local time');
const delta = (limit: number) => z.number().int().min(-limit).max(limit).optional();

function describeInstant(epochMs: number, zone: string): Record<string, unknown> {
  return {
    datetime: formatZoned(epochMs, zone),
    timezone: zone,
    utc_offset: formatOffset(offsetMs(epochMs, zone)),
    utc: new Date(epochMs).toISOString(),
    weekday: weekday(zonedFields(epochMs, zone)),
    unix_seconds: Math.floor(epochMs / 1000),
  };
}

/** Runs `body` with validated zones; a `RangeError` (bad zone, date or locale) becomes an error result. */
function guarded(
  zones: (string | undefined)[],
  body: (resolved: string[]) => CallToolResult,
): CallToolResult {
  const resolved: string[] = [];
  for (const zone of zones) {
    const canonical = canonicalTimeZone(zone ?? 'UTC');
    if (canonical === undefined) {
      return error(`Unknown time zone "${zone ?? ''}": use an IANA name such as "Europe/Rome" or "UTC"`);
    }
    resolved.push(canonical);
  }
  try {
    return body(resolved);
  } catch (caught) {
    if (caught instanceof RangeError) {
      return error(caught.message);
    }
    throw caught;
  }
}

function checkedInstant(epochMs: number): number {
  if (!Number.isFinite(epochMs) || epochMs < -62_135_596_800_000 || epochMs > 253_402_300_799_999) {
    throw new RangeError('The result falls outside years 0001–9999');
  }
  return epochMs;
}

/** Registers `now`, `convert_timezone`, `add_duration` and `format` on `server`. */
export function registerDatetimeTools(server: McpServer, options: DatetimeToolOptions): void {
  server.registerTool(
    'now',
    {
      title: 'Current date and time',
      description:
        'Current date and time in an IANA time zone (default UTC): ISO 8601 with offset, UTC time, weekday and Unix seconds.',
      annotations: { ...annotations, idempotentHint: false },
      inputSchema: { timezone: timezone.optional().describe('IANA time zone, default UTC') },
    },
    ({ timezone: zone }) =>
      guarded([zone], ([resolved = 'UTC']) => {
        const result = describeInstant(options.clock().getTime(), resolved);
        return success(result, `${String(result.datetime)} (${resolved}, ${String(result.weekday)})`);
      }),
  );

  server.registerTool(
    'convert_timezone',
    {
      title: 'Convert between time zones',
      description:
        'Shows the same instant in another time zone. A datetime without offset is read in from_timezone (default UTC).',
      annotations,
      inputSchema: {
        datetime,
        from_timezone: timezone.optional().describe('Zone of a datetime without offset, default UTC'),
        to_timezone: timezone.describe('Target IANA time zone'),
      },
    },
    (args) =>
      guarded([args.from_timezone, args.to_timezone], ([from = 'UTC', to = 'UTC']) => {
        const result = describeInstant(parseInstant(args.datetime, from), to);
        return success({ ...result, input: args.datetime }, `${String(result.datetime)} (${to})`);
      }),
  );

  server.registerTool(
    'add_duration',
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
    'format',
    {
      title: 'Format a date-time for humans',
      description:
        'Formats a date-time with Intl for a BCP 47 locale (default en-US) and style in a time zone.',
      annotations,
      inputSchema: {
        datetime,
        timezone: timezone
          .optional()
          .describe('Display zone, default UTC; also reads a datetime without offset'),
        locale: z.string().min(2).max(35).optional().describe('BCP 47 locale such as it-IT, default en-US'),
        style: z.enum(['full', 'long', 'medium', 'short']).default('medium'),
      },
    },
    (args) =>
      guarded([args.timezone], ([resolved = 'UTC']) => {
        const epochMs = parseInstant(args.datetime, resolved);
        let formatter: Intl.DateTimeFormat;
        try {
          formatter = new Intl.DateTimeFormat(args.locale ?? 'en-US', {
            dateStyle: args.style,
            timeStyle: args.style,
            timeZone: resolved,
          });
        } catch {
          return error(`Invalid locale "${args.locale ?? ''}": use a BCP 47 tag such as "it-IT"`);
        }
        const formatted = formatter.format(new Date(epochMs));
        const locale = formatter.resolvedOptions().locale;
        return success(
          {
            formatted,
            locale,
            timezone: resolved,
            style: args.style,
            datetime: formatZoned(epochMs, resolved),
          },
          formatted,
        );
      }),
  );
}
