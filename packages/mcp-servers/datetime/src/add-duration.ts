import { daysInMonth } from './iso-parse.ts';
import { fieldsFromUtc, instantFromLocal, utcFromFields, zonedFields } from './zone-math.ts';

/** A signed duration; calendar units (years, months, days) and exact units (hours…seconds). */
export interface Duration {
  years?: number;
  months?: number;
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
}

/**
 * Adds `duration` to the instant `epochMs` the way Temporal's `ZonedDateTime.add` does: years and
 * months move the wall-clock date in `zone` (a day past the month end is clamped, so 2028-02-29 + 1
 * year is 2029-02-28), then days move the wall-clock date keeping the wall-clock time (so a day
 * across a DST change is 23 or 25 hours), then hours, minutes and seconds are added as exact elapsed
 * time. A wall-clock time that falls in a DST gap moves forward by the gap; in an overlap the earlier
 * instant wins.
 */
export function addDuration(epochMs: number, duration: Duration, zone: string): number {
  const exactMs =
    ((duration.hours ?? 0) * 3600 + (duration.minutes ?? 0) * 60 + (duration.seconds ?? 0)) * 1000;
  if (!duration.years && !duration.months && !duration.days) {
    return epochMs + exactMs;
  }
  const local = zonedFields(epochMs, zone);
  const totalMonths =
    local.year * 12 + (local.month - 1) + (duration.years ?? 0) * 12 + (duration.months ?? 0);
  const year = Math.floor(totalMonths / 12);
  const month = totalMonths - year * 12 + 1;
  const day = Math.min(local.day, daysInMonth(year, month));
  const shifted = fieldsFromUtc(
    utcFromFields({ ...local, year, month, day }) + (duration.days ?? 0) * 86_400_000,
  );
  return instantFromLocal(shifted, zone) + exactMs;
}
