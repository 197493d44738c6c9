import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('chat_sessions')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (column) => column.notNull().references('users.id').onDelete('cascade'))
    .addColumn('title', 'text', (column) => column.notNull().check(sql`char_length(title) <= 200`))
    .addColumn('pinned', 'boolean', (column) => column.notNull().defaultTo(false))
    .addColumn('model', 'text')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('chat_sessions_user_updated_idx')
    .on('chat_sessions')
    .columns(['user_id', 'updated_at', 'id'])
    .execute();

  await db.schema
    .createTable('chat_messages')
    .addColumn('id', 'uuid', (column) => column.primaryKey())
    // Insertion order: rows written in one transaction share now(), so time cannot order them.
    .addColumn('seq', 'bigint', (column) => column.notNull().generatedAlwaysAsIdentity())
    .addColumn('session_id', 'uuid', (column) =>
      column.notNull().references('chat_sessions.id').onDelete('cascade'),
    )
    .addColumn('role', 'text', (column) => column.notNull().check(sql`role in ('user', 'assistant')`))
    .addColumn('content', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) =>
      column
        .notNull()
        .defaultTo('complete')
        .check(sql`status in ('complete', 'cancelled', 'error')`),
    )
    .addColumn('model', 'text')
    .addColumn('prompt_tokens', 'integer')
    .addColumn('completion_tokens', 'integer')
    .addColumn('reasoning_tokens', 'integer')
    .addColumn('error_code', 'text')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('chat_messages_session_idx')
    .on('chat_messages')
    .columns(['session_id', 'seq'])
    .execute();

  await db.schema
    .createTable('tool_runs')
    .addColumn('id', 'uuid', (column) => column.primaryKey())
    .addColumn('message_id', 'uuid', (column) =>
      column.notNull().references('chat_messages.id').onDelete('cascade'),
    )
    .addColumn('session_id', 'uuid', (column) =>
      column.notNull().references('chat_sessions.id').onDelete('cascade'),
    )
    .addColumn('step', 'integer', (column) => column.notNull())
    .addColumn('tool_call_id', 'text', (column) => column.notNull())
    .addColumn('tool_name', 'text', (column) => column.notNull())
    .addColumn('arguments', 'text', (column) => column.notNull())
    .addColumn('result_preview', 'text')
    .addColumn('status', 'text', (column) =>
      column.notNull().check(sql`status in ('success', 'error', 'timeout', 'cancelled')`),
    )
    .addColumn('duration_ms', 'integer', (column) => column.notNull())
    .addColumn('error_code', 'text')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('tool_runs_message_idx')
    .on('tool_runs')
    .columns(['message_id', 'step'])
    .execute();
  await db.schema.createIndex('tool_runs_session_idx').on('tool_runs').column('session_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('tool_runs').execute();
  await db.schema.dropTable('chat_messages').execute();
  await db.schema.dropTable('chat_sessions').execute();
}
