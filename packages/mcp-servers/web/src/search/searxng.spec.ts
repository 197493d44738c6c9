import { describe, expect, it } from 'vitest';
import { parseSearxngResults, searxngSearchUrl } from './searxng.ts';

describe('SearXNG JSON', () => {
  it('builds the JSON API URL, keeping a path prefix', () => {
    expect(searxngSearchUrl('http://searxng.lan:8080', 'rust async')).toBe(
      'http://searxng.lan:8080/search?q=rust+async&format=json',
    );
    expect(searxngSearchUrl('https://example.org/searxng', 'x')).toBe(
      'https://example.org/searxng/search?q=x&format=json',
    );
  });

  it('maps results, skipping non-web URLs and duplicates, up to the limit', () => {
    const body = JSON.stringify({
      query: 'x',
      number_of_results: 0,
      results: [
        { url: 'https://a.example/', title: ' A ', content: ' first ', engine: 'brave' },
        { url: 'magnet:?xt=urn:btih:abc', title: 'torrent' },
        { url: 'https://a.example/', title: 'dupe' },
        { url: 'https://b.example/', title: null, content: null },
        { url: 'https://c.example/', title: 'C' },
      ],
    });
    expect(parseSearxngResults(body, 2)).toEqual([
      { title: 'A', url: 'https://a.example/', snippet: 'first' },
      { title: 'https://b.example/', url: 'https://b.example/', snippet: '' },
    ]);
  });

  it('rejects answers that are not SearXNG JSON', () => {
    expect(() => parseSearxngResults('<html>', 5)).toThrow('the answer is not JSON');
    expect(() => parseSearxngResults('{"answers":[]}', 5)).toThrow('the JSON has no results array');
  });
});
