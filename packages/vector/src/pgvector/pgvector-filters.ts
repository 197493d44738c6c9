import { sql, type RawBuilder } from 'kysely';
import { isUuid } from '../search-request.ts';
import type { AccessFilter, SearchFilters } from '../vector-store.ts';
import { VectorStoreError } from '../vector-store-error.ts';

type Condition = RawBuilder<unknown>;

function timestamp(value: Date, name: string): string {
  if (Number.isNaN(value.getTime())) {
    throw new VectorStoreError('VECTOR_INVALID_REQUEST', `${name} is not a valid date`);
  }
  return value.toISOString();
}

/** Distinct non-empty strings of a filter list. */
function listValues(values: readonly string[] | undefined): string[] {
  return [...new Set((values ?? []).filter((value) => value !== ''))];
}

/**
 * Who may see a chunk, as a condition on the joined `documents d` (the live row): the owner, or a
 * member of its group when it is not private. Group ids that are not uuids cannot match
 * `documents.group_id` and are dropped.
 */
export function accessCondition(access: AccessFilter): Condition {
  if (!isUuid(access.userId)) {
    throw new VectorStoreError('VECTOR_INVALID_REQUEST', 'The access filter needs a uuid userId');
  }
  const groups = listValues(access.groupIds).filter(isUuid);
  if (groups.length === 0) {
    return sql`d.owner_id = ${access.userId}`;
  }
  return sql`(d.owner_id = ${access.userId} or (not d.is_private and d.group_id in (${sql.join(groups)})))`;
}

/**
 * The {@link SearchFilters} as conditions on `document_chunks c` and `documents d`. A list filter given
 * with values none of which can match (e.g. non-uuid document ids) matches nothing.
 */
export function filterConditions(filters: SearchFilters | undefined): Condition[] {
  if (filters === undefined) {
    return [];
  }
  const conditions: Condition[] = [];
  const tags = listValues(filters.tags);
  if (tags.length > 0) {
    conditions.push(sql`d.tags && array[${sql.join(tags)}]::text[]`);
  }
  const requestedDocuments = listValues(filters.documentIds);
  if (requestedDocuments.length > 0) {
    const documentIds = requestedDocuments.filter(isUuid);
    conditions.push(documentIds.length > 0 ? sql`c.document_id in (${sql.join(documentIds)})` : sql`false`);
  }
  const mimeTypes = listValues(filters.mimeTypes);
  if (mimeTypes.length > 0) {
    conditions.push(sql`d.mime_type in (${sql.join(mimeTypes)})`);
  }
  if (filters.groupId !== undefined) {
    conditions.push(isUuid(filters.groupId) ? sql`d.group_id = ${filters.groupId}` : sql`false`);
  }
  if (filters.createdAfter !== undefined) {
    conditions.push(sql`d.created_at > ${timestamp(filters.createdAfter, 'createdAfter')}::timestamptz`);
  }
  if (filters.createdBefore !== undefined) {
    conditions.push(sql`d.created_at < ${timestamp(filters.createdBefore, 'createdBefore')}::timestamptz`);
  }
  return conditions;
}

/** Access plus filters, joined with `and`, ready for a `where`. */
export function visibleChunkCondition(access: AccessFilter, filters: SearchFilters | undefined): Condition {
  return sql.join([accessCondition(access), ...filterConditions(filters)], sql` and `);
}
