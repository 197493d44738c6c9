import { sql, type Kysely } from 'kysely';

/**
 * Every `timestamptz` column of the platform's tables becomes `timestamptz(3)`: JavaScript dates
 * carry milliseconds, so a microsecond timestamp read into a `Date` and sent back (a keyset cursor
 * over `(created_at, id)`) no longer matches the stored value. On PostgreSQL, rows written within
 * the same millisecond were skipped or repeated across pages. Values are rounded to the millisecond.
 */
function alterAll(precision: '(3)' | ''): ReturnType<typeof sql> {
  return sql`do $$
    declare column_row record;
    begin
      for column_row in
        select table_name, column_name from information_schema.columns
        where table_schema = current_schema() and data_type = 'timestamp with time zone'
          and table_name in (select table_name from information_schema.tables
            where table_schema = current_schema() and table_type = 'BASE TABLE')
      loop
        execute format('alter table %I alter column %I type timestamptz${sql.raw(precision)}',
          column_row.table_name, column_row.column_name);
      end loop;
    end $$`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await alterAll('(3)').execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await alterAll('').execute(db);
}
