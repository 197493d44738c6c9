import { z } from 'zod';

/**
 * A boolean read from an environment variable: `true`/`1`/`yes`/`on` or `false`/`0`/`no`/`off`
 * (any case). Anything else is an error rather than a silent `false`.
 */
export function envBoolean(defaultValue: boolean) {
  return z.stringbool().default(defaultValue);
}

/** A bounded integer read from an environment variable. */
export function envInteger(options: { min: number; max: number; defaultValue: number }) {
  return z.coerce.number().int().min(options.min).max(options.max).default(options.defaultValue);
}

/**
 * A comma-separated list read from an environment variable (blank entries dropped); each entry must
 * pass `check`.
 */
export function envList(options: { check?: (entry: string) => boolean; message?: string } = {}) {
  return z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .refine((entries) => entries.every((entry) => options.check?.(entry) ?? true), {
      message: options.message ?? 'contains an invalid entry',
    });
}
