import { describe, expect, it } from 'vitest';
import { parseNatural, type NaturalParseOptions } from './natural-parse.ts';
import { formatZoned } from './zone-math.ts';

function read(text: string, now: string, zone: string, extra: Partial<NaturalParseOptions> = {}) {
  const result = parseNatural(text, {
    now: Date.parse(now),
    zone,
    preferFuture: true,
    locale: 'en',
    ...extra,
  });
  return result && { ...result, at: formatZoned(result.start, zone) };
}

describe('parseNatural', () => {
  it('reads wall-clock expressions in the zone, whatever the process time zone', () => {
    expect(read('tomorrow at 9am', '2026-06-01T22:30:00Z', 'Asia/Tokyo')?.at).toBe(
      '2026-06-03T09:00:00+09:00',
    );
    expect(read('tomorrow at 9am', '2026-06-01T22:30:00Z', 'America/New_York')?.at).toBe(
      '2026-06-02T09:00:00-04:00',
    );
  });

  it('moves a time in the Paris spring-forward gap (2026-03-29 02:30) forward by the gap', () => {
    const result = read('tomorrow at 2:30am', '2026-03-28T12:00:00Z', 'Europe/Paris');
    expect(result?.at).toBe('2026-03-29T03:30:00+02:00');
    expect(result?.anchor).toBe('calendar');
  });

  it('moves a time in the New York spring-forward gap (2026-03-08 02:30) forward by the gap', () => {
    expect(read('March 8 2026 2:30am', '2026-03-01T12:00:00Z', 'America/New_York')?.at).toBe(
      '2026-03-08T03:30:00-04:00',
    );
  });

  it('picks the earlier instant in the fall-back overlaps (Paris 2026-10-25, New York 2026-11-01)', () => {
    expect(read('October 25 2026 2:30am', '2026-10-01T12:00:00Z', 'Europe/Paris')?.at).toBe(
      '2026-10-25T02:30:00+02:00',
    );
    expect(read('November 1 2026 1:30am', '2026-10-01T12:00:00Z', 'America/New_York')?.at).toBe(
      '2026-11-01T01:30:00-04:00',
    );
  });

  it('keeps "in N hours" as exact elapsed time across a DST change', () => {
    const result = read('in 24 hours', '2026-03-28T12:00:00Z', 'Europe/Paris');
    expect(result?.anchor).toBe('elapsed');
    expect(new Date(result?.start ?? 0).toISOString()).toBe('2026-03-29T12:00:00.000Z');
    expect(result?.at).toBe('2026-03-29T14:00:00+02:00');
  });

  it('keeps the wall-clock time for "in N days" across a DST change (a 23-hour day)', () => {
    const result = read('in 1 day', '2026-03-28T12:00:00Z', 'Europe/Paris');
    expect(result?.at).toBe('2026-03-29T13:00:00+02:00');
    expect((result?.start ?? 0) - Date.parse('2026-03-28T12:00:00Z')).toBe(23 * 3_600_000);
  });

  it('honours a zone abbreviation or offset written in the text', () => {
    const result = read('next Friday 9am EST', '2026-03-28T12:00:00Z', 'Europe/Paris');
    expect(result?.anchor).toBe('explicit_offset');
    expect(new Date(result?.start ?? 0).toISOString()).toBe('2026-04-03T14:00:00.000Z');
    expect(read('2026-04-01T10:00:00+05:00', '2026-03-28T12:00:00Z', 'UTC')?.at).toBe(
      '2026-04-01T05:00:00+00:00',
    );
  });

  it('prefers the future for ambiguous dates but not after "last" or "ago"', () => {
    const now = '2026-03-29T10:00:00Z'; // a Sunday
    expect(read('Friday', now, 'UTC')?.at).toBe('2026-04-03T12:00:00+00:00');
    expect(read('Friday', now, 'UTC', { preferFuture: false })?.at).toBe('2026-03-27T12:00:00+00:00');
    expect(read('last Monday', now, 'UTC')?.at).toBe('2026-03-23T12:00:00+00:00');
    expect(read('3 days ago', now, 'UTC')?.at).toBe('2026-03-26T10:00:00+00:00');
  });

  it('handles leap days and reports what was written and what was implied', () => {
    const result = read('Feb 29 2028', '2026-03-29T10:00:00Z', 'UTC');
    expect(result?.at).toBe('2028-02-29T12:00:00+00:00');
    expect(result?.known).toEqual(['year', 'month', 'day']);
    expect(result?.implied).toEqual(['hour', 'minute', 'second']);
  });

  it('returns ranges, other languages, and undefined for text without a date', () => {
    const range = read('from 3pm to 5pm tomorrow', '2026-03-28T12:00:00Z', 'Europe/Paris');
    expect(range?.at).toBe('2026-03-29T15:00:00+02:00');
    expect(formatZoned(range?.end ?? 0, 'Europe/Paris')).toBe('2026-03-29T17:00:00+02:00');
    expect(read('morgen um 17 Uhr', '2026-03-28T12:00:00Z', 'Europe/Berlin', { locale: 'de' })?.at).toBe(
      '2026-03-29T17:00:00+02:00',
    );
    expect(read('01/02/2027', '2026-03-28T12:00:00Z', 'UTC', { locale: 'en-GB' })?.at).toBe(
      '2027-02-01T12:00:00+00:00',
    );
    expect(read('the colour blue', '2026-03-28T12:00:00Z', 'UTC')).toBeUndefined();
  });
});
