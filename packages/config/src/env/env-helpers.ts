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
