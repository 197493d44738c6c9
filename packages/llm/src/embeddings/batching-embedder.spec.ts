import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBatchingEmbedder } from './batching-embedder.ts';
import type { Embedder } from './embedder.ts';
import { l2Normalize } from './embedding-vectors.ts';
import { createOllamaEmbedder } from './ollama-embedder.ts';
import { createOpenAiCompatibleEmbedder } from './openai-compatible-embedder.ts';
import {
  fakeVector,
  startScriptedEmbeddingServer,
  unusedBaseUrl,
  type ScriptedEmbeddingServer,
} from './scripted-embedding-server.ts';

const texts = (count: number) => Array.from({ length: count }, (_, index) => `text ${index}`);
const expected = (inputs: readonly string[]) => inputs.map((text) => l2Normalize(fakeVector(text)));
const serverError = { status: 503, body: { error: 'loading model' } };

function instantRetry() {
  const sleep = vi.fn(async () => undefined);
  return { sleep, retry: { sleep, random: () => 0 } };
}

describe(createBatchingEmbedder.name, () => {
  let server: ScriptedEmbeddingServer;
  let ollama: Embedder;

  beforeEach(async () => {
    server = await startScriptedEmbeddingServer();
    ollama = createOllamaEmbedder({ baseUrl: server.baseUrl, model: 'm' });
  });

  afterEach(async () => {
    await server.close();
  });

  it('should split into batches, cap the requests in flight and keep the order', async () => {
    server.enqueue({ delayMs: 60 }, { delayMs: 20 }, { delayMs: 0 });
    const embedder = createBatchingEmbedder(ollama, { batchSize: 32, concurrency: 2 });
    const inputs = texts(70);
    expect(await embedder.embed(inputs)).toEqual(expected(inputs));
    expect(server.requests.map((request) => (request.body as { input: string[] }).input.length)).toEqual([
      32, 32, 6,
    ]);
    expect(server.maxInFlight).toBe(2);
    expect(embedder.model).toBe('ollama:m');
  });

  it('should keep the order on the OpenAI wire format too', async () => {
    const openAi = createOpenAiCompatibleEmbedder({ baseUrl: server.baseUrl, model: 'm' });
    const inputs = texts(10);
    expect(await createBatchingEmbedder(openAi, { batchSize: 3, concurrency: 3 }).embed(inputs)).toEqual(
      expected(inputs),
    );
    expect(server.requests).toHaveLength(4);
  });

  it('should retry a 503 and then succeed', async () => {
    server.enqueue(serverError, serverError);
    const { sleep, retry } = instantRetry();
    const embedder = createBatchingEmbedder(ollama, { retries: 3, retry });
    expect(await embedder.embed(texts(2))).toEqual(expected(texts(2)));
    expect(server.requests).toHaveLength(3);
    expect(sleep).toHaveBeenCalledTimes(2);
  });

  it('should honour Retry-After on a 429', async () => {
    server.enqueue({ status: 429, headers: { 'retry-after': '2' }, body: { error: 'slow down' } });
    const { sleep, retry } = instantRetry();
    await createBatchingEmbedder(ollama, { retry }).embed(texts(1));
    expect(sleep.mock.calls.map((call: unknown[]) => call[0])).toEqual([2000]);
  });

  it('should give up after the configured retries', async () => {
    server.enqueue(serverError, serverError, serverError);
    const { retry } = instantRetry();
    await expect(createBatchingEmbedder(ollama, { retries: 2, retry }).embed(texts(1))).rejects.toMatchObject(
      {
        code: 'LLM_UNAVAILABLE',
        options: { status: 503 },
      },
    );
    expect(server.requests).toHaveLength(3);
  });

  it('should not retry a 400', async () => {
    server.enqueue({ status: 400, body: { error: 'input too long' } });
    const { sleep, retry } = instantRetry();
    await expect(createBatchingEmbedder(ollama, { retry }).embed(texts(1))).rejects.toMatchObject({
      code: 'LLM_REQUEST_REJECTED',
    });
    expect(server.requests).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('should retry a refused connection and then report LLM_UNAVAILABLE', async () => {
    const { sleep, retry } = instantRetry();
    const refused = createOllamaEmbedder({ baseUrl: await unusedBaseUrl() });
    await expect(
      createBatchingEmbedder(refused, { retries: 3, retry }).embed(texts(1)),
    ).rejects.toMatchObject({
      code: 'LLM_UNAVAILABLE',
    });
    expect(sleep).toHaveBeenCalledTimes(3);
  });

  it('should abort the requests in flight when the caller aborts', async () => {
    server.enqueue({ hang: true }, { hang: true });
    const controller = new AbortController();
    const running = createBatchingEmbedder(ollama, { batchSize: 1 }).embed(texts(4), {
      signal: controller.signal,
    });
    await vi.waitFor(() => {
      expect(server.requests).toHaveLength(2);
    });
    controller.abort();
    await expect(running).rejects.toMatchObject({ code: 'LLM_ABORTED' });
    await vi.waitFor(() => {
      expect(server.requests.every((request) => request.aborted)).toBe(true);
    });
    expect(server.requests).toHaveLength(2);
  });

  it('should stop waiting for a retry when the caller aborts', async () => {
    server.enqueue(serverError);
    const controller = new AbortController();
    const running = createBatchingEmbedder(ollama, { retry: { baseDelayMs: 60_000, random: () => 1 } }).embed(
      texts(1),
      { signal: controller.signal },
    );
    await vi.waitFor(() => {
      expect(server.requests).toHaveLength(1);
    });
    controller.abort();
    await expect(running).rejects.toMatchObject({ code: 'LLM_ABORTED' });
  });

  it('should abort the other batches and throw the first real failure', async () => {
    server.enqueue({ hang: true }, { status: 400, body: { error: 'bad input' } });
    const running = createBatchingEmbedder(ollama, { batchSize: 1, concurrency: 2 }).embed(texts(5));
    await expect(running).rejects.toMatchObject({ code: 'LLM_REQUEST_REJECTED' });
    await vi.waitFor(() => {
      expect(server.requests[0]?.aborted).toBe(true);
    });
    expect(server.requests).toHaveLength(2);
  });

  it('should refuse a batch size below 1', () => {
    expect(() => createBatchingEmbedder(ollama, { batchSize: 0 })).toThrow(
      expect.objectContaining({ code: 'EMBEDDING_CONFIG_INVALID' }) as Error,
    );
  });
});
