import { describe, expect, it } from 'vitest';
import { blockedRange, isPublicAddress } from './ip-ranges.ts';

describe('isPublicAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.127.255.254', 'carrierGradeNat'],
    ['169.254.169.254', 'linkLocal'],
    ['169.254.0.1', 'linkLocal'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.0.8', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['198.51.100.7', 'reserved'],
    ['203.0.113.9', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456:789a::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['fec0::1', 'deprecatedSiteLocal'],
    ['100::1', 'discard'],
    ['2001:db8::1', 'reserved'],
    ['3fff::1', 'reserved'],
    ['2001::1', 'teredo'],
    ['5f00::1', 'segmentRouting'],
    ['4000::1', 'unassigned'],
    ['::ffff:127.0.0.1', 'ipv4Mapped loopback'],
    ['::ffff:7f00:1', 'ipv4Mapped loopback'],
    ['::ffff:10.0.0.1', 'ipv4Mapped private'],
    ['::ffff:169.254.169.254', 'ipv4Mapped linkLocal'],
    ['::ffff:0:127.0.0.1', 'rfc6145 loopback'],
    ['::7f00:1', 'ipv4Compatible loopback'],
    ['::127.0.0.1', 'ipv4Mapped loopback'],
    ['::a9fe:a9fe', 'ipv4Compatible linkLocal'],
    ['64:ff9b::127.0.0.1', 'nat64 loopback'],
    ['64:ff9b::a00:1', 'nat64 private'],
    ['64:ff9b:1::1', 'rfc6052'],
    ['2002:7f00:1::1', '6to4 loopback'],
    ['2002:a9fe:a9fe::1', '6to4 linkLocal'],
    ['2002:c0a8:101::1', '6to4 private'],
    ['not-an-ip', 'invalid'],
    ['', 'invalid'],
  ])('blocks %s (%s)', (ip, range) => {
    expect(blockedRange(ip)).toBe(range);
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '93.184.215.14',
    '172.32.0.1',
    '100.128.0.1',
    '169.255.0.1',
    '192.175.48.1',
    '2606:4700:4700::1111',
    '2001:4860:4860::8888',
    '[2a00:1450:4001::200e]',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ])('allows public %s', (ip) => {
    expect(blockedRange(ip)).toBeUndefined();
    expect(isPublicAddress(ip)).toBe(true);
  });
});
