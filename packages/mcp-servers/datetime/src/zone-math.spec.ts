import { describe, expect, it } from 'vitest';
import { addDuration } from './add-duration.ts';
import { parseInstant, parseIsoDateTime } from './iso-parse.ts';
import { canonicalTimeZone, formatZoned, instantFromLocal } from './zone-math.ts';

const at = (iso: string): number => Date.parse(iso);

describe('zone math', () => {
  it('formats Asia/Kolkata with its +05:30 offset', () => {
    expect(formatZoned(at('2026-01-15T12:00:00Z'), 'Asia/Kolkata')).toBe('2026-01-15T17:30:00+05:30');
  });

  it('formats Rome in winter (+01:00) and summer (+02:00)', () => {
    expect(formatZoned(at('2026-01-15T12:00:00Z'), 'Europe/Rome')).toBe('2026-01-15T13:00:00+01:00');
    expect(formatZoned(at('2026-07-15T12:00:00Z'), 'Europe/Rome')).toBe('2026-07-15T14:00:00+02:00');
  });

  it('moves a wall-clock time inside the Rome DST gap (2026-03-29 02:30) forward by the gap', () => {
    const instant = parseInstant('2026-03-29T02:30:00', 'Europe/Rome');
    expect(new Date(instant).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(formatZoned(instant, 'Europe/Rome')).toBe('2026-03-29T03:30:00+02:00');
  });

  it('picks the earlier instant in the Rome DST overlap (2026-10-25 02:30)', () => {
    const instant = instantFromLocal(
      { year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 0, millisecond: 0 },
      'Europe/Rome',
    );
    expect(formatZoned(instant, 'Europe/Rome')).toBe('2026-10-25T02:30:00+02:00');
  });

  it('honours an explicit offset over the zone', () => {
    expect(new Date(parseInstant('2026-03-29T02:30:00+05:30', 'Europe/Rome')).toISOString()).toBe(
      '2026-03-28T21:00:00.000Z',
    );
  });

  it('rejects impossible dates and malformed text', () => {
    expect(() => parseIsoDateTime('2027-02-29')).toThrow(/28 days/);
    expect(() => parseIsoDateTime('2026-04-31T10:00')).toThrow(RangeError);
    expect(() => parseIsoDateTime('2026-01-01T24:00')).toThrow(/hours/);
    expect(() => parseIsoDateTime('tomorrow at noon')).toThrow(/not an ISO 8601/);
    expect(parseIsoDateTime('2028-02-29').fields.day).toBe(29);
  });

  it('validates zones with Intl', () => {
    expect(canonicalTimeZone('Europe/Rome')).toBe('Europe/Rome');
    expect(canonicalTimeZone('Mars/Olympus')).toBeUndefined();
  });
});

describe('addDuration', () => {
  it('clamps a leap day plus one year to 2029-02-28', () => {
    const result = addDuration(parseInstant('2028-02-29T10:00:00', 'UTC'), { years: 1 }, 'UTC');
    expect(formatZoned(result, 'UTC')).toBe('2029-02-28T10:00:00+00:00');
  });

  it('adds a calendar day across the Rome spring-forward keeping the wall-clock time (23 h)', () => {
    const start = parseInstant('2026-03-28T12:00:00', 'Europe/Rome');
    const result = addDuration(start, { days: 1 }, 'Europe/Rome');
    expect(formatZoned(result, 'Europe/Rome')).toBe('2026-03-29T12:00:00+02:00');
    expect(result - start).toBe(23 * 3_600_000);
  });

  it('adds 24 exact hours across the same change (wall clock moves to 13:00)', () => {
    const start = parseInstant('2026-03-28T12:00:00', 'Europe/Rome');
    expect(formatZoned(addDuration(start, { hours: 24 }, 'Europe/Rome'), 'Europe/Rome')).toBe(
      '2026-03-29T13:00:00+02:00',
    );
  });

  it('lands a calendar day in the gap one hour later (02:30 → 03:30)', () => {
    const start = parseInstant('2026-03-28T02:30:00', 'Europe/Rome');
    expect(formatZoned(addDuration(start, { days: 1 }, 'Europe/Rome'), 'Europe/Rome')).toBe(
      '2026-03-29T03:30:00+02:00',
    );
  });

  it('clamps month ends and subtracts', () => {
    const start = parseInstant('2026-01-31T08:00:00', 'UTC');
    expect(formatZoned(addDuration(start, { months: 1 }, 'UTC'), 'UTC')).toBe('2026-02-28T08:00:00+00:00');
    expect(formatZoned(addDuration(start, { days: -31, minutes: -30 }, 'UTC'), 'UTC')).toBe(
      '2025-12-31T07:30:00+00:00',
    );
  });
});

describe('DST edges in Europe/Paris and America/New_York', () => {
  it('moves a New York gap time (2026-03-08 02:30) forward and picks the earlier overlap (2026-11-01 01:30)', () => {
    expect(formatZoned(parseInstant('2026-03-08T02:30:00', 'America/New_York'), 'America/New_York')).toBe(
      '2026-03-08T03:30:00-04:00',
    );
    expect(formatZoned(parseInstant('2026-11-01T01:30:00', 'America/New_York'), 'America/New_York')).toBe(
      '2026-11-01T01:30:00-04:00',
    );
    expect(formatZoned(Date.parse('2026-11-01T06:30:00Z'), 'America/New_York')).toBe(
      '2026-11-01T01:30:00-05:00',
    );
  });

  it('moves a Paris gap time (2026-03-29 02:00) forward and picks the earlier overlap (2026-10-25 02:00)', () => {
    expect(formatZoned(parseInstant('2026-03-29T02:00:00', 'Europe/Paris'), 'Europe/Paris')).toBe(
      '2026-03-29T03:00:00+02:00',
    );
    expect(formatZoned(parseInstant('2026-10-25T02:00:00', 'Europe/Paris'), 'Europe/Paris')).toBe(
      '2026-10-25T02:00:00+02:00',
    );
  });

  it('adds a calendar day across the New York fall-back (25 h) and exact hours across it', () => {
    const start = parseInstant('2026-10-31T12:00:00', 'America/New_York');
    const nextDay = addDuration(start, { days: 1 }, 'America/New_York');
    expect(formatZoned(nextDay, 'America/New_York')).toBe('2026-11-01T12:00:00-05:00');
    expect(nextDay - start).toBe(25 * 3_600_000);
    expect(formatZoned(addDuration(start, { hours: 24 }, 'America/New_York'), 'America/New_York')).toBe(
      '2026-11-01T11:00:00-05:00',
    );
  });

  it('handles leap years: century rules and Feb 29 + 4 years', () => {
    expect(() => parseIsoDateTime('2100-02-29')).toThrow(/28 days/);
    expect(parseIsoDateTime('2000-02-29').fields.day).toBe(29);
    const leap = parseInstant('2024-02-29T00:00:00', 'Europe/Paris');
    expect(formatZoned(addDuration(leap, { years: 4 }, 'Europe/Paris'), 'Europe/Paris')).toBe(
      '2028-02-29T00:00:00+01:00',
    );
    expect(formatZoned(addDuration(leap, { days: 365 }, 'Europe/Paris'), 'Europe/Paris')).toBe(
      '2025-02-28T00:00:00+01:00',
    );
  });

  it('rejects an unknown zone', () => {
    expect(canonicalTimeZone('Europe/Atlantis')).toBeUndefined();
    expect(() => parseInstant('2026-01-01T00:00:00', 'Europe/Atlantis')).toThrow(RangeError);
  });
});
