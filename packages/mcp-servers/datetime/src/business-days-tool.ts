import { type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { error, success } from '@youworker/mcp-common';
import { z } from 'zod';
import {
  type BusinessCalendar,
  MAX_BUSINESS_DAYS,
  addBusinessDays,
  countBusinessDays,
  epochDayOf,
  formatEpochDay,
  weekdayOf,
} from './business-days.ts';
import { annotations, datetime, guarded, timezone } from './tool-support.ts';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

function dayInfo(day: number): { date: string; weekday: string } {
  return { date: formatEpochDay(day), weekday: WEEKDAYS[weekdayOf(day)] ?? '' };
}

/** Registers `business_days` on `server`. */
export function registerBusinessDaysTool(server: McpServer): void {
  server.registerTool(
    'business_days',
    {
      title: 'Count or add business days',
      description:
        'With `end`: counts business days from `start` to `end`, both included (like NETWORKDAYS; negative when end is ' +
        'earlier). With `days`: the date that many business days after `start` (before, if negative), not counting ' +
        'start itself (like WORKDAY). Both may be given. Weekend days default to Saturday and Sunday; holidays are ' +
        'skipped. Datetimes are reduced to their date in `timezone`.',
      annotations,
      inputSchema: {
        start: datetime.describe('Start date, YYYY-MM-DD or an ISO 8601 date-time'),
        end: datetime.optional().describe('End date for counting'),
        days: z
          .number()
          .int()
          .min(-MAX_BUSINESS_DAYS)
          .max(MAX_BUSINESS_DAYS)
          .optional()
          .describe('Business days to add (negative: subtract)'),
        holidays: z.array(isoDate).max(1000).default([]).describe('Non-working dates, YYYY-MM-DD'),
        weekend: z
          .array(z.number().int().min(0).max(6))
          .max(6)
          .refine((days) => new Set(days).size === days.length, 'weekend days must be unique')
          .default([0, 6])
          .describe('Weekend weekdays, 0 = Sunday … 6 = Saturday; default [0, 6]'),
        timezone: timezone.optional().describe('Zone that reduces a date-time to a date, default UTC'),
      },
    },
    (args) =>
      guarded([args.timezone], ([zone = 'UTC']) => {
        if (args.end === undefined && args.days === undefined) {
          return error('Give `end` (to count business days) or `days` (to add them), or both');
        }
        const calendar: BusinessCalendar = {
          weekend: new Set(args.weekend),
          holidays: new Set(args.holidays.map((holiday) => epochDayOf(holiday, zone))),
        };
        const start = epochDayOf(args.start, zone);
        const structured: Record<string, unknown> = {
          start: dayInfo(start),
          weekend: [...args.weekend].sort(),
          holidays: args.holidays.length,
        };
        const lines: string[] = [];
        if (args.end !== undefined) {
          const end = epochDayOf(args.end, zone);
          const count = countBusinessDays(start, end, calendar);
          structured.end = dayInfo(end);
          structured.business_days = count;
          structured.calendar_days = Math.abs(end - start) + 1;
          lines.push(
            `${count} business days from ${formatEpochDay(start)} to ${formatEpochDay(end)} (both included)`,
          );
        }
        if (args.days !== undefined) {
          const added = addBusinessDays(start, args.days, calendar);
          structured.days = args.days;
          structured.result = dayInfo(added.day);
          structured.skipped_holidays = added.skippedHolidays.map(formatEpochDay);
          lines.push(`${formatEpochDay(start)} + ${args.days} business days = ${formatEpochDay(added.day)}`);
        }
        return success(structured, lines.join('\n'));
      }),
  );
}
