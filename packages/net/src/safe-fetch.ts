import { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { type AddressPolicy, createAddressPolicy } from './address-policy.ts';
import { createDeadline } from './fetch-deadline.ts';
import { parseFetchUrl } from './parse-url.ts';
import { readBody } from './read-body.ts';
import { type Resolver, resolveTarget, systemResolver } from './resolve-target.ts';
import { SafeFetchError, describeUrl } from './safe-fetch-error.ts';
import { sendRequest } from './send-request.ts';

/** Options for {@link safeFetch}; every field has a default. */
export interface SafeFetchOptions {
  /** `GET` (default) or `HEAD`. */
  method?: 'GET' | 'HEAD';
  /** Allowlist of CIDRs / exact hostnames (see `createAddressPolicy`) or a prebuilt policy. Default: none. */
  allow?: readonly string[] | AddressPolicy;
  /** Hostname resolver, called once per hop. Default: `dns.lookup` with all addresses. */
  resolve?: Resolver;
  /** Cap on decoded body bytes. Default 5 MiB. */
  maxBytes?: number;
  /** Keep the first `maxBytes` (and set `truncated`) instead of failing with RESPONSE_TOO_LARGE. Default false. */
  truncate?: boolean;
  /** Budget for the whole call: every hop, DNS and the body. Default 30 s. */
  timeoutMs?: number;
  /** Budget per hop from sending the request to receiving the response headers. Default 10 s. */
  headersTimeoutMs?: number;
  /** Redirects followed before TOO_MANY_REDIRECTS. Default 5; 0 makes any redirect fail. */
  maxRedirects?: number;
  /** Cancels the call with code ABORTED. */
  signal?: AbortSignal;
  /** `User-Agent` header. Default `YouWorker/0.1 (+server-side fetch)`. */
  userAgent?: string;
  /** `Accept` header. Default `*\/*`. */
  accept?: string;
}

/** The final response of {@link safeFetch}. */
export interface SafeResponse {
  /** The final URL after redirects. */
  url: string;
  status: number;
  /** Lower-case header names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** Lower-case media type without parameters (`text/html`), or `''` when absent. */
  contentType: string;
  /** Decoded body; empty for HEAD. */
  body: Buffer;
  /** Whether the body was cut at `maxBytes` (only with `truncate: true`). */
  truncated: boolean;
  /** The URLs that answered with a redirect, in order; `[...redirects, url]` is the whole chain. */
  redirects: string[];
}

/** Default cap on decoded body bytes (5 MiB). */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** Default `User-Agent` of {@link safeFetch}. */
export const DEFAULT_USER_AGENT = 'YouWorker/0.1 (+server-side fetch)';
const redirectStatuses: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

function toPolicy(allow: SafeFetchOptions['allow']): AddressPolicy {
  if (allow === undefined) {
    return createAddressPolicy();
  }
  return 'blockReason' in allow ? allow : createAddressPolicy(allow);
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) {
      flat[name] = Array.isArray(value) ? value.join(', ') : value;
    }
  }
  return flat;
}

/** Sends hops until one answers without a redirect; returns that response and the redirect chain. */
async function followRedirects(
  start: URL,
  options: SafeFetchOptions,
  signal: AbortSignal,
): Promise<{ response: IncomingMessage; url: URL; redirects: string[] }> {
  const policy = toPolicy(options.allow);
  const maxRedirects = options.maxRedirects ?? 5;
  const headers = {
    'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
    accept: options.accept ?? '*/*',
    'accept-encoding': 'gzip, deflate, br',
  };
  const redirects: string[] = [];
  for (let current = start; ;) {
    const target = await resolveTarget(current, policy, options.resolve ?? systemResolver, signal);
    const response = await sendRequest({
      target,
      method: options.method ?? 'GET',
      headers,
      signal,
      headersTimeoutMs: options.headersTimeoutMs ?? 10_000,
    });
    const location = response.headers.location;
    if (!redirectStatuses.has(response.statusCode ?? 0) || location === undefined) {
      return { response, url: current, redirects };
    }
    response.destroy();
    if (redirects.length >= maxRedirects) {
      throw new SafeFetchError(
        'TOO_MANY_REDIRECTS',
        `${describeUrl(start)} redirected more than ${maxRedirects} times`,
        describeUrl(start),
      );
    }
    redirects.push(current.href);
    current = parseFetchUrl(location, current);
  }
}

/**
 * SSRF-safe HTTP(S) GET/HEAD. Each hop — the first URL and every redirect, followed manually — is
 * checked for scheme, resolved once, and refused with ADDRESS_BLOCKED if any address is non-public
 * and not allowlisted; the socket is then pinned to the checked address, so DNS rebinding cannot swap
 * it. Enforces `maxBytes` on decoded bytes while streaming, a total and a per-hop headers timeout, and
 * `signal`. Non-2xx statuses are returned, not thrown; failures throw {@link SafeFetchError}.
 */
export async function safeFetch(input: string | URL, options: SafeFetchOptions = {}): Promise<SafeResponse> {
  const start = parseFetchUrl(String(input));
  const deadline = createDeadline(start, options.timeoutMs ?? 30_000, options.signal);
  try {
    const { response, url, redirects } = await followRedirects(start, options, deadline.signal);
    let read: { body: Buffer; truncated: boolean } = { body: Buffer.alloc(0), truncated: false };
    if (options.method === 'HEAD') {
      response.destroy();
    } else {
      read = await readBody(response, {
        maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
        truncate: options.truncate ?? false,
        signal: deadline.signal,
        url: describeUrl(url),
      });
    }
    const headers = flattenHeaders(response.headers);
    return {
      url: url.href,
      status: response.statusCode ?? 0,
      headers,
      contentType: (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '',
      body: read.body,
      truncated: read.truncated,
      redirects,
    };
  } finally {
    deadline.release();
  }
}
