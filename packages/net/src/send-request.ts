import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { type HopTarget, pinnedLookup } from './resolve-target.ts';
import { SafeFetchError, describeUrl } from './safe-fetch-error.ts';

/** One request without redirect handling; see {@link sendRequest}. */
export interface HopRequest {
  target: HopTarget;
  method: 'GET' | 'HEAD';
  headers: Record<string, string>;
  /** Aborted with a {@link SafeFetchError} (TIMEOUT or ABORTED) as its reason. */
  signal: AbortSignal;
  headersTimeoutMs: number;
}

function connectionFailure(target: HopTarget, caught: unknown): SafeFetchError {
  const detail = (caught as NodeJS.ErrnoException).code ?? (caught as Error).message;
  const where =
    target.address === target.hostname ? target.hostname : `${target.hostname} (${target.address})`;
  return new SafeFetchError(
    'CONNECTION_FAILED',
    `Could not fetch ${describeUrl(target.url)}: connection to ${where} failed (${detail})`,
    describeUrl(target.url),
    { cause: caught },
  );
}

/**
 * Sends one request to the checked address of `target` (the hostname is kept for Host and TLS SNI,
 * certificates are verified against it) and resolves with the response once its headers arrive.
 * No connection pooling: each hop opens its own socket, so a pooled socket can never bypass a check.
 */
export function sendRequest(hop: HopRequest): Promise<IncomingMessage> {
  const { target, signal } = hop;
  const transport = target.url.protocol === 'https:' ? https : http;
  return new Promise<IncomingMessage>((resolve, reject) => {
    const request = transport.request({
      protocol: target.url.protocol,
      host: target.hostname,
      port: target.url.port === '' ? undefined : Number(target.url.port),
      path: `${target.url.pathname}${target.url.search}`,
      method: hop.method,
      headers: hop.headers,
      lookup: pinnedLookup(target),
      agent: false,
      signal,
    });
    const timer = setTimeout(() => {
      request.destroy(
        new SafeFetchError(
          'TIMEOUT',
          `No response headers from ${describeUrl(target.url)} within ${hop.headersTimeoutMs} ms`,
          describeUrl(target.url),
        ),
      );
    }, hop.headersTimeoutMs);
    request.once('response', (response) => {
      clearTimeout(timer);
      resolve(response);
    });
    request.on('error', (caught) => {
      clearTimeout(timer);
      if (signal.aborted) {
        reject(signal.reason as Error);
      } else {
        reject(SafeFetchError.isInstance(caught) ? caught : connectionFailure(target, caught));
      }
    });
    request.end();
  });
}
