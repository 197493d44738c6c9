import type { ColumnType, Generated } from 'kysely';

/** A `timestamptz` column filled by the database on insert. */
export type CreatedAt = ColumnType<Date, never, never>;
/** A `timestamptz` column with a database default that updates may set. */
export type UpdatedAt = ColumnType<Date, never, Date>;

/** `app_meta`: small key/value facts about this installation (instance id, first start). */
export interface AppMetaTable {
  key: string;
  value: string;
  created_at: Generated<Date> & CreatedAt;
  updated_at: Generated<Date> & UpdatedAt;
}

/** The database schema as code, kept in step with the migrations by hand. */
export interface Database {
  app_meta: AppMetaTable;
}
