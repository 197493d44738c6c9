import type { Kysely } from 'kysely';
import type { Database } from '../schema/database.ts';

/** Which driver backs a {@link DatabaseHandle}. */
export type DatabaseKind = 'postgres' | 'pglite';

/** The one small interface over both drivers: a Kysely instance plus lifecycle. */
export interface DatabaseHandle {
  readonly kind: DatabaseKind;
  readonly db: Kysely<Database>;
  /** Where the data lives, safe to log (no password). */
  readonly location: string;
  /** Runs a trivial query; rejects when the database cannot answer. */
  ping(): Promise<void>;
  /** Closes connections (and, for PGlite, flushes to disk and releases the directory lock). Idempotent. */
  close(): Promise<void>;
}
