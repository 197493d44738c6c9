import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { CallerTokenError } from './caller-token-error.ts';

/**
 * The `_meta` key under which the platform puts the caller token of a tool call (`tools/call`
 * `params._meta`), over stdio and HTTP alike.
 */
export const CALLER_TOKEN_META_KEY = 'youworker/caller';

/** What the platform asserts about a tool call: who asked (`sub`), in which request, for which server. */
export interface CallerTokenInput {
  /** The user id on whose behalf the call is made. */
  sub: string;
  /** The platform request (chat turn) id, for audit correlation. */
  rid: string;
  /** The name of the MCP server the token is meant for. */
  aud: string;
  /** Optional permissions granted for this call. */
  scope?: string[];
}

/** The verified claims of a caller token: the input plus issue and expiry times (Unix seconds). */
export interface CallerClaims extends CallerTokenInput {
  iat: number;
  exp: number;
}

/** Options of {@link verifyCallerToken}. */
export interface VerifyCallerTokenOptions {
  /** This server's name; the token's `aud` must equal it. */
  audience: string;
  /** Tolerated clock difference between platform and server, in seconds (default 5, at most 300). */
  clockSkewSeconds?: number;
  /** Clock in epoch milliseconds (tests pass a fixed one). */
  now?: () => number;
}

const VERSION = 'v1';
const MAX_TOKEN_LENGTH = 4096;
const MIN_SECRET_BYTES = 32;
const MAX_TTL_SECONDS = 3600;

const identifier = z.string().min(1).max(256);
const claimsSchema = z.strictObject({
  sub: identifier,
  rid: identifier,
  aud: z.string().min(1).max(128),
  scope: z.array(z.string().min(1).max(128)).max(64).optional(),
  iat: z.number().int().nonnegative(),
  exp: z.number().int().positive(),
});

function secretBytes(secret: string | Buffer): Buffer {
  const bytes = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  if (bytes.length < MIN_SECRET_BYTES) {
    throw new RangeError(`The caller token secret must be at least ${MIN_SECRET_BYTES} bytes`);
  }
  return bytes;
}

function mac(signedPart: string, secret: Buffer): Buffer {
  return createHmac('sha256', secret).update(signedPart).digest();
}

/**
 * Signs a short-lived caller token `v1.<base64url JSON claims>.<base64url HMAC-SHA256>` for one
 * tool call. `ttlSeconds` (1–3600, default 60) sets `exp` after `iat`; `secret` needs at least 32
 * bytes. Throws a `RangeError` for a weak secret, a bad lifetime or invalid claims.
 */
export function signCallerToken(
  claims: CallerTokenInput,
  secret: string | Buffer,
  ttlSeconds = 60,
  options: { now?: () => number } = {},
): string {
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_TTL_SECONDS) {
    throw new RangeError(`ttlSeconds must be an integer from 1 to ${MAX_TTL_SECONDS}`);
  }
  const iat = Math.floor((options.now ?? Date.now)() / 1000);
  const parsed = claimsSchema.safeParse({ ...claims, iat, exp: iat + ttlSeconds });
  if (!parsed.success) {
    throw new RangeError(`Invalid caller token claims: ${z.prettifyError(parsed.error)}`);
  }
  const payload = Buffer.from(JSON.stringify(parsed.data), 'utf8').toString('base64url');
  const signedPart = `${VERSION}.${payload}`;
  return `${signedPart}.${mac(signedPart, secretBytes(secret)).toString('base64url')}`;
}

function decodeClaims(payload: string): CallerClaims {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw new CallerTokenError('TOKEN_INVALID', 'The caller token payload is not valid JSON');
  }
  const parsed = claimsSchema.safeParse(value);
  if (!parsed.success) {
    throw new CallerTokenError('TOKEN_INVALID', 'The caller token claims are malformed');
  }
  return parsed.data;
}

/**
 * Verifies a caller token made by {@link signCallerToken}: format, signature (constant-time),
 * claims, expiry and audience, in that order. Returns the claims; throws {@link CallerTokenError}
 * (`TOKEN_MISSING`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `TOKEN_AUDIENCE`) otherwise.
 */
export function verifyCallerToken(
  token: string | undefined,
  secret: string | Buffer,
  options: VerifyCallerTokenOptions,
): CallerClaims {
  const key = secretBytes(secret);
  if (token === undefined || token === '') {
    throw new CallerTokenError('TOKEN_MISSING', 'No caller token was sent');
  }
  const parts = token.length > MAX_TOKEN_LENGTH ? [] : token.split('.');
  const [version, payload, signature] = parts;
  if (parts.length !== 3 || version !== VERSION || !payload || !signature) {
    throw new CallerTokenError('TOKEN_INVALID', 'The caller token is not a v1 token');
  }
  // Compare the text form: base64url decoding is lenient, so decoding `signature` would accept variants.
  const expected = Buffer.from(mac(`${version}.${payload}`, key).toString('base64url'), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new CallerTokenError('TOKEN_INVALID', 'The caller token signature does not match');
  }
  const claims = decodeClaims(payload);
  const skew = Math.min(Math.max(options.clockSkewSeconds ?? 5, 0), 300);
  const nowSeconds = (options.now ?? Date.now)() / 1000;
  if (claims.iat > nowSeconds + skew || claims.exp <= claims.iat) {
    throw new CallerTokenError('TOKEN_INVALID', 'The caller token times are inconsistent');
  }
  if (nowSeconds > claims.exp + skew) {
    throw new CallerTokenError('TOKEN_EXPIRED', 'The caller token has expired');
  }
  if (claims.aud !== options.audience) {
    throw new CallerTokenError('TOKEN_AUDIENCE', `The caller token is not meant for ${options.audience}`);
  }
  return claims;
}

/** The part of the SDK's `RequestHandlerExtra` that {@link callerFromExtra} reads. */
export interface ExtraWithMeta {
  _meta?: Record<string, unknown>;
}

/**
 * Reads and verifies the caller token a tool handler received in `extra._meta` under
 * {@link CALLER_TOKEN_META_KEY}. Throws {@link CallerTokenError} (`TOKEN_MISSING` when absent).
 */
export function callerFromExtra(
  extra: ExtraWithMeta,
  secret: string | Buffer,
  audience: string,
): CallerClaims {
  const token = extra._meta?.[CALLER_TOKEN_META_KEY];
  return verifyCallerToken(typeof token === 'string' ? token : undefined, secret, { audience });
}
