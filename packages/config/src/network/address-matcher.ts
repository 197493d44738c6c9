import ipaddr from 'ipaddr.js';

/** Tells whether an IP address (v4, v6 or v4-mapped v6) falls in any of a list of CIDR ranges. */
export type AddressMatcher = (address: string | undefined) => boolean;

function parseRange(cidr: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  if (cidr.includes('/')) {
    return ipaddr.parseCIDR(cidr);
  }
  const address = ipaddr.parse(cidr);
  return [address, address.kind() === 'ipv4' ? 32 : 128];
}

/** Throws on an invalid entry; the config schema validates entries with {@link isValidCidr}. */
export function createAddressMatcher(cidrs: readonly string[]): AddressMatcher {
  const ranges = cidrs.map(parseRange);
  return (address) => {
    if (!address || !ipaddr.isValid(address)) {
      return false;
    }
    let parsed = ipaddr.parse(address);
    if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
      parsed = (parsed as ipaddr.IPv6).toIPv4Address();
    }
    return ranges.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits));
  };
}

/** Whether `value` is an IP address or CIDR range. */
export function isValidCidr(value: string): boolean {
  try {
    parseRange(value);
    return true;
  } catch {
    return false;
  }
}
