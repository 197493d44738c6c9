import { describe, expect, it } from 'vitest';
import {
  HostGuard,
  bearerMatcher,
  defaultAllowedHosts,
  defaultAllowedOrigins,
  isLoopbackHost,
} from './http-guard.ts';

describe('HostGuard', () => {
  const hosts = defaultAllowedHosts('127.0.0.1', 3101);
  const guard = new HostGuard(hosts, defaultAllowedOrigins(hosts));

  it('defaults to the loopback names with the port', () => {
    expect(hosts).toEqual(['localhost:3101', '127.0.0.1:3101', '[::1]:3101']);
  });

  it('accepts loopback hosts and origins, case-insensitively', () => {
    expect(guard.rejection('127.0.0.1:3101', undefined)).toBeUndefined();
    expect(guard.rejection('LOCALHOST:3101', 'http://localhost:3101')).toBeUndefined();
    expect(guard.rejection('[::1]:3101', 'https://[::1]:3101')).toBeUndefined();
  });

  it('rejects other hosts, ports, origins and a missing Host', () => {
    expect(guard.rejection('evil.example.com', undefined)).toMatch(/Host header not allowed/);
    expect(guard.rejection('evil.example.com:3101', undefined)).toMatch(/Host header not allowed/);
    expect(guard.rejection('127.0.0.1:3102', undefined)).toMatch(/Host header not allowed/);
    expect(guard.rejection('127.0.0.1:3101', 'http://evil.example.com')).toMatch(/Origin header not allowed/);
    expect(guard.rejection('127.0.0.1:3101', 'null')).toMatch(/Origin header not allowed/);
    expect(guard.rejection(undefined, undefined)).toMatch(/Missing or malformed Host/);
    expect(guard.rejection('a:b:c', undefined)).toMatch(/Missing or malformed Host/);
  });

  it('matches a host entry without port on any port, and port 80 when the header has none', () => {
    const custom = new HostGuard(['mcp.internal', 'tools.local:80'], ['https://app.internal']);
    expect(custom.rejection('mcp.internal:8443', 'https://app.internal')).toBeUndefined();
    expect(custom.rejection('tools.local', undefined)).toBeUndefined();
    expect(custom.rejection('tools.local:8080', undefined)).toMatch(/not allowed/);
  });

  it('adds the bound address, or every interface for a wildcard bind', () => {
    expect(defaultAllowedHosts('10.1.2.3', 80)).toContain('10.1.2.3:80');
    expect(defaultAllowedHosts('0.0.0.0', 80)).toEqual(
      expect.arrayContaining(['localhost:80', '127.0.0.1:80']),
    );
  });
});

describe('isLoopbackHost and bearerMatcher', () => {
  it('knows loopback addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) {
      expect(isLoopbackHost(host)).toBe(true);
    }
    for (const host of ['0.0.0.0', '::', '10.0.0.1', 'example.com', '128.0.0.1']) {
      expect(isLoopbackHost(host)).toBe(false);
    }
  });

  it('accepts only the exact bearer token', () => {
    const matches = bearerMatcher('s3cret-token-0123456789');
    expect(matches('Bearer s3cret-token-0123456789')).toBe(true);
    expect(matches('bearer s3cret-token-0123456789')).toBe(true);
    expect(matches('Bearer s3cret-token-012345678')).toBe(false);
    expect(matches('Basic s3cret-token-0123456789')).toBe(false);
    expect(matches(undefined)).toBe(false);
  });
});
