import { type LocalFields, instantFromLocal, utcFromFields } from './zone-math.ts';

/** A parsed ISO 8601 text: wall-clock fields plus the explicit offset in ms, if the text had one. */
export interface ParsedDateTime {
  fields: LocalFields;
  offsetMs: number | undefined;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Whether `year` is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function parseOffset(text: string | undefined): number | undefined {
  if (text === undefined) {
    return undefined;
  }
  if (text === 'Z' || text === 'z') {
    return 0;
  }
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 23 || minutes > 59) {
    throw new RangeError(`Invalid UTC offset "${text}"`);
  }
  return (text.startsWith('-') ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

/**
 * Parses `YYYY-MM-DD[THH:mm[:ss[.fff]]][Z|±HH:MM]` strictly (a space may replace `T`; fractions past
 * milliseconds are truncated). Throws a `RangeError` with a readable message for impossible values
 * such as 2027-02-29 or 24:00.
 */
export function parseIsoDateTime(text: string): ParsedDateTime {
  const match = ISO.exec(text.trim());
  if (!match) {
    throw new RangeError(`"${text}" is not an ISO 8601 date-time (expected e.g. 2026-03-29T02:30:00+01:00)`);
  }
  const [, y, mo, d, h, mi, s, frac, offset] = match;
  const fields: LocalFields = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h ?? 0),
    minute: Number(mi ?? 0),
    second: Number(s ?? 0),
    millisecond: Number((frac ?? '0').padEnd(3, '0').slice(0, 3)),
  };
  if (fields.year < 1 || fields.month < 1 || fields.month > 12) {
    throw new RangeError(`Invalid date in "${text}": month must be 01–12 and year 0001–9999`);
  }
  if (fields.day < 1 || fields.day > daysInMonth(fields.year, fields.month)) {
    throw new RangeError(
      `Invalid date in "${text}": ${y}-${mo} has ${daysInMonth(fields.year, fields.month)} days`,
    );
  }
  if (fields.hour > 23 || fields.minute > 59 || fields.second > 59) {
    throw new RangeError(`Invalid time in "${text}": hours 00–23, minutes and seconds 00–59`);
  }
  return { fields, offsetMs: parseOffset(offset) };
}

/** The instant of `text`; a text without offset is wall-clock time in `zone`. */
export function parseInstant(text: string, zone: string): number {
  const parsed = parseIsoDateTime(text);
  return parsed.offsetMs === undefined
    ? instantFromLocal(parsed.fields, zone)
    : utcFromFields(parsed.fields) - parsed.offsetMs;
}
