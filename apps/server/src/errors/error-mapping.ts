import type { ErrorResponse, ValidationIssue } from '@youworker/contracts';
import { YouWorkerError, type ErrorKind } from '@youworker/core';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { EmbeddingModelMismatchError } from '@youworker/vector';

/** How an error is answered and logged. */
export interface MappedError {
  status: number;
  body: Omit<ErrorResponse, 'requestId'>;
  /** `error` only for failures of ours (5xx); client mistakes are logged at `info` without a stack. */
  logLevel: 'info' | 'warn' | 'error';
  headers?: Record<string, string>;
}

/** The one place where domain error kinds become HTTP statuses. */
export function statusForKind(kind: ErrorKind): number {
  switch (kind) {
    case 'validation':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'not-found':
      return 404;
    case 'conflict':
      return 409;
    case 'payload-too-large':
      return 413;
    case 'rate-limited':
      return 429;
    case 'unavailable':
      return 503;
  }
}

/** Fastify's own client-error codes and the stable codes we answer with instead. */
const fastifyErrorCodes: Record<string, { status: number; code: string; message?: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'INVALID_CONTENT_LENGTH' },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: 'Request body is too large',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'INVALID_JSON',
    message: "Body cannot be empty when content-type is set to 'application/json'",
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'INVALID_JSON',
    message: 'Request body is not valid JSON',
  },
  FST_ERR_VALIDATION: { status: 400, code: 'VALIDATION_FAILED' },
};

const clientErrorCodes: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

interface ErrorLike {
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
}

function isJsonSyntaxError(error: unknown): boolean {
  return error instanceof SyntaxError && (error as ErrorLike).statusCode === 400;
}

function validationIssues(error: unknown): ValidationIssue[] {
  if (!hasZodFastifySchemaValidationErrors(error)) {
    return [];
  }
  const location = (error as { validationContext?: string }).validationContext ?? 'body';
  return error.validation.map((issue) => ({
    location: (['body', 'querystring', 'params', 'headers'].includes(location)
      ? location
      : 'body') as ValidationIssue['location'],
    path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
    message: issue.message ?? 'Invalid value',
  }));
}

function internal(production: boolean, error: unknown): MappedError {
  const message =
    !production && error instanceof Error && error.message ? error.message : 'An internal error occurred';
  return { status: 500, body: { error: { code: 'INTERNAL_ERROR', message } }, logLevel: 'error' };
}

/**
 * Maps any thrown value to a status and the error envelope. Domain errors keep their code; schema
 * validation is a 400 with field details; Fastify's client errors get stable codes; everything else is a
 * 500 whose message is generic in production.
 */
export function mapError(error: unknown, options: { production: boolean }): MappedError {
  if (typeof error !== 'object' || error === null) {
    return internal(options.production, error);
  }
  if (YouWorkerError.isInstance(error)) {
    const status = statusForKind(error.kind);
    const retryAfter = error.details?.retryAfterSeconds;
    return {
      status,
      body: {
        error: {
          code: error.code,
          message: error.message,
          ...(error.details ? { details: error.details } : {}),
        },
      },
      logLevel: status >= 500 ? 'warn' : 'info',
      ...(typeof retryAfter === 'number'
        ? { headers: { 'retry-after': String(Math.ceil(retryAfter)) } }
        : {}),
    };
  }
  if (EmbeddingModelMismatchError.isInstance(error)) {
    // The operator changed the embedding model: searches wait for `youworker reindex`, and say so.
    return {
      status: 503,
      body: { error: { code: error.code, message: error.message } },
      logLevel: 'warn',
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    return {
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Request is invalid',
          details: { issues: validationIssues(error) },
        },
      },
      logLevel: 'info',
    };
  }
  if (isResponseSerializationError(error)) {
    return internal(options.production, error);
  }
  if (isJsonSyntaxError(error)) {
    return {
      status: 400,
      body: { error: { code: 'INVALID_JSON', message: 'Request body is not valid JSON' } },
      logLevel: 'info',
    };
  }
  const { code, statusCode, message } = error as ErrorLike;
  const known = typeof code === 'string' ? fastifyErrorCodes[code] : undefined;
  if (known) {
    return {
      status: known.status,
      body: {
        error: {
          code: known.code,
          message: known.message ?? (typeof message === 'string' ? message : known.code),
        },
      },
      logLevel: 'info',
    };
  }
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return {
      status: statusCode,
      body: {
        error: {
          code: clientErrorCodes[statusCode] ?? `HTTP_${statusCode}`,
          message: typeof message === 'string' ? message : 'Bad request',
        },
      },
      logLevel: 'info',
    };
  }
  return internal(options.production, error);
}
