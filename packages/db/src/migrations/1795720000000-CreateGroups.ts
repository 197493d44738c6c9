import { sql, type Kysely } from 'kysely';

/**
 * Groups and memberships, and `documents.is_private` in place of `documents.visibility`
 * (`visibility = 'private'` becomes `is_private = true`; see
 * docs/decisions/2026-11-26-is-private-replaces-visibility.md). `documents.group_id` gets its foreign
 * key: deleting a group leaves its documents with their owners, ungrouped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('groups')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (column) => column.notNull().check(sql`char_length(name) between 1 and 100`))
    .addColumn('description', 'text', (column) =>
      column
        .notNull()
        .defaultTo('')
        .check(sql`char_length(description) <= 1000`),
    )
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index groups_name_lower_key on groups (lower(name))`.execute(db);

  await db.schema
    .createTable('group_memberships')
    .addColumn('group_id', 'uuid', (column) => column.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (column) => column.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (column) =>
      column
        .notNull()
        .defaultTo('member')
        .check(sql`role in ('member', 'admin')`),
    )
    .addColumn('joined_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('group_memberships_pkey', ['user_id', 'group_id'])
    .execute();
  // The access join reads a user's groups (primary key) and a group's members (this index).
  await db.schema
    .createIndex('group_memberships_group_idx')
    .on('group_memberships')
    .columns(['group_id', 'role'])
    .execute();

  await db.schema
    .alterTable('documents')
    .addColumn('is_private', 'boolean', (column) => column.notNull().defaultTo(false))
    .execute();
  await sql`update documents set is_private = (visibility = 'private')`.execute(db);
  await db.schema.alterTable('documents').dropColumn('visibility').execute();
  // Group ids written before groups existed point nowhere: clear them so the foreign key holds.
  await sql`update documents set group_id = null
    where group_id is not null and group_id not in (select id from groups)`.execute(db);
  await db.schema
    .alterTable('documents')
    .addForeignKeyConstraint('documents_group_id_fkey', ['group_id'], 'groups', ['id'])
    .onDelete('set null')
    .execute();
  await db.schema.dropIndex('documents_group_idx').execute();
  // Shared documents of a group (the access join and `GET /v1/groups/:id/documents`).
  await db.schema
    .createIndex('documents_group_shared_idx')
    .on('documents')
    .columns(['group_id', 'created_at', 'id'])
    .where(sql.ref('group_id'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('documents_group_shared_idx').execute();
  await db.schema.createIndex('documents_group_idx').on('documents').column('group_id').execute();
  await db.schema.alterTable('documents').dropConstraint('documents_group_id_fkey').execute();
  await db.schema
    .alterTable('documents')
    .addColumn('visibility', 'text', (column) =>
      column
        .notNull()
        .defaultTo('private')
        .check(sql`visibility in ('private', 'group')`),
    )
    .execute();
  // A document in a group and not private was shared ('group'); everything else was 'private'.
  await sql`update documents set visibility = case
    when is_private or group_id is null then 'private' else 'group' end`.execute(db);
  await db.schema.alterTable('documents').dropColumn('is_private').execute();
  await db.schema.dropTable('group_memberships').execute();
  await db.schema.dropTable('groups').execute();
}
