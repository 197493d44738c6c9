import type { Kysely } from 'kysely';

/**
 * `chat_messages.citations`: the sources an assistant answer cites, as ciphertext of a JSON array
 * (`yw1:…`, the row id as associated data, like `content`). `text`, not `jsonb`: the value is
 * encrypted (snippets are document text), and key rotation rewrites text columns. NULL: no citations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('chat_messages').addColumn('citations', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('chat_messages').dropColumn('citations').execute();
}
