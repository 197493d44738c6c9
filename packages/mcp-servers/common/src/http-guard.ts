import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]', '']);

/** Whether the bind address `host` only accepts connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return (
    bare === 'localhost' ||
    bare === '::1' ||
    /^127(?:\.\d{1,3}){3}$/.test(bare) ||
    /^::ffff:127(?:\.\d{1,3}){3}$/.test(bare)
  );
}

/** Whether `host` binds every interface. */
export function isWildcardHost(host: string): boolean {
  return WILDCARD_HOSTS.has(host);
}

/** `host` as it appears in a URL or `Host` header (IPv6 in brackets). */
export function hostForUrl(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host;
}

/**
 * The `Host` values accepted when the caller gives none: the loopback names with `port`, plus the
 * bound address itself, or, for a wildcard bind, this machine's interface addresses and host name.
 */
export function defaultAllowedHosts(host: string, port: number): string[] {
  const names = new Set(LOOPBACK_NAMES);
  if (isWildcardHost(host)) {
    names.add(hostname().toLowerCase());
    for (const addresses of Object.values(networkInterfaces())) {
      for (const address of addresses ?? []) {
        names.add(hostForUrl(address.address.split('%')[0] ?? address.address).toLowerCase());
      }
    }
  } else {
    names.add(hostForUrl(host).toLowerCase());
  }
  return [...names].map((name) => `${name}:${port}`);
}

/** The origins accepted when the caller gives none: `http://` and `https://` of every allowed host. */
export function defaultAllowedOrigins(allowedHosts: string[]): string[] {
  return allowedHosts.flatMap((host) => [`http://${host}`, `https://${host}`]);
}

interface HostAndPort {
  name: string;
  port: number | undefined;
}

function splitHost(value: string): HostAndPort | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!match?.[1]) {
    return undefined;
  }
  return { name: match[1].toLowerCase(), port: match[2] === undefined ? undefined : Number(match[2]) };
}

function normalizeOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.origin === 'null' ? undefined : url.origin.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Checks `Host` and `Origin` headers against allow-lists (DNS-rebinding protection). */
export class HostGuard {
  private readonly hosts: HostAndPort[];
  private readonly origins: Set<string>;

  /** `allowedHosts` entries are `name[:port]` (no port: any port); `allowedOrigins` are full origins. */
  constructor(allowedHosts: string[], allowedOrigins: string[]) {
    this.hosts = allowedHosts.map(splitHost).filter((entry) => entry !== undefined);
    this.origins = new Set(allowedOrigins.map(normalizeOrigin).filter((entry) => entry !== undefined));
  }

  /** Why the request must be refused, or `undefined` when `Host` is allowed and `Origin` absent or allowed. */
  rejection(host: string | undefined, origin: string | undefined): string | undefined {
    const parsed = host === undefined ? undefined : splitHost(host);
    if (parsed === undefined) {
      return 'Missing or malformed Host header';
    }
    const port = parsed.port ?? 80;
    if (!this.hosts.some((entry) => entry.name === parsed.name && (entry.port ?? port) === port)) {
      return `Host header not allowed: ${host ?? ''}`;
    }
    if (origin !== undefined) {
      const normalized = normalizeOrigin(origin);
      if (normalized === undefined || !this.origins.has(normalized)) {
        return `Origin header not allowed: ${origin}`;
      }
    }
    return undefined;
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** A bearer-token check in constant time (both sides are hashed, so lengths do not leak). */
export function bearerMatcher(token: string): (authorization: string | undefined) => boolean {
  const expected = digest(token);
  return (authorization) => {
    const given = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    return given !== undefined && timingSafeEqual(digest(given), expected);
  };
}
