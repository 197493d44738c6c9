import { sql, type Kysely } from 'kysely';

/**
 * `groups.source`: who manages a group's membership. `platform` (every existing group): its admins,
 * through the API. `sso`: the SSO forward-auth groups header (`SSO_GROUP_SYNC`), synced at each
 * forward-auth login; the API refuses manual membership changes on it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('groups')
    .addColumn('source', 'text', (column) =>
      column
        .notNull()
        .defaultTo('platform')
        .check(sql`source in ('platform', 'sso')`),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('groups').dropColumn('source').execute();
}
