import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { blockedRange } from './ip-ranges.ts';

/** Decides which resolved addresses a request may connect to. Build with {@link createAddressPolicy}. */
export interface AddressPolicy {
  /** The allowlist entries the policy was built from. */
  readonly allow: readonly string[];
  /**
   * Undefined when a request for `hostname` may connect to `address`; otherwise the name of the
   * range that blocks it (see `blockedRange`).
   */
  blockReason(hostname: string, address: string): string | undefined;
}

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

const hostnamePattern =
  /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

/** Lower-case, without brackets or a trailing dot. */
export function normalizeHostname(hostname: string): string {
  const lower = hostname.toLowerCase();
  const bare = lower.startsWith('[') && lower.endsWith(']') ? lower.slice(1, -1) : lower;
  return bare.endsWith('.') ? bare.slice(0, -1) : bare;
}

function parseEntry(entry: string): { cidr: Cidr } | { hostname: string } {
  if (entry.includes('/')) {
    try {
      return { cidr: ipaddr.parseCIDR(entry) };
    } catch {
      throw new RangeError(`Invalid allowlist entry "${entry}": not a CIDR range such as 10.0.0.0/8`);
    }
  }
  const bare = normalizeHostname(entry);
  const family = isIP(bare);
  if (family !== 0) {
    return { cidr: [ipaddr.parse(bare), family === 4 ? 32 : 128] };
  }
  if (!hostnamePattern.test(bare)) {
    throw new RangeError(
      `Invalid allowlist entry "${entry}": use an IP address, a CIDR range or an exact hostname`,
    );
  }
  return { hostname: bare };
}

function inRange(address: string, ranges: readonly Cidr[]): boolean {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.process(normalizeHostname(address));
  } catch {
    return false;
  }
  return ranges.some(([network, bits]) => network.kind() === parsed.kind() && parsed.match(network, bits));
}

/**
 * Builds the SSRF policy: public addresses are always permitted; a non-public address is permitted
 * only if it lies in an allowed CIDR (a bare IP means that one address; IPv4-mapped IPv6 forms match
 * their IPv4 entry) or the request's hostname is an allowed exact hostname (case-insensitive, no
 * wildcards; e.g. `searxng.lan` permits whatever that name resolves to). Empty entries are ignored;
 * a malformed entry throws a `RangeError` naming it.
 */
export function createAddressPolicy(allow: readonly string[] = []): AddressPolicy {
  const entries = allow.map((entry) => entry.trim()).filter((entry) => entry.length > 0);
  const ranges: Cidr[] = [];
  const hostnames = new Set<string>();
  for (const entry of entries) {
    const parsed = parseEntry(entry);
    if ('cidr' in parsed) {
      ranges.push(parsed.cidr);
    } else {
      hostnames.add(parsed.hostname);
    }
  }
  return {
    allow: entries,
    blockReason(hostname, address) {
      const reason = blockedRange(address);
      if (reason === undefined || reason === 'invalid') {
        return reason;
      }
      return hostnames.has(normalizeHostname(hostname)) || inRange(address, ranges) ? undefined : reason;
    },
  };
}
