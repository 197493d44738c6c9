import { DatabaseSetupError } from '../errors.ts';
import type { DatabaseHandle } from './database-handle.ts';

/** Runs one query so a wrong URL or a stopped server fails at boot with an operator-facing message. */
export async function verifyConnection(database: DatabaseHandle): Promise<void> {
  try {
    await database.ping();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseSetupError(
      'DATABASE_UNREACHABLE',
      `Cannot reach the database at ${database.location}: ${reason}. Check DATABASE_URL and that the server is running.`,
      { cause: error },
    );
  }
}
