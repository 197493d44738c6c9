import { createQdrantStore } from '@youworker/vector';
import { startFakeQdrant, type FakeQdrant } from '@youworker/vector/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestUser } from '../../support/identity.ts';
import { textAnswer } from '../../support/scripted-llm/script.ts';
import { startScriptedLlm, type ScriptedLlm } from '../../support/scripted-llm/scripted-llm-server.ts';
import { startGroupsHarness, type GroupsHarness } from './group-test-support.ts';

/**
 * The access rule, checked path by path: a user reads a document iff they own it, or it is in one of
 * their groups and not private. Users × documents × operations are generated from the rule below and
 * compared with what the API answers (on PGlite, or PostgreSQL with TEST_DATABASE_URL). The API's
 * search also checks hits against the catalog, which would hide a store bug, so the store is asked
 * directly too, with scopes built from the seeded world rather than from another API answer.
 */
type Who = 'owner' | 'member' | 'groupAdmin' | 'nonMember' | 'platformAdmin' | 'anonymous';
type Which = 'privateInGroup' | 'groupShared' | 'inAnotherGroup' | 'ungrouped';

const who: readonly Who[] = ['owner', 'member', 'groupAdmin', 'nonMember', 'platformAdmin', 'anonymous'];
const which: readonly Which[] = ['privateInGroup', 'groupShared', 'inAnotherGroup', 'ungrouped'];

/** One unique word per document: a lexical search for it finds that document only. */
const token: Record<Which, string> = {
  privateInGroup: 'quillwortprivate',
  groupShared: 'quillwortshared',
  inAnotherGroup: 'quillwortelsewhere',
  ungrouped: 'quillwortloose',
};

/** The facts the rule needs: who owns what, and who is in which group. */
const owner: Who = 'owner';
const groupOf: Record<Which, 'team' | 'other' | null> = {
  privateInGroup: 'team',
  groupShared: 'team',
  inAnotherGroup: 'other',
  ungrouped: null,
};
const isPrivate: Record<Which, boolean> = {
  privateInGroup: true,
  groupShared: false,
  inAnotherGroup: false,
  ungrouped: false,
};
/** Mutable: the revocation test removes `member` from the team and every later check follows. */
const membership: Record<Who, readonly ('team' | 'other')[]> = {
  owner: ['team', 'other'],
  member: ['team'],
  groupAdmin: ['team'],
  nonMember: [],
  platformAdmin: [],
  anonymous: [],
};

/** THE RULE. Everything below is compared with it. */
function mayRead(user: Who, document: Which): boolean {
  if (user === 'anonymous') {
    return false;
  }
  const group = groupOf[document];
  return user === owner || (group !== null && membership[user].includes(group) && !isPrivate[document]);
}

/** Only the owner changes or deletes; other readers are refused (403), the rest see nothing (404). */
function writeStatus(user: Who, document: Which, success: number): number {
  if (user === 'anonymous') {
    return 401;
  }
  if (user === owner) {
    return success;
  }
  return mayRead(user, document) ? 403 : 404;
}

/**
 * The backends: pgvector in the test database, and Qdrant (the real one at QDRANT_URL when set,
 * otherwise the in-process fake, which evaluates the same payload filters).
 */
const backends = [
  { name: 'pgvector', qdrant: false },
  {
    name: process.env.QDRANT_URL ? `qdrant at ${process.env.QDRANT_URL}` : 'qdrant (in-process fake)',
    qdrant: true,
  },
] as const;

describe.each(backends)('access matrix on $name', ({ qdrant }) => {
  let harness: GroupsHarness;
  let fakeQdrant: FakeQdrant | undefined;
  let llm: ScriptedLlm;
  let team = '';
  /** The seeded groups' ids: with `membership`, the world the store-level checks build scopes from. */
  const groupIds = { team: '', other: '' };
  const collection = `yw_matrix_${Math.random().toString(36).slice(2, 10)}`;
  const users = {} as Record<Exclude<Who, 'anonymous'>, TestUser>;
  const documents = {} as Record<Which, string>;
  const caller = (user: Who): TestUser | undefined => (user === 'anonymous' ? undefined : users[user]);

  beforeAll(async () => {
    membership.member = ['team'];
    llm = await startScriptedLlm({ models: ['gpt-oss:20b'] });
    let qdrantUrl = process.env.QDRANT_URL;
    if (qdrant && !qdrantUrl) {
      fakeQdrant = await startFakeQdrant();
      qdrantUrl = fakeQdrant.url;
    }
    harness = await startGroupsHarness({
      env: {
        LLM_BASE_URL: llm.baseUrl,
        LLM_DEFAULT_MODEL: 'gpt-oss:20b',
        LLM_MAX_RETRIES: '0',
        ...(qdrant && qdrantUrl
          ? {
              VECTOR_STORE: 'qdrant',
              QDRANT_URL: qdrantUrl,
              QDRANT_COLLECTION: collection,
              ...(process.env.QDRANT_API_KEY ? { QDRANT_API_KEY: process.env.QDRANT_API_KEY } : {}),
            }
          : {}),
      },
    });
    users.owner = await harness.user();
    users.member = await harness.user();
    users.groupAdmin = await harness.user();
    users.nonMember = await harness.user();
    users.platformAdmin = await harness.user({ role: 'admin' });
    team = await harness.createGroup(users.groupAdmin, 'Matrix team');
    await harness.addMember(users.groupAdmin, team, users.owner);
    await harness.addMember(users.groupAdmin, team, users.member);
    groupIds.team = team;
    groupIds.other = await harness.createGroup(users.owner, 'Matrix elsewhere');
    for (const document of which) {
      const group = groupOf[document];
      documents[document] = await harness.upload(
        users.owner,
        `${document}.txt`,
        `Field notes: the ${token[document]} grows by the pond.`,
        { ...(group ? { groupId: groupIds[group] } : {}), isPrivate: isPrivate[document] },
      );
    }
  }, 120_000);

  afterAll(async () => {
    await harness.close();
    const realQdrant = process.env.QDRANT_URL;
    if (qdrant && realQdrant) {
      const store = createQdrantStore({
        url: realQdrant,
        collection,
        ...(process.env.QDRANT_API_KEY ? { apiKey: process.env.QDRANT_API_KEY } : {}),
      });
      await store.reset();
      await store.close();
    }
    await llm.close();
    await fakeQdrant?.close();
  });

  /**
   * One chat turn with retrieval (`rag: auto`) through the scripted model: the document texts the
   * model was given, or the status when the turn was refused.
   */
  const chatSources = async (user: Who, question: string): Promise<string | number> => {
    llm.enqueue(textAnswer('Noted.'));
    const before = llm.requests.length;
    const response = await harness.api(caller(user), 'POST', '/v1/chat', {
      message: question,
      stream: false,
      tools: false,
      rag: 'auto',
    });
    if (response.status !== 200) {
      return response.status;
    }
    const request = llm.requests.slice(before).find((recorded) => recorded.path === '/api/chat');
    const messages = (request?.body as { messages: { role: string; content: string }[] }).messages;
    return messages.map((message) => message.content).join('\n');
  };

  const expectSearchesFollowTheRule = async () => {
    for (const { user, document } of cells) {
      const expected = user === 'anonymous' ? 401 : mayRead(user, document) ? [documents[document]] : [];
      expect(await harness.search(caller(user), token[document]), `search ${user} ${document}`).toEqual(
        expected,
      );
      expect(await harness.semantic(caller(user), token[document]), `semantic ${user} ${document}`).toEqual(
        expected,
      );
    }
  };

  const cells = who.flatMap((user) => which.map((document) => ({ user, document })));
  const readers = who.filter((user): user is Exclude<Who, 'anonymous'> => user !== 'anonymous');

  /**
   * The vector store's own hits, before the search service's catalog check (which would hide a store
   * bug), for a scope built from the seeded world: the user's id and the ids of `membership[user]`.
   */
  const storeHits = async (
    user: Exclude<Who, 'anonymous'>,
    text: string,
    mode: 'lexical' | 'dense' | 'hybrid',
  ) => {
    const { embedder, vectorStore } = harness.internals;
    const vector = mode === 'lexical' ? undefined : (await embedder.embed([text], { purpose: 'query' }))[0];
    const hits = await vectorStore.search({
      text,
      ...(vector ? { vector } : {}),
      access: { userId: users[user].id, groupIds: membership[user].map((group) => groupIds[group]) },
      k: 50,
      mode,
      candidates: 50,
    });
    return [...new Set(hits.map((hit) => hit.documentId))].sort();
  };

  /** Every document the rule lets `user` read, by id. */
  const readableBy = (user: Who) =>
    which
      .filter((document) => mayRead(user, document))
      .map((document) => documents[document])
      .sort();

  const expectStoreFollowsTheRule = async () => {
    for (const user of readers) {
      // The live scope the API builds agrees with the seeded world.
      const scope = await harness.internals.access.scopeFor({
        userId: users[user].id,
        role: 'user',
      });
      expect([...scope.groupIds].sort(), `scope ${user}`).toEqual(
        membership[user].map((group) => groupIds[group]).sort(),
      );
      for (const document of which) {
        expect(
          await storeHits(user, token[document], 'lexical'),
          `store lexical ${user} ${document}`,
        ).toEqual(mayRead(user, document) ? [documents[document]] : []);
      }
      // Dense and hybrid return nearest chunks, not exact matches: with k above the corpus size they
      // return every readable document, and nothing else.
      const question = `What grows by the pond? ${token.groupShared}`;
      expect(await storeHits(user, question, 'dense'), `store dense ${user}`).toEqual(readableBy(user));
      expect(await storeHits(user, question, 'hybrid'), `store hybrid ${user}`).toEqual(readableBy(user));
    }
  };

  it('store: the vector store itself (no catalog check) returns a chunk iff the rule allows it', async () => {
    await expectStoreFollowsTheRule();
  });

  it('list: GET /v1/documents shows exactly the readable documents', async () => {
    for (const user of who) {
      const response = await harness.api(caller(user), 'GET', '/v1/documents?limit=200');
      if (user === 'anonymous') {
        expect(response.status).toBe(401);
        continue;
      }
      const listed = ((await response.json()) as { items: { id: string }[] }).items.map((item) => item.id);
      for (const document of which) {
        expect(listed.includes(documents[document]), `${user} ${document}`).toBe(mayRead(user, document));
      }
    }
  });

  it('get: GET /v1/documents/:id answers 200 for readable documents, 404 otherwise', async () => {
    for (const { user, document } of cells) {
      const response = await harness.api(caller(user), 'GET', `/v1/documents/${documents[document]}`);
      const expected = user === 'anonymous' ? 401 : mayRead(user, document) ? 200 : 404;
      expect(response.status, `${user} ${document}`).toBe(expected);
      if (expected === 200) {
        const body = (await response.json()) as { chunks: unknown[]; document: { isPrivate: boolean } };
        expect(body.chunks.length).toBeGreaterThan(0);
        expect(body.document.isPrivate).toBe(isPrivate[document]);
      }
    }
  });

  it('search: POST /v1/search finds a document iff readable', async () => {
    if (fakeQdrant) {
      // The documents really went to Qdrant (the fake records every request).
      expect(fakeQdrant.collections.get(collection)?.points.size).toBeGreaterThanOrEqual(which.length);
    }
    for (const { user, document } of cells) {
      const found = await harness.search(caller(user), token[document]);
      if (user === 'anonymous') {
        expect(found).toBe(401);
        continue;
      }
      expect(found, `${user} ${document}`).toEqual(mayRead(user, document) ? [documents[document]] : []);
    }
  });

  it('semantic MCP tool: the bridge finds a document iff readable', async () => {
    for (const { user, document } of cells) {
      const found = await harness.semantic(caller(user), token[document]);
      if (user === 'anonymous') {
        expect(found).toBe(401);
        continue;
      }
      expect(found, `${user} ${document}`).toEqual(mayRead(user, document) ? [documents[document]] : []);
    }
  });

  it('chat retrieval: the model is given a document only if the caller may read it', async () => {
    for (const { user, document } of cells) {
      const prompt = await chatSources(user, `What about the ${token[document]}?`);
      if (user === 'anonymous') {
        expect(prompt).toBe(401);
        continue;
      }
      expect(typeof prompt).toBe('string');
      for (const other of which) {
        // The question names one document; the sources may bring others the caller can read, never more.
        const given = String(prompt).includes(`the ${token[other]} grows`);
        if (!mayRead(user, other)) {
          expect(given, `chat ${user} asked ${document}, got ${other}`).toBe(false);
        } else if (other === document) {
          expect(given, `chat ${user} ${document}`).toBe(true);
        }
      }
    }
  });

  it('group documents: GET /v1/groups/:id/documents applies the same rule', async () => {
    for (const user of who) {
      const response = await harness.api(caller(user), 'GET', `/v1/groups/${team}/documents`);
      if (user === 'anonymous') {
        expect(response.status).toBe(401);
        continue;
      }
      // Outsiders get 404 for the group itself; a platform admin sees the group but not others' documents.
      if (user === 'nonMember') {
        expect(response.status).toBe(404);
        continue;
      }
      expect(response.status, user).toBe(200);
      const listed = ((await response.json()) as { items: { id: string }[] }).items.map((item) => item.id);
      const expected = which
        .filter((document) => groupOf[document] === 'team' && mayRead(user, document))
        .map((document) => documents[document]);
      expect(listed.sort(), user).toEqual(expected.sort());
    }
  });

  it('revocation: a removed member loses the group at the very next search, semantic call and chat', async () => {
    const removed = await harness.api(
      users.groupAdmin,
      'DELETE',
      `/v1/groups/${team}/members/${users.member.id}`,
    );
    expect(removed.status).toBe(204);
    membership.member = [];
    expect(mayRead('member', 'groupShared')).toBe(false);
    await expectSearchesFollowTheRule();
    await expectStoreFollowsTheRule();
    const prompt = await chatSources('member', `What about the ${token.groupShared}?`);
    expect(prompt).not.toContain(`the ${token.groupShared} grows`);
    expect((await harness.api(users.member, 'GET', `/v1/documents/${documents.groupShared}`)).status).toBe(
      404,
    );
  });

  it('update: only the owner may PATCH; other readers get 403, the rest 404', async () => {
    for (const { user, document } of cells) {
      const response = await harness.api(caller(user), 'PATCH', `/v1/documents/${documents[document]}`, {
        title: `${document} by ${user}`,
      });
      expect(response.status, `${user} ${document}`).toBe(writeStatus(user, document, 200));
    }
  });

  it('delete: only the owner may DELETE (checked last, owner deletes everything)', async () => {
    const order = [...cells].sort(
      (left, right) => Number(left.user === owner) - Number(right.user === owner),
    );
    for (const { user, document } of order) {
      const response = await harness.api(caller(user), 'DELETE', `/v1/documents/${documents[document]}`);
      expect(response.status, `${user} ${document}`).toBe(writeStatus(user, document, 204));
    }
    expect(await harness.search(users.owner, 'quillwortshared')).toEqual([]);
  });
});
