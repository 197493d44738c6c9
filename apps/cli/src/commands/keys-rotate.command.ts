import type { AppConfig } from '@youworker/config';
import {
  EncryptionKeyError,
  EncryptionKeyring,
  EncryptionService,
  generateEncryptionKey,
} from '@youworker/core';
import {
  encryptedColumns,
  reencryptColumn,
  ReencryptError,
  type DatabaseHandle,
  type EncryptedColumn,
  type ReencryptProgress,
} from '@youworker/db';
import { InvalidArgumentError, type Command } from 'commander';
import { CliError, type CliContext } from '../cli-context.ts';
import { loadCliConfig, withDatabase } from './with-database.ts';

const defaultBatchSize = 500;

function parseBatchSize(value: string): number {
  const size = Number.parseInt(value, 10);
  if (!Number.isInteger(size) || size < 1 || size > 100_000 || String(size) !== value) {
    throw new InvalidArgumentError('must be an integer from 1 to 100000');
  }
  return size;
}

/** The configured keyring; refuses to run without `ENCRYPTION_KEY` (rotation never invents a key). */
function keyringFrom(config: AppConfig): EncryptionKeyring {
  if (config.ENCRYPTION_KEY === undefined) {
    throw new CliError(
      'ENCRYPTION_KEY is not set. Set it to the new key (from `youworker keys generate`), move the old key to ENCRYPTION_PREVIOUS_KEYS, then run `youworker keys rotate` again (docs/encryption.md).',
    );
  }
  try {
    return EncryptionKeyring.fromText(config.ENCRYPTION_KEY, config.ENCRYPTION_PREVIOUS_KEYS);
  } catch (error) {
    throw EncryptionKeyError.isInstance(error) ? new CliError(error.message) : error;
  }
}

function describeProgress(progress: ReencryptProgress): string {
  return `${progress.table}.${progress.column}: ${progress.scanned} scanned, ${progress.rewritten} re-encrypted\n`;
}

async function rotateColumns(
  database: DatabaseHandle,
  encryption: EncryptionService,
  options: { batchSize: number; columns: readonly EncryptedColumn[]; context: CliContext },
): Promise<{ scanned: number; rewritten: number }> {
  const totals = { scanned: 0, rewritten: 0 };
  for (const column of options.columns) {
    const result = await reencryptColumn(database.db, column, {
      batchSize: options.batchSize,
      needsRotation: (ciphertext) => encryption.needsRotation(ciphertext),
      reencrypt: (ciphertext, id) => encryption.reencrypt(ciphertext, column.aadFromId ? id : undefined),
      onProgress: (progress) => options.context.stdout.write(describeProgress(progress)),
    });
    totals.scanned += result.scanned;
    totals.rewritten += result.rewritten;
  }
  return totals;
}

async function runRotate(context: CliContext, batchSize: number): Promise<void> {
  const config = loadCliConfig(context);
  const keyring = keyringFrom(config);
  const encryption = new EncryptionService({ keyring });
  if (encryptedColumns.length === 0) {
    context.stdout.write('no encrypted columns are registered; nothing to re-encrypt\n');
    return;
  }
  const count = encryptedColumns.length;
  context.stdout.write(
    `re-encrypting ${count} column${count === 1 ? '' : 's'} with key ${keyring.currentId}\n`,
  );
  try {
    const totals = await withDatabase(
      context,
      (database) => rotateColumns(database, encryption, { batchSize, columns: encryptedColumns, context }),
      config,
    );
    const next = keyring.ids.length > 1 ? '; ENCRYPTION_PREVIOUS_KEYS can now be emptied' : '';
    context.stdout.write(
      `done: ${totals.scanned} scanned, ${totals.rewritten} re-encrypted; every value uses key ${keyring.currentId}${next}\n`,
    );
  } catch (error) {
    if (ReencryptError.isInstance(error)) {
      throw new CliError(
        `${error.message}\nBatches already re-encrypted are kept; fix the cause and run \`youworker keys rotate\` again.`,
      );
    }
    throw error;
  }
}

/** Adds `keys rotate [--batch-size N]`: re-encrypts every registered encrypted column with the current key. */
export function addKeysRotateCommand(keys: Command, context: CliContext): void {
  keys
    .command('rotate')
    .description('re-encrypt every encrypted value with the current ENCRYPTION_KEY')
    .option('--batch-size <n>', 'rows read and rewritten per transaction', parseBatchSize, defaultBatchSize)
    .action(async (options: { batchSize: number }) => {
      await runRotate(context, options.batchSize);
    });
}

/** Adds `keys generate [--id ID]`: prints a fresh `ENCRYPTION_KEY` value (`<keyId>:<base64 of 32 bytes>`). */
export function addKeysGenerateCommand(keys: Command, context: CliContext): void {
  keys
    .command('generate')
    .description('print a fresh ENCRYPTION_KEY value')
    .option('--id <keyId>', 'key id (default: k + date + 4 random hex digits)')
    .action((options: { id?: string }) => {
      try {
        context.stdout.write(`${generateEncryptionKey(options.id)}\n`);
      } catch (error) {
        throw EncryptionKeyError.isInstance(error) ? new CliError(error.message) : error;
      }
    });
}
