import { checkProvider, LlmError, OllamaProvider, type ModelStreamPart } from '@youworker/llm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponse, steps, textAnswer } from '../../support/scripted-llm/script.ts';
import { startScriptedLlm, type ScriptedLlm } from '../../support/scripted-llm/scripted-llm-server.ts';
import { freePort } from '../../support/server-process.ts';
import { collectParts, providerFor, rejectionOf } from './llm-test-helpers.ts';

let llm: ScriptedLlm;
beforeAll(async () => {
  llm = await startScriptedLlm();
});
afterAll(async () => {
  await llm.close();
});

const request = { model: 'gpt-oss:20b', messages: [{ role: 'user' as const, content: 'hi' }] };

function expectLlmError(error: unknown, code: string): LlmError {
  expect(LlmError.isInstance(error), String(error)).toBe(true);
  const llmError = error as LlmError;
  expect(llmError.code, llmError.message).toBe(code);
  return llmError;
}

describe.each(['ollama', 'openai-compatible'] as const)('%s provider failures', (kind) => {
  it('should map a 404 on the model to LLM_MODEL_NOT_FOUND without retrying', async () => {
    llm.enqueue(errorResponse(404, "model 'llama9' not found, try pulling it first"));
    const before = llm.requests.length;
    const error = await rejectionOf(
      collectParts(providerFor(kind, llm.baseUrl).streamChat({ ...request, model: 'llama9' })),
    );
    expect(expectLlmError(error, 'LLM_MODEL_NOT_FOUND').message).toContain('llama9');
    expect(llm.requests.length - before).toBe(1);
  });

  it('should map other 4xx to LLM_REQUEST_REJECTED with the server text', async () => {
    llm.enqueue(errorResponse(400, 'invalid tool schema'));
    const error = await rejectionOf(collectParts(providerFor(kind, llm.baseUrl).streamChat(request)));
    expect(expectLlmError(error, 'LLM_REQUEST_REJECTED').message).toContain('invalid tool schema');
  });

  it('should retry a 500 before any output and then succeed', async () => {
    llm.enqueue(
      errorResponse(500, 'CUDA out of memory'),
      errorResponse(503, 'loading'),
      textAnswer('recovered'),
    );
    const before = llm.requests.length;
    const parts = await collectParts(providerFor(kind, llm.baseUrl).streamChat(request));
    expect(parts).toContainEqual({ type: 'text-delta', text: 'recovered' });
    expect(llm.requests.length - before).toBe(3);
  });

  it('should give up after LLM_MAX_RETRIES with a retryable LLM_UNAVAILABLE', async () => {
    llm.enqueue(errorResponse(500, 'a'), errorResponse(500, 'b'));
    const error = await rejectionOf(
      collectParts(providerFor(kind, llm.baseUrl, { LLM_MAX_RETRIES: 1 }).streamChat(request)),
    );
    expect(expectLlmError(error, 'LLM_UNAVAILABLE').isRetryable).toBe(true);
  });

  it('should retry a 429 after its Retry-After', async () => {
    llm.enqueue(errorResponse(429, 'slow down', { 'retry-after': '0' }), textAnswer('ok'));
    const parts = await collectParts(providerFor(kind, llm.baseUrl).streamChat(request));
    expect(parts).toContainEqual({ type: 'text-delta', text: 'ok' });
  });

  it('should not retry an error after the first streamed part; the stream fails', async () => {
    llm.enqueue(
      steps({ type: 'text', text: 'partial' }, { type: 'stream-error', message: 'GPU fell over' }),
      textAnswer('never'),
    );
    const before = llm.requests.length;
    const seen: ModelStreamPart[] = [];
    const error = await rejectionOf(
      (async () => {
        for await (const part of providerFor(kind, llm.baseUrl).streamChat(request)) {
          seen.push(part);
        }
      })(),
    );
    expect(seen).toEqual([{ type: 'text-delta', text: 'partial' }]);
    const llmError = expectLlmError(error, 'LLM_UNAVAILABLE');
    expect(llmError.message).toContain('GPU fell over');
    expect(llmError.isRetryable).toBe(false);
    expect(llm.requests.length - before).toBe(1);
    expect(llm.pending()).toBe(1);
    await collectParts(providerFor(kind, llm.baseUrl).streamChat(request)); // consume the unused script
  });

  it('should fail with LLM_UNAVAILABLE when the connection drops mid-stream', async () => {
    llm.enqueue(steps({ type: 'text', text: 'partial' }, { type: 'delay', ms: 20 }, { type: 'drop' }));
    const error = await rejectionOf(
      collectParts(providerFor(kind, llm.baseUrl, { LLM_MAX_RETRIES: 0 }).streamChat(request)),
    );
    expect(expectLlmError(error, 'LLM_UNAVAILABLE').message).toContain(llm.baseUrl);
  });

  it('should name the URL when the connection is refused', async () => {
    const closedUrl = `http://127.0.0.1:${await freePort()}`;
    const error = await rejectionOf(
      collectParts(providerFor(kind, closedUrl, { LLM_MAX_RETRIES: 1 }).streamChat(request)),
    );
    const llmError = expectLlmError(error, 'LLM_UNAVAILABLE');
    expect(llmError.message).toContain(closedUrl);
    expect(llmError.message).toContain('ECONNREFUSED');
    expect(llmError.isRetryable).toBe(true);
  });

  it('should time out with LLM_TIMEOUT when the server sends no headers', async () => {
    llm.enqueue(steps({ type: 'hang' }));
    const before = llm.requests.length;
    const error = await rejectionOf(
      collectParts(providerFor(kind, llm.baseUrl, { LLM_REQUEST_TIMEOUT_MS: 300 }).streamChat(request)),
    );
    expect(expectLlmError(error, 'LLM_TIMEOUT').message).toContain('300 ms');
    await expect(llm.requests[before]?.ended).resolves.toBe('client-disconnected');
  });

  it('should time out when the stream goes idle, even though chunks arrived before', async () => {
    llm.enqueue(
      steps(
        { type: 'text', text: 'a' },
        { type: 'delay', ms: 200 },
        { type: 'text', text: 'b' },
        { type: 'delay', ms: 200 },
        { type: 'text', text: 'c' },
        { type: 'hang' },
      ),
    );
    const seen: string[] = [];
    const error = await rejectionOf(
      (async () => {
        for await (const part of providerFor(kind, llm.baseUrl, { LLM_REQUEST_TIMEOUT_MS: 350 }).streamChat(
          request,
        )) {
          if (part.type === 'text-delta') {
            seen.push(part.text);
          }
        }
      })(),
    );
    expectLlmError(error, 'LLM_TIMEOUT');
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('should abort mid-stream with LLM_ABORTED and close the upstream connection', async () => {
    llm.enqueue(steps({ type: 'text', text: 'first' }, { type: 'hang' }));
    const before = llm.requests.length;
    const controller = new AbortController();
    const error = await rejectionOf(
      (async () => {
        for await (const part of providerFor(kind, llm.baseUrl).streamChat({
          ...request,
          signal: controller.signal,
        })) {
          if (part.type === 'text-delta') {
            controller.abort();
          }
        }
      })(),
    );
    expectLlmError(error, 'LLM_ABORTED');
    await expect(llm.requests[before]?.ended).resolves.toBe('client-disconnected');
  });

  it('should close the upstream connection when the consumer stops reading', async () => {
    llm.enqueue(steps({ type: 'text', text: 'first' }, { type: 'hang' }));
    const before = llm.requests.length;
    for await (const part of providerFor(kind, llm.baseUrl).streamChat(request)) {
      if (part.type === 'text-delta') {
        break;
      }
    }
    await expect(llm.requests[before]?.ended).resolves.toBe('client-disconnected');
  });

  it('should retry model listing on 500 and report health', async () => {
    llm.enqueueListing(errorResponse(500, 'busy'));
    const health = await checkProvider(providerFor(kind, llm.baseUrl));
    expect(health).toEqual({ provider: kind, baseUrl: llm.baseUrl, models: 2 });
  });

  it('should reject the health check with a message naming the URL', async () => {
    const closedUrl = `http://127.0.0.1:${await freePort()}`;
    const error = await rejectionOf(checkProvider(providerFor(kind, closedUrl, { LLM_MAX_RETRIES: 0 })));
    expect(expectLlmError(error, 'LLM_UNAVAILABLE').message).toContain(closedUrl);
  });
});

describe(OllamaProvider.name, () => {
  it('should describe a model via /api/show, and map an unknown model to LLM_MODEL_NOT_FOUND', async () => {
    const provider = new OllamaProvider({ baseUrl: llm.baseUrl });
    await expect(provider.describeModel('gpt-oss:20b')).resolves.toEqual({
      id: 'gpt-oss:20b',
      details: {
        family: 'gptoss',
        parameterSize: '20.9B',
        quantizationLevel: 'MXFP4',
        contextLength: 131072,
        capabilities: 'completion,tools,thinking',
      },
    });
    expectLlmError(await rejectionOf(provider.describeModel('nope')), 'LLM_MODEL_NOT_FOUND');
  });
});
