import { getRequestContext } from '@youworker/core';
import { pino, type Logger, type LoggerOptions } from 'pino';

/** Marks loggers that already carry a `requestId` binding (Fastify's per-request child loggers). */
export const requestIdBound = Symbol.for('youworker.logger.request-id-bound');

/** Header and field paths whose values never reach a log line. */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-authentik-api-key"]',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.apiKey',
  '*.api_key',
  '*.token',
  '*.secret',
  '*.sessionSecret',
  '*.encryptionKey',
];

/** Pino options: JSON lines, secrets redacted, the current request id added to every line. */
export function createLoggerOptions(options: { level: string }): LoggerOptions {
  return {
    level: options.level,
    base: { service: 'youworker' },
    redact: { paths: redactedPaths, censor: '[redacted]' },
    mixin(_object, _level, logger) {
      if ((logger as unknown as Record<symbol, unknown>)[requestIdBound]) {
        return {};
      }
      const context = getRequestContext();
      return context ? { requestId: context.requestId } : {};
    },
  };
}

/** The process's root logger. */
export function createLogger(options: { level: string }, destination?: pino.DestinationStream): Logger {
  return destination ? pino(createLoggerOptions(options), destination) : pino(createLoggerOptions(options));
}
