import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EmbeddingModelMismatchError,
  type AccessFilter,
  type ChunkHit,
  type DocumentAccess,
  type SearchMode,
  type VectorStore,
} from '../vector-store.ts';
import { VectorStoreError } from '../vector-store-error.ts';
import { CONTRACT_DIMENSION, direction, makeChunk } from './synthetic.ts';

/** The access facts of a document the contract suite creates. */
export interface ContractDocumentInput {
  ownerId: string;
  /** Default false: a grouped document is readable by the group's members. */
  isPrivate?: boolean;
  groupId?: string | null;
  tags?: readonly string[];
  mimeType?: string | null;
  createdAt?: Date;
}

/** A document created by the fixture: its id and the access facts to index it with. */
export interface ContractDocument {
  documentId: string;
  access: DocumentAccess;
}

/** What a backend provides to run the contract suite against it. */
export interface VectorStoreContractFixture {
  store: VectorStore;
  /** A new user id that may own documents (pgvector: a real `users` row). */
  createOwner(): Promise<string>;
  /** A new document (pgvector: a `documents` row). */
  createDocument(input: ContractDocumentInput): Promise<ContractDocument>;
  /** Changes a document's access facts where the backend reads them (pgvector: the `documents` row). */
  updateDocument(documentId: string, access: DocumentAccess): Promise<void>;
  cleanup(): Promise<void>;
}

/** The model the suite records; its vectors have {@link CONTRACT_DIMENSION} dimensions. */
export const CONTRACT_MODEL = { model: 'contract-hash-embedder', dimension: CONTRACT_DIMENSION };

const allModes: readonly SearchMode[] = ['dense', 'lexical', 'hybrid'];

function ids(hits: readonly ChunkHit[]): string[] {
  return hits.map((hit) => hit.chunkId);
}

function documentIds(hits: readonly ChunkHit[]): string[] {
  return [...new Set(hits.map((hit) => hit.documentId))];
}

function cosine(left: readonly number[], right: readonly number[]): number {
  return left.reduce((sum, value, index) => sum + value * (right[index] ?? 0), 0);
}

/**
 * The semantics every {@link VectorStore} must have, as a vitest suite: indexing and the three search
 * modes, replacement on re-index, deletion, access control in every read path, filters, `k` under
 * restrictive filters, model mismatch and reset. Each test creates its own owners, so tests are
 * isolated by access control alone; `reset` runs last.
 */
export function describeVectorStoreContract(
  name: string,
  setup: () => Promise<VectorStoreContractFixture>,
): void {
  describe(`VectorStore contract: ${name}`, () => {
    let fixture: VectorStoreContractFixture;
    let store: VectorStore;

    beforeAll(async () => {
      fixture = await setup();
      store = fixture.store;
      await store.ensureIndex(CONTRACT_MODEL);
    });

    afterAll(async () => {
      await fixture.cleanup();
    });

    async function owner(): Promise<AccessFilter> {
      return { userId: await fixture.createOwner(), groupIds: [] };
    }

    async function indexed(
      input: ContractDocumentInput,
      chunks: readonly { text: string; embedding: readonly number[]; headingPath?: string[] }[],
    ): Promise<ContractDocument> {
      const document = await fixture.createDocument(input);
      await store.indexDocument(
        document.documentId,
        document.access,
        chunks.map((chunk, ordinal) =>
          makeChunk(document.documentId, ordinal, chunk.text, chunk.embedding, {
            headingPath: chunk.headingPath ?? [],
            page: ordinal + 1,
          }),
        ),
      );
      return document;
    }

    it('should record the embedding model and accept the same model again', async () => {
      await expect(store.indexInfo()).resolves.toEqual(CONTRACT_MODEL);
      await expect(store.ensureIndex(CONTRACT_MODEL)).resolves.toBeUndefined();
      await expect(store.check()).resolves.toBeUndefined();
    });

    it('should refuse another model or dimension with EmbeddingModelMismatchError', async () => {
      for (const other of [
        { model: 'another-model', dimension: CONTRACT_DIMENSION },
        { model: CONTRACT_MODEL.model, dimension: CONTRACT_DIMENSION * 2 },
      ]) {
        const error: unknown = await store.ensureIndex(other).catch((caught: unknown) => caught);
        expect(EmbeddingModelMismatchError.isInstance(error)).toBe(true);
        expect((error as EmbeddingModelMismatchError).code).toBe('EMBEDDING_MODEL_MISMATCH');
        expect((error as EmbeddingModelMismatchError).indexed).toEqual(CONTRACT_MODEL);
      }
      await expect(store.indexInfo()).resolves.toEqual(CONTRACT_MODEL);
    });

    it('should reject embeddings and query vectors of the wrong dimension', async () => {
      const access = await owner();
      const document = await fixture.createDocument({ ownerId: access.userId });
      const wrong = makeChunk(document.documentId, 0, 'wrong size', [1, 0, 0]);
      const error: unknown = await store
        .indexDocument(document.documentId, document.access, [wrong])
        .catch((caught: unknown) => caught);
      expect(VectorStoreError.isInstance(error) && error.code).toBe('VECTOR_DIMENSION_MISMATCH');
      const queryError: unknown = await store
        .search({ text: '', vector: [1, 0], access, k: 3, mode: 'dense' })
        .catch((caught: unknown) => caught);
      expect(VectorStoreError.isInstance(queryError) && queryError.code).toBe('VECTOR_DIMENSION_MISMATCH');
      const missing: unknown = await store
        .search({ text: 'x', access, k: 3, mode: 'hybrid' })
        .catch((caught: unknown) => caught);
      expect(VectorStoreError.isInstance(missing) && missing.code).toBe('VECTOR_INVALID_REQUEST');
    });

    it('should find the nearest chunk with a dense search, cosine similarity as score', async () => {
      const access = await owner();
      const document = await indexed({ ownerId: access.userId }, [
        { text: 'alpha section', embedding: direction(0) },
        { text: 'beta section', embedding: direction(1) },
        { text: 'gamma section', embedding: direction(2) },
      ]);
      const hits = await store.search({ text: '', vector: direction(1, 0.2), access, k: 2, mode: 'dense' });
      expect(hits).toHaveLength(2);
      expect(hits[0]).toMatchObject({
        documentId: document.documentId,
        ordinal: 1,
        text: 'beta section',
        page: 2,
      });
      expect(hits[0]?.score).toBeCloseTo(cosine(direction(1), direction(1, 0.2)), 4);
      expect(hits[0]?.score ?? 0).toBeGreaterThan(hits[1]?.score ?? 1);
    });

    it('should find the chunk holding a keyword with a lexical search', async () => {
      const access = await owner();
      await indexed({ ownerId: access.userId }, [
        { text: 'The quarterly budget review is in March.', embedding: direction(0) },
        { text: 'Zebras graze on the savanna near the river.', embedding: direction(1) },
        { text: 'Nothing relevant is written here at all.', embedding: direction(2) },
      ]);
      const hits = await store.search({ text: 'zebras', access, k: 5, mode: 'lexical' });
      expect(hits.map((hit) => hit.ordinal)).toEqual([1]);
      expect(hits[0]?.score).toBeGreaterThan(0);
    });

    it('should match a question lexically on any of its words, more matched words ranking first', async () => {
      const access = await owner();
      await indexed({ ownerId: access.userId }, [
        { text: 'Zebras graze on the savanna near the river.', embedding: direction(0) },
        { text: 'Lions hunt zebras at dawn.', embedding: direction(1) },
        { text: 'The quarterly budget review is in March.', embedding: direction(2) },
      ]);
      const hits = await store.search({ text: 'when do lions hunt zebras', access, k: 5, mode: 'lexical' });
      expect(hits.map((hit) => hit.ordinal)).toEqual([1, 0]);
    });

    it('should rank a chunk matching both the vector and the keywords first in a hybrid search', async () => {
      const access = await owner();
      await indexed({ ownerId: access.userId }, [
        { text: 'Closest vector, unrelated words about gardening.', embedding: direction(3) },
        { text: 'Quantum entanglement explained for engineers.', embedding: direction(3, 0.35) },
        { text: 'Quantum computing hardware overview.', embedding: direction(6) },
        { text: 'Weather report for the weekend.', embedding: direction(5) },
      ]);
      const request = { text: 'quantum entanglement', vector: direction(3), access, k: 3 };
      const dense = await store.search({ ...request, mode: 'dense' });
      expect(dense[0]?.ordinal).toBe(0);
      const hybrid = await store.search({ ...request, mode: 'hybrid' });
      expect(hybrid[0]?.ordinal).toBe(1);
      expect(hybrid).toHaveLength(3);
      if (store.kind === 'pgvector') {
        expect(hybrid[0]).toMatchObject({ denseRank: 2, lexicalRank: 1 });
        expect(hybrid[0]?.score).toBeCloseTo(1 / 62 + 1 / 61, 6);
      }
    });

    it('should return the stored embeddings when asked', async () => {
      const access = await owner();
      await indexed({ ownerId: access.userId }, [
        { text: 'embedding carrier', embedding: direction(4, 0.3) },
      ]);
      for (const mode of ['dense', 'hybrid'] as const) {
        const [hit] = await store.search({
          text: 'embedding',
          vector: direction(4),
          access,
          k: 1,
          mode,
          withEmbeddings: true,
        });
        expect(hit?.embedding).toHaveLength(CONTRACT_DIMENSION);
        direction(4, 0.3).forEach((value, index) => {
          expect(hit?.embedding?.[index]).toBeCloseTo(value, 5);
        });
      }
      const [plain] = await store.search({ text: '', vector: direction(4), access, k: 1, mode: 'dense' });
      expect(plain?.embedding).toBeUndefined();
    });

    it('should treat a blank or stop-word-only text as dense only, without error', async () => {
      const access = await owner();
      await indexed({ ownerId: access.userId }, [
        { text: 'first stop word test chunk', embedding: direction(0) },
        { text: 'second stop word test chunk', embedding: direction(7) },
      ]);
      for (const text of ['', '   ', 'the and of']) {
        const hybrid = await store.search({ text, vector: direction(7), access, k: 2, mode: 'hybrid' });
        expect(hybrid.map((hit) => hit.ordinal)).toEqual([1, 0]);
        expect(hybrid.every((hit) => hit.lexicalRank === undefined)).toBe(true);
        await expect(store.search({ text, access, k: 2, mode: 'lexical' })).resolves.toEqual([]);
      }
    });

    it('should replace all chunks of a document on re-index, without duplicates', async () => {
      const access = await owner();
      const document = await indexed({ ownerId: access.userId }, [
        { text: 'old walrus one', embedding: direction(0) },
        { text: 'old walrus two', embedding: direction(1) },
        { text: 'old walrus three', embedding: direction(2) },
      ]);
      await store.indexDocument(document.documentId, document.access, [
        makeChunk(document.documentId, 0, 'new narwhal one', direction(0)),
        makeChunk(document.documentId, 1, 'new narwhal two', direction(1)),
      ]);
      const chunks = await store.getChunks(document.documentId, 0, 10, access);
      expect(chunks.map((chunk) => [chunk.ordinal, chunk.text])).toEqual([
        [0, 'new narwhal one'],
        [1, 'new narwhal two'],
      ]);
      await expect(store.search({ text: 'walrus', access, k: 10, mode: 'lexical' })).resolves.toEqual([]);
      expect(await store.search({ text: 'narwhal', access, k: 10, mode: 'lexical' })).toHaveLength(2);
      const dense = await store.search({ text: '', vector: direction(2), access, k: 10, mode: 'dense' });
      expect(dense).toHaveLength(2);
      expect(new Set(ids(dense)).size).toBe(2);
    });

    it('should remove every chunk of a deleted document', async () => {
      const access = await owner();
      const document = await indexed({ ownerId: access.userId }, [
        { text: 'ephemeral pelican', embedding: direction(0) },
        { text: 'ephemeral heron', embedding: direction(1) },
      ]);
      const kept = await indexed({ ownerId: access.userId }, [
        { text: 'durable heron', embedding: direction(1) },
      ]);
      await store.deleteDocument(document.documentId);
      await expect(store.getChunks(document.documentId, 0, 10, access)).resolves.toEqual([]);
      for (const mode of allModes) {
        const hits = await store.search({ text: 'heron', vector: direction(1), access, k: 10, mode });
        expect(documentIds(hits)).toEqual([kept.documentId]);
      }
    });

    it("should never show one user's private chunks to another user, in any mode or via getChunks", async () => {
      const alice = await owner();
      const bob = await owner();
      const sharedGroup = randomUUID();
      const secret = await indexed({ ownerId: alice.userId, groupId: sharedGroup, isPrivate: true }, [
        { text: 'alice secret salary figures', embedding: direction(2) },
      ]);
      await indexed({ ownerId: bob.userId }, [{ text: 'bob public notes', embedding: direction(5) }]);
      const bobInGroup = { ...bob, groupIds: [sharedGroup] };
      for (const access of [bob, bobInGroup]) {
        for (const mode of allModes) {
          const hits = await store.search({
            text: 'alice secret salary',
            vector: direction(2),
            access,
            k: 10,
            mode,
          });
          expect(documentIds(hits)).not.toContain(secret.documentId);
          const filtered = await store.search({
            text: 'secret',
            vector: direction(2),
            access,
            k: 10,
            mode,
            filters: { documentIds: [secret.documentId] },
          });
          expect(filtered).toEqual([]);
        }
        await expect(store.getChunks(secret.documentId, 0, 100, access)).resolves.toEqual([]);
      }
      const own = await store.search({
        text: 'salary',
        vector: direction(2),
        access: alice,
        k: 10,
        mode: 'hybrid',
      });
      expect(documentIds(own)).toEqual([secret.documentId]);
      expect(await store.getChunks(secret.documentId, 0, 100, alice)).toHaveLength(1);
    });

    it('should show a group-shared document to members of that group only', async () => {
      const author = await owner();
      const group = randomUUID();
      const shared = await indexed({ ownerId: author.userId, groupId: group }, [
        { text: 'team handbook onboarding', embedding: direction(6) },
      ]);
      const member = { userId: await fixture.createOwner(), groupIds: [randomUUID(), group] };
      const outsider = { userId: await fixture.createOwner(), groupIds: [randomUUID()] };
      for (const mode of allModes) {
        const request = { text: 'handbook', vector: direction(6), k: 5, mode };
        expect(documentIds(await store.search({ ...request, access: member }))).toEqual([shared.documentId]);
        await expect(store.search({ ...request, access: outsider })).resolves.toEqual([]);
      }
      expect(await store.getChunks(shared.documentId, 0, 0, member)).toHaveLength(1);
      await expect(store.getChunks(shared.documentId, 0, 0, outsider)).resolves.toEqual([]);
    });

    it('should apply updated access (sharing and unsharing) to later searches', async () => {
      const author = await owner();
      const group = randomUUID();
      const document = await indexed({ ownerId: author.userId }, [
        { text: 'roadmap draft', embedding: direction(3) },
      ]);
      const member = { userId: await fixture.createOwner(), groupIds: [group] };
      const request = {
        text: 'roadmap',
        vector: direction(3),
        access: member,
        k: 5,
        mode: 'hybrid' as const,
      };
      await expect(store.search(request)).resolves.toEqual([]);
      const shared: DocumentAccess = {
        ...document.access,
        groupId: group,
        isPrivate: false,
        tags: ['plan'],
      };
      await fixture.updateDocument(document.documentId, shared);
      await store.updateDocumentAccess(document.documentId, shared);
      expect(documentIds(await store.search(request))).toEqual([document.documentId]);
      expect(documentIds(await store.search({ ...request, filters: { tags: ['plan'] } }))).toEqual([
        document.documentId,
      ]);
      const unshared: DocumentAccess = { ...shared, isPrivate: true };
      await fixture.updateDocument(document.documentId, unshared);
      await store.updateDocumentAccess(document.documentId, unshared);
      await expect(store.search(request)).resolves.toEqual([]);
    });

    it('should apply the group rule: owner always; members unless private; never another group', async () => {
      const author = await owner();
      const [team, other] = [randomUUID(), randomUUID()];
      const chunk = (text: string) => [{ text: `${text} quokka`, embedding: direction(5) }];
      const privateInTeam = await indexed(
        { ownerId: author.userId, groupId: team, isPrivate: true },
        chunk('a'),
      );
      const sharedInTeam = await indexed({ ownerId: author.userId, groupId: team }, chunk('b'));
      const inOther = await indexed({ ownerId: author.userId, groupId: other }, chunk('c'));
      const ungrouped = await indexed({ ownerId: author.userId }, chunk('d'));
      const member = { userId: await fixture.createOwner(), groupIds: [team] };
      const everything = [privateInTeam, sharedInTeam, inOther, ungrouped].map((entry) => entry.documentId);
      const expected: [AccessFilter, string[]][] = [
        [author, everything],
        [{ ...author, groupIds: [team, other] }, everything],
        [member, [sharedInTeam.documentId]],
        [{ userId: member.userId, groupIds: [team, other] }, [sharedInTeam.documentId, inOther.documentId]],
        [{ userId: member.userId, groupIds: [] }, []],
      ];
      for (const [access, visible] of expected) {
        for (const mode of allModes) {
          const hits = await store.search({ text: 'quokka', vector: direction(5), access, k: 10, mode });
          expect(documentIds(hits).sort(), `${mode} ${JSON.stringify(access.groupIds)}`).toEqual(
            [...visible].sort(),
          );
        }
        for (const documentId of everything) {
          const chunks = await store.getChunks(documentId, 0, 5, access);
          expect(chunks.length > 0).toBe(visible.includes(documentId));
        }
      }
      // Moving the shared document to the other group takes it away from the team at once.
      const moved: DocumentAccess = { ...sharedInTeam.access, groupId: other };
      await fixture.updateDocument(sharedInTeam.documentId, moved);
      await store.updateDocumentAccess(sharedInTeam.documentId, moved);
      const after = await store.search({ text: 'quokka', access: member, k: 10, mode: 'lexical' });
      expect(after).toEqual([]);
    });

    it('should filter by tags (any of), document ids, MIME types, group and creation time', async () => {
      const access = await owner();
      const group = randomUUID();
      const chunk = (text: string) => [{ text: `${text} filterable`, embedding: direction(1) }];
      const pdf = await indexed(
        {
          ownerId: access.userId,
          tags: ['finance', 'q1'],
          mimeType: 'application/pdf',
          createdAt: new Date('2024-01-10T00:00:00Z'),
        },
        chunk('pdf'),
      );
      const docx = await indexed(
        {
          ownerId: access.userId,
          tags: ['legal'],
          mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          groupId: group,
          createdAt: new Date('2024-06-10T00:00:00Z'),
        },
        chunk('docx'),
      );
      const text = await indexed(
        {
          ownerId: access.userId,
          tags: [],
          mimeType: 'text/plain',
          createdAt: new Date('2025-01-10T00:00:00Z'),
        },
        chunk('text'),
      );
      const cases: [Parameters<VectorStore['search']>[0]['filters'], string[]][] = [
        [{ tags: ['finance'] }, [pdf.documentId]],
        [{ tags: ['legal', 'q1'] }, [pdf.documentId, docx.documentId]],
        [{ tags: ['absent'] }, []],
        [{ documentIds: [docx.documentId, text.documentId] }, [docx.documentId, text.documentId]],
        [{ documentIds: ['not-a-uuid'] }, []],
        [{ mimeTypes: ['text/plain', 'application/pdf'] }, [pdf.documentId, text.documentId]],
        [{ groupId: group }, [docx.documentId]],
        [{ createdAfter: new Date('2024-03-01T00:00:00Z') }, [docx.documentId, text.documentId]],
        [{ createdBefore: new Date('2024-12-31T00:00:00Z') }, [pdf.documentId, docx.documentId]],
        [
          { createdAfter: new Date('2024-03-01T00:00:00Z'), createdBefore: new Date('2024-12-31T00:00:00Z') },
          [docx.documentId],
        ],
        [{ tags: [], documentIds: [], mimeTypes: [] }, [pdf.documentId, docx.documentId, text.documentId]],
      ];
      for (const [filters, expected] of cases) {
        for (const mode of allModes) {
          const hits = await store.search({
            text: 'filterable',
            vector: direction(1),
            access,
            k: 10,
            mode,
            filters,
          });
          expect(documentIds(hits).sort(), `${mode} ${JSON.stringify(filters)}`).toEqual(
            [...expected].sort(),
          );
        }
      }
    });

    it('should still return k hits when a restrictive filter excludes the nearest chunks', async () => {
      const access = await owner();
      await indexed(
        { ownerId: access.userId, tags: ['common'] },
        Array.from({ length: 120 }, (_, index) => ({
          text: `common chunk number ${index} about otters`,
          embedding: direction(0, 0.01 * (index % 10)),
        })),
      );
      const rare = await indexed(
        { ownerId: access.userId, tags: ['rare'] },
        Array.from({ length: 8 }, (_, index) => ({
          text: `rare chunk number ${index} about otters`,
          embedding: direction(0, 2 + index, 4),
        })),
      );
      for (const mode of allModes) {
        const hits = await store.search({
          text: 'otters',
          vector: direction(0),
          access,
          k: 5,
          mode,
          candidates: 10,
          filters: { tags: ['rare'] },
        });
        expect(hits, mode).toHaveLength(5);
        expect(documentIds(hits)).toEqual([rare.documentId]);
      }
      const wide = await store.search({ text: 'otters', vector: direction(0), access, k: 7, mode: 'hybrid' });
      expect(wide).toHaveLength(7);
    });

    it('should return a range of chunks in ordinal order', async () => {
      const access = await owner();
      const document = await indexed(
        { ownerId: access.userId },
        Array.from({ length: 6 }, (_, index) => ({
          text: `paragraph ${index}`,
          embedding: direction(index % CONTRACT_DIMENSION),
          headingPath: ['Guide', `Part ${index}`],
        })),
      );
      const chunks = await store.getChunks(document.documentId, 2, 4, access);
      expect(chunks.map((chunk) => chunk.ordinal)).toEqual([2, 3, 4]);
      expect(chunks[0]).toMatchObject({
        documentId: document.documentId,
        text: 'paragraph 2',
        headingPath: ['Guide', 'Part 2'],
        page: 3,
        sheet: null,
      });
      await expect(store.getChunks(document.documentId, 4, 2, access)).resolves.toEqual([]);
      await expect(store.getChunks(randomUUID(), 0, 10, access)).resolves.toEqual([]);
    });

    it('should forget every chunk and the model on reset, then accept a new model (concurrently)', async () => {
      const access = await owner();
      await indexed({ ownerId: access.userId }, [{ text: 'soon gone', embedding: direction(0) }]);
      await store.reset();
      await expect(store.indexInfo()).resolves.toBeNull();
      const other = { model: 'replacement-model', dimension: 4 };
      await Promise.all([store.ensureIndex(other), store.ensureIndex(other), store.ensureIndex(other)]);
      await expect(store.indexInfo()).resolves.toEqual(other);
      await expect(
        store.search({ text: 'gone', vector: [1, 0, 0, 0], access, k: 5, mode: 'hybrid' }),
      ).resolves.toEqual([]);
      const document = await fixture.createDocument({ ownerId: access.userId });
      await store.indexDocument(document.documentId, document.access, [
        makeChunk(document.documentId, 0, 'four dimensional', [0, 1, 0, 0]),
      ]);
      const hits = await store.search({ text: '', vector: [0, 1, 0, 0], access, k: 5, mode: 'dense' });
      expect(hits.map((hit) => hit.text)).toEqual(['four dimensional']);
      await store.reset();
      await store.ensureIndex(CONTRACT_MODEL);
    });
  });
}
