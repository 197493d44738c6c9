import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Imported by path until the packages' index files re-export them.
import { EncryptionKeyring, EncryptionService } from '../../../packages/core/src/crypto/index.ts';
import type { EncryptedColumn } from '../../../packages/db/src/encryption/encrypted-columns.ts';
import { ReencryptError } from '../../../packages/db/src/encryption/reencrypt-error.ts';
import { reencryptColumn, type ReencryptProgress } from '../../../packages/db/src/encryption/reencrypt.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

const oldKey = { id: 'k_old', key: randomBytes(32) };
const newKey = { id: 'k_new', key: randomBytes(32) };
const before = new EncryptionService({ keyring: new EncryptionKeyring({ current: oldKey }) });
const after = new EncryptionService({
  keyring: new EncryptionKeyring({ current: newKey, previous: [oldKey] }),
});

interface ProbeRow {
  id: string;
  value: string | null;
}

function plaintextOf(id: number): string {
  return `secret #${id} ✓ 秘密 🔐`;
}

/** Creates `table` with rows at ids 3, 6, 9, … (gaps, so paging must follow ids, not positions). */
async function seed(db: Kysely<unknown>, table: string, count: number, onNewKey: (id: number) => boolean) {
  await sql`create table ${sql.table(table)} (id bigserial primary key, value text not null)`.execute(db);
  const rows = Array.from({ length: count }, (_, index) => {
    const id = (index + 1) * 3;
    const service = onNewKey(id) ? after : before;
    return sql`(${id}, ${service.encrypt(plaintextOf(id), String(id))})`;
  });
  await sql`insert into ${sql.table(table)} (id, value) values ${sql.join(rows)}`.execute(db);
}

async function readAll(db: Kysely<unknown>, table: string): Promise<ProbeRow[]> {
  // Ordered by the bigint column itself (a bare `id` would sort by the text alias).
  const result = await sql<ProbeRow>`
    select id::text as id, value from ${sql.table(table)} order by ${sql.ref(`${table}.id`)}`.execute(db);
  return result.rows;
}

function column(table: string): EncryptedColumn {
  return { table, idColumn: 'id', column: 'value', aadFromId: true };
}

describe('reencryptColumn', () => {
  let database: TestDatabase;
  let db: Kysely<unknown>;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.handle.db as unknown as Kysely<unknown>;
  });

  afterAll(async () => {
    await database.destroy();
  });

  it('should move every value to the current key in batches, leaving current ones alone', async () => {
    await seed(db, 'secret_probe', 250, (id) => id % 75 === 0);
    const original = await readAll(db, 'secret_probe');
    const onCurrentKey = original.filter((row) => after.keyIdOf(row.value ?? '') === newKey.id);
    expect(onCurrentKey).toHaveLength(10);

    const progress: ReencryptProgress[] = [];
    let reencryptCalls = 0;
    const totals = await reencryptColumn(db, column('secret_probe'), {
      batchSize: 40,
      needsRotation: (ciphertext) => after.needsRotation(ciphertext),
      reencrypt: (ciphertext, id) => {
        reencryptCalls += 1;
        return after.reencrypt(ciphertext, id);
      },
      onProgress: (update) => progress.push(update),
    });

    expect(totals).toEqual({ table: 'secret_probe', column: 'value', scanned: 250, rewritten: 240 });
    expect(reencryptCalls).toBe(240);
    expect(progress.map((update) => update.scanned)).toEqual([40, 80, 120, 160, 200, 240, 250]);
    expect(progress.at(-1)).toEqual(totals);
    const rotated = await readAll(db, 'secret_probe');
    expect(rotated).toHaveLength(250);
    for (const row of rotated) {
      expect(after.keyIdOf(row.value ?? '')).toBe(newKey.id);
      expect(after.decrypt(row.value ?? '', row.id)).toBe(plaintextOf(Number(row.id)));
    }
    const untouched = rotated.filter((row) => onCurrentKey.some((kept) => kept.value === row.value));
    expect(untouched.map((row) => row.id)).toEqual(onCurrentKey.map((row) => row.id));
  });

  it('should rewrite nothing when run again', async () => {
    const totals = await reencryptColumn(db, column('secret_probe'), {
      batchSize: 40,
      needsRotation: (ciphertext) => after.needsRotation(ciphertext),
      reencrypt: () => {
        throw new Error('nothing should need rotation');
      },
    });
    expect(totals).toMatchObject({ scanned: 250, rewritten: 0 });
  });

  it('should stop at a value it cannot decrypt, keeping the batches already committed', async () => {
    await seed(db, 'secret_probe_broken', 100, () => false);
    // Row 210 holds a value bound to another row id, so decrypting it fails authentication.
    await sql`update secret_probe_broken set value = ${before.encrypt('moved', '1')} where id = 210`.execute(
      db,
    );

    const failure = await reencryptColumn(db, column('secret_probe_broken'), {
      batchSize: 40,
      needsRotation: (ciphertext) => after.needsRotation(ciphertext),
      reencrypt: (ciphertext, id) => after.reencrypt(ciphertext, id),
    }).catch((error: unknown) => error);

    expect(ReencryptError.isInstance(failure)).toBe(true);
    expect(failure).toMatchObject({ code: 'REENCRYPT_FAILED', table: 'secret_probe_broken', rowId: '210' });
    expect((failure as Error).message).not.toContain('secret #');
    const keyIds = (await readAll(db, 'secret_probe_broken')).map((row) => after.keyIdOf(row.value ?? ''));
    expect(keyIds.slice(0, 40).every((id) => id === newKey.id)).toBe(true);
    expect(keyIds.slice(40).every((id) => id === oldKey.id)).toBe(true);
  });

  it('should skip NULL values and handle an empty table', async () => {
    await sql`create table secret_probe_nullable (id bigint primary key, value text)`.execute(db);
    const progress: ReencryptProgress[] = [];
    const options = {
      batchSize: 2,
      needsRotation: (ciphertext: string) => after.needsRotation(ciphertext),
      reencrypt: (ciphertext: string, id: string) => after.reencrypt(ciphertext, id),
      onProgress: (update: ReencryptProgress) => progress.push(update),
    };
    expect(await reencryptColumn(db, column('secret_probe_nullable'), options)).toMatchObject({ scanned: 0 });
    expect(progress).toEqual([]);

    await sql`insert into secret_probe_nullable (id, value) values
      (1, null), (2, ${before.encrypt('two', '2')}), (3, null), (4, ${before.encrypt('four', '4')})`.execute(
      db,
    );
    expect(await reencryptColumn(db, column('secret_probe_nullable'), options)).toMatchObject({
      scanned: 2,
      rewritten: 2,
    });
    const rows = await readAll(db, 'secret_probe_nullable');
    expect(rows.map((row) => (row.value === null ? null : after.decrypt(row.value, row.id)))).toEqual([
      null,
      'two',
      null,
      'four',
    ]);
  });

  it('should refuse names that are not plain identifiers', async () => {
    const options = { batchSize: 10, needsRotation: () => false, reencrypt: (value: string) => value };
    for (const bad of [
      { table: 'secret_probe; drop table app_meta', idColumn: 'id', column: 'value' },
      { table: 'secret_probe', idColumn: 'Id', column: 'value' },
      { table: 'secret_probe', idColumn: 'id', column: 'public.value' },
    ]) {
      await expect(reencryptColumn(db, bad, options)).rejects.toThrow(/invalid SQL identifier/);
    }
    await expect(reencryptColumn(db, column('secret_probe'), { ...options, batchSize: 0 })).rejects.toThrow(
      RangeError,
    );
  });
});
