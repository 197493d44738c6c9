import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmbedder } from './create-embedder.ts';
import { startScriptedEmbeddingServer, type ScriptedEmbeddingServer } from './scripted-embedding-server.ts';

describe(createEmbedder.name, () => {
  let server: ScriptedEmbeddingServer;

  beforeEach(async () => {
    server = await startScriptedEmbeddingServer();
  });

  afterEach(async () => {
    await server.close();
  });

  it('should build each provider with its model id, without contacting a server', () => {
    expect(createEmbedder({ provider: 'local' }).model).toBe('local:use-lite');
    expect(createEmbedder({ provider: 'ollama' }).model).toBe('ollama:embeddinggemma:300m');
    expect(createEmbedder({ provider: 'openai', baseUrl: server.baseUrl, model: 'bge-m3' }).model).toBe(
      'openai:bge-m3',
    );
    expect(server.requests).toHaveLength(0);
  });

  it('should batch with the configured batch size and retry transient failures', async () => {
    server.enqueue({ status: 502, body: { error: 'bad gateway' } });
    const embedder = createEmbedder(
      { provider: 'ollama', baseUrl: server.baseUrl, model: 'all-minilm', batchSize: 2, concurrency: 1 },
      { retry: { sleep: async () => undefined } },
    );
    expect(await embedder.embed(['q1', 'q2', 'q3'], { purpose: 'query' })).toHaveLength(3);
    expect(server.requests.map((request) => request.body)).toEqual([
      { model: 'all-minilm', input: ['q1', 'q2'] },
      { model: 'all-minilm', input: ['q1', 'q2'] },
      { model: 'all-minilm', input: ['q3'] },
    ]);
  });

  it.each([
    [{ provider: 'openai', model: 'm' }, 'needs both baseUrl and model'],
    [{ provider: 'local', model: 'bge' }, 'only offers "use-lite"'],
    [{ provider: 'ollama', baseUrl: 'not a url' }, 'baseUrl'],
    [{ provider: 'ollama', batchSize: 0 }, 'batchSize'],
    [{ provider: 'cohere' }, 'provider'],
  ])('should refuse %o with EMBEDDING_CONFIG_INVALID', (options, message) => {
    expect(() => createEmbedder(options as Parameters<typeof createEmbedder>[0])).toThrow(
      expect.objectContaining({
        code: 'EMBEDDING_CONFIG_INVALID',
        message: expect.stringContaining(message) as string,
      }) as Error,
    );
  });
});
