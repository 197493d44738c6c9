import { sql, type Kysely } from 'kysely';
import type { EncryptedColumn } from './encrypted-columns.ts';
import { ReencryptError } from './reencrypt-error.ts';

/** Counts of one column's rotation so far (cumulative). */
export interface ReencryptProgress {
  table: string;
  column: string;
  /** Rows with a non-NULL value read so far. */
  scanned: number;
  /** Rows whose value was rewritten with the current key. */
  rewritten: number;
}

/** How to rotate: the crypto stays with the caller, so this package needs no key material. */
export interface ReencryptOptions {
  /** Rows per batch; each batch is read and rewritten in one transaction. */
  batchSize: number;
  /** Whether a stored value was encrypted with a key other than the current one. */
  needsRotation(ciphertext: string): boolean;
  /** The value encrypted again with the current key; `id` is the row id as text (for associated data). */
  reencrypt(ciphertext: string, id: string): string;
  /** Called after each committed batch. */
  onProgress?(progress: ReencryptProgress): void;
}

interface BatchResult {
  lastId: string | undefined;
  scanned: number;
  rewritten: number;
}

const identifierPattern = /^[a-z_][a-z0-9_]*$/;

function assertIdentifier(name: string): void {
  if (!identifierPattern.test(name)) {
    throw new Error(`Encrypted column registry holds an invalid SQL identifier: ${JSON.stringify(name)}`);
  }
}

async function rotateBatch<DB>(
  db: Kysely<DB>,
  column: EncryptedColumn,
  after: string | undefined,
  options: ReencryptOptions,
): Promise<BatchResult> {
  const table = sql.table(column.table);
  // Qualified, so ORDER BY sorts by the column's own type, not by the text alias of the output.
  const id = sql.ref(`${column.table}.${column.idColumn}`);
  const value = sql.ref(`${column.table}.${column.column}`);
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ row_id: string; row_value: string }>`
      select ${id}::text as row_id, ${value} as row_value from ${table}
      where ${value} is not null and ${after === undefined ? sql`true` : sql`${id} > ${after}`}
      order by ${id} limit ${options.batchSize}`.execute(trx);
    let rewritten = 0;
    for (const { row_id: rowId, row_value: ciphertext } of rows) {
      try {
        if (!options.needsRotation(ciphertext)) {
          continue;
        }
        // Compare-and-set: a row the application changed meanwhile (already on the current key) is left alone.
        const result = await sql`
          update ${table} set ${sql.ref(column.column)} = ${options.reencrypt(ciphertext, rowId)}
          where ${id} = ${rowId} and ${value} = ${ciphertext}`.execute(trx);
        rewritten += Number(result.numAffectedRows ?? 0n);
      } catch (error) {
        throw new ReencryptError(column.table, column.column, rowId, error);
      }
    }
    return { lastId: rows.at(-1)?.row_id, scanned: rows.length, rewritten };
  });
}

/**
 * Re-encrypts every value of one registered column that is not on the current key. Walks the table
 * in `idColumn` order with keyset pagination (no OFFSET), one transaction per batch, so a failure
 * keeps the batches already done; running again skips rows already rotated. Throws
 * {@link ReencryptError} naming the row that failed. Returns the totals.
 */
export async function reencryptColumn<DB>(
  db: Kysely<DB>,
  column: EncryptedColumn,
  options: ReencryptOptions,
): Promise<ReencryptProgress> {
  for (const name of [column.table, column.idColumn, column.column]) {
    assertIdentifier(name);
  }
  if (!Number.isInteger(options.batchSize) || options.batchSize < 1) {
    throw new RangeError('batchSize must be a positive integer');
  }
  const progress: ReencryptProgress = {
    table: column.table,
    column: column.column,
    scanned: 0,
    rewritten: 0,
  };
  let after: string | undefined;
  for (;;) {
    const batch = await rotateBatch(db, column, after, options);
    if (batch.scanned === 0) {
      break;
    }
    progress.scanned += batch.scanned;
    progress.rewritten += batch.rewritten;
    options.onProgress?.({ ...progress });
    if (batch.scanned < options.batchSize) {
      break;
    }
    after = batch.lastId;
  }
  return progress;
}
