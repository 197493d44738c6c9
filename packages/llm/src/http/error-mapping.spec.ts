import { describe, expect, it } from 'vitest';
import { extractServerMessage, mapHttpStatus, mapTransportError, parseRetryAfter } from './error-mapping.ts';

const context = { baseUrl: 'http://gpu-box:11434' };

describe(mapHttpStatus.name, () => {
  it.each([
    [429, undefined, 'LLM_RATE_LIMITED', true],
    [500, undefined, 'LLM_UNAVAILABLE', true],
    [503, 'm', 'LLM_UNAVAILABLE', true],
    [404, 'llama9', 'LLM_MODEL_NOT_FOUND', false],
    [404, undefined, 'LLM_REQUEST_REJECTED', false],
    [400, 'm', 'LLM_REQUEST_REJECTED', false],
    [401, 'm', 'LLM_REQUEST_REJECTED', false],
  ])('should map HTTP %i (model %s) to %s (retryable %s)', (status, model, code, retryable) => {
    const error = mapHttpStatus(status, '{"error":"nope"}', { ...context, model });
    expect({ code: error.code, retryable: error.isRetryable, status: error.options.status }).toEqual({
      code,
      retryable,
      status,
    });
    expect(error.message).toContain('http://gpu-box:11434');
    expect(error.message).toContain('nope');
  });

  it('should name the model on 404 and point at LLM_API_KEY on 401', () => {
    expect(mapHttpStatus(404, '', { ...context, model: 'llama9' }).message).toContain('"llama9"');
    expect(mapHttpStatus(401, '', context).message).toContain('LLM_API_KEY');
  });
});

describe(extractServerMessage.name, () => {
  it('should read Ollama, OpenAI and vLLM error bodies and trim raw text', () => {
    expect(extractServerMessage('{"error":"model \'x\' not found"}')).toBe("model 'x' not found");
    expect(extractServerMessage('{"error":{"message":"bad tools","type":"invalid_request_error"}}')).toBe(
      'bad tools',
    );
    expect(
      extractServerMessage('{"object":"error","message":"The model `x` does not exist.","code":404}'),
    ).toBe('The model `x` does not exist.');
    expect(extractServerMessage('  <html>\n  Bad   Gateway </html> ')).toBe('<html> Bad Gateway </html>');
    expect(extractServerMessage('x'.repeat(900))).toHaveLength(501);
  });
});

describe(parseRetryAfter.name, () => {
  it('should accept seconds and HTTP dates and reject garbage', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe(mapTransportError.name, () => {
  it('should find ECONNREFUSED in the cause chain and say what to check', () => {
    const failure = new TypeError('fetch failed', {
      cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
    });
    const error = mapTransportError(failure, context, 'connect');
    expect(error.code).toBe('LLM_UNAVAILABLE');
    expect(error.isRetryable).toBe(true);
    expect(error.message).toContain('http://gpu-box:11434 (ECONNREFUSED)');
    expect(error.message).toContain('LLM_BASE_URL');
  });
});
