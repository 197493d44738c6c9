import { parseInstant, parseIsoDateTime } from './iso-parse.ts';
import { utcFromFields, zonedFields } from './zone-math.ts';

const DAY_MS = 86_400_000;

/** Longest span `countBusinessDays` walks (about 110 years), and the most days `addBusinessDays` adds. */
export const MAX_SPAN_DAYS = 40_000;
export const MAX_BUSINESS_DAYS = 10_000;

/** Which days are not worked: weekdays (0 = Sunday … 6 = Saturday) and holidays (epoch days). */
export interface BusinessCalendar {
  weekend: ReadonlySet<number>;
  holidays: ReadonlySet<number>;
}

/** Days since 1970-01-01 of a calendar date. */
export type EpochDay = number;

/** The weekday (0 = Sunday) of `day`. */
export function weekdayOf(day: EpochDay): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** `YYYY-MM-DD` of `day`. */
export function formatEpochDay(day: EpochDay): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The calendar date of `text`: a plain `YYYY-MM-DD` as written, a date-time as its date in `zone`
 * (so 2026-03-01T23:30:00Z is March 2 in Europe/Paris). Throws a `RangeError` for invalid input.
 */
export function epochDayOf(text: string, zone: string): EpochDay {
  const parsed = parseIsoDateTime(text);
  const fields = /^\d{4}-\d{2}-\d{2}$/.test(text.trim())
    ? parsed.fields
    : zonedFields(parseInstant(text, zone), zone);
  return Math.floor(utcFromFields({ ...fields, hour: 0, minute: 0, second: 0, millisecond: 0 }) / DAY_MS);
}

/** Whether `day` is worked under `calendar`. */
export function isBusinessDay(day: EpochDay, calendar: BusinessCalendar): boolean {
  return !calendar.weekend.has(weekdayOf(day)) && !calendar.holidays.has(day);
}

/**
 * Business days from `start` to `end`, both included (spreadsheet `NETWORKDAYS`); negative when
 * `end` is before `start`. Throws a `RangeError` beyond {@link MAX_SPAN_DAYS}.
 */
export function countBusinessDays(start: EpochDay, end: EpochDay, calendar: BusinessCalendar): number {
  const [from, to] = start <= end ? [start, end] : [end, start];
  if (to - from > MAX_SPAN_DAYS) {
    throw new RangeError(`The range is longer than ${MAX_SPAN_DAYS} days`);
  }
  let count = 0;
  for (let day = from; day <= to; day += 1) {
    if (isBusinessDay(day, calendar)) {
      count += 1;
    }
  }
  return start <= end ? count : -count;
}

/**
 * The date `days` business days after `start` (before, when negative), not counting `start`
 * itself (spreadsheet `WORKDAY`); `days = 0` returns `start`. Also returns the holidays skipped.
 */
export function addBusinessDays(
  start: EpochDay,
  days: number,
  calendar: BusinessCalendar,
): { day: EpochDay; skippedHolidays: EpochDay[] } {
  if (!Number.isInteger(days) || Math.abs(days) > MAX_BUSINESS_DAYS) {
    throw new RangeError(`days must be an integer from -${MAX_BUSINESS_DAYS} to ${MAX_BUSINESS_DAYS}`);
  }
  if (calendar.weekend.size >= 7) {
    throw new RangeError('At least one weekday must be a working day');
  }
  const step = days < 0 ? -1 : 1;
  const skippedHolidays: EpochDay[] = [];
  let day = start;
  for (let remaining = Math.abs(days); remaining > 0;) {
    day += step;
    if (isBusinessDay(day, calendar)) {
      remaining -= 1;
    } else if (calendar.holidays.has(day) && !calendar.weekend.has(weekdayOf(day))) {
      skippedHolidays.push(day);
    }
    if (Math.abs(day - start) > MAX_SPAN_DAYS) {
      throw new RangeError(`The result is more than ${MAX_SPAN_DAYS} days away: check the holidays`);
    }
  }
  return { day, skippedHolidays };
}
