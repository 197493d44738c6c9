import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { l2Normalize } from './embedding-vectors.ts';
import { createOpenAiCompatibleEmbedder } from './openai-compatible-embedder.ts';
import {
  fakeVector,
  startScriptedEmbeddingServer,
  type ScriptedEmbeddingServer,
} from './scripted-embedding-server.ts';

describe(createOpenAiCompatibleEmbedder.name, () => {
  let server: ScriptedEmbeddingServer;

  beforeEach(async () => {
    server = await startScriptedEmbeddingServer();
  });

  afterEach(async () => {
    await server.close();
  });

  it('should post to /v1/embeddings and put the answers back in order by index', async () => {
    const embedder = createOpenAiCompatibleEmbedder({
      baseUrl: server.baseUrl,
      model: 'bge-m3',
      apiKey: 'secret',
    });
    const texts = ['doc 5', 'doc 6', 'doc 7'];
    expect(await embedder.embed(texts, { purpose: 'query' })).toEqual(
      texts.map((text) => l2Normalize(fakeVector(text))),
    );
    expect(embedder.model).toBe('openai:bge-m3');
    expect(server.requests).toMatchObject([
      {
        path: '/v1/embeddings',
        body: { model: 'bge-m3', input: texts },
        headers: { authorization: 'Bearer secret' },
      },
    ]);
  });

  it('should send dimensions, report them without a request, and reject other sizes', async () => {
    const embedder = createOpenAiCompatibleEmbedder({ baseUrl: server.baseUrl, model: 'm', dimensions: 4 });
    expect(await embedder.dimension()).toBe(4);
    expect(server.requests).toHaveLength(0);
    await embedder.embed(['a']);
    expect(server.requests[0]?.body).toEqual({ model: 'm', input: ['a'], dimensions: 4 });
    server.enqueue({ body: { data: [{ index: 0, embedding: [1, 2] }] } });
    await expect(embedder.embed(['b'])).rejects.toMatchObject({ code: 'LLM_BAD_RESPONSE' });
  });

  it('should learn the dimension with one probe when none is configured', async () => {
    const embedder = createOpenAiCompatibleEmbedder({ baseUrl: server.baseUrl, model: 'm' });
    expect(await embedder.dimension()).toBe(4);
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    [
      'a duplicated index',
      [
        { index: 0, embedding: [1] },
        { index: 0, embedding: [1] },
      ],
    ],
    ['a missing index', [{ embedding: [1] }, { index: 1, embedding: [1] }]],
    ['too few items', [{ index: 0, embedding: [1] }]],
    [
      'a non-numeric vector',
      [
        { index: 0, embedding: 'AAAA' },
        { index: 1, embedding: [1] },
      ],
    ],
  ])('should reject an answer with %s', async (_name, data) => {
    server.enqueue({ body: { data } });
    const embedder = createOpenAiCompatibleEmbedder({ baseUrl: server.baseUrl, model: 'm' });
    await expect(embedder.embed(['a', 'b'])).rejects.toMatchObject({ code: 'LLM_BAD_RESPONSE' });
  });
});
