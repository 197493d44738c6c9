import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  type BusinessCalendar,
  countBusinessDays,
  epochDayOf,
  formatEpochDay,
  weekdayOf,
} from './business-days.ts';

const day = (text: string) => epochDayOf(text, 'UTC');
const standard: BusinessCalendar = { weekend: new Set([0, 6]), holidays: new Set() };

describe('business days', () => {
  it('knows the weekday of an epoch day and formats it', () => {
    expect(weekdayOf(0)).toBe(4);
    expect(weekdayOf(day('2026-03-29'))).toBe(0);
    expect(formatEpochDay(day('2028-02-29'))).toBe('2028-02-29');
  });

  it('reduces a date-time to its date in the zone', () => {
    expect(formatEpochDay(epochDayOf('2026-03-01T23:30:00Z', 'Europe/Paris'))).toBe('2026-03-02');
    expect(formatEpochDay(epochDayOf('2026-03-01T23:30:00', 'Europe/Paris'))).toBe('2026-03-01');
    expect(() => epochDayOf('2027-02-29', 'UTC')).toThrow(/28 days/);
  });

  it('counts both ends included, and negatively for a reversed range', () => {
    expect(countBusinessDays(day('2026-03-23'), day('2026-03-27'), standard)).toBe(5);
    expect(countBusinessDays(day('2026-03-23'), day('2026-03-29'), standard)).toBe(5);
    expect(countBusinessDays(day('2026-03-28'), day('2026-03-29'), standard)).toBe(0);
    expect(countBusinessDays(day('2026-03-27'), day('2026-03-23'), standard)).toBe(-5);
  });

  it('skips holidays and honours another weekend (Friday and Saturday)', () => {
    const holidays: BusinessCalendar = { weekend: new Set([0, 6]), holidays: new Set([day('2026-03-25')]) };
    expect(countBusinessDays(day('2026-03-23'), day('2026-03-27'), holidays)).toBe(4);
    const gulf: BusinessCalendar = { weekend: new Set([5, 6]), holidays: new Set() };
    expect(countBusinessDays(day('2026-03-22'), day('2026-03-28'), gulf)).toBe(5);
    expect(formatEpochDay(addBusinessDays(day('2026-03-26'), 1, gulf).day)).toBe('2026-03-29');
  });

  it('adds like WORKDAY: over weekends, holidays and a leap day', () => {
    const calendar: BusinessCalendar = { weekend: new Set([0, 6]), holidays: new Set([day('2028-03-01')]) };
    const added = addBusinessDays(day('2028-02-25'), 3, calendar);
    expect(formatEpochDay(added.day)).toBe('2028-03-02');
    expect(added.skippedHolidays.map(formatEpochDay)).toEqual(['2028-03-01']);
    expect(formatEpochDay(addBusinessDays(day('2026-03-30'), -1, standard).day)).toBe('2026-03-27');
    expect(formatEpochDay(addBusinessDays(day('2026-03-28'), 0, standard).day)).toBe('2026-03-28');
  });

  it('refuses absurd inputs', () => {
    expect(() => countBusinessDays(day('1900-01-01'), day('2026-01-01'), standard)).toThrow(/longer than/);
    expect(() => addBusinessDays(day('2026-01-01'), 10_001, standard)).toThrow(/days must be/);
    const noWorkdays: BusinessCalendar = { weekend: new Set([0, 1, 2, 3, 4, 5, 6]), holidays: new Set() };
    expect(() => addBusinessDays(day('2026-01-01'), 1, noWorkdays)).toThrow(/working day/);
  });
});
