export { createDatetimeServer, DATETIME_HTTP_PORT, type DatetimeServerOptions } from './datetime-server.ts';
export { addDuration, type Duration } from './add-duration.ts';
export {
  type BusinessCalendar,
  addBusinessDays,
  countBusinessDays,
  epochDayOf,
  formatEpochDay,
} from './business-days.ts';
export { type CalendarBreakdown, type InstantDifference, diffInstants } from './instant-diff.ts';
export { parseInstant, parseIsoDateTime } from './iso-parse.ts';
export {
  NATURAL_LOCALES,
  type NaturalLocale,
  type NaturalParseOptions,
  type NaturalParseResult,
  parseNatural,
} from './natural-parse.ts';
export { canonicalTimeZone, formatZoned, instantFromLocal } from './zone-math.ts';
