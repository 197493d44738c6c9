import { type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { error, success } from '@youworker/mcp-common';
import { z } from 'zod';
import { parseInstant } from './iso-parse.ts';
import { NATURAL_LOCALES, type NaturalParseResult, parseNatural } from './natural-parse.ts';
import { annotations, checkedInstant, datetime, describeInstant, guarded, timezone } from './tool-support.ts';
import { formatZoned } from './zone-math.ts';

const anchors = {
  elapsed: 'exact elapsed time from now',
  calendar: 'wall-clock time in the zone',
  explicit_offset: 'the time zone or offset written in the text',
} as const;

function explain(parsed: NaturalParseResult, zone: string, nowText: string): string {
  const implied =
    parsed.implied.length === 0 ? '' : `; ${parsed.implied.join(', ')} implied from now or defaults`;
  return (
    `"${parsed.matchedText}" read as ${formatZoned(parsed.start, zone)} in ${zone} ` +
    `(relative to ${nowText}, using ${anchors[parsed.anchor]}${implied})`
  );
}

/** Registers `parse_natural` on `server`. */
export function registerNaturalLanguageTool(server: McpServer, clock: () => Date): void {
  server.registerTool(
    'parse_natural',
    {
      title: 'Parse a natural-language date',
      description:
        'Turns text such as "tomorrow at 5pm", "in 3 hours", "next Friday 9:00" or "March 1 10am EST" into an ISO 8601 ' +
        'instant, relative to `now` (default: the current time) in `timezone` (default UTC), with an explanation of ' +
        'what was read and what was implied. A wall-clock time inside a DST gap moves forward by the gap length. ' +
        'Returns an error when no date or time is recognised.',
      annotations: { ...annotations, idempotentHint: false },
      inputSchema: {
        text: z.string().min(1).max(200).describe('The expression to read, e.g. "next Tuesday at noon"'),
        now: datetime.optional().describe('Reference instant (ISO 8601); without offset it is local time'),
        timezone: timezone.optional().describe('IANA zone the text is read in, default UTC'),
        prefer_future: z
          .boolean()
          .default(true)
          .describe('Read an ambiguous "Friday" or "March 1" as the next one (not after "last"/"ago")'),
        locale: z.enum(NATURAL_LOCALES).default('en').describe('Language of the text'),
      },
    },
    (args) =>
      guarded([args.timezone], ([zone = 'UTC']) => {
        const now = args.now === undefined ? clock().getTime() : parseInstant(args.now, zone);
        const parsed = parseNatural(args.text, {
          now,
          zone,
          preferFuture: args.prefer_future,
          locale: args.locale,
        });
        if (parsed === undefined) {
          return error(
            `No date or time recognised in "${args.text}": try e.g. "tomorrow at 17:00" or an ISO date`,
          );
        }
        const explanation = explain(parsed, zone, formatZoned(now, zone));
        return success(
          {
            ...describeInstant(checkedInstant(parsed.start), zone),
            end: parsed.end === undefined ? undefined : describeInstant(checkedInstant(parsed.end), zone),
            matched_text: parsed.matchedText,
            known: parsed.known,
            implied: parsed.implied,
            anchor: parsed.anchor,
            now: formatZoned(now, zone),
            explanation,
          },
          explanation,
        );
      }),
  );
}
