import { SafeFetchError } from '@youworker/net';
import robotsParser from 'robots-parser';
import { decodeText } from '../content/decode-text.ts';
import { type WebClient } from '../web-client.ts';

/** robots.txt rules for a crawl; one robots.txt per origin, fetched once. */
export interface RobotsRules {
  /**
   * Why robots.txt forbids fetching `url`, or `undefined` when it may be fetched. Rejects with the
   * `SafeFetchError` when the origin itself is unusable (blocked address, DNS failure, bad URL).
   */
  disallowReason(url: string, signal?: AbortSignal): Promise<string | undefined>;
}

type OriginRules = (url: string) => string | undefined;

const ROBOTS_MAX_BYTES = 512 * 1024;
const DISALLOWED = 'disallowed by robots.txt';
/** Failures that would hit the page itself just the same, so they are reported as such. */
const originFailures: ReadonlySet<string> = new Set([
  'ADDRESS_BLOCKED',
  'DNS_FAILED',
  'URL_INVALID',
  'SCHEME_NOT_ALLOWED',
]);

/** The robots.txt user agent: the product token of a `User-Agent` (`YouWorker/0.1 (…)` → `YouWorker`). */
export function robotsAgent(userAgent: string): string {
  return userAgent.split(/[/\s]/)[0] || userAgent;
}

async function loadRules(
  client: WebClient,
  origin: string,
  agent: string,
  signal?: AbortSignal,
): Promise<OriginRules> {
  const robotsUrl = `${origin}/robots.txt`;
  let response;
  try {
    response = await client.get(robotsUrl, { maxBytes: ROBOTS_MAX_BYTES, accept: 'text/plain', signal });
  } catch (caught) {
    if (!SafeFetchError.isInstance(caught) || originFailures.has(caught.code)) {
      throw caught;
    }
    // RFC 9309 §2.3.1.4: an unreachable robots.txt means "assume complete disallow".
    return () => `robots.txt unreachable, so the site is treated as disallowed (${caught.message})`;
  }
  if (response.status >= 500) {
    return () => `robots.txt answered HTTP ${response.status}, so the site is treated as disallowed`;
  }
  if (response.status >= 400) {
    return () => undefined;
  }
  const robots = robotsParser(robotsUrl, decodeText(response.body, response.headers['content-type'], false));
  return (url) => (robots.isAllowed(url, agent) === false ? DISALLOWED : undefined);
}

/**
 * robots.txt rules fetched through `client`, so the SSRF policy applies, following RFC 9309: a 4xx
 * robots.txt allows everything; a 5xx or unreachable one disallows everything. Groups are matched on
 * the product token of `userAgent`.
 */
export function createRobotsRules(client: WebClient, userAgent: string): RobotsRules {
  const agent = robotsAgent(userAgent);
  const cache = new Map<string, Promise<OriginRules>>();
  return {
    async disallowReason(url, signal) {
      const { origin } = new URL(url);
      let rules = cache.get(origin);
      if (rules === undefined) {
        rules = loadRules(client, origin, agent, signal);
        cache.set(origin, rules);
      }
      return (await rules)(url);
    },
  };
}
