import { type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { error, success } from '@youworker/mcp-common';
import { z } from 'zod';
import { parseInstant } from './iso-parse.ts';
import { annotations, datetime, describeInstant, guarded, timezone } from './tool-support.ts';
import { formatZoned } from './zone-math.ts';

/** Registers `now`, `convert_timezone` and `format` on `server`. */
export function registerClockTools(server: McpServer, clock: () => Date): void {
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
        const result = describeInstant(clock().getTime(), resolved);
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
