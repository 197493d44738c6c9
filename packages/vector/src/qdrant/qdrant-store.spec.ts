import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeQdrant, type FakeQdrant, type RecordedRequest } from '../testing/fake-qdrant-server.ts';
import { chunkIdFor, direction, makeChunk } from '../testing/synthetic.ts';
import { CONTRACT_MODEL, describeVectorStoreContract } from '../testing/vector-store-contract.ts';
import type { DocumentAccess, VectorStore } from '../vector-store.ts';
import { createQdrantStore } from './qdrant-store.ts';

function qdrantFixture() {
  return async () => {
    const fake = await startFakeQdrant();
    const store = createQdrantStore({ url: fake.url, collection: 'contract_chunks', timeoutMs: 5000 });
    return {
      store,
      createOwner: () => Promise.resolve(randomUUID()),
      createDocument: (input: {
        ownerId: string;
        isPrivate?: boolean;
        groupId?: string | null;
        tags?: readonly string[];
        mimeType?: string | null;
        createdAt?: Date;
      }) =>
        Promise.resolve({
          documentId: randomUUID(),
          access: {
            ownerId: input.ownerId,
            groupId: input.groupId ?? null,
            isPrivate: input.isPrivate ?? false,
            tags: input.tags ?? [],
            mimeType: input.mimeType === undefined ? 'text/plain' : input.mimeType,
            createdAt: input.createdAt ?? new Date(),
          },
        }),
      updateDocument: () => Promise.resolve(),
      cleanup: () => fake.close(),
    };
  };
}

describeVectorStoreContract('qdrant adapter against the in-process fake', qdrantFixture());

describe('qdrant store requests', () => {
  let fake: FakeQdrant;
  let store: VectorStore;
  const owner = randomUUID();
  const group = randomUUID();
  const access: DocumentAccess = {
    ownerId: owner,
    groupId: group,
    isPrivate: false,
    tags: ['finance'],
    mimeType: 'application/pdf',
    createdAt: new Date('2024-05-01T00:00:00Z'),
  };

  beforeAll(async () => {
    fake = await startFakeQdrant();
    store = createQdrantStore({ url: fake.url, collection: 'unit_chunks', timeoutMs: 5000 });
    await store.ensureIndex(CONTRACT_MODEL);
  });

  afterAll(async () => {
    await fake.close();
  });

  function requestsTo(method: string, suffix: string, since = 0): RecordedRequest[] {
    return fake.requests
      .slice(since)
      .filter((request) => request.method === method && request.path.endsWith(suffix));
  }

  it('should create the collection with a dense cosine vector, a sparse IDF vector and the model', () => {
    const [create] = requestsTo('PUT', '/collections/unit_chunks');
    expect(create?.body).toEqual({
      vectors: { dense: { size: 8, distance: 'Cosine' } },
      sparse_vectors: { lexical: { modifier: 'idf' } },
      metadata: { youworker: CONTRACT_MODEL },
    });
    const indexes = requestsTo('PUT', '/collections/unit_chunks/index').map((request) => [
      request.body?.field_name,
      request.body?.field_schema,
    ]);
    expect(indexes).toEqual(
      expect.arrayContaining([
        ['owner_id', 'keyword'],
        ['group_id', 'keyword'],
        ['is_private', 'bool'],
        ['document_id', 'keyword'],
        ['tags', 'keyword'],
        ['mime_type', 'keyword'],
        ['created_at', 'integer'],
      ]),
    );
  });

  it('should not create the collection or its indexes again on a second ensureIndex', async () => {
    const since = fake.requests.length;
    await store.ensureIndex(CONTRACT_MODEL);
    expect(requestsTo('PUT', '/collections/unit_chunks', since)).toEqual([]);
    expect(requestsTo('PUT', '/index', since)).toEqual([]);
  });

  it('should upsert points whose ids are the chunk ids, with the access payload, then delete stale ones', async () => {
    const documentId = randomUUID();
    const chunks = [0, 1, 2].map((ordinal) =>
      makeChunk(documentId, ordinal, `chunk ${ordinal} otter`, direction(ordinal)),
    );
    let since = fake.requests.length;
    await store.indexDocument(documentId, access, chunks);
    const [upsert] = requestsTo('PUT', '/points', since);
    const points = upsert?.body?.points as {
      id: string;
      payload: Record<string, unknown>;
      vector: Record<string, unknown>;
    }[];
    expect(points.map((point) => point.id)).toEqual(
      [0, 1, 2].map((ordinal) => chunkIdFor(documentId, ordinal)),
    );
    expect(points[1]?.payload).toEqual({
      document_id: documentId,
      ordinal: 1,
      text: 'chunk 1 otter',
      page: null,
      sheet: null,
      heading_path: [],
      owner_id: owner,
      group_id: group,
      is_private: false,
      tags: ['finance'],
      mime_type: 'application/pdf',
      created_at: Date.parse('2024-05-01T00:00:00Z'),
    });
    expect(Object.keys(points[1]?.vector ?? {}).sort()).toEqual(['dense', 'lexical']);

    since = fake.requests.length;
    await store.indexDocument(documentId, access, chunks.slice(0, 2));
    const [reupsert] = requestsTo('PUT', '/points', since);
    expect((reupsert?.body?.points as { id: string }[]).map((point) => point.id)).toEqual(
      [0, 1].map((ordinal) => chunkIdFor(documentId, ordinal)),
    );
    const [stale] = requestsTo('POST', '/points/delete', since);
    expect(stale?.body).toEqual({
      filter: {
        must: [{ key: 'document_id', match: { value: documentId } }],
        must_not: [{ has_id: [chunkIdFor(documentId, 0), chunkIdFor(documentId, 1)] }],
      },
    });
    expect(stale?.query.wait).toBe('true');
    const stored = [...(fake.collections.get('unit_chunks')?.points.values() ?? [])].filter(
      (point) => point.payload.document_id === documentId,
    );
    expect(stored).toHaveLength(2);
  });

  it('should put the access filter and the filters inside both prefetches of a hybrid query', async () => {
    const since = fake.requests.length;
    const secondGroup = randomUUID();
    await store.search({
      text: 'otter',
      vector: direction(0),
      access: { userId: owner, groupIds: [group, secondGroup] },
      filters: { tags: ['finance'], mimeTypes: ['application/pdf'] },
      k: 4,
      mode: 'hybrid',
    });
    const [query] = requestsTo('POST', '/points/query', since);
    const body = query?.body as { prefetch: Record<string, unknown>[]; query: unknown; limit: number };
    const expectedFilter = {
      must: [
        {
          should: [
            { key: 'owner_id', match: { value: owner } },
            {
              must: [
                { key: 'is_private', match: { value: false } },
                { key: 'group_id', match: { any: [group, secondGroup] } },
              ],
            },
          ],
        },
        { key: 'tags', match: { any: ['finance'] } },
        { key: 'mime_type', match: { any: ['application/pdf'] } },
      ],
    };
    expect(body.prefetch).toHaveLength(2);
    expect(body.prefetch.map((prefetch) => prefetch.using)).toEqual(['dense', 'lexical']);
    for (const prefetch of body.prefetch) {
      expect(prefetch.filter).toEqual(expectedFilter);
      expect(prefetch.limit).toBe(50);
    }
    expect(body.query).toEqual({ rrf: { k: 60 } });
    expect(body.limit).toBe(4);
  });

  it('should query dense and lexical modes as single filtered queries', async () => {
    const since = fake.requests.length;
    const filterAccess = { userId: owner, groupIds: [] };
    await store.search({ text: '', vector: direction(1), access: filterAccess, k: 3, mode: 'dense' });
    await store.search({ text: 'otter', access: filterAccess, k: 3, mode: 'lexical' });
    const [dense, lexical] = requestsTo('POST', '/points/query', since);
    const ownerOnly = { must: [{ key: 'owner_id', match: { value: owner } }] };
    expect(dense?.body).toMatchObject({
      using: 'dense',
      filter: ownerOnly,
      limit: 3,
      params: { hnsw_ef: 100 },
    });
    expect(dense?.body?.prefetch).toBeUndefined();
    expect(lexical?.body).toMatchObject({ using: 'lexical', filter: ownerOnly, limit: 3 });
  });

  it('should rewrite the access payload of every point of a document, and delete them by filter', async () => {
    const documentId = randomUUID();
    await store.indexDocument(documentId, access, [makeChunk(documentId, 0, 'payload test', direction(2))]);
    let since = fake.requests.length;
    await store.updateDocumentAccess(documentId, { ...access, isPrivate: true, tags: [] });
    const [payload] = requestsTo('POST', '/points/payload', since);
    expect(payload?.body).toMatchObject({
      filter: { must: [{ key: 'document_id', match: { value: documentId } }] },
      payload: { is_private: true, tags: [], owner_id: owner },
    });
    since = fake.requests.length;
    await store.deleteDocument(documentId);
    const [deleted] = requestsTo('POST', '/points/delete', since);
    expect(deleted?.body).toEqual({
      filter: { must: [{ key: 'document_id', match: { value: documentId } }] },
    });
  });

  it('should drop the collection on reset', async () => {
    await store.reset();
    expect(fake.collections.has('unit_chunks')).toBe(false);
    await expect(store.indexInfo()).resolves.toBeNull();
    await store.ensureIndex(CONTRACT_MODEL);
  });
});
