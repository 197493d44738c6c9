import { writeFileSync } from 'node:fs';
import { AppMetaRepository, DatabaseSetupError, openPGlite } from '@youworker/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../support/env.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

if (testDatabaseUrl) {
  console.info(
    '[medium] PGlite persistence tests skipped: this pass runs against PostgreSQL (TEST_DATABASE_URL)',
  );
}

describe.skipIf(testDatabaseUrl !== undefined)('embedded PGlite', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.destroy();
  });

  it('should keep its data when closed and opened again', async () => {
    const dataDir = database.dataDir as string;
    await new AppMetaRepository(database.handle.db).getOrCreate('probe', 'ünïcødé ✓ survives');
    await database.handle.close();

    const reopened = await openPGlite({ dataDir });
    try {
      expect(await new AppMetaRepository(reopened.db).get('probe')).toBe('ünïcødé ✓ survives');
    } finally {
      await reopened.close();
    }
    database.handle = await openPGlite({ dataDir });
  });

  it('should refuse a second open of the same directory', async () => {
    const error: unknown = await openPGlite({ dataDir: database.dataDir as string }).catch(
      (caught: unknown) => caught,
    );
    expect(DatabaseSetupError.isInstance(error)).toBe(true);
    expect((error as DatabaseSetupError).code).toBe('DATABASE_LOCKED');
    expect((error as Error).message).toMatch(/in use by process \d+/);
    await database.handle.ping();
  });

  it('should take over a lock left by a dead process', async () => {
    const dataDir = database.dataDir as string;
    await database.handle.close();
    writeFileSync(`${dataDir}/pglite.lock`, '2147483646');
    database.handle = await openPGlite({ dataDir });
    await database.handle.ping();
  });

  it('should run a transaction without interleaving other queries', async () => {
    const repository = new AppMetaRepository(database.handle.db);
    await expect(
      database.handle.db.transaction().execute(async (transaction) => {
        await new AppMetaRepository(transaction).getOrCreate('rolled-back', 'x');
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await repository.get('rolled-back')).toBeUndefined();
  });
});
