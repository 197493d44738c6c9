import ipaddr from 'ipaddr.js';

/** ipaddr.js range names that are reachable public destinations. */
const publicIpv4Ranges: ReadonlySet<string> = new Set(['unicast', 'as112', 'amt']);
const publicIpv6Ranges: ReadonlySet<string> = new Set(['unicast', 'as112v6', 'amt']);

type Ipv4 = ipaddr.IPv4;
type Ipv6 = ipaddr.IPv6;

function ipv4FromWords(high: number, low: number): Ipv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

function zeros(parts: readonly number[], from: number, to: number): boolean {
  return parts.slice(from, to).every((part) => part === 0);
}

/**
 * The IPv4 address an IPv6 address carries and forwards to: IPv4-mapped `::ffff:a.b.c.d`,
 * RFC 6145 `::ffff:0:a.b.c.d`, deprecated IPv4-compatible `::a.b.c.d`, NAT64 `64:ff9b::/96`
 * and 6to4 `2002:AABB:CCDD::/16`.
 */
function embeddedIpv4(address: Ipv6): { form: string; ipv4: Ipv4 } | undefined {
  const parts = address.parts;
  const [p0 = 0, p1 = 0, p2 = 0, , p4 = 0, p5 = 0, p6 = 0, p7 = 0] = parts;
  if (zeros(parts, 0, 5) && p5 === 0xffff) {
    return { form: 'ipv4Mapped', ipv4: ipv4FromWords(p6, p7) };
  }
  if (zeros(parts, 0, 4) && p4 === 0xffff && p5 === 0) {
    return { form: 'rfc6145', ipv4: ipv4FromWords(p6, p7) };
  }
  if (zeros(parts, 0, 6)) {
    return { form: 'ipv4Compatible', ipv4: ipv4FromWords(p6, p7) };
  }
  if (p0 === 0x64 && p1 === 0xff9b && zeros(parts, 2, 6)) {
    return { form: 'nat64', ipv4: ipv4FromWords(p6, p7) };
  }
  if (p0 === 0x2002) {
    return { form: '6to4', ipv4: ipv4FromWords(p1, p2) };
  }
  return undefined;
}

function blockedIpv4Range(address: Ipv4): string | undefined {
  const range = address.range();
  return publicIpv4Ranges.has(range) ? undefined : range;
}

function blockedIpv6Range(address: Ipv6): string | undefined {
  const range = address.range();
  if (range === 'loopback' || range === 'unspecified') {
    return range;
  }
  const embedded = embeddedIpv4(address);
  if (embedded) {
    const inner = blockedIpv4Range(embedded.ipv4);
    return inner === undefined ? undefined : `${embedded.form} ${inner}`;
  }
  if (!publicIpv6Ranges.has(range)) {
    return range;
  }
  // Only 2000::/3 is allocated as global unicast; anything else is unassigned space.
  const [first = 0] = address.parts;
  return (first & 0xe000) === 0x2000 ? undefined : 'unassigned';
}

/**
 * Why `ip` is not a public destination, as an ipaddr.js range name (`loopback`, `private`,
 * `linkLocal`, `uniqueLocal`, `carrierGradeNat`, `reserved`, `multicast`, …; embedded IPv4 forms
 * read e.g. `ipv4Mapped loopback` or `nat64 private`), `invalid` when `ip` is not an address, or
 * `undefined` when the address is public. Teredo and NAT64 local-use prefixes are always blocked.
 */
export function blockedRange(ip: string): string | undefined {
  const bare = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  let parsed: Ipv4 | Ipv6;
  try {
    parsed = ipaddr.parse(bare);
  } catch {
    return 'invalid';
  }
  return parsed.kind() === 'ipv4' ? blockedIpv4Range(parsed as Ipv4) : blockedIpv6Range(parsed as Ipv6);
}

/**
 * Whether `ip` (IPv4 or IPv6, brackets allowed) is a public unicast address that a server-side
 * fetch may connect to. False for loopback, private, CGNAT, link-local (cloud metadata included),
 * unique-local, multicast, reserved, documentation and benchmarking ranges, IPv4-mapped, compatible,
 * NAT64 and 6to4 forms of those, and for anything that is not an IP address.
 */
export function isPublicAddress(ip: string): boolean {
  return blockedRange(ip) === undefined;
}
