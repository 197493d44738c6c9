import type { Schemas } from '@qdrant/js-client-rest';
import { isUuid } from '../search-request.ts';
import type { AccessFilter, SearchFilters } from '../vector-store.ts';
import { VectorStoreError } from '../vector-store-error.ts';

type Condition = Schemas['Condition'];
type Filter = Schemas['Filter'];

function distinct(values: readonly string[] | undefined): string[] {
  return [...new Set((values ?? []).filter((value) => value !== ''))];
}

function epochMs(value: Date, name: string): number {
  const time = value.getTime();
  if (Number.isNaN(time)) {
    throw new VectorStoreError('VECTOR_INVALID_REQUEST', `${name} is not a valid date`);
  }
  return time;
}

/** The payload condition "owned by the user, or in one of their groups and not private". */
export function accessCondition(access: AccessFilter): Condition {
  if (!isUuid(access.userId)) {
    throw new VectorStoreError('VECTOR_INVALID_REQUEST', 'The access filter needs a uuid userId');
  }
  const owner: Condition = { key: 'owner_id', match: { value: access.userId } };
  const groups = distinct(access.groupIds);
  if (groups.length === 0) {
    return owner;
  }
  return {
    should: [
      owner,
      {
        must: [
          { key: 'is_private', match: { value: false } },
          { key: 'group_id', match: { any: groups } },
        ],
      },
    ],
  };
}

/** The {@link SearchFilters} as payload conditions; null when one of them can match nothing. */
function filterConditions(filters: SearchFilters | undefined): Condition[] | null {
  if (filters === undefined) {
    return [];
  }
  const conditions: Condition[] = [];
  const tags = distinct(filters.tags);
  if (tags.length > 0) {
    conditions.push({ key: 'tags', match: { any: tags } });
  }
  const requestedDocuments = distinct(filters.documentIds);
  if (requestedDocuments.length > 0) {
    const documentIds = requestedDocuments.filter(isUuid);
    if (documentIds.length === 0) {
      return null;
    }
    conditions.push({ key: 'document_id', match: { any: documentIds } });
  }
  const mimeTypes = distinct(filters.mimeTypes);
  if (mimeTypes.length > 0) {
    conditions.push({ key: 'mime_type', match: { any: mimeTypes } });
  }
  if (filters.groupId !== undefined) {
    conditions.push({ key: 'group_id', match: { value: filters.groupId } });
  }
  if (filters.createdAfter !== undefined || filters.createdBefore !== undefined) {
    conditions.push({
      key: 'created_at',
      range: {
        ...(filters.createdAfter === undefined ? {} : { gt: epochMs(filters.createdAfter, 'createdAfter') }),
        ...(filters.createdBefore === undefined
          ? {}
          : { lt: epochMs(filters.createdBefore, 'createdBefore') }),
      },
    });
  }
  return conditions;
}

/**
 * Access plus filters as one Qdrant filter: every prefetch and query of a search carries it. Null when
 * the filters can match nothing (the search then returns no hits without asking Qdrant).
 */
export function searchFilter(access: AccessFilter, filters: SearchFilters | undefined): Filter | null {
  const conditions = filterConditions(filters);
  if (conditions === null) {
    return null;
  }
  return { must: [accessCondition(access), ...conditions] };
}

/** The condition "belongs to this document". */
export function documentCondition(documentId: string): Condition {
  return { key: 'document_id', match: { value: documentId } };
}

/** Points of one document. */
export function documentFilter(documentId: string): Filter {
  return { must: [documentCondition(documentId)] };
}
