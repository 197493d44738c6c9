import { describe, expect, it } from 'vitest';
import { createAddressPolicy } from './address-policy.ts';

describe('createAddressPolicy', () => {
  it('permits public addresses and blocks private ones by default', () => {
    const policy = createAddressPolicy();
    expect(policy.blockReason('example.org', '93.184.215.14')).toBeUndefined();
    expect(policy.blockReason('intranet', '10.0.0.5')).toBe('private');
    expect(policy.blockReason('metadata', '169.254.169.254')).toBe('linkLocal');
  });

  it('permits addresses inside allowed CIDRs, including IPv4-mapped forms', () => {
    const policy = createAddressPolicy(['10.0.0.0/8', '127.0.0.1', 'fd00::/8']);
    expect(policy.blockReason('a', '10.20.30.40')).toBeUndefined();
    expect(policy.blockReason('a', '127.0.0.1')).toBeUndefined();
    expect(policy.blockReason('a', '::ffff:127.0.0.1')).toBeUndefined();
    expect(policy.blockReason('a', '127.0.0.2')).toBe('loopback');
    expect(policy.blockReason('a', 'fd00::1')).toBeUndefined();
    expect(policy.blockReason('a', '192.168.0.1')).toBe('private');
  });

  it('permits any address of an allowed exact hostname, case- and trailing-dot-insensitive', () => {
    const policy = createAddressPolicy([' SearXNG.lan ', '']);
    expect(policy.allow).toEqual(['SearXNG.lan']);
    expect(policy.blockReason('searxng.lan.', '192.168.1.20')).toBeUndefined();
    expect(policy.blockReason('sub.searxng.lan', '192.168.1.20')).toBe('private');
    expect(policy.blockReason('searxng.lan', 'garbage')).toBe('invalid');
  });

  it('rejects malformed entries with a message naming them', () => {
    expect(() => createAddressPolicy(['10.0.0.0/99'])).toThrow(/"10.0.0.0\/99"/);
    expect(() => createAddressPolicy(['http://x/'])).toThrow(RangeError);
    expect(() => createAddressPolicy(['bad host'])).toThrow(/exact hostname/);
  });
});
