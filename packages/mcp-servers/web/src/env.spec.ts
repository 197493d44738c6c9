import { describe, expect, it } from 'vitest';
import { parseWebEnv } from './env.ts';

describe('parseWebEnv', () => {
  it('defaults to DuckDuckGo with no allowlist', () => {
    expect(parseWebEnv({})).toEqual({ search: { kind: 'duckduckgo' }, fetch: { allow: [] } });
  });

  it('reads SearXNG, the allowlist and the byte cap', () => {
    expect(
      parseWebEnv({
        WEB_SEARCH_ENGINE: 'searxng',
        SEARXNG_URL: 'http://searxng.lan:8080',
        WEB_FETCH_ALLOWLIST: ' 10.0.0.0/8, wiki.corp ,,192.168.1.5',
        WEB_FETCH_MAX_BYTES: '2000000',
      }),
    ).toEqual({
      search: { kind: 'searxng', url: 'http://searxng.lan:8080' },
      fetch: { allow: ['10.0.0.0/8', 'wiki.corp', '192.168.1.5'], maxBytes: 2_000_000 },
    });
  });

  it('lists every invalid variable in one message', () => {
    expect(() =>
      parseWebEnv({
        WEB_SEARCH_ENGINE: 'bing',
        SEARXNG_URL: 'ftp://x',
        WEB_FETCH_ALLOWLIST: '10.0.0.0/99',
        WEB_FETCH_MAX_BYTES: 'lots',
      }),
    ).toThrow(
      /WEB_SEARCH_ENGINE[\s\S]*SEARXNG_URL[\s\S]*WEB_FETCH_ALLOWLIST: Invalid allowlist entry "10.0.0.0\/99"[\s\S]*WEB_FETCH_MAX_BYTES/,
    );
    expect(() => parseWebEnv({ WEB_SEARCH_ENGINE: 'searxng' })).toThrow(
      /SEARXNG_URL: required when WEB_SEARCH_ENGINE=searxng/,
    );
  });
});
