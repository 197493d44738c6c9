import type { Kysely } from 'kysely';
import type { Database } from '../schema/database.ts';

/** Key/value facts about this installation. */
export class AppMetaRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(key: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('app_meta')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst();
    return row?.value;
  }

  /** Stores `value` unless the key exists already; returns the stored value either way. */
  async getOrCreate(key: string, value: string): Promise<string> {
    await this.db
      .insertInto('app_meta')
      .values({ key, value })
      .onConflict((conflict) => conflict.column('key').doNothing())
      .execute();
    const stored = await this.get(key);
    if (stored === undefined) {
      throw new Error(`app_meta.${key} vanished right after it was written`);
    }
    return stored;
  }
}
