import { randomBytes, randomUUID } from 'node:crypto';
import { createQdrantStore, type DocumentAccess } from '@youworker/vector';
import { describeVectorStoreContract, type ContractDocumentInput } from '@youworker/vector/testing';
import { describe, it } from 'vitest';

/** A real Qdrant (≥ 1.16: collection metadata, parameterised RRF); on loopback, as tests block other hosts. */
const qdrantUrl = process.env.QDRANT_URL || undefined;

if (qdrantUrl === undefined) {
  console.info('[medium] Qdrant contract suite skipped: QDRANT_URL not set');
}

function accessOf(input: ContractDocumentInput): DocumentAccess {
  return {
    ownerId: input.ownerId,
    groupId: input.groupId ?? null,
    isPrivate: input.isPrivate ?? false,
    tags: input.tags ?? [],
    mimeType: input.mimeType === undefined ? 'text/plain' : input.mimeType,
    createdAt: input.createdAt ?? new Date(),
  };
}

describe.skipIf(qdrantUrl === undefined)('Qdrant', () => {
  if (qdrantUrl === undefined) {
    it.skip('needs QDRANT_URL', () => {});
    return;
  }
  describeVectorStoreContract(`qdrant at ${qdrantUrl}`, async () => {
    const store = createQdrantStore({
      url: qdrantUrl,
      ...(process.env.QDRANT_API_KEY ? { apiKey: process.env.QDRANT_API_KEY } : {}),
      collection: `yw_contract_${randomBytes(4).toString('hex')}`,
      timeoutMs: 10_000,
    });
    return {
      store,
      createOwner: () => Promise.resolve(randomUUID()),
      createDocument: (input) => Promise.resolve({ documentId: randomUUID(), access: accessOf(input) }),
      // Qdrant keeps access in the payload only: store.updateDocumentAccess is the whole update.
      updateDocument: () => Promise.resolve(),
      async cleanup() {
        await store.reset();
        await store.close();
      },
    };
  });
});
