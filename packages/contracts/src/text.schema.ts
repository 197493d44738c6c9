import { z } from 'zod';

// Control characters (C0 and DEL); the multi-line variant keeps tab, line feed and carriage return.
/* eslint-disable no-control-regex -- matching control characters is the point */
const controlCharacters = /[\u0000-\u001F\u007F]/g;
const controlCharactersExceptWhitespace = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
/* eslint-enable no-control-regex */

/**
 * User text: Unicode kept intact (accents, CJK, emoji; normalised to NFC), control characters
 * removed, trimmed, then length-checked. HTML escaping is the web UI's job, not the API's.
 */
export function cleanText(options: { min?: number; max: number; multiline?: boolean }) {
  const pattern = options.multiline ? controlCharactersExceptWhitespace : controlCharacters;
  return z
    .string()
    .max(options.max * 4)
    .transform((value) => value.normalize('NFC').replace(pattern, '').trim())
    .pipe(
      z
        .string()
        .min(options.min ?? 0)
        .max(options.max),
    );
}

/** A username: letters and digits of any script, and `. _ @ + -`; 1–64 characters. */
export const UsernameSchema = z
  .string()
  .transform((value) => value.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .regex(/^[\p{L}\p{N}._@+-]{1,64}$/u, 'must be 1–64 letters, digits or . _ @ + -')
      .describe('Unique, case-insensitive.'),
  );

/** An email address, or null. */
export const EmailSchema = z.email().max(254).nullable();
