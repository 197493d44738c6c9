import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { l2Normalize } from './embedding-vectors.ts';
import { createOllamaEmbedder } from './ollama-embedder.ts';
import {
  fakeVector,
  startScriptedEmbeddingServer,
  unusedBaseUrl,
  type ScriptedEmbeddingServer,
} from './scripted-embedding-server.ts';

describe(createOllamaEmbedder.name, () => {
  let server: ScriptedEmbeddingServer;

  beforeEach(async () => {
    server = await startScriptedEmbeddingServer();
  });

  afterEach(async () => {
    await server.close();
  });

  it('should post the batch to /api/embed and return normalised vectors in order', async () => {
    const embedder = createOllamaEmbedder({
      baseUrl: `${server.baseUrl}/`,
      model: 'nomic-embed-text',
      apiKey: 'k',
    });
    const vectors = await embedder.embed(['t1', 't2', 't3']);
    expect(embedder.model).toBe('ollama:nomic-embed-text');
    expect(vectors).toEqual(['t1', 't2', 't3'].map((text) => l2Normalize(fakeVector(text))));
    expect(server.requests).toMatchObject([
      {
        path: '/api/embed',
        body: { model: 'nomic-embed-text', input: ['t1', 't2', 't3'] },
        headers: { authorization: 'Bearer k' },
      },
    ]);
  });

  it('should add the embeddinggemma task prompts (document by default)', async () => {
    const embedder = createOllamaEmbedder({ baseUrl: server.baseUrl });
    await embedder.embed(['passage 1']);
    await embedder.embed(['question 2'], { purpose: 'query' });
    expect(embedder.model).toBe('ollama:embeddinggemma:300m');
    expect(server.requests.map((request) => request.body)).toEqual([
      { model: 'embeddinggemma:300m', input: ['title: none | text: passage 1'] },
      { model: 'embeddinggemma:300m', input: ['task: search result | query: question 2'] },
    ]);
  });

  it('should learn the dimension from the first answer and reject a change', async () => {
    const embedder = createOllamaEmbedder({ baseUrl: server.baseUrl, model: 'm' });
    expect(await embedder.dimension()).toBe(4);
    expect(await embedder.dimension()).toBe(4);
    expect(server.requests).toHaveLength(1);
    server.enqueue({ body: { embeddings: [[1, 2, 3]] } });
    await expect(embedder.embed(['x'])).rejects.toMatchObject({ code: 'LLM_BAD_RESPONSE' });
  });

  it('should reject an answer with the wrong number of vectors', async () => {
    server.enqueue({ body: { embeddings: [[1, 2]] } });
    const embedder = createOllamaEmbedder({ baseUrl: server.baseUrl, model: 'm' });
    await expect(embedder.embed(['a', 'b'])).rejects.toMatchObject({ code: 'LLM_BAD_RESPONSE' });
  });

  it('should map a 404 to LLM_MODEL_NOT_FOUND', async () => {
    server.enqueue({ status: 404, body: { error: 'model "nope" not found, try pulling it first' } });
    const embedder = createOllamaEmbedder({ baseUrl: server.baseUrl, model: 'nope' });
    await expect(embedder.embed(['a'])).rejects.toMatchObject({ code: 'LLM_MODEL_NOT_FOUND' });
  });

  it('should fail with LLM_UNAVAILABLE naming the URL when nothing listens', async () => {
    const baseUrl = await unusedBaseUrl();
    const embedder = createOllamaEmbedder({ baseUrl });
    const failure = embedder.embed(['a']);
    await expect(failure).rejects.toMatchObject({ code: 'LLM_UNAVAILABLE', isRetryable: true });
    await expect(failure).rejects.toThrow(baseUrl);
  });

  it('should not call the server for no text', async () => {
    expect(await createOllamaEmbedder({ baseUrl: server.baseUrl }).embed([])).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });
});
