import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  UnauthenticatedError,
  UnavailableError,
  ValidationError,
  type ErrorKind,
} from '@youworker/core';
import { describe, expect, it } from 'vitest';
import { mapError, statusForKind } from './error-mapping.ts';
import { EmbeddingModelMismatchError } from '@youworker/vector';

const development = { production: false };
const production = { production: true };

describe(mapError.name, () => {
  it.each([
    [new ValidationError({ message: 'm' }), 400, 'VALIDATION_FAILED'],
    [new UnauthenticatedError({ message: 'm' }), 401, 'UNAUTHENTICATED'],
    [new ForbiddenError({ message: 'm' }), 403, 'FORBIDDEN'],
    [new NotFoundError({ message: 'm', code: 'DOCUMENT_NOT_FOUND' }), 404, 'DOCUMENT_NOT_FOUND'],
    [new ConflictError({ message: 'm' }), 409, 'CONFLICT'],
    [new PayloadTooLargeError({ message: 'm' }), 413, 'PAYLOAD_TOO_LARGE'],
    [new RateLimitedError({ message: 'm' }), 429, 'RATE_LIMITED'],
    [new UnavailableError({ message: 'm' }), 503, 'SERVICE_UNAVAILABLE'],
  ])('should map %s to its status and code', (error, status, code) => {
    const mapped = mapError(error, production);
    expect(mapped.status).toBe(status);
    expect(mapped.body.error.code).toBe(code);
    expect(mapped.body.error.message).toBe('m');
    expect(mapped.logLevel).not.toBe('error');
  });

  it('should keep domain details and turn retryAfterSeconds into Retry-After', () => {
    const mapped = mapError(
      new RateLimitedError({ message: 'slow', details: { retryAfterSeconds: 2.2 } }),
      production,
    );
    expect(mapped.body.error.details).toEqual({ retryAfterSeconds: 2.2 });
    expect(mapped.headers).toEqual({ 'retry-after': '3' });
  });

  it('should recognise domain errors from another copy of the package by their marker', () => {
    const foreign = Object.assign(new NotFoundError({ message: 'x' }), {});
    Object.setPrototypeOf(foreign, Error.prototype);
    expect(mapError(foreign, production).status).toBe(404);
  });

  it.each([
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['FST_ERR_CTP_BODY_TOO_LARGE', 413, 'PAYLOAD_TOO_LARGE'],
    ['FST_ERR_CTP_EMPTY_JSON_BODY', 400, 'INVALID_JSON'],
    ['FST_ERR_CTP_INVALID_JSON_BODY', 400, 'INVALID_JSON'],
  ])('should map the framework error %s to %i %s', (code, status, stableCode) => {
    const mapped = mapError(Object.assign(new Error('framework'), { code, statusCode: status }), production);
    expect(mapped).toMatchObject({ status, body: { error: { code: stableCode } }, logLevel: 'info' });
  });

  it('should map an embedding model mismatch to 503 with the reindex hint, not a 500', () => {
    const error = new EmbeddingModelMismatchError(
      { model: 'local:use-lite', dimension: 512 },
      { model: 'ollama:embeddinggemma:300m', dimension: 768 },
    );
    const mapped = mapError(error, { production: true });
    expect(mapped.status).toBe(503);
    expect(mapped.body.error.code).toBe('EMBEDDING_MODEL_MISMATCH');
    expect(mapped.body.error.message).toContain('youworker reindex');
  });

  it('should map a JSON syntax error to 400 INVALID_JSON', () => {
    const error = Object.assign(new SyntaxError('Unexpected end of JSON input'), { statusCode: 400 });
    expect(mapError(error, production)).toMatchObject({
      status: 400,
      body: { error: { code: 'INVALID_JSON' } },
    });
  });

  it('should name other client errors by their status', () => {
    expect(mapError(Object.assign(new Error('nope'), { statusCode: 405 }), production).body.error.code).toBe(
      'METHOD_NOT_ALLOWED',
    );
    expect(
      mapError(Object.assign(new Error('teapot'), { statusCode: 418 }), production).body.error.code,
    ).toBe('HTTP_418');
  });

  it('should hide unknown errors in production and log them at error level', () => {
    const mapped = mapError(new Error('secret detail'), production);
    expect(mapped).toEqual({
      status: 500,
      body: { error: { code: 'INTERNAL_ERROR', message: 'An internal error occurred' } },
      logLevel: 'error',
    });
    expect(mapError(new Error('secret detail'), development).body.error.message).toBe('secret detail');
    expect(mapError('a thrown string', development).status).toBe(500);
    expect(mapError(undefined, development).status).toBe(500);
  });

  it('should never answer a server-side status for a 5xx-looking framework error other than 500', () => {
    expect(mapError(Object.assign(new Error('x'), { statusCode: 502 }), production).status).toBe(500);
  });
});

describe(statusForKind.name, () => {
  it('should give every kind a status', () => {
    const kinds: ErrorKind[] = [
      'validation',
      'unauthenticated',
      'forbidden',
      'not-found',
      'conflict',
      'payload-too-large',
      'rate-limited',
      'unavailable',
    ];
    for (const kind of kinds) {
      expect(statusForKind(kind)).toBeGreaterThanOrEqual(400);
    }
  });
});
