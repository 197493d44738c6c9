import type { Database } from '@youworker/db';
import { sql, type Kysely } from 'kysely';
import type { IndexedChunk } from '../vector-store.ts';
import { toVectorText } from './vector-text.ts';

/** Rows per multi-row `VALUES` insert (10 parameters each, well under PostgreSQL's 65,535). */
export const INSERT_BATCH_SIZE = 200;

/**
 * Inserts chunks with a multi-row `VALUES` list per batch (PGlite cannot bind `vector[]` arrays). The
 * lexical `tsv` is computed in SQL: heading path weighted `A`, body `B`, so a heading match ranks higher.
 */
export async function insertChunks(
  db: Kysely<Database>,
  documentId: string,
  chunks: readonly IndexedChunk[],
  textSearchConfig: string,
): Promise<void> {
  for (let start = 0; start < chunks.length; start += INSERT_BATCH_SIZE) {
    const rows = chunks.slice(start, start + INSERT_BATCH_SIZE).map(
      (chunk) => sql`(${chunk.id}::uuid, ${chunk.ordinal}::int, ${chunk.text}::text, ${chunk.tokenCount}::int,
        ${chunk.page ?? null}::int, ${chunk.sheet ?? null}::text, ${[...chunk.headingPath]}::text[],
        ${chunk.charStart}::int, ${chunk.charEnd}::int, ${toVectorText(chunk.embedding)}::vector)`,
    );
    await sql`insert into document_chunks
        (id, document_id, ordinal, text, token_count, page, sheet, heading_path, char_start, char_end, embedding, tsv)
      select v.id, ${documentId}::uuid, v.ordinal, v.text, v.token_count, v.page, v.sheet, v.heading_path,
        v.char_start, v.char_end, v.embedding,
        setweight(to_tsvector(${textSearchConfig}::regconfig, array_to_string(v.heading_path, ' ')), 'A')
          || setweight(to_tsvector(${textSearchConfig}::regconfig, v.text), 'B')
      from (values ${sql.join(rows)})
        as v(id, ordinal, text, token_count, page, sheet, heading_path, char_start, char_end, embedding)`.execute(
      db,
    );
  }
}
