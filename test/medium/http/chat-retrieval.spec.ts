import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHashEmbedder, type Embedder } from '@youworker/llm';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import PptxGenJS from 'pptxgenjs';
import { createTestUser, type TestUser } from '../../support/identity.ts';
import { startScriptedLlm, type ScriptedLlm } from '../../support/scripted-llm/scripted-llm-server.ts';
import { textAnswer } from '../../support/scripted-llm/script.ts';
import { parseChatSse } from '../../support/sse.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

interface Citation {
  n: number;
  documentId: string;
  documentTitle: string;
  chunkId: string;
  page: number | null;
  sheet: string | null;
  headingPath: string[];
  snippet: string;
}
interface RunEnd {
  type: 'run-end';
  text: string;
  citations: Citation[];
  retrieval: { status: string; sources: number; errorCode?: string };
}
interface SentMessage {
  role: string;
  content: string;
}

const gardenNotes = `Tomatoes need full sun, deep watering twice a week and a stake to climb.
Basil grows well beside tomatoes and keeps some pests away.`;
const bobMemo = `# Classified memo

The zeppelin hangar nozzle cooling uses ceramic tiles and liquid helium. Bob only.`;

/** A PPTX with one titled slide per entry (the page of a slide's chunks is its number). */
async function makeDeck(slides: readonly [string, string][]): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.defineSlideMaster({
    title: 'TITLED',
    objects: [
      { placeholder: { options: { name: 'title', type: 'title', x: 0.5, y: 0.2, w: 9, h: 1 }, text: '' } },
    ],
  });
  for (const [title, body] of slides) {
    const slide = pptx.addSlide({ masterName: 'TITLED' });
    slide.addText(title, { placeholder: 'title' });
    slide.addText(body, { x: 0.5, y: 1.5, w: 9, h: 1.5 });
  }
  return new Uint8Array((await pptx.write({ outputType: 'uint8array' })) as Uint8Array);
}

/** An embedder whose query embeddings fail while `failQueries` is set (document embeddings still work). */
function switchableEmbedder(inner: Embedder): Embedder & { failQueries: boolean } {
  return {
    model: inner.model,
    failQueries: false,
    dimension: (signal) => inner.dimension(signal),
    embed(texts, options) {
      if (this.failQueries && options?.purpose === 'query') {
        return Promise.reject(Object.assign(new Error('embedder down'), { code: 'EMBEDDINGS_UNAVAILABLE' }));
      }
      return inner.embed(texts, options);
    },
  };
}

/** Chat retrieval over real HTTP: documents ingested for real, the scripted model server, real SQL. */
describe('POST /v1/chat with document retrieval', () => {
  let database: TestDatabase;
  let llm: ScriptedLlm;
  let testApp: TestApp;
  let embedder: ReturnType<typeof switchableEmbedder>;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let baseUrl: string;
  let dataDir: string;
  let deckId = '';
  let gardenId = '';
  let bobMemoId = '';

  const api = (user: TestUser, method: string, path: string, body?: unknown) =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...user.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  const upload = async (user: TestUser, name: string, content: string | Uint8Array) => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(content)]), name);
    const response = await fetch(`${baseUrl}/v1/documents/upload`, {
      method: 'POST',
      headers: user.headers,
      body: form,
    });
    expect(response.status).toBe(202);
    const started = (await response.json()) as { run: { id: string }; documents: { id: string }[] };
    const deadline = Date.now() + 110_000;
    for (;;) {
      const run = (await (await api(user, 'GET', `/v1/ingestion-runs/${started.run.id}`)).json()) as {
        status: string;
        finishedAt: string | null;
        errors: unknown[];
      };
      if (run.finishedAt !== null) {
        expect(run).toMatchObject({ status: 'succeeded', errors: [] });
        break;
      }
      if (Date.now() > deadline) {
        throw new Error(`ingestion of ${name} did not finish`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return started.documents[0]?.id ?? '';
  };

  /** One streamed turn: its run-end and the messages the model received. */
  const turn = async (user: TestUser, body: Record<string, unknown>, answer: string) => {
    llm.enqueue(textAnswer(answer));
    const before = llm.requests.length;
    const response = await api(user, 'POST', '/v1/chat', body);
    expect(response.status).toBe(200);
    const events = parseChatSse(await response.text());
    const end = events.at(-1) as unknown as RunEnd;
    expect(end.type).toBe('run-end');
    const request = llm.requests.slice(before).find((recorded) => recorded.path === '/api/chat');
    const sent = (request?.body as { messages: SentMessage[] }).messages;
    return { end, sent, sessionId: response.headers.get('x-youworker-session-id') ?? '' };
  };

  const lastUserText = (sent: SentMessage[]) =>
    sent.filter((message) => message.role === 'user').at(-1)?.content ?? '';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'yw-chat-rag-'));
    database = await createTestDatabase();
    llm = await startScriptedLlm({ models: ['gpt-oss:20b'] });
    embedder = switchableEmbedder(createHashEmbedder(64));
    testApp = await createTestApp({
      database: database.handle,
      embedder,
      env: {
        DATA_DIR: dataDir,
        INGEST_WORKER: 'true',
        LLM_BASE_URL: llm.baseUrl,
        LLM_DEFAULT_MODEL: 'gpt-oss:20b',
        LLM_MAX_RETRIES: '0',
        RAG_TOP_K: '4',
      },
    });
    alice = await createTestUser(testApp);
    bob = await createTestUser(testApp);
    carol = await createTestUser(testApp);
    await testApp.app.listen({ port: 0, host: '127.0.0.1' });
    const address = testApp.app.server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    const deck = await makeDeck([
      ['Launch schedule', 'The first launch window opens in March after the static fire.'],
      [
        'Nozzle cooling',
        'Regenerative cooling runs kerosene through channels in the nozzle wall before it burns.',
      ],
      ['Crew', 'Four astronauts train for the mission in the desert.'],
    ]);
    deckId = await upload(alice, 'engines.pptx', deck);
    gardenId = await upload(alice, 'garden.txt', gardenNotes);
    bobMemoId = await upload(bob, 'memo.md', bobMemo);
  }, 180_000);

  afterAll(async () => {
    await testApp.close();
    await testApp.deps.close();
    await llm.close();
    await database.destroy();
    await rm(dataDir, { recursive: true, force: true });
  });

  let firstSessionId = '';

  it('should give the model numbered sources and return the cited chunk on run-end and in the session', async () => {
    const question = 'How is the nozzle cooling done?';
    const { end, sent, sessionId } = await turn(
      alice,
      { message: question },
      'Kerosene runs through channels in the nozzle wall [1].',
    );
    firstSessionId = sessionId;
    const context = lastUserText(sent);
    expect(sent[0]?.role).toBe('system');
    expect(sent[0]?.content).not.toContain('<sources>');
    expect(context).toContain('<sources>\n[1] engines.pptx, page 2, Nozzle cooling\n');
    expect(context).toContain('Regenerative cooling runs kerosene');
    expect(context).toContain('cite');
    expect(context.endsWith(`User message:\n${question}`)).toBe(true);
    expect(context).not.toContain('zeppelin');

    const detail = (await (await api(alice, 'GET', `/v1/documents/${deckId}`)).json()) as {
      chunks: { id: string; page: number | null }[];
    };
    const pageTwo = detail.chunks.find((chunk) => chunk.page === 2);
    expect(end.retrieval).toMatchObject({ status: 'used' });
    expect(end.retrieval.sources).toBeGreaterThanOrEqual(1);
    expect(end.citations).toEqual([
      {
        n: 1,
        documentId: deckId,
        documentTitle: 'engines.pptx',
        chunkId: pageTwo?.id,
        page: 2,
        sheet: null,
        headingPath: ['Nozzle cooling'],
        snippet: expect.stringContaining('Regenerative cooling') as string,
      },
    ]);

    const session = (await (await api(alice, 'GET', `/v1/sessions/${sessionId}`)).json()) as {
      messages: { role: string; content: string; citations: Citation[] }[];
    };
    expect(session.messages.map((message) => message.role)).toEqual(['user', 'assistant']);
    expect(session.messages[0]).toMatchObject({ content: question, citations: [] });
    expect(session.messages[1]?.citations).toEqual(end.citations);

    const stored = await sql<{ citations: string | null }>`
      select citations from chat_messages where session_id = ${sessionId} and role = 'assistant'`.execute(
      testApp.deps.database.db,
    );
    expect(stored.rows[0]?.citations).toMatch(/^yw1:/);
    expect(stored.rows[0]?.citations).not.toContain('Regenerative');
  });

  it('should not replay the sources of earlier turns', async () => {
    const { sent } = await turn(
      alice,
      { sessionId: firstSessionId, message: 'And when does the launch window open?' },
      'In March [1].',
    );
    expect(sent.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(sent[1]?.content).toBe('How is the nozzle cooling done?');
    expect(sent.filter((message) => message.content.includes('<sources>'))).toHaveLength(1);
    expect(lastUserText(sent)).toContain('Launch schedule');
  });

  it('should send no sources with rag off', async () => {
    const { end, sent } = await turn(
      alice,
      { message: 'How is the nozzle cooling done?', rag: 'off' },
      'No idea [1].',
    );
    expect(lastUserText(sent)).toBe('How is the nozzle cooling done?');
    expect(end.retrieval).toEqual({ status: 'off', sources: 0 });
    expect(end.citations).toEqual([]);
  });

  it('should search only the documents of scope.documentIds', async () => {
    const { end, sent } = await turn(
      alice,
      { message: 'How is the nozzle cooling done? What about tomatoes?', scope: { documentIds: [gardenId] } },
      'Only tomatoes here [1].',
    );
    const context = lastUserText(sent);
    expect(context).toContain('[1] garden.txt');
    expect(context).not.toContain('engines.pptx');
    expect(end.citations.map((citation) => citation.documentId)).toEqual([gardenId]);
  });

  it('should never retrieve another user\u2019s documents', async () => {
    const asBob = await turn(bob, { message: 'How is the nozzle cooling done?' }, 'Tiles [1].');
    expect(lastUserText(asBob.sent)).toContain('[1] memo.md');
    expect(lastUserText(asBob.sent)).not.toContain('Regenerative');
    expect(asBob.end.citations.map((citation) => citation.documentId)).toEqual([bobMemoId]);

    const asAlice = await turn(
      alice,
      { message: 'zeppelin hangar ceramic tiles helium', scope: { documentIds: [bobMemoId] } },
      'Nothing [1].',
    );
    expect(lastUserText(asAlice.sent)).toBe('zeppelin hangar ceramic tiles helium');
    expect(asAlice.end).toMatchObject({ retrieval: { status: 'none', sources: 0 }, citations: [] });

    const asCarol = await turn(carol, { message: 'How is the nozzle cooling done?' }, 'I do not know.');
    expect(lastUserText(asCarol.sent)).toBe('How is the nozzle cooling done?');
    expect(asCarol.end.retrieval).toEqual({ status: 'none', sources: 0 });
  });

  it('should list no citations when the answer cites nothing', async () => {
    const { end } = await turn(alice, { message: 'How is the nozzle cooling done?' }, 'With kerosene.');
    expect(end.retrieval.status).toBe('used');
    expect(end.citations).toEqual([]);
  });

  it('should include citations and retrieval in the JSON answer', async () => {
    llm.enqueue(textAnswer('Basil keeps pests away [1].'));
    const response = await api(alice, 'POST', '/v1/chat', {
      message: 'Which herb grows beside tomatoes?',
      scope: { documentIds: [gardenId] },
      stream: false,
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { citations: Citation[]; retrieval: { status: string } };
    expect(body.retrieval).toMatchObject({ status: 'used' });
    expect(body.citations).toMatchObject([
      { n: 1, documentId: gardenId, documentTitle: 'garden.txt', page: null },
    ]);
  });

  it('should answer without sources when retrieval fails', async () => {
    embedder.failQueries = true;
    try {
      const { end, sent } = await turn(alice, { message: 'How is the nozzle cooling done?' }, 'From memory.');
      expect(lastUserText(sent)).toBe('How is the nozzle cooling done?');
      expect(end).toMatchObject({
        text: 'From memory.',
        citations: [],
        retrieval: { status: 'failed', sources: 0, errorCode: 'EMBEDDINGS_UNAVAILABLE' },
      });
      expect(testApp.logs.some((line) => line.msg?.includes('chat retrieval failed'))).toBe(true);
    } finally {
      embedder.failQueries = false;
    }
  });

  it('should refuse an invalid rag mode or scope', async () => {
    expect((await api(alice, 'POST', '/v1/chat', { message: 'hi', rag: 'always' })).status).toBe(400);
    const tooMany = Array.from({ length: 101 }, () => deckId);
    expect(
      (await api(alice, 'POST', '/v1/chat', { message: 'hi', scope: { documentIds: tooMany } })).status,
    ).toBe(400);
    expect((await api(alice, 'POST', '/v1/chat', { message: 'hi', scope: { folder: 'x' } })).status).toBe(
      400,
    );
  });

  it('should retrieve on /v1/chat/completions only when the youworker extension asks for it', async () => {
    const completion = async (extra: Record<string, unknown>) => {
      llm.enqueue(textAnswer('Kerosene [1].'));
      const before = llm.requests.length;
      const response = await api(alice, 'POST', '/v1/chat/completions', {
        model: 'gpt-oss:20b',
        messages: [{ role: 'user', content: 'How is the nozzle cooling done?' }],
        ...extra,
      });
      expect(response.status).toBe(200);
      const request = llm.requests.slice(before).find((recorded) => recorded.path === '/api/chat');
      return {
        context: lastUserText((request?.body as { messages: SentMessage[] }).messages),
        sessionId: response.headers.get('x-youworker-session-id') ?? '',
      };
    };
    expect((await completion({})).context).toBe('How is the nozzle cooling done?');
    const withRag = await completion({ youworker: { rag: 'auto', scope: { documentIds: [deckId] } } });
    expect(withRag.context).toContain('[1] engines.pptx, page 2');
    const session = (await (await api(alice, 'GET', `/v1/sessions/${withRag.sessionId}`)).json()) as {
      messages: { citations: Citation[] }[];
    };
    expect(session.messages[1]?.citations).toMatchObject([{ n: 1, documentId: deckId, page: 2 }]);
    const invalid = await api(alice, 'POST', '/v1/chat/completions', {
      model: 'gpt-oss:20b',
      messages: [{ role: 'user', content: 'hi' }],
      youworker: { rag: 'sometimes' },
    });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: { param: string } }).error.param).toBe('youworker.rag');
  });

  it('should hide citations of documents the reader can no longer see', async () => {
    const { end, sessionId } = await turn(
      alice,
      { message: 'Which herb grows beside tomatoes?', scope: { documentIds: [gardenId] } },
      'Basil [1].',
    );
    expect(end.citations).toHaveLength(1);
    expect((await api(alice, 'DELETE', `/v1/documents/${gardenId}`)).status).toBe(204);
    const session = (await (await api(alice, 'GET', `/v1/sessions/${sessionId}`)).json()) as {
      messages: { role: string; content: string; citations: Citation[] }[];
    };
    expect(session.messages[1]).toMatchObject({ content: 'Basil [1].', citations: [] });
  });
});
