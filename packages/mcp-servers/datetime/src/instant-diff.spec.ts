import { describe, expect, it } from 'vitest';
import { diffInstants, humanize } from './instant-diff.ts';
import { parseInstant } from './iso-parse.ts';

const diff = (start: string, end: string, zone: string) =>
  diffInstants(parseInstant(start, zone), parseInstant(end, zone), zone);

describe('diffInstants', () => {
  it('counts the Paris spring-forward day as one calendar day of 23 hours', () => {
    const result = diff('2026-03-28T12:00:00', '2026-03-29T12:00:00', 'Europe/Paris');
    expect(result.calendar).toMatchObject({ days: 1, hours: 0 });
    expect(result.totals.hours).toBe(23);
  });

  it('counts the New York fall-back day as one calendar day of 25 hours', () => {
    const result = diff('2026-10-31T12:00:00', '2026-11-01T12:00:00', 'America/New_York');
    expect(result.calendar).toMatchObject({ days: 1, hours: 0 });
    expect(result.totals.hours).toBe(25);
  });

  it('breaks a span into years, months, days and time, with month ends clamped', () => {
    const result = diff('2024-01-31T08:00:00Z', '2026-03-01T09:30:15.250Z', 'UTC');
    expect(result.calendar).toEqual({
      years: 2,
      months: 1,
      days: 1,
      hours: 1,
      minutes: 30,
      seconds: 15,
      milliseconds: 250,
    });
    expect(result.human).toBe('2 years, 1 month, 1 day, 1 hour, 30 minutes, 15 seconds and 250 milliseconds');
  });

  it('spans leap years consistently with add (2028-02-29 + 1 year = 2029-02-28, 365 days)', () => {
    const result = diff('2028-02-29', '2029-02-28', 'UTC');
    expect(result.totals.days).toBe(365);
    expect(result.calendar).toMatchObject({ years: 1, months: 0, days: 0 });
    expect(diff('2028-02-28', '2029-02-28', 'UTC').calendar).toMatchObject({ years: 1, days: 0 });
    expect(diff('2027-02-28', '2028-02-29', 'UTC').totals.days).toBe(366);
  });

  it('is signed for a reversed range and zero for equal instants', () => {
    const reversed = diff('2026-06-02T00:00:00Z', '2026-06-01T00:00:00Z', 'UTC');
    expect(reversed.sign).toBe(-1);
    expect(reversed.totals).toMatchObject({ hours: -24, days: -1 });
    expect(reversed.human).toBe('1 day');
    const same = diff('2026-06-01T00:00:00Z', '2026-06-01T02:00:00+02:00', 'UTC');
    expect(same.sign).toBe(0);
    expect(same.human).toBe('0 seconds');
  });

  it('humanizes a single part without "and"', () => {
    expect(
      humanize({ years: 0, months: 0, days: 0, hours: 3, minutes: 0, seconds: 0, milliseconds: 0 }),
    ).toBe('3 hours');
  });
});
