/**
 * Time-zone arithmetic with `Intl` only (no dependency). Instants are epoch milliseconds; wall-clock
 * times are {@link LocalFields}. Local times that do not exist (DST gap) or exist twice (DST overlap)
 * are resolved like Temporal's `disambiguation: 'compatible'`: a gap moves forward by the gap length
 * (02:30 on a spring-forward night becomes 03:30), an overlap picks the earlier instant.
 */

/** A wall-clock date and time (month 1–12). */
export interface LocalFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Returns the canonical IANA name of `zone`, or `undefined` if `Intl` does not know it. */
export function canonicalTimeZone(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** Epoch milliseconds of `fields` read as UTC (years below 100 are not shifted to 19xx). */
export function utcFromFields(fields: LocalFields): number {
  const date = new Date(0);
  date.setUTCFullYear(fields.year, fields.month - 1, fields.day);
  date.setUTCHours(fields.hour, fields.minute, fields.second, fields.millisecond);
  return date.getTime();
}

/** The wall-clock fields of `epochMs` in UTC. */
export function fieldsFromUtc(epochMs: number): LocalFields {
  const date = new Date(epochMs);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    millisecond: date.getUTCMilliseconds(),
  };
}

/** The wall-clock fields of the instant `epochMs` in `zone`. */
export function zonedFields(epochMs: number, zone: string): LocalFields {
  const values: Record<string, string> = {};
  for (const part of partsFormatter(zone).formatToParts(new Date(epochMs))) {
    values[part.type] = part.value;
  }
  const yearOfEra = Number(values.year);
  const year = values.era === 'BC' || values.era === 'B' ? 1 - yearOfEra : yearOfEra;
  return {
    year,
    month: Number(values.month),
    day: Number(values.day),
    hour: Number(values.hour),
    minute: Number(values.minute),
    second: Number(values.second),
    millisecond: ((epochMs % 1000) + 1000) % 1000,
  };
}

/** The UTC offset of `zone` at the instant `epochMs`, in milliseconds (east positive). */
export function offsetMs(epochMs: number, zone: string): number {
  return utcFromFields(zonedFields(epochMs, zone)) - epochMs;
}

/** The instant at which the wall clock in `zone` shows `fields` (DST gaps and overlaps: see module doc). */
export function instantFromLocal(fields: LocalFields, zone: string): number {
  const local = utcFromFields(fields);
  const before = offsetMs(local - DAY_MS, zone);
  const after = offsetMs(local + DAY_MS, zone);
  const candidates = [local - before, local - after].filter(
    (instant) => instant + offsetMs(instant, zone) === local,
  );
  if (candidates.length > 0) {
    return Math.min(...candidates);
  }
  return local - before;
}

function pad(value: number, width = 2): string {
  return String(Math.abs(value)).padStart(width, '0');
}

/** `±HH:MM` (or `±HH:MM:SS` for historical offsets with seconds). */
export function formatOffset(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const totalSeconds = Math.round(Math.abs(offset) / 1000);
  const seconds = totalSeconds % 60;
  const base = `${sign}${pad(Math.floor(totalSeconds / 3600))}:${pad(Math.floor(totalSeconds / 60) % 60)}`;
  return seconds === 0 ? base : `${base}:${pad(seconds)}`;
}

/** ISO 8601 wall-clock text without offset; milliseconds only when non-zero. */
export function formatLocal(fields: LocalFields): string {
  const year = fields.year < 0 ? `-${pad(fields.year, 6)}` : pad(fields.year, 4);
  const date = `${year}-${pad(fields.month)}-${pad(fields.day)}`;
  const time = `${pad(fields.hour)}:${pad(fields.minute)}:${pad(fields.second)}`;
  return fields.millisecond === 0 ? `${date}T${time}` : `${date}T${time}.${pad(fields.millisecond, 3)}`;
}

/** ISO 8601 text of the instant `epochMs` as seen in `zone`, with its offset. */
export function formatZoned(epochMs: number, zone: string): string {
  return `${formatLocal(zonedFields(epochMs, zone))}${formatOffset(offsetMs(epochMs, zone))}`;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** English weekday name of the wall-clock date in `fields`. */
export function weekday(fields: LocalFields): string {
  return WEEKDAYS[new Date(utcFromFields(fields)).getUTCDay()] ?? '';
}
