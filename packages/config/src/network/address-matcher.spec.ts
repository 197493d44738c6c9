import { describe, expect, it } from 'vitest';
import { createAddressMatcher, isValidCidr } from './address-matcher.ts';

describe(createAddressMatcher.name, () => {
  it('should match IPv4 and IPv6 ranges and single addresses', () => {
    const matches = createAddressMatcher(['10.0.0.0/8', '192.168.1.7', 'fd00::/8', '::1']);
    expect(matches('10.1.2.3')).toBe(true);
    expect(matches('11.0.0.1')).toBe(false);
    expect(matches('192.168.1.7')).toBe(true);
    expect(matches('192.168.1.8')).toBe(false);
    expect(matches('fd12:3456::1')).toBe(true);
    expect(matches('fe80::1')).toBe(false);
    expect(matches('::1')).toBe(true);
  });

  it('should treat IPv4-mapped IPv6 addresses as IPv4', () => {
    expect(createAddressMatcher(['127.0.0.0/8'])('::ffff:127.0.0.1')).toBe(true);
  });

  it('should match nothing for garbage or missing addresses, and nothing with an empty list', () => {
    expect(createAddressMatcher(['0.0.0.0/0'])('not-an-ip')).toBe(false);
    expect(createAddressMatcher(['0.0.0.0/0'])(undefined)).toBe(false);
    expect(createAddressMatcher([])('127.0.0.1')).toBe(false);
  });

  it('should validate entries', () => {
    expect(isValidCidr('10.0.0.0/8')).toBe(true);
    expect(isValidCidr('2001:db8::/32')).toBe(true);
    expect(isValidCidr('10.0.0.0/33')).toBe(false);
    expect(isValidCidr('localhost')).toBe(false);
  });
});
