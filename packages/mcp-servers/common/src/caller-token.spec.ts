import { describe, expect, it } from 'vitest';
import {
  CALLER_TOKEN_META_KEY,
  callerFromExtra,
  signCallerToken,
  verifyCallerToken,
} from './caller-token.ts';
import { CallerTokenError, type CallerTokenErrorCode } from './caller-token-error.ts';

const secret = 'a-secret-of-at-least-thirty-two-bytes!!';
const claims = { sub: 'user-1', rid: 'request-1', aud: 'semantic', scope: ['documents:read'] };
const t0 = Date.parse('2026-03-29T10:00:00Z');
const at = (ms: number) => () => ms;

function codeOf(run: () => unknown): CallerTokenErrorCode | undefined {
  try {
    run();
  } catch (caught) {
    return CallerTokenError.isInstance(caught) ? caught.code : undefined;
  }
  return undefined;
}

describe('caller tokens', () => {
  it('round-trips the claims with iat and exp', () => {
    const token = signCallerToken(claims, secret, 60, { now: at(t0) });
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyCallerToken(token, secret, { audience: 'semantic', now: at(t0 + 30_000) })).toEqual({
      ...claims,
      iat: t0 / 1000,
      exp: t0 / 1000 + 60,
    });
    expect(verifyCallerToken(token, Buffer.from(secret), { audience: 'semantic', now: at(t0) }).sub).toBe(
      'user-1',
    );
  });

  it('rejects missing, malformed, forged and re-signed tokens as TOKEN_MISSING or TOKEN_INVALID', () => {
    const token = signCallerToken(claims, secret, 60, { now: at(t0) });
    const verify =
      (value: string | undefined, key = secret) =>
      () =>
        verifyCallerToken(value, key, { audience: 'semantic', now: at(t0) });
    expect(codeOf(verify(undefined))).toBe('TOKEN_MISSING');
    expect(codeOf(verify(''))).toBe('TOKEN_MISSING');
    expect(codeOf(verify('v2.abc.def'))).toBe('TOKEN_INVALID');
    expect(codeOf(verify('not a token'))).toBe('TOKEN_INVALID');
    expect(codeOf(verify(`${token}x`))).toBe('TOKEN_INVALID');
    expect(codeOf(verify(token, `${secret}-other`))).toBe('TOKEN_INVALID');
    const [version, , signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...claims, sub: 'admin', iat: t0 / 1000, exp: t0 / 1000 + 60 }),
    );
    expect(codeOf(verify(`${version}.${forged.toString('base64url')}.${signature}`))).toBe('TOKEN_INVALID');
    expect(codeOf(verify('x'.repeat(5000)))).toBe('TOKEN_INVALID');
  });

  it('expires after exp plus the clock skew, and refuses tokens issued in the future', () => {
    const token = signCallerToken(claims, secret, 60, { now: at(t0) });
    const verifyAt = (ms: number, skew?: number) => () =>
      verifyCallerToken(token, secret, { audience: 'semantic', now: at(ms), clockSkewSeconds: skew });
    expect(codeOf(verifyAt(t0 + 64_000))).toBeUndefined();
    expect(codeOf(verifyAt(t0 + 66_000))).toBe('TOKEN_EXPIRED');
    expect(codeOf(verifyAt(t0 + 66_000, 30))).toBeUndefined();
    expect(codeOf(verifyAt(t0 - 10_000))).toBe('TOKEN_INVALID');
  });

  it('checks the audience', () => {
    const token = signCallerToken(claims, secret, 60, { now: at(t0) });
    expect(codeOf(() => verifyCallerToken(token, secret, { audience: 'ingest', now: at(t0) }))).toBe(
      'TOKEN_AUDIENCE',
    );
  });

  it('refuses weak secrets, bad lifetimes and bad claims when signing', () => {
    expect(() => signCallerToken(claims, 'short', 60)).toThrow(/at least 32 bytes/);
    expect(() => signCallerToken(claims, secret, 0)).toThrow(/ttlSeconds/);
    expect(() => signCallerToken(claims, secret, 3601)).toThrow(/ttlSeconds/);
    expect(() => signCallerToken({ ...claims, sub: '' }, secret)).toThrow(/Invalid caller token claims/);
  });

  it('reads the token from a tool call extra _meta', () => {
    const token = signCallerToken(claims, secret);
    expect(callerFromExtra({ _meta: { [CALLER_TOKEN_META_KEY]: token } }, secret, 'semantic').rid).toBe(
      'request-1',
    );
    expect(codeOf(() => callerFromExtra({}, secret, 'semantic'))).toBe('TOKEN_MISSING');
    expect(
      codeOf(() => callerFromExtra({ _meta: { [CALLER_TOKEN_META_KEY]: 42 } }, secret, 'semantic')),
    ).toBe('TOKEN_MISSING');
  });
});
