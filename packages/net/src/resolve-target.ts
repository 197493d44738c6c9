import { lookup } from 'node:dns/promises';
import { type LookupFunction, isIP } from 'node:net';
import { type AddressPolicy, normalizeHostname } from './address-policy.ts';
import { SafeFetchError, describeUrl } from './safe-fetch-error.ts';

/** Resolves a hostname to all of its IP addresses (IPv4 and/or IPv6 text form). */
export type Resolver = (hostname: string) => Promise<string[]>;

/** One hop's destination: the URL plus the single checked address the socket will connect to. */
export interface HopTarget {
  url: URL;
  /** The URL's hostname without brackets; sent as Host and TLS SNI. */
  hostname: string;
  address: string;
  family: 4 | 6;
}

/** The default {@link Resolver}: `dns.lookup` with `all: true`, in the system resolver's order. */
export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => {
      signal.removeEventListener('abort', onAbort);
    });
  });
}

async function resolveAddresses(url: URL, hostname: string, resolve: Resolver, signal: AbortSignal) {
  if (isIP(hostname) !== 0) {
    return [hostname];
  }
  let addresses: string[];
  try {
    addresses = await abortable(resolve(hostname), signal);
  } catch (caught) {
    if (signal.aborted) {
      throw signal.reason;
    }
    const reason = (caught as NodeJS.ErrnoException).code ?? (caught as Error).message;
    throw new SafeFetchError('DNS_FAILED', `Could not resolve ${hostname}: ${reason}`, describeUrl(url), {
      cause: caught,
    });
  }
  if (addresses.length === 0) {
    throw new SafeFetchError('DNS_FAILED', `${hostname} has no addresses`, describeUrl(url));
  }
  return addresses;
}

/**
 * Resolves `url`'s hostname exactly once and checks every address against `policy`: one blocked
 * address blocks the request (a name that resolves to both a public and a private address is a
 * rebinding tell). Returns the first address, to which the request is then pinned.
 */
export async function resolveTarget(
  url: URL,
  policy: AddressPolicy,
  resolve: Resolver,
  signal: AbortSignal,
): Promise<HopTarget> {
  const hostname = normalizeHostname(url.hostname);
  const addresses = await resolveAddresses(url, hostname, resolve, signal);
  for (const address of addresses) {
    const reason = isIP(address) === 0 ? 'invalid' : policy.blockReason(hostname, address);
    if (reason !== undefined) {
      const subject = address === hostname ? address : `${hostname} resolves to ${address}, which`;
      throw new SafeFetchError(
        'ADDRESS_BLOCKED',
        `Blocked request to ${describeUrl(url)}: ${subject} is not a public address (${reason})`,
        describeUrl(url),
      );
    }
  }
  const [address = ''] = addresses;
  return { url, hostname, address, family: isIP(address) === 6 ? 6 : 4 };
}

/** A `lookup` for `http.request` that always answers with the already-checked address. */
export function pinnedLookup(target: HopTarget): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all === true) {
      callback(null, [{ address: target.address, family: target.family }]);
    } else {
      callback(null, target.address, target.family);
    }
  };
}
