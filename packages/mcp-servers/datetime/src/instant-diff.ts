import { addDuration } from './add-duration.ts';
import { zonedFields } from './zone-math.ts';

/** The calendar breakdown of a difference (all parts ≥ 0; the direction is in `sign`). */
export interface CalendarBreakdown {
  years: number;
  months: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  milliseconds: number;
}

/** The difference `end − start`, exact and as a calendar breakdown in a zone. */
export interface InstantDifference {
  /** 1 when end is after start, -1 when before, 0 when equal. */
  sign: -1 | 0 | 1;
  /** Exact elapsed time, signed; fractional except `milliseconds`. */
  totals: {
    milliseconds: number;
    seconds: number;
    minutes: number;
    hours: number;
    days: number;
    weeks: number;
  };
  calendar: CalendarBreakdown;
  /** "1 year, 2 months and 3 days" (magnitude only). */
  human: string;
}

const HOUR = 3_600_000;

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** The largest `count` in `[0, guess]` with `at(count) ≤ limit` (`at` grows with `count`). */
function largestWithin(guess: number, limit: number, at: (count: number) => number): number {
  let count = Math.max(guess, 0);
  while (count > 0 && at(count) > limit) {
    count -= 1;
  }
  while (at(count + 1) <= limit) {
    count += 1;
  }
  return count;
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** "1 year, 2 months and 3 days"; "0 seconds" when empty. */
export function humanize(calendar: CalendarBreakdown): string {
  const parts = (Object.entries(calendar) as [keyof CalendarBreakdown, number][])
    .filter(([, count]) => count !== 0)
    .map(([unit, count]) => plural(count, unit.slice(0, -1)));
  if (parts.length === 0) {
    return '0 seconds';
  }
  const last = parts.pop() ?? '';
  return parts.length === 0 ? last : `${parts.join(', ')} and ${last}`;
}

/**
 * The difference between two instants. The calendar breakdown counts whole months (a month end is
 * clamped as in `addDuration`: Jan 31 → Feb 28 is one month), then whole calendar days in `zone`
 * (a day across a DST change is 23 or 25 hours), then the exact remainder.
 */
export function diffInstants(startMs: number, endMs: number, zone: string): InstantDifference {
  const sign = endMs > startMs ? 1 : endMs < startMs ? -1 : 0;
  const [from, to] = sign < 0 ? [endMs, startMs] : [startMs, endMs];
  const a = zonedFields(from, zone);
  const b = zonedFields(to, zone);
  const months = largestWithin((b.year - a.year) * 12 + (b.month - a.month), to, (count) =>
    addDuration(from, { months: count }, zone),
  );
  const days = largestWithin(
    Math.floor((to - addDuration(from, { months }, zone)) / 86_400_000) - 1,
    to,
    (count) => addDuration(from, { months, days: count }, zone),
  );
  const rest = to - addDuration(from, { months, days }, zone);
  const calendar: CalendarBreakdown = {
    years: Math.floor(months / 12),
    months: months % 12,
    days,
    hours: Math.floor(rest / HOUR),
    minutes: Math.floor((rest % HOUR) / 60_000),
    seconds: Math.floor((rest % 60_000) / 1000),
    milliseconds: rest % 1000,
  };
  const elapsed = endMs - startMs;
  return {
    sign,
    totals: {
      milliseconds: elapsed,
      seconds: round(elapsed / 1000),
      minutes: round(elapsed / 60_000),
      hours: round(elapsed / HOUR),
      days: round(elapsed / (24 * HOUR)),
      weeks: round(elapsed / (7 * 24 * HOUR)),
    },
    calendar,
    human: humanize(calendar),
  };
}
