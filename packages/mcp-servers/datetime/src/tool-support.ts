import { type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { error } from '@youworker/mcp-common';
import { z } from 'zod';
import { canonicalTimeZone, formatOffset, formatZoned, offsetMs, weekday, zonedFields } from './zone-math.ts';

/** Shared by every date-time tool: read-only, offline, no side effects. */
export const annotations = {
  readOnlyHint: true,
  openWorldHint: false,
  idempotentHint: true,
  destructiveHint: false,
};

/** An IANA zone name (validated against `Intl` by {@link guarded}). */
export const timezone = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._+\-/:]+$/, 'an IANA time zone name such as Europe/Rome');

/** An ISO 8601 date or date-time; without an offset it is wall-clock time in the tool's zone. */
export const datetime = z
  .string()
  .min(10)
  .max(64)
  .describe('ISO 8601 date-time, e.g. 2026-03-29T02:30:00+01:00; without an offset it is local time');

/** The usual description of an instant in a zone, as structured content. */
export function describeInstant(epochMs: number, zone: string): Record<string, unknown> {
  return {
    datetime: formatZoned(epochMs, zone),
    timezone: zone,
    utc_offset: formatOffset(offsetMs(epochMs, zone)),
    utc: new Date(epochMs).toISOString(),
    weekday: weekday(zonedFields(epochMs, zone)),
    unix_seconds: Math.floor(epochMs / 1000),
  };
}

/** Runs `body` with validated zones; a `RangeError` (bad zone, date or locale) becomes an error result. */
export function guarded(
  zones: (string | undefined)[],
  body: (resolved: string[]) => CallToolResult,
): CallToolResult {
  const resolved: string[] = [];
  for (const zone of zones) {
    const canonical = canonicalTimeZone(zone ?? 'UTC');
    if (canonical === undefined) {
      return error(`Unknown time zone "${zone ?? ''}": use an IANA name such as "Europe/Rome" or "UTC"`);
    }
    resolved.push(canonical);
  }
  try {
    return body(resolved);
  } catch (caught) {
    if (caught instanceof RangeError) {
      return error(caught.message);
    }
    throw caught;
  }
}

/** `epochMs` if it lies within years 0001–9999; a `RangeError` otherwise. */
export function checkedInstant(epochMs: number): number {
  if (!Number.isFinite(epochMs) || epochMs < -62_135_596_800_000 || epochMs > 253_402_300_799_999) {
    throw new RangeError('The result falls outside years 0001–9999');
  }
  return epochMs;
}
